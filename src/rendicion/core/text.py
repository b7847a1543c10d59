"""Normalisation of values typed by people (DESIGN.md section 2): one rule, used everywhere."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w\s]", re.UNICODE)


def normalise(value: object) -> str:
    """Lower-case, without accents, surrounding or repeated spaces."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip().casefold()


def normalise_words(value: object) -> str:
    """normalise() and also without punctuation: for names and column headers."""
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", normalise(value)).replace("_", " ")).strip()
