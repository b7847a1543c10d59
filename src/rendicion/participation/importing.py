"""Reading attendance spreadsheets (XLSX or CSV) into checked rows. Pure: no database.

The rules are DESIGN.md section 2 and the import rules of the spaces/participation issue; the
service participation.services.attendance_import stores what this module reads.
"""

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

from rendicion.core.text import normalise_words

from . import rules

# field → synonyms (compared after normalise_words()). The consent column matches by substring.
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "full_name": (
        "nombre",
        "nombres y apellidos",
        "nombre completo",
        "nombres",
        "nombre y apellido",
    ),
    "document_number": (
        "documento",
        "numero de documento",
        "cedula",
        "identificacion",
        "numero de identificacion",
        "no. de documento",
        "documento de identidad",
    ),
    "document_type": ("tipo de documento", "tipo de identificacion"),
    "email": ("correo", "correo electronico", "email", "e-mail", "direccion de correo electronico"),
    "phone": ("telefono", "celular", "telefono celular"),
    "sex": ("sexo",),
    "age": ("edad", "rango de edad", "grupo etario"),
    "birth_date": ("fecha de nacimiento",),
    "locality": ("localidad", "localidad de residencia", "municipio"),
    "stakeholder_group": ("grupo de valor", "grupo de interes", "grupo poblacional"),
    "timestamp": ("marca temporal", "hora de inicio", "fecha"),
}
CONSENT_MARKERS = ("autoriz", "tratamiento de", "habeas data")
HEADER_SEARCH_ROWS = 10  # the header row is the first of these with a name column
FIELDS = (*FIELD_SYNONYMS, "consent")
# What the export writes (and the import reads back): one header per field.
EXPORT_HEADERS = {
    "timestamp": "Marca temporal",
    "full_name": "Nombres y apellidos",
    "document_type": "Tipo de documento",
    "document_number": "Número de documento",
    "email": "Correo electrónico",
    "phone": "Teléfono",
    "sex": "Sexo",
    "age": "Edad",
    "locality": "Localidad",
    "stakeholder_group": "Grupo de valor",
    "consent": "Autorizo el tratamiento de mis datos personales",
}


class ImportRefused(Exception):
    """The file as a whole cannot be imported (not a spreadsheet, no name column...)."""


@dataclass
class Issue:
    row: int | None
    column: str | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class PersonRow:
    row: int
    full_name: str
    name_key: str
    document_type: str = ""
    document_number: str = ""
    email: str = ""
    phone: str = ""
    sex: str = rules.Sex.NO_RESPONDE
    age: int | None = None
    age_group: str = rules.AgeGroup.NO_RESPONDE
    locality: str = ""
    stakeholder_group: str = ""
    consent_answer: str = ""
    submitted_at_text: str = ""


@dataclass
class ReadResult:
    rows: list[PersonRow] = field(default_factory=list)
    total: int = 0
    rejected: int = 0
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)


# Reading the table ---------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="strict")


def _csv_rows(data: bytes) -> Iterator[list[Any]]:
    if b"\x00" in data[:4096]:
        raise ImportRefused(_("El archivo no es una hoja de cálculo (XLSX) ni un texto CSV."))
    try:
        text = _decode(data)
    except UnicodeDecodeError:
        raise ImportRefused(
            _("No se pudo leer el texto del archivo: guárdelo como CSV en UTF-8 o Windows-1252.")
        ) from None
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))


_DELIMITERS = (",", ";", "\t")
_SAMPLE_ROWS = 20


def _delimiter(text: str) -> str:
    """The delimiter that splits most of the first rows into the same number of columns.

    Counting characters in the first line is not enough: Excel in Spanish writes `;` files
    whose headers hold unquoted commas ("¿Autoriza el tratamiento de sus datos, según...?"),
    and hand-made lists have a title line above the headers.
    """

    def score(delimiter: str) -> tuple[bool, int, int, bool]:
        reader = csv.reader(io.StringIO(text[:65536], newline=""), delimiter=delimiter)
        widths = Counter(len(row) for _, row in zip(range(_SAMPLE_ROWS), reader, strict=False))
        widths.pop(0, None)
        if not widths:
            return (False, 0, 0, delimiter == ",")
        width, rows = max(widths.items(), key=lambda item: (item[1], item[0]))
        return (width > 1, rows, width, delimiter == ",")

    return max(_DELIMITERS, key=score)


