"""Reading evaluation spreadsheets (XLSX or CSV) into checked rows. Pure: no database.

The fourth column declaration of the shared spreadsheet layer (after attendance, cronograma and
self-assessment): the same header, encoding and row/column rules as attendance (DESIGN.md
section 2). The answers people typed or picked in Google Forms or Microsoft Forms ("Muy bien",
"Excelente", "5", "5 — Muy bien", "Sí", "Tal vez") are mapped to the scales of the public
evaluation form; the service participation.services.evaluation_import stores what this reads.
"""

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from rendicion.core.spreadsheets import (
    Column,
    Issue,
    SpreadsheetRefused,
    Table,
    header_match,
    table_open,
)
from rendicion.core.text import normalise_words

from . import rules
from .importing import CONSENT_MARKERS, _cell_text

SCORE_FIELDS = ("satisfaction", "clarity", "usefulness")
ANSWER_FIELDS = ("topic_covered", "would_return")
REQUIRED_FIELDS = (*SCORE_FIELDS, *ANSWER_FIELDS)

# The questions as the public form asks them, and as entities word them in their own forms.
# Whole headers first (after normalise_words()); the markers catch longer question texts. The
# consent column comes first: its long question may hold "utilizados" or "declaro", which the
# markers of usefulness and clarity would otherwise take.
COLUMNS = (
    Column(
        "consent", "Autorizo el tratamiento de mis datos personales", (), markers=CONSENT_MARKERS
    ),
    Column(
        "satisfaction",
        "En general, ¿cómo le pareció el espacio?",
        (
            "satisfaccion",
            "satisfaccion general",
            "calificacion",
            "calificacion general",
            "en general como le parecio el espacio",
            "como califica el espacio",
            "como califica el evento",
            "como califica el dialogo",
            "como califica la audiencia",
        ),
        markers=("como le parecio", "satisf", "califica"),
    ),
    Column(
        "clarity",
        "¿Qué tan clara fue la información?",
        ("claridad", "claridad de la informacion", "que tan clara fue la informacion"),
        markers=("clara", "claridad"),
    ),
    Column(
        "usefulness",
        "¿Qué tan útil fue para usted?",
        ("utilidad", "que tan util fue para usted", "que tan util fue el espacio"),
        markers=("util",),
    ),
    Column(
        "topic_covered",
        "¿Se habló del tema que le interesaba?",
        ("se hablo del tema que le interesaba", "tema de interes", "se trato su tema"),
        markers=("tema que le interesaba", "tema de su interes", "se hablo", "se trato"),
    ),
    Column(
        "would_return",
        "¿Volvería a participar?",
        ("volveria a participar", "participaria de nuevo", "participaria nuevamente"),
        markers=("volveria", "participaria", "volver a participar"),
    ),
    Column(
        "comment",
        "Comentario o sugerencia",
        ("comentario", "comentarios", "comentario o sugerencia", "sugerencias", "observaciones"),
        markers=("comentario", "sugerencia", "observacion"),
    ),
    Column("timestamp", "Marca temporal", ("marca temporal", "hora de inicio", "fecha")),
)
FIELDS = tuple(column.field for column in COLUMNS)
HEADER_SEARCH_ROWS = 10
COMMENT_MAX_LENGTH = 2000

# Scale words, compared after normalise_words(). The public form's own labels ("5 — Muy bien")
# start with their number, which wins.
_SCORE_WORDS = {
    5: (
        "muy bien",
        "excelente",
        "muy bueno",
        "muy buena",
        "muy satisfecho",
        "muy satisfecha",
        "muy clara",
        "muy claro",
        "muy util",
        "totalmente de acuerdo",
        "sobresaliente",
    ),
    4: (
        "bien",
        "bueno",
        "buena",
        "satisfecho",
        "satisfecha",
        "clara",
        "claro",
        "util",
        "de acuerdo",
    ),
    3: (
        "regular",
        "aceptable",
        "ni bien ni mal",
        "neutral",
        "ni de acuerdo ni en desacuerdo",
        "medianamente clara",
        "medianamente util",
    ),
    2: (
        "mal",
        "malo",
        "mala",
        "insatisfecho",
        "insatisfecha",
        "poco clara",
        "poco claro",
        "poco util",
        "en desacuerdo",
        "deficiente",
    ),
    1: (
        "muy mal",
        "muy malo",
        "muy mala",
        "pesimo",
        "pesima",
        "muy insatisfecho",
        "muy insatisfecha",
        "nada clara",
        "nada claro",
        "nada util",
        "totalmente en desacuerdo",
    ),
}
SCORE_VALUES = {word: score for score, words in _SCORE_WORDS.items() for word in words}
_LEADING_SCORE = re.compile(r"^([1-5])(?:\s|$)")
_NUMBER = re.compile(r"^([1-5])(?:[.,]0+)?$")

ANSWER_VALUES = {
    "si": "yes",
    "yes": "yes",
    "claro que si": "yes",
    "por supuesto": "yes",
    "en parte": "partly",
    "parcialmente": "partly",
    "tal vez": "partly",
    "quizas": "partly",
    "quiza": "partly",
    "a veces": "partly",
    "no": "no",
    "no se hablo": "no",
}


