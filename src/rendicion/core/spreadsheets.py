"""Pieces shared by the spreadsheets staff import (cronograma, self-assessment templates)."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .text import normalise_words


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    synonyms: tuple[str, ...]
    required: bool = False
    width: int = 16


def header_map(cells: Sequence[Any], columns: Sequence[Column]) -> dict[int, Column]:
    """{column index: Column} for a header row, matched ignoring case, accents and punctuation.

    The most specific (longest) synonym wins, and each column is taken once.
    """
    found: dict[int, Column] = {}
    taken: set[str] = set()
    candidates = sorted(
        ((synonym, column) for column in columns for synonym in column.synonyms),
        key=lambda pair: -len(pair[0]),
    )
    normalised = {index: normalise_words(value) for index, value in enumerate(cells)}
    for synonym, column in candidates:
        if column.field in taken:
            continue
        for index, header in normalised.items():
            if index not in found and header == synonym:
                found[index] = column
                taken.add(column.field)
                break
    return found