def _xlsx_rows(data: bytes, sheet: str | None) -> Iterator[list[Any]]:
    """Rows of an XLSX read with python-calamine (about ten times openpyxl's speed).

    Calamine reads the cells that are there, whatever used range the file records.
    """
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except (CalamineError, ValueError, OSError) as error:
        raise ImportRefused(
            _("El archivo no es una hoja de cálculo XLSX que se pueda leer.")
        ) from error
    if sheet is not None and sheet not in workbook.sheet_names:
        raise ImportRefused(
            _("El archivo no tiene una hoja llamada «%(sheet)s». Tiene: %(names)s.")
            % {"sheet": sheet, "names": ", ".join(workbook.sheet_names)}
        )
    try:
        worksheet = (
            workbook.get_sheet_by_name(sheet)
            if sheet is not None
            else workbook.get_sheet_by_index(0)
        )
        yield from worksheet.iter_rows()
    except CalamineError as error:
        raise ImportRefused(
            _("El archivo no es una hoja de cálculo XLSX que se pueda leer.")
        ) from error


def table_rows(data: bytes, *, sheet: str | None = None) -> Iterator[list[Any]]:
    """Rows of the first sheet (or the named one) of an XLSX, or of a CSV (, ; or tab)."""
    if data[:4] == b"PK\x03\x04":
        return _xlsx_rows(data, sheet)
    return _csv_rows(data)


# Headers --------------------------------------------------------------------------------------


def _header_key(value: Any) -> str:
    """Headers compare without case, accents, punctuation or extra spaces ("Correo electrónico:")."""
    return normalise_words(value)


# normalised synonym → (field, specificity): the longest synonym is the most specific.
_SYNONYM_LOOKUP = {
    _header_key(synonym): (name, len(_header_key(synonym)))
    for name, synonyms in FIELD_SYNONYMS.items()
    for synonym in synonyms
}
_OVERRIDE_RANK = 10_000


def header_map(
    headers: list[Any], overrides: Mapping[str, str] | None = None, *, row: int = 1
) -> tuple[dict[int, str], list[Issue]]:
    """{column index: field} and warnings for ignored columns.

    When two columns give the same field, a --map override wins, then the most specific
    synonym (Microsoft Forms puts the account's "Nombre" before the form's "Nombres y
    apellidos"), then the first column.
    """
    overrides = {_header_key(k): v for k, v in (overrides or {}).items()}
    texts: dict[int, str] = {}
    candidates: dict[int, tuple[str, int]] = {}
    for index, header in enumerate(headers):
        text = "" if header is None else str(header).strip()
        key = _header_key(text)
        if not key:
            continue
        texts[index] = text
        if key in overrides:
            candidates[index] = (overrides[key], _OVERRIDE_RANK)
        elif key in _SYNONYM_LOOKUP:
            candidates[index] = _SYNONYM_LOOKUP[key]
        elif any(marker in key for marker in CONSENT_MARKERS):
            candidates[index] = ("consent", 0)
    chosen: dict[str, int] = {}
    for index, (name, rank) in candidates.items():
        if name not in chosen or rank > candidates[chosen[name]][1]:
            chosen[name] = index
    mapping = {index: name for name, index in sorted(chosen.items(), key=lambda item: item[1])}
    warnings: list[Issue] = []
    for index, text in texts.items():
        if index not in candidates:
            warnings.append(Issue(row, text, _("columna desconocida: se ignora")))
        elif index not in mapping:
            winner = texts[chosen[candidates[index][0]]]
            warnings.append(
                Issue(
                    row,
                    text,
                    _("la columna «%(other)s» ya da este dato: se ignora") % {"other": winner},
                )
            )
    return mapping, warnings


# Rows -----------------------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


def read_people(
    data: bytes,
    *,
    space_date: dt.date,
    sheet: str | None = None,
    overrides: Mapping[str, str] | None = None,
) -> ReadResult:
    """Reads every row, keeping the good ones and naming row and column of every problem."""
    result = ReadResult()
    result.rows = list(
        iter_people(data, result=result, space_date=space_date, sheet=sheet, overrides=overrides)
    )
    return result


