"""Reading attendance spreadsheets (XLSX or CSV) into checked rows. Pure: no database.

The rules are DESIGN.md section 2 and the import rules of the spaces/participation issue; the
service participation.services.attendance_import stores what this module reads.
"""

import datetime as dt
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
COLUMNS = (
    *(Column(name, name, synonyms) for name, synonyms in FIELD_SYNONYMS.items()),
    Column("consent", "consent", (), markers=CONSENT_MARKERS),
)
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


# The one refusal and the one problem type of every import (core.spreadsheets).
ImportRefused = SpreadsheetRefused


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


def table_rows(data: bytes, *, sheet: str | None = None) -> Iterator[list[Any]]:
    """Rows of the first sheet (or the named one) of an XLSX, or of a CSV (, ; or tab)."""
    return table_open(data, sheet=sheet).rows


def header_map(
    headers: list[Any], overrides: Mapping[str, str] | None = None, *, row: int = 1
) -> tuple[dict[int, str], list[Issue]]:
    """{column index: field} and warnings for ignored columns.

    When two columns give the same field, a --map override wins, then the most specific
    synonym (Microsoft Forms puts the account's "Nombre" before the form's "Nombres y
    apellidos"), then the first column.
    """
    match = header_match(headers, COLUMNS, overrides=overrides, row=row)
    return {index: column.field for index, column in match.columns.items()}, match.warnings


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
    table = table_open(data, sheet=sheet)
    try:
        yield from _people(table, result, space_date=space_date, overrides=overrides)
    finally:
        table.rows.close()  # stops the XLSX reader's child process if reading stopped early
    result.warnings.extend(table.warnings)


def _people(
    table: Table,
    result: ReadResult,
    *,
    space_date: dt.date,
    overrides: Mapping[str, str] | None,
) -> Iterator[PersonRow]:
    rows = table.rows
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


# Long because it applies DESIGN.md section 2's rules to one row in their order (name, consent,
# identity, e-mail, sex, age), each naming its row and column; the order is the contract.
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
                severity="warning",
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
                    severity="warning",
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
                    severity="warning",
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
