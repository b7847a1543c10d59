"""attendance_import and attendance_record: what is stored, what counts as the same person."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from rendicion.core.selectors import consent_text_current
from rendicion.core.services import consent_text_ensure
from rendicion.participation.importing import ImportRefused
from rendicion.participation.models import Attendance, ImportBatch, Source
from rendicion.participation.services import (
    AttendanceData,
    attendance_import,
    attendance_record,
)
from rendicion.spaces.tests.factories import SpaceFactory

from .spreadsheets import FORMATS, csv_file, xlsx_file

pytestmark = pytest.mark.django_db

HEADERS = [
    "Nombres y apellidos",
    "Número de documento",
    "Correo electrónico",
    "Sexo",
    "Edad",
    "Autorizo",
]


def import_rows(space, rows, *, file_format="csv-comma-utf8", save_as=None, **options):
    data = (save_as or FORMATS[file_format])([HEADERS, *rows])
    return attendance_import(space=space, data=data, filename="asistencia", **options)


def counts(result) -> tuple[int, int, int, int]:
    return (result.rows, result.imported, result.duplicates, result.rejected)


def stored(space) -> list[tuple]:
    return sorted(
        Attendance.objects.filter(space=space).values_list("full_name", "document_number", "email")
    )


def record(space, **values):
    data = AttendanceData(**{"sex": "mujer", "age_group": "adulto", **values})
    consent = consent_text_ensure(entity=space.strategy.entity)
    return attendance_record(space=space, data=data, consent_text=consent, submission_key=None)


@pytest.fixture
def space():
    return SpaceFactory()


@pytest.fixture(params=["xlsx", "csv-semicolon-cp1252"])
def save_as(request):
    """The rule holds whether the file is a workbook or a CSV."""
    return FORMATS[request.param]


# Storing --------------------------------------------------------------------------------------


@pytest.mark.parametrize("file_format", sorted(FORMATS))
def test_an_import_stores_the_good_rows_and_counts_every_row(space, file_format):
    result = import_rows(
        space,
        [
            ["María Peña", "1.020.304", "Maria@Example.com", "Femenino", "34", "Sí"],
            ["Luis Pérez", "", "", "M", "60 o más", "acepto"],
            ["", "999", "", "F", "30", "Sí"],
            ["Eva Ruiz", "555", "", "F", "18 a 28 años", "no"],
        ],
        file_format=file_format,
    )
    assert counts(result) == (4, 2, 0, 2)
    assert [(e.row, e.column) for e in result.errors] == [
        (4, "Nombres y apellidos"),
        (5, "Autorizo"),
    ]
    assert result.warnings == []
    rows = Attendance.objects.filter(space=space).order_by("source_row")
    assert [
        (a.full_name, a.document_number, a.email, a.sex, a.age, a.age_group, a.source, a.source_row)
        for a in rows
    ] == [
        ("María Peña", "1020304", "maria@example.com", "mujer", 34, "adulto", Source.IMPORT, 2),
        ("Luis Pérez", "", "", "hombre", None, "persona_mayor", Source.IMPORT, 3),
    ]
    assert [a.consent_answer for a in rows] == ["Autorizo: Sí", "Autorizo: acepto"]
    assert all(a.consent_at is not None for a in rows)
    batch = ImportBatch.objects.get(space=space)
    assert (batch.rows, batch.imported, batch.duplicates, batch.rejected) == (4, 2, 0, 2)
    assert set(rows.values_list("import_batch", flat=True)) == {batch.pk}


def test_a_rejected_row_stores_nothing_of_it(space, save_as):
    result = import_rows(
        space, [["Ana Gómez", "1020304", "ana@example.com", "F", "34", "No"]], save_as=save_as
    )
    assert counts(result) == (1, 0, 0, 1)
    assert Attendance.objects.count() == 0
    assert result.warnings[0].message.startswith("No se importó ninguna fila")


def test_an_invalid_email_is_dropped_but_the_person_is_stored(space, save_as):
    result = import_rows(
        space, [["Ana Gómez", "1020304", "ana@@example", "F", "34", "Sí"]], save_as=save_as
    )
    assert counts(result) == (1, 1, 0, 0)
    assert [(w.row, w.column) for w in result.warnings] == [(2, "Correo electrónico")]
    assert stored(space) == [("Ana Gómez", "1020304", "")]


def test_an_email_too_long_for_the_column_is_dropped_and_the_import_still_succeeds(space, save_as):
    long_email = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".co"
    result = import_rows(
        space, [["Ana Gómez", "1020304", long_email, "F", "34", "Sí"]], save_as=save_as
    )
    assert counts(result) == (1, 1, 0, 0)
    assert [(w.row, w.column) for w in result.warnings] == [(2, "Correo electrónico")]
    assert stored(space) == [("Ana Gómez", "1020304", "")]


def test_an_unknown_sex_and_a_straddling_range_are_stored_as_no_responde_with_warnings(
    space, save_as
):
    result = import_rows(space, [["Ana Gómez", "1", "", "Otro", "25 a 35", "Sí"]], save_as=save_as)
    assert counts(result) == (1, 1, 0, 0)
    assert [(w.row, w.column) for w in result.warnings] == [(2, "Sexo"), (2, "Edad")]
    assert Attendance.objects.get().sex == "no_responde"
    assert Attendance.objects.get().age_group == "no_responde"


def test_the_age_from_a_birth_date_is_taken_at_the_space_date_in_bogota():
    # 20:00 in Bogotá is already 21 April in UTC: the space's date is still 20 April.
    space = SpaceFactory(starts_at=timezone.make_aware(dt.datetime(2023, 4, 20, 20, 0)))
    data = xlsx_file(
        [
            ["Nombre", "Fecha de nacimiento", "Autorizo"],
            ["Cumple mañana", dt.datetime(2009, 4, 21), "Sí"],
            ["Cumple hoy", dt.datetime(2009, 4, 20), "Sí"],
        ]
    )
    attendance_import(space=space, data=data, filename="a.xlsx")
    assert list(Attendance.objects.order_by("source_row").values_list("age", "age_group")) == [
        (13, "nna"),
        (14, "joven"),
    ]


def test_a_numeric_document_cell_is_stored_as_its_digits(space):
    data = xlsx_file(
        [["Nombre", "Cédula", "Autorizo"], ["Ana", 1020304, 1], ["Luis", 52333444.0, True]]
    )
    assert counts(attendance_import(space=space, data=data, filename="a.xlsx")) == (2, 2, 0, 0)
    assert stored(space) == [("Ana", "1020304", ""), ("Luis", "52333444", "")]


def test_a_refused_file_stores_nothing_not_even_a_batch(space):
    with pytest.raises(ImportRefused):
        attendance_import(space=space, data=b"%PDF-1.7\x00", filename="acta.pdf")
    with pytest.raises(ImportRefused, match="columna del nombre"):
        attendance_import(space=space, data=csv_file([["Documento"], ["1"]]), filename="a.csv")
    assert (Attendance.objects.count(), ImportBatch.objects.count()) == (0, 0)


def test_the_sheet_option_reads_the_named_sheet(space):
    data = xlsx_file(
        sheets={
            "Portada": [["Lista de asistencia"]],
            "Asistentes": [["Nombre", "Autorizo"], ["Ana", "x"]],
        }
    )
    result = attendance_import(space=space, data=data, filename="a.xlsx", sheet="Asistentes")
    assert counts(result) == (1, 1, 0, 0)


def test_the_map_option_names_columns_the_synonyms_do_not_know(space):
    data = csv_file([["Asistente", "Consentimiento"], ["Ana Gómez", "Sí"]])
    result = attendance_import(
        space=space,
        data=data,
        filename="a.csv",
        overrides={"Asistente": "full_name", "Consentimiento": "consent"},
    )
    assert counts(result) == (1, 1, 0, 0)
    assert stored(space) == [("Ana Gómez", "", "")]


# Same person ----------------------------------------------------------------------------------


def test_a_document_written_with_dots_is_the_same_person_within_the_file(space, save_as):
    result = import_rows(
        space,
        [["Ana Gómez", "1.020.304", "", "F", "", "Sí"], ["A. Gómez", "1020304", "", "F", "", "Sí"]],
        save_as=save_as,
    )
    assert counts(result) == (2, 1, 1, 0)
    assert stored(space) == [("Ana Gómez", "1020304", "")]


def test_an_email_in_another_case_is_the_same_person_within_the_file(space, save_as):
    result = import_rows(
        space,
        [
            ["Ana", "", "ana@example.com", "F", "", "Sí"],
            ["Ana G.", "", "ANA@Example.COM", "F", "", "Sí"],
        ],
        save_as=save_as,
    )
    assert counts(result) == (2, 1, 1, 0)


def test_names_equal_but_for_accents_case_and_punctuation_are_the_same_person_when_neither_has_ids(
    space, save_as
):
    result = import_rows(
        space,
        [["José Pérez", "", "", "M", "", "Sí"], ["JOSE  PEREZ.", "", "", "M", "", "Sí"]],
        save_as=save_as,
    )
    assert counts(result) == (2, 1, 1, 0)


def test_equal_names_are_two_people_when_one_of_them_has_a_document(space, save_as):
    result = import_rows(
        space,
        [["José Pérez", "1020304", "", "M", "", "Sí"], ["Jose Perez", "", "", "M", "", "Sí"]],
        save_as=save_as,
    )
    assert counts(result) == (2, 2, 0, 0)
    assert len(stored(space)) == 2


def test_equal_names_are_two_people_when_one_of_them_has_an_email(space, save_as):
    result = import_rows(
        space,
        [
            ["Jose Perez", "", "", "M", "", "Sí"],
            ["José Pérez", "", "jose@example.com", "M", "", "Sí"],
        ],
        save_as=save_as,
    )
    assert counts(result) == (2, 2, 0, 0)


def test_different_documents_are_different_people_even_with_the_same_name(space, save_as):
    result = import_rows(
        space,
        [["Ana Gómez", "111", "", "F", "", "Sí"], ["Ana Gómez", "222", "", "F", "", "Sí"]],
        save_as=save_as,
    )
    assert counts(result) == (2, 2, 0, 0)


def test_people_already_in_the_space_are_duplicates_and_not_stored_again(space, save_as):
    record(space, full_name="Ana Gómez", document_number="1020304")
    record(space, full_name="Luis Pérez", email="luis@example.com")
    record(space, full_name="José Pérez")
    result = import_rows(
        space,
        [
            ["Ana María Gómez", "1.020.304", "", "F", "", "Sí"],
            ["L. Pérez", "", "LUIS@example.com", "M", "", "Sí"],
            ["jose perez", "", "", "M", "", "Sí"],
            ["José Pérez", "8888", "", "M", "", "Sí"],
        ],
        save_as=save_as,
    )
    assert counts(result) == (4, 1, 3, 0)
    assert Attendance.objects.filter(space=space).count() == 4
    assert (
        Attendance.objects.filter(space=space, source=Source.IMPORT).get().document_number == "8888"
    )


def test_people_in_another_space_do_not_make_duplicates(space, save_as):
    other = SpaceFactory(strategy=space.strategy)
    record(other, full_name="Ana Gómez", document_number="1020304")
    result = import_rows(space, [["Ana Gómez", "1020304", "", "F", "", "Sí"]], save_as=save_as)
    assert counts(result) == (1, 1, 0, 0)


# Dry run and re-imports -----------------------------------------------------------------------


def test_a_dry_run_reports_what_would_happen_and_stores_nothing(space, save_as):
    rows = [
        ["Ana", "1", "", "F", "", "Sí"],
        ["Ana B.", "1", "", "F", "", "Sí"],
        ["", "2", "", "", "", "Sí"],
    ]
    result = import_rows(space, rows, save_as=save_as, dry_run=True)
    assert counts(result) == (3, 1, 1, 1)
    assert (Attendance.objects.count(), ImportBatch.objects.count()) == (0, 0)
    assert counts(import_rows(space, rows, save_as=save_as)) == (
        3,
        1,
        1,
        1,
    )  # a dry run is not an earlier import


def test_reimporting_the_same_file_stores_nothing_new_and_says_why(space, save_as):
    data = save_as(
        [
            HEADERS,
            ["Ana", "1", "", "F", "", "Sí"],
            ["Luis", "2", "", "M", "", "Sí"],
            ["Eva", "3", "", "F", "", "No"],
        ]
    )
    attendance_import(space=space, data=data, filename="a.csv")
    again = attendance_import(space=space, data=data, filename="copia.csv")
    assert counts(again) == (3, 0, 2, 1)
    assert (again.warnings[0].row, again.warnings[0].column) == (None, None)
    assert "ya se importó" in again.warnings[0].message
    assert (Attendance.objects.count(), ImportBatch.objects.count()) == (2, 1)


def test_a_changed_file_is_a_new_import_that_finds_the_people_already_there(space, save_as):
    attendance_import(
        space=space, data=save_as([HEADERS, ["Ana", "1", "", "F", "", "Sí"]]), filename="a.csv"
    )
    result = attendance_import(
        space=space, data=save_as([HEADERS, ["Ana", "1", "", "F", "", "sí"]]), filename="a.csv"
    )
    assert counts(result) == (1, 0, 1, 0)
    assert ImportBatch.objects.count() == 2


def test_force_imports_the_same_file_again_keeping_the_same_person_rules(space, save_as):
    data = save_as([HEADERS, ["Ana", "1", "", "F", "", "Sí"], ["Luis", "2", "", "M", "", "Sí"]])
    attendance_import(space=space, data=data, filename="a.csv")
    Attendance.objects.filter(document_number="2").delete()
    forced = attendance_import(space=space, data=data, filename="a.csv", force=True)
    assert counts(forced) == (2, 1, 1, 0)
    assert stored(space) == [("Ana", "1", ""), ("Luis", "2", "")]
    assert list(ImportBatch.objects.order_by("pk").values_list("forced", flat=True)) == [
        False,
        True,
    ]


def test_a_dry_run_of_a_file_already_imported_says_so(space, save_as):
    data = save_as([HEADERS, ["Ana", "1", "", "F", "", "Sí"]])
    attendance_import(space=space, data=data, filename="a.csv")
    result = attendance_import(space=space, data=data, filename="a.csv", dry_run=True)
    assert counts(result) == (1, 0, 1, 0)
    assert "ya se importó" in result.warnings[0].message


def test_another_sheet_of_an_imported_workbook_is_a_new_import(space):
    data = xlsx_file(
        sheets={
            "Mañana": [["Nombre", "Documento", "Autorizo"], ["Ana", "1", "Sí"]],
            "Tarde": [["Nombre", "Documento", "Autorizo"], ["Luis", "2", "Sí"]],
        }
    )
    attendance_import(space=space, data=data, filename="a.xlsx", sheet="Mañana")
    afternoon = attendance_import(space=space, data=data, filename="a.xlsx", sheet="Tarde")
    assert counts(afternoon) == (1, 1, 0, 0)
    assert stored(space) == [("Ana", "1", ""), ("Luis", "2", "")]


def test_the_same_file_may_be_imported_into_another_space(space, save_as):
    data = save_as([HEADERS, ["Ana", "1", "", "F", "", "Sí"]])
    attendance_import(space=space, data=data, filename="a.csv")
    other = SpaceFactory(strategy=space.strategy)
    assert counts(attendance_import(space=other, data=data, filename="a.csv")) == (1, 1, 0, 0)


def test_the_import_result_has_the_contract_keys(space, save_as):
    result = import_rows(
        space, [["Ana", "1", "x", "F", "", "Sí"], ["", "2", "", "", "", "Sí"]], save_as=save_as
    )
    payload = result.as_dict()
    assert list(payload) == ["rows", "imported", "duplicates", "rejected", "warnings", "errors"]
    assert payload["errors"] == [
        {
            "row": 3,
            "column": "Nombres y apellidos",
            "message": "falta el nombre: no se importa la fila",
        }
    ]
    assert payload["warnings"] == [
        {
            "row": 2,
            "column": "Correo electrónico",
            "message": "el correo «x» no es válido: se deja en blanco",
        }
    ]


# attendance_record ----------------------------------------------------------------------------


def test_a_form_submission_is_stored_with_its_consent_text(space):
    result = record(
        space, full_name="  Ana   Gómez ", document_number="1.020.304", email=" Ana@Example.com "
    )
    assert result.outcome == "created"
    attendance = Attendance.objects.get()
    assert (attendance.full_name, attendance.document_number, attendance.email) == (
        "Ana Gómez",
        "1020304",
        "ana@example.com",
    )
    assert attendance.consent_text == consent_text_current(entity=space.strategy.entity)
    assert attendance.consent_at is not None


@pytest.mark.parametrize(
    ("first", "second", "outcome"),
    [
        ({"document_number": "1.020.304"}, {"document_number": "1020304"}, "same_person"),
        ({"email": "ana@example.com"}, {"email": "ANA@EXAMPLE.COM"}, "same_person"),
        (
            {"document_number": "1", "email": "ana@example.com"},
            {"email": "ana@example.com"},
            "same_person",
        ),
        ({}, {"full_name": "ANA  GOMEZ."}, "same_person"),
        ({"document_number": "1"}, {"full_name": "ana gomez"}, "created"),
        ({}, {"full_name": "ana gomez", "document_number": "1"}, "created"),
        ({}, {"full_name": "ana gomez", "email": "ana@example.com"}, "created"),
        ({"document_number": "1"}, {"document_number": "2"}, "created"),
    ],
    ids=[
        "document-digits",
        "email-case",
        "email-shared",
        "name-without-ids",
        "first-has-document",
        "second-has-document",
        "second-has-email",
        "other-document",
    ],
)
def test_a_second_submission_is_the_same_person_only_by_the_design_rules(
    space, first, second, outcome
):
    earlier = record(space, **{"full_name": "Ana Gómez", **first})
    later = record(space, **{"full_name": "Ana Gómez", **second})
    assert later.outcome == outcome
    if outcome == "same_person":
        assert later.record == earlier.record
    assert Attendance.objects.count() == (1 if outcome == "same_person" else 2)


def test_a_repeated_submission_key_returns_the_first_record(space):
    key = uuid.uuid4()
    consent = consent_text_ensure(entity=space.strategy.entity)
    data = AttendanceData(full_name="Ana", sex="mujer", age_group="joven")
    first = attendance_record(space=space, data=data, consent_text=consent, submission_key=key)
    second = attendance_record(space=space, data=data, consent_text=consent, submission_key=key)
    assert (first.outcome, second.outcome, second.record) == ("created", "repeated", first.record)
