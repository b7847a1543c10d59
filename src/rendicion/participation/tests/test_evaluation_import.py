"""Evaluations exported from Google Forms and Microsoft Forms: exact counts, messages naming row and
column, the form's scales, idempotent re-imports, dry runs, the command and the staff page."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from rendicion.core.tests.factories import UserFactory
from rendicion.participation.importing import ImportRefused
from rendicion.participation.importing_evaluations import answer_from_value, score_from_value
from rendicion.participation.models import Evaluation, Source
from rendicion.participation.services import evaluation_import
from rendicion.spaces.tests.factories import SpaceFactory

from .spreadsheets import csv_file, xlsx_file

pytestmark = pytest.mark.django_db

GOOGLE_HEADERS = [
    "Marca temporal",
    "En general, ¿cómo le pareció el espacio?",
    "¿Qué tan clara fue la información?",
    "¿Qué tan útil fue para usted?",
    "¿Se habló del tema que le interesaba?",
    "¿Volvería a participar?",
    "Comentario o sugerencia",
    "¿Autoriza el tratamiento de sus datos personales (Ley 1581 de 2012)?",
]
GOOGLE_ROWS = [
    ["2023/06/30 10:15:01 a. m. GMT-5", "Muy bien", "Excelente", "5", "Sí", "Sí",
     "Muy buen espacio", "Sí, autorizo"],
    ["2023/06/30 10:16:22 a. m. GMT-5", "4", "Bien", "Regular", "En parte", "Tal vez", "", ""],
    ["2023/06/30 10:17:40 a. m. GMT-5", "EXCELENTE ", "muy bien", "Muy bien", "No", "sí",
     "Me gustó", "No autorizo"],
    ["2023/06/30 10:18:05 a. m. GMT-5", "Buenísimo", "4", "4", "Sí", "Sí", "", ""],
    ["2023/06/30 10:19:10 a. m. GMT-5", "5 — Muy bien", "", "3", "Sí", "Quizás", "", ""],
    ["", "", "", "", "", "", "", ""],
    ["2023/06/30 10:15:01 a. m. GMT-5", "Muy bien", "Excelente", "5", "Sí", "Sí",
     "Muy buen espacio", "Sí, autorizo"],
]  # fmt: skip

MICROSOFT_HEADERS = [
    "Id",
    "Hora de inicio",
    "Hora de finalización",
    "Correo electrónico",
    "Nombre",
    "En general, ¿cómo le pareció el espacio?",
    "¿Qué tan clara fue la información?",
    "¿Qué tan útil fue para usted?",
    "¿Se habló del tema que le interesaba?",
    "¿Volvería a participar?",
]


def microsoft_rows(stamp=lambda minute: dt.datetime(2023, 10, 19, 11, minute)):
    return [
        [1, stamp(1), stamp(3), "anonymous", "", 5, 4, 5, "Sí", "Sí"],
        [2, stamp(2), stamp(4), "anonymous", "", 3, 3, 2, "No", "No"],
        [3, stamp(5), stamp(6), "anonymous", "", 7, 4, 4, "Sí", "Sí"],
        [4, stamp(7), stamp(8), "anonymous", "", 4, 4, 4, "Sí", "Nunca jamás"],
    ]


def counts(result) -> tuple[int, int, int, int]:
    return (result.rows, result.imported, result.duplicates, result.rejected)


def where(issues) -> list[tuple]:
    return [(issue.row, issue.column) for issue in issues]


@pytest.fixture
def space():
    return SpaceFactory()


@pytest.mark.parametrize(
    "save",
    [
        lambda rows: csv_file(rows),
        lambda rows: csv_file(rows, bom=True),
        lambda rows: csv_file(rows, delimiter=";", encoding="cp1252"),
        xlsx_file,
    ],
    ids=["csv-comma", "csv-comma-bom", "csv-semicolon-cp1252", "xlsx"],
)
def test_a_google_forms_export_imports_with_exact_counts_and_messages(space, save):
    result = evaluation_import(
        space=space, data=save([GOOGLE_HEADERS, *GOOGLE_ROWS]), filename="evaluacion"
    )

    assert counts(result) == (6, 3, 1, 2)
    assert where(result.errors) == [
        (5, "En general, ¿cómo le pareció el espacio?"),
        (6, "¿Qué tan clara fue la información?"),
    ]
    assert "«Buenísimo» no es una calificación de 1 a 5" in result.errors[0].message
    assert "falta la calificación" in result.errors[1].message
    refused_comment = [w for w in result.warnings if w.row == 4]
    assert where(refused_comment) == [(4, "Comentario o sugerencia")]
    stored = list(
        Evaluation.objects.filter(space=space)
        .order_by("source_row")
        .values_list("satisfaction", "clarity", "usefulness", "topic_covered", "would_return")
    )
    assert stored == [
        (5, 5, 5, "yes", "yes"),
        (4, 4, 3, "partly", "partly"),
        (5, 5, 5, "no", "yes"),
    ]
    comments = list(
        Evaluation.objects.filter(space=space).exclude(comment="").values_list("comment")
    )
    assert comments == [("Muy buen espacio",)]
    assert set(Evaluation.objects.values_list("source", flat=True)) == {Source.IMPORT}


@pytest.mark.parametrize(
    "save",
    [lambda rows: csv_file(rows, delimiter=";", encoding="cp1252"), xlsx_file],
    ids=["csv-semicolon-cp1252", "xlsx"],
)
def test_a_microsoft_forms_export_imports_with_exact_counts_and_messages(space, save):
    rows = microsoft_rows()
    if save is not xlsx_file:
        rows = [[cell.strftime("%d/%m/%Y %H:%M") if isinstance(cell, dt.datetime) else cell
                 for cell in row] for row in rows]  # fmt: skip
    result = evaluation_import(
        space=space, data=save([MICROSOFT_HEADERS, *rows]), filename="evaluacion"
    )

    assert counts(result) == (4, 2, 0, 2)
    assert where(result.errors) == [
        (4, "En general, ¿cómo le pareció el espacio?"),
        (5, "¿Volvería a participar?"),
    ]
    ignored = {w.column for w in result.warnings if "se ignora" in w.message}
    assert ignored == {"Id", "Hora de finalización", "Correo electrónico", "Nombre"}


def test_a_second_import_of_the_same_file_changes_nothing(space):
    data = csv_file([GOOGLE_HEADERS, *GOOGLE_ROWS])
    evaluation_import(space=space, data=data, filename="evaluacion.csv")
    before = list(Evaluation.objects.order_by("pk").values())

    again = evaluation_import(space=space, data=data, filename="evaluacion.csv")

    assert counts(again) == (6, 0, 4, 2)
    assert "ya se importó" in again.warnings[0].message
    assert list(Evaluation.objects.order_by("pk").values()) == before


def test_a_form_exported_again_with_more_responses_brings_only_the_new_ones(space):
    evaluation_import(space=space, data=csv_file([GOOGLE_HEADERS, *GOOGLE_ROWS]), filename="a")
    newer = [*GOOGLE_ROWS, ["2023/06/30 11:02:00 a. m. GMT-5", "3", "3", "3", "No", "No", "", ""]]

    result = evaluation_import(space=space, data=csv_file([GOOGLE_HEADERS, *newer]), filename="b")

    assert counts(result) == (7, 1, 4, 2)
    assert Evaluation.objects.filter(space=space).count() == 4


def test_a_dry_run_counts_like_the_import_and_stores_nothing(space):
    data = xlsx_file([MICROSOFT_HEADERS, *microsoft_rows()])

    result = evaluation_import(space=space, data=data, filename="evaluacion", dry_run=True)

    assert counts(result) == (4, 2, 0, 2)
    assert not Evaluation.objects.exists()
    assert counts(evaluation_import(space=space, data=data, filename="evaluacion")) == (4, 2, 0, 2)


def test_a_file_without_the_evaluation_questions_is_refused_naming_them(space):
    data = csv_file([["Marca temporal", "En general, ¿cómo le pareció el espacio?"], ["x", "5"]])

    with pytest.raises(ImportRefused) as refused:
        evaluation_import(space=space, data=data, filename="evaluacion")

    assert "«¿Qué tan clara fue la información?»" in str(refused.value)
    assert "«¿Volvería a participar?»" in str(refused.value)


@pytest.mark.parametrize(
    ("value", "score"),
    [
        ("Muy bien", 5),
        ("Excelente", 5),
        ("5", 5),
        (5.0, 5),
        ("4,0", 4),
        ("5 — Muy bien", 5),
        ("Bueno", 4),
        ("regular", 3),
        ("Malo", 2),
        ("Pésimo", 1),
        ("6", None),
        ("", None),
        (True, None),
    ],
)
def test_scale_words_map_to_the_forms_scores(value, score):
    assert score_from_value(value) == score


@pytest.mark.parametrize(
    ("value", "answer"),
    [("Sí", "yes"), ("SI", "yes"), ("En parte", "partly"), ("Tal vez", "partly"), ("No", "no"),
     ("Nunca", None)],
)  # fmt: skip
def test_yes_no_words_map_to_the_forms_answers(value, answer):
    assert answer_from_value(value) == answer


def test_the_command_imports_and_answers_in_json(space, tmp_path):
    path = tmp_path / "evaluacion.csv"
    path.write_bytes(csv_file([GOOGLE_HEADERS, *GOOGLE_ROWS], delimiter=";"))
    out = StringIO()

    call_command("import_evaluations", space.slug, str(path), "--dry-run", "--json", stdout=out)
    dry = json.loads(out.getvalue())
    out = StringIO()
    call_command("import_evaluations", space.slug, str(path), "--json", stdout=out)
    real = json.loads(out.getvalue())

    for payload in (dry, real):
        assert {k: payload[k] for k in ("rows", "imported", "duplicates", "rejected")} == {
            "rows": 6,
            "imported": 3,
            "duplicates": 1,
            "rejected": 2,
        }
        assert payload["errors"][0] == {
            "row": 5,
            "column": "En general, ¿cómo le pareció el espacio?",
            "message": payload["errors"][0]["message"],
        }
    assert Evaluation.objects.filter(space=space).count() == 3


def test_staff_preview_then_confirm_an_evaluation_file(client, space):
    planner = UserFactory(role="planning")
    client.force_login(planner)
    url = reverse("participation:evaluation_import", args=[space.slug])
    upload = SimpleUploadedFile("evaluacion.csv", csv_file([GOOGLE_HEADERS, *GOOGLE_ROWS]))

    preview = client.post(url, {"file": upload})

    assert preview.status_code == 200
    assert "Se importarían" in preview.content.decode()
    assert not Evaluation.objects.exists()
    pending = preview.context["pending"]
    done = client.post(url, {"pending": pending.pk})
    assert done.status_code == 302
    assert Evaluation.objects.filter(space=space).count() == 3