def score_from_value(value: Any) -> int | None:
    """1–5 from a number, a scale word or the form's own label; None when it is none of them."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() and 1 <= value <= 5 else None
    text = str(value or "").strip()
    number = _NUMBER.match(text)
    if number:
        return int(number.group(1))
    words = normalise_words(text)
    leading = _LEADING_SCORE.match(words)
    if leading:
        return int(leading.group(1))
    return SCORE_VALUES.get(words)


def answer_from_value(value: Any) -> str | None:
    """yes / partly / no from "Sí", "En parte", "Tal vez", "No"…; None when it is none of them."""
    return ANSWER_VALUES.get(normalise_words(value))


@dataclass
class EvaluationRow:
    row: int
    satisfaction: int
    clarity: int
    usefulness: int
    topic_covered: str
    would_return: str
    comment: str = ""
    consent_answer: str = ""
    submitted_at_text: str = ""
    # Identifies the response across re-exports of a growing form (empty without a timestamp).
    row_key: str = ""


@dataclass
class EvaluationRead:
    total: int = 0
    rejected: int = 0
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)


def iter_evaluations(
    data: bytes,
    *,
    result: EvaluationRead,
    sheet: str | None = None,
    overrides: Mapping[str, str] | None = None,
) -> Iterator[EvaluationRow]:
    """The good rows one by one; counts and problems (row and column named) go into `result`."""
    table = table_open(data, sheet=sheet)
    try:
        yield from _evaluations(table, result, overrides=overrides)
    finally:
        table.rows.close()
    result.warnings.extend(table.warnings)


def read_evaluations(
    data: bytes, *, sheet: str | None = None, overrides: Mapping[str, str] | None = None
) -> tuple[list[EvaluationRow], EvaluationRead]:
    result = EvaluationRead()
    rows = list(iter_evaluations(data, result=result, sheet=sheet, overrides=overrides))
    return rows, result


def _evaluations(
    table: Table, result: EvaluationRead, *, overrides: Mapping[str, str] | None
) -> Iterator[EvaluationRow]:
    rows = table.rows
    header_row = 0
    match = None
    # Forms exports start with their header; hand-made lists may put a title block above it.
    for header_row, headers in enumerate(rows, start=1):
        match = header_match(headers, COLUMNS, overrides=overrides, row=header_row)
        if "satisfaction" in match.fields or header_row == HEADER_SEARCH_ROWS:
            break
    if match is None:
        raise SpreadsheetRefused(_("El archivo está vacío."))
    missing = [c for c in COLUMNS if c.field in REQUIRED_FIELDS and c.field not in match.fields]
    if missing:
        raise SpreadsheetRefused(
            _(
                "No se encontraron las columnas de estas preguntas de la evaluación: %(columns)s. "
                "Revise la fila de encabezados o use --map."
            )
            % {"columns": "; ".join(f"«{c.header}»" for c in missing)}
        )
    result.warnings.extend(match.warnings)
    column_of = {name: match.header_of(name) for name in match.fields}
    indexes = {column.field: index for index, column in match.columns.items()}
    for row_number, cells in enumerate(rows, start=header_row + 1):
        values = {name: cells[i] if i < len(cells) else None for name, i in indexes.items()}
        if all(_cell_text(v) == "" for v in values.values()):
            continue
        result.total += 1
        evaluation = _read_row(row_number, values, column_of, result)
        if evaluation is None:
            result.rejected += 1
            continue
        comment = " ".join(_cell_text(values.get("comment")).split())
        if comment:
            if "consent" in column_of and rules.consent_from_text(values.get("consent")):
                evaluation.comment = comment[:COMMENT_MAX_LENGTH]
                evaluation.consent_answer = (
                    f"{column_of['consent']}: {_cell_text(values.get('consent'))}"
                )[:300]
            else:
                result.warnings.append(
                    Issue(
                        row_number,
                        column_of["comment"],
                        _(
                            "el comentario no se guarda porque no hay autorización de "
                            "tratamiento de datos; la calificación sí se importa"
                        ),
                        severity="warning",
                    )
                )
        yield evaluation


def _read_row(
    row: int, values: dict[str, Any], column_of: dict[str, str], result: EvaluationRead
) -> EvaluationRow | None:
    """The five answers of one row, each checked; every problem names its row and column."""
    read: dict[str, Any] = {}
    problems = 0
    for name in SCORE_FIELDS:
        raw = values.get(name)
        score = score_from_value(raw)
        if score is None:
            problems += 1
            message = (
                _("falta la calificación: no se importa la fila")
                if _cell_text(raw) == ""
                else _(
                    "«%(value)s» no es una calificación de 1 a 5 (por ejemplo «5», «Muy bien» o "
                    "«Excelente»): no se importa la fila"
                )
                % {"value": _cell_text(raw)}
            )
            result.errors.append(Issue(row, column_of[name], message))
        read[name] = score
    for name in ANSWER_FIELDS:
        raw = values.get(name)
        answer = answer_from_value(raw)
        if answer is None:
            problems += 1
            message = (
                _("falta la respuesta: no se importa la fila")
                if _cell_text(raw) == ""
                else _(
                    "«%(value)s» no es una respuesta válida (Sí, En parte, Tal vez o No): no se "
                    "importa la fila"
                )
                % {"value": _cell_text(raw)}
            )
            result.errors.append(Issue(row, column_of[name], message))
        read[name] = answer
    if problems:
        return None
    stamp = _cell_text(values.get("timestamp"))[:60]
    key = ""
    if stamp:
        answers = "|".join(str(read[name]) for name in REQUIRED_FIELDS)
        comment = normalise_words(values.get("comment"))
        key = hashlib.sha256(f"{stamp}|{answers}|{comment}".encode()).hexdigest()
    return EvaluationRow(row=row, submitted_at_text=stamp, row_key=key, **read)