def iter_people(
    data: bytes,
    *,
    result: ReadResult,
    space_date: dt.date,
    sheet: str | None = None,
    overrides: Mapping[str, str] | None = None,
) -> Iterator[PersonRow]:
    """The good rows one by one (memory stays flat); counts and problems go into `result`."""
    rows = table_rows(data, sheet=sheet)
    # Hand-made attendance lists put a title block above the headers, as the cronograma does.
    header_row = 0
    mapping: dict[int, str] = {}
    for header_row, headers in enumerate(rows, start=1):
        mapping, warnings = header_map(headers, overrides, row=header_row)
        if "full_name" in mapping.values() or header_row == HEADER_SEARCH_ROWS:
            break
    if header_row == 0:
        raise ImportRefused(_("El archivo está vacío."))
    if "full_name" not in mapping.values():
        raise ImportRefused(
            _(
                "No se encontró la columna del nombre (por ejemplo «Nombre» o «Nombres y "
                "apellidos»). Revise la primera fila o use --map."
            )
        )
    header_text = {index: str(headers[index]).strip() for index in mapping}
    column_of = {name: header_text[index] for index, name in mapping.items()}
    result.warnings.extend(warnings)
    has_consent = "consent" in column_of
    is_birth = "birth_date" in column_of
    for row_number, cells in enumerate(rows, start=header_row + 1):
        values = {
            name: cells[index] if index < len(cells) else None for index, name in mapping.items()
        }
        if all(_cell_text(v) == "" for v in values.values()):
            continue
        result.total += 1
        person = _read_row(
            row_number,
            values,
            column_of,
            result,
            space_date=space_date,
            has_consent=has_consent,
            is_birth=is_birth,
        )
        if person is None:
            result.rejected += 1
        else:
            yield person


def _read_row(
    row: int,
    values: dict[str, Any],
    column_of: dict[str, str],
    result: ReadResult,
    *,
    space_date: dt.date,
    has_consent: bool,
    is_birth: bool,
) -> PersonRow | None:
    name = " ".join(_cell_text(values.get("full_name")).split())
    if not name:
        result.errors.append(
            Issue(row, column_of["full_name"], _("falta el nombre: no se importa la fila"))
        )
        return None
    consent_raw = values.get("consent")
    if not has_consent:
        result.errors.append(
            Issue(
                row,
                None,
                _(
                    "no hay columna de autorización de datos (Ley 1581 de 2012): no se importa la fila"
                ),
            )
        )
        return None
    if not rules.consent_from_text(consent_raw):
        result.errors.append(
            Issue(
                row,
                column_of["consent"],
                _("sin autorización de tratamiento de datos («%(value)s»): no se importa la fila")
                % {"value": _cell_text(consent_raw)},
            )
        )
        return None

    person = PersonRow(row=row, full_name=name[:200], name_key=rules.name_key(name)[:200])
    person.consent_answer = f"{column_of['consent']}: {_cell_text(consent_raw)}"[:300]
    person.document_type = _cell_text(values.get("document_type"))[:40]
    person.document_number = rules.document_digits(values.get("document_number"))[:30]
    person.phone = _cell_text(values.get("phone"))[:40]
    person.locality = _cell_text(values.get("locality"))[:120]
    person.stakeholder_group = _cell_text(values.get("stakeholder_group"))[:120]
    person.submitted_at_text = _cell_text(values.get("timestamp"))[:60]

    email, valid = rules.email_clean(values.get("email"))
    if not valid:
        result.warnings.append(
            Issue(
                row,
                column_of["email"],
                _("el correo «%(value)s» no es válido: se deja en blanco")
                % {"value": _cell_text(values.get("email"))},
            )
        )
    person.email = email

    if "sex" in column_of:
        sex, known = rules.sex_from_text(values.get("sex"))
        if not known:
            result.warnings.append(
                Issue(
                    row,
                    column_of["sex"],
                    _("sexo «%(value)s» desconocido: cuenta como «no responde»")
                    % {"value": _cell_text(values.get("sex"))},
                )
            )
        person.sex = sex

    age_field = "birth_date" if is_birth and _cell_text(values.get("birth_date")) else "age"
    if age_field in column_of:
        reading = rules.age_from_value(
            values.get(age_field), on=space_date, is_birth_date=age_field == "birth_date"
        )
        if reading.warning:
            result.warnings.append(
                Issue(
                    row,
                    column_of[age_field],
                    str(reading.warning) + _(": cuenta como «no responde»"),
                )
            )
        person.age, person.age_group = reading.age, reading.group
    return person


# Same person ---------------------------------------------------------------------------------


class PeopleSeen:
    """Same-person detection within a space (DESIGN.md §2), fed with what is already stored."""

    def __init__(self) -> None:
        self.documents: set[str] = set()
        self.emails: set[str] = set()
        self.names_without_ids: set[str] = set()

    def add(self, *, document: str, email: str, name_key: str) -> None:
        if document:
            self.documents.add(document)
        if email:
            self.emails.add(email)
        if not document and not email:
            self.names_without_ids.add(name_key)

    def seen(self, *, document: str, email: str, name_key: str) -> bool:
        if document and document in self.documents:
            return True
        if email and email in self.emails:
            return True
        return not document and not email and name_key in self.names_without_ids
