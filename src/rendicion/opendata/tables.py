"""The aggregate tables of a year, protected once by `suppression` and shared by the datasets
that publish their cells (a space's attendance is one cell, in the spaces and the participation
datasets alike, so it is hidden in both or in neither)."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from rendicion.participation.models import Answer3
from rendicion.participation.rules import AgeGroup, Sex
from rendicion.participation.selectors import (
    attendance_counts_by_space,
    evaluation_results_by_space,
)
from rendicion.spaces.models import Space

from .suppression import THRESHOLD, Line, Protected, suppress, table_lines

YEAR = "todos"
TOTAL = "total"
NOT_ANSWERED = "no_responde"
OTHER = "otra"

# Dimension code -> (attendance field, Spanish name).
PARTICIPATION_DIMENSIONS = {
    "sexo": ("sex", _("Sexo")),
    "grupo_edad": ("age_group", _("Grupo de edad")),
    "localidad": ("locality", _("Localidad o municipio")),
    "grupo_de_valor": ("stakeholder_group", _("Grupo de valor")),
}
FIXED_CATEGORIES = {"sexo": Sex, "grupo_edad": AgeGroup}
EVALUATION_DIMENSIONS = {
    "tema_tratado": ("topic", _("¿Se habló del tema que le interesaba?")),
    "volveria": ("return", _("¿Volvería a participar?")),
}
ANSWER_CODES = {"yes": "si", "partly": "en_parte", "no": "no"}


@dataclass
class YearTable:
    """Rows are the spaces' pks (and YEAR); cells are keyed (row, dimension, category) and the
    row totals (row, TOTAL)."""

    spaces: list[int]
    categories: dict[str, list[tuple[str, str]]]  # dimension -> [(code, Spanish name)]
    protected: Protected
    extra: dict = field(default_factory=dict)

    def shown(self, row, dimension: str, category: str):
        return self.protected.shown((row, dimension, category))

    def total(self, row):
        return self.protected.shown((row, TOTAL))

    def total_hidden(self, row) -> bool:
        return self.protected.hidden((row, TOTAL))


def _protect(
    spaces: list[int],
    categories: dict[str, list[tuple[str, str]]],
    counts: dict[tuple, int],
    totals: dict[int, int],
) -> Protected:
    values: dict = {(pk, TOTAL): totals.get(pk, 0) for pk in spaces}
    values[(YEAR, TOTAL)] = sum(values.values())
    lines: list[Line] = []
    for dimension, options in categories.items():
        codes = [code for code, _name in options]
        for pk in spaces:
            for code in codes:
                values[(pk, dimension, code)] = counts.get((pk, dimension, code), 0)
        for code in codes:
            values[(YEAR, dimension, code)] = sum(values[(pk, dimension, code)] for pk in spaces)
        lines += table_lines(
            spaces,
            codes,
            row_total=lambda pk: (pk, TOTAL),
            column_total=lambda code, d=dimension: (YEAR, d, code),
            grand_total=(YEAR, TOTAL),
            cell=lambda pk, code, d=dimension: (pk, d, code),
        )
    return suppress(values, lines)


def _free_text_categories(rows: list[tuple], none_label) -> tuple[dict, list[tuple[str, str]]]:
    """Typed values (locality, group) are published only when at least THRESHOLD people of the
    year share them: a rarer one may be a name or an address. The others become OTHER."""
    per_value = Counter()
    for _pk, value, n in rows:
        per_value[(value or "").strip()] += n
    kept = sorted(value for value, n in per_value.items() if value and n >= THRESHOLD)
    options = [(value, value) for value in kept]
    options.append((OTHER, str(_("Otra"))))
    options.append((NOT_ANSWERED, str(none_label)))
    mapping = {value: value for value in kept}
    return mapping, options


def participation_table(*, spaces: QuerySet[Space], space_pks: list[int]) -> YearTable:
    """Attendances per space by sex, age group, locality and stakeholder group. Four queries."""
    categories: dict[str, list[tuple[str, str]]] = {}
    counts: dict[tuple, int] = defaultdict(int)
    totals: dict[int, int] = defaultdict(int)
    for dimension, (field_name, _label) in PARTICIPATION_DIMENSIONS.items():
        rows = attendance_counts_by_space(spaces=spaces, field_name=field_name)
        if dimension in FIXED_CATEGORIES:
            choices = FIXED_CATEGORIES[dimension]
            categories[dimension] = [(code, str(label)) for code, label in choices.choices]
            known = set(choices.values)
            for pk, value, n in rows:
                counts[(pk, dimension, value if value in known else NOT_ANSWERED)] += n
                if dimension == "sexo":
                    totals[pk] += n
        else:
            mapping, categories[dimension] = _free_text_categories(rows, _("No responde"))
            for pk, value, n in rows:
                value = (value or "").strip()
                code = mapping.get(value, OTHER) if value else NOT_ANSWERED
                counts[(pk, dimension, code)] += n
    return YearTable(space_pks, categories, _protect(space_pks, categories, counts, totals))


def evaluation_table(*, spaces: QuerySet[Space], space_pks: list[int]) -> YearTable:
    """Evaluations per space by the answers to the two closed questions, with the average
    ratings (published only where the space's count is). One query."""
    results = evaluation_results_by_space(spaces=spaces)
    categories = {
        dimension: [(ANSWER_CODES[code], str(label)) for code, label in Answer3.choices]
        for dimension in EVALUATION_DIMENSIONS
    }
    counts: dict[tuple, int] = {}
    totals: dict[int, int] = {}
    for pk, row in results.items():
        totals[pk] = row["count"]
        for dimension, (prefix, _label) in EVALUATION_DIMENSIONS.items():
            for code in Answer3.values:
                counts[(pk, dimension, ANSWER_CODES[code])] = row[f"{prefix}_{code}"]
    table = YearTable(space_pks, categories, _protect(space_pks, categories, counts, totals))
    averages: dict = {}
    year_sums: Counter = Counter()
    for pk in space_pks:
        row = results.get(pk)
        if not row or not row["count"]:
            continue
        for rating in ("satisfaction", "clarity", "usefulness"):
            year_sums[rating] += float(row[rating]) * row["count"]
            if not table.total_hidden(pk):
                averages[(pk, rating)] = round(float(row[rating]), 2)
    year_count = sum(row["count"] for row in results.values() if row["count"])
    if year_count and not table.total_hidden(YEAR):
        for rating in ("satisfaction", "clarity", "usefulness"):
            averages[(YEAR, rating)] = round(year_sums[rating] / year_count, 2)
    table.extra["averages"] = averages
    return table
