"""`rendicion import_attendance` and `rendicion participation_stats`: the contracts of DESIGN.md §5."""

import io
import json
import sys

import pytest
from django.core.management import CommandError, call_command
from django.db import connections
from django.utils import timezone

from rendicion import cli
from rendicion.participation.models import Attendance, ImportBatch, Source
from rendicion.participation.rules import AgeGroup, Sex
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.strategy.tests.factories import StrategyFactory

from .spreadsheets import csv_file, xlsx_file

pytestmark = pytest.mark.django_db

IMPORT_KEYS = ["rows", "imported", "duplicates", "rejected", "warnings", "errors"]
HEADERS = ["Nombre", "Documento", "Correo", "Sexo", "Edad", "Autorizo"]
GOOD_AND_BAD = [
    HEADERS,
    ["Ana Gómez", "1.020.304", "ana@example.com", "F", "34", "Sí"],
    ["Luis Pérez", "1020304", "", "M", "25 a 35", "Sí"],
    ["", "555", "", "F", "", "Sí"],
    ["Eva Ruiz", "777", "eva@", "Otro", "", "No"],
    ["Juan Díaz", "888", "juan@", "Otro", "", "Sí"],
]


@pytest.fixture
def space():
    return SpaceFactory(slug="dialogo-prueba")


def write(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def import_json(*args) -> dict:
    out = io.StringIO()
    call_command("import_attendance", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def stats_json(*args) -> dict:
    out = io.StringIO()
    call_command("participation_stats", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def run_console_script(monkeypatch, *args) -> int:
    """Runs `rendicion ARGS` in this process; the exit status it would give the shell."""
    monkeypatch.setattr(sys, "argv", ["rendicion", *args])
    monkeypatch.setattr(connections, "close_all", lambda: None)  # keep the test's transaction
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    try:
        cli.main()
    except SystemExit as exit_:
        return exit_.code
    return 0


# import_attendance ----------------------------------------------------------------------------


def test_import_json_follows_the_contract_naming_row_and_column_of_each_problem(space, tmp_path):
    path = write(tmp_path, "asistencia.csv", csv_file(GOOD_AND_BAD))
    payload = import_json("dialogo-prueba", path)
    assert list(payload) == IMPORT_KEYS
    assert {k: payload[k] for k in IMPORT_KEYS[:4]} == {
        "rows": 5,
        "imported": 2,
        "duplicates": 1,
        "rejected": 2,
    }
    assert payload["errors"] == [
        {"row": 4, "column": "Nombre", "message": "falta el nombre: no se importa la fila"},
        {
            "row": 5,
            "column": "Autorizo",
            "message": "sin autorización de tratamiento de datos («No»): no se importa la fila",
        },
    ]
    assert [(w["row"], w["column"]) for w in payload["warnings"]] == [
        (3, "Edad"),
        (6, "Correo"),
        (6, "Sexo"),
    ]
    assert all(set(w) == {"row", "column", "message"} for w in payload["warnings"])
    assert Attendance.objects.filter(space=space, source=Source.IMPORT).count() == 2


def test_an_xlsx_import_gives_the_same_result_as_its_csv(space, tmp_path):
    from_xlsx = import_json(
        "dialogo-prueba", write(tmp_path, "a.xlsx", xlsx_file(GOOD_AND_BAD)), "--dry-run"
    )
    from_csv = import_json(
        "dialogo-prueba",
        write(tmp_path, "a.csv", csv_file(GOOD_AND_BAD, delimiter=";", encoding="cp1252")),
        "--dry-run",
    )
    assert from_xlsx == from_csv


def test_an_import_that_rejected_rows_exits_zero(space, tmp_path, monkeypatch):
    path = write(tmp_path, "asistencia.csv", csv_file(GOOD_AND_BAD))
    assert (
        run_console_script(monkeypatch, "import_attendance", "dialogo-prueba", path, "--json") == 0
    )
    assert json.loads(sys.stdout.getvalue())["rejected"] == 2


def test_an_import_that_rejected_every_row_exits_zero(space, tmp_path, monkeypatch):
    path = write(tmp_path, "asistencia.csv", csv_file([HEADERS, ["Ana", "1", "", "", "", "no"]]))
    assert run_console_script(monkeypatch, "import_attendance", "dialogo-prueba", path) == 0


def test_a_file_refused_as_a_whole_exits_non_zero_with_a_clear_message(
    space, tmp_path, monkeypatch
):
    path = write(tmp_path, "acta.pdf", b"%PDF-1.7\n\x00\x01\x02")
    assert run_console_script(monkeypatch, "import_attendance", "dialogo-prueba", path) == 1
    assert "Archivo rechazado" in sys.stderr.getvalue()
    assert "no es una hoja de cálculo" in sys.stderr.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "no es una hoja de cálculo"),
        (b"PK\x03\x04 no es un libro", "XLSX"),
        (b"", "vacío"),
        ("Documento;Sexo;Autorizo\n1;F;Sí\n".encode(), "columna del nombre"),
    ],
    ids=["png", "broken-xlsx", "empty", "no-name-column"],
)
def test_a_refused_file_raises_command_error_and_stores_nothing(space, tmp_path, data, message):
    with pytest.raises(CommandError, match=message) as refused:
        import_json("dialogo-prueba", write(tmp_path, "archivo", data))
    assert refused.value.returncode == 1
    assert (Attendance.objects.count(), ImportBatch.objects.count()) == (0, 0)


def test_an_unknown_space_or_an_unreadable_path_is_refused(space, tmp_path):
    path = write(tmp_path, "a.csv", csv_file(GOOD_AND_BAD))
    with pytest.raises(CommandError, match="no-existe"):
        import_json("no-existe", path)
    with pytest.raises(CommandError, match="No se pudo leer el archivo"):
        import_json("dialogo-prueba", str(tmp_path / "falta.csv"))


def test_a_dry_run_reports_the_counts_and_stores_nothing(space, tmp_path):
    payload = import_json(
        "dialogo-prueba", write(tmp_path, "a.csv", csv_file(GOOD_AND_BAD)), "--dry-run"
    )
    assert [payload[k] for k in IMPORT_KEYS[:4]] == [5, 2, 1, 2]
    assert (Attendance.objects.count(), ImportBatch.objects.count()) == (0, 0)


def test_reimporting_the_same_file_stores_nothing_new_and_exits_zero(space, tmp_path, monkeypatch):
    path = write(tmp_path, "a.csv", csv_file(GOOD_AND_BAD))
    import_json("dialogo-prueba", path)
    again = import_json("dialogo-prueba", path)
    assert [again[k] for k in IMPORT_KEYS[:4]] == [5, 0, 3, 2]
    assert again["warnings"][0]["row"] is None
    assert "ya se importó" in again["warnings"][0]["message"]
    assert Attendance.objects.count() == 2
    assert run_console_script(monkeypatch, "import_attendance", "dialogo-prueba", path) == 0


def test_force_imports_the_same_file_again(space, tmp_path):
    path = write(tmp_path, "a.csv", csv_file(GOOD_AND_BAD))
    import_json("dialogo-prueba", path)
    Attendance.objects.all().delete()
    forced = import_json("dialogo-prueba", path, "--force")
    assert [forced[k] for k in IMPORT_KEYS[:4]] == [5, 2, 1, 2]
    assert Attendance.objects.count() == 2


def test_map_assigns_headers_to_fields(space, tmp_path):
    data = csv_file([["Asistente", "Género", "Acepta"], ["Ana Gómez", "Mujer", "Sí"]])
    path = write(tmp_path, "a.csv", data)
    payload = import_json(
        "dialogo-prueba",
        path,
        "--map",
        "Asistente=full_name",
        "--map",
        "Acepta = consent",
        "--map",
        "género=sex",
    )
    assert [payload[k] for k in IMPORT_KEYS[:4]] == [1, 1, 0, 0]
    assert payload["warnings"] == []
    assert list(Attendance.objects.values_list("full_name", "sex")) == [("Ana Gómez", "mujer")]


@pytest.mark.parametrize("item", ["Asistente", "Asistente=nombre", "=full_name_x"])
def test_a_map_that_is_not_header_equals_field_is_refused(space, tmp_path, item):
    with pytest.raises(CommandError, match="--map"):
        import_json(
            "dialogo-prueba", write(tmp_path, "a.csv", csv_file(GOOD_AND_BAD)), "--map", item
        )


def test_sheet_names_the_sheet_to_read(space, tmp_path):
    data = xlsx_file(sheets={"Portada": [["Asistencia"]], "Respuestas": GOOD_AND_BAD})
    path = write(tmp_path, "a.xlsx", data)
    with pytest.raises(CommandError, match="columna del nombre"):
        import_json("dialogo-prueba", path)
    assert import_json("dialogo-prueba", path, "--sheet", "Respuestas")["imported"] == 2
    with pytest.raises(CommandError, match="Portada, Respuestas"):
        import_json("dialogo-prueba", path, "--sheet", "Hoja1")


def test_the_text_output_names_row_and_column_of_each_problem(space, tmp_path):
    out = io.StringIO()
    call_command(
        "import_attendance",
        "dialogo-prueba",
        write(tmp_path, "a.csv", csv_file(GOOD_AND_BAD)),
        stdout=out,
    )
    lines = out.getvalue().splitlines()
    assert lines[0] == "Filas: 5 · importadas: 2 · repetidas: 1 · rechazadas: 2"
    assert "Error (fila 4, columna «Nombre»): falta el nombre: no se importa la fila" in lines
    assert any(line.startswith("Aviso (fila 3, columna «Edad»)") for line in lines)


def test_the_json_output_is_deterministic_and_may_go_to_a_file(space, tmp_path):
    path = write(tmp_path, "a.csv", csv_file(GOOD_AND_BAD))
    first = io.StringIO()
    call_command("import_attendance", "dialogo-prueba", path, "--json", "--dry-run", stdout=first)
    call_command(
        "import_attendance",
        "dialogo-prueba",
        path,
        "--json",
        "--dry-run",
        "--output",
        str(tmp_path / "r.json"),
    )
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == first.getvalue()


# participation_stats --------------------------------------------------------------------------


def attend(space, sex: str, age_group: str, n: int = 1) -> None:
    Attendance.objects.bulk_create(
        Attendance(
            space=space,
            full_name=f"Persona {space.pk}-{sex}-{age_group}-{i}",
            name_key=f"persona {space.pk} {sex} {age_group} {i}",
            sex=sex,
            age_group=age_group,
            consent_at=timezone.now(),
            source=Source.STAFF,
        )
        for i in range(n)
    )


def test_stats_of_a_space_list_every_code_zeros_included(space):
    attend(space, Sex.MUJER, AgeGroup.JOVEN, 2)
    attend(space, Sex.HOMBRE, AgeGroup.NO_RESPONDE)
    payload = stats_json("dialogo-prueba")
    assert {k: payload[k] for k in ("attendances", "by_sex", "by_age_group")} == {
        "attendances": 3,
        "by_sex": {"mujer": 2, "hombre": 1, "intersexual": 0, "no_responde": 0},
        "by_age_group": {"nna": 0, "joven": 2, "adulto": 0, "persona_mayor": 0, "no_responde": 1},
    }


def test_stats_of_a_space_without_attendances_are_all_zeros(space):
    payload = stats_json("dialogo-prueba")
    assert payload["attendances"] == 0
    assert set(payload["by_sex"]) == set(Sex.values)
    assert set(payload["by_age_group"]) == set(AgeGroup.values)
    assert set(payload["by_sex"].values()) | set(payload["by_age_group"].values()) == {0}


def test_stats_of_a_year_add_its_spaces_and_kind_filters_them():
    strategy = StrategyFactory(year=2023)
    hearing = SpaceFactory(strategy=strategy, kind="hearing")
    dialogue = SpaceFactory(strategy=strategy, kind="dialogue")
    other_year = SpaceFactory(strategy=StrategyFactory(year=2024, entity=strategy.entity))
    attend(hearing, Sex.MUJER, AgeGroup.ADULTO, 3)
    attend(dialogue, Sex.HOMBRE, AgeGroup.PERSONA_MAYOR, 2)
    attend(other_year, Sex.INTERSEXUAL, AgeGroup.NNA, 5)
    assert stats_json("--year", "2023")["attendances"] == 5
    assert stats_json("--year", "2023", "--kind", "hearing")["by_sex"]["mujer"] == 3
    by_kind = stats_json("--year", "2023", "--kind", "dialogue")
    assert (by_kind["attendances"], by_kind["by_age_group"]["persona_mayor"]) == (2, 2)
    assert stats_json("--year", "2024")["by_sex"]["intersexual"] == 5
    assert stats_json("--year", "2030")["attendances"] == 0


def test_stats_need_a_space_or_a_year_but_not_both(space):
    with pytest.raises(CommandError):
        stats_json()
    with pytest.raises(CommandError):
        stats_json("dialogo-prueba", "--year", "2023")
    with pytest.raises(CommandError, match="no-existe"):
        stats_json("no-existe")


def test_stats_as_text_show_counts_and_half_up_percentages(space):
    attend(space, Sex.INTERSEXUAL, AgeGroup.NNA)
    attend(space, Sex.MUJER, AgeGroup.ADULTO, 7)
    out = io.StringIO()
    call_command("participation_stats", "dialogo-prueba", stdout=out)
    text = out.getvalue()
    assert "Asistencias: 8" in text
    assert "Intersexual: 1 (13 %)" in text  # 12.5 rounds up
    assert "Mujer: 7 (88 %)" in text  # 87.5 rounds up


def test_the_demo_dialogues_give_the_seeds_2023_figures(demo):
    payload = stats_json("--year", "2023", "--kind", "dialogue")
    assert payload["attendances"] == 253
    assert sum(payload["by_sex"].values()) == sum(payload["by_age_group"].values()) == 253
    assert payload["pct_by_sex"] == {"mujer": 48, "hombre": 33, "intersexual": 0, "no_responde": 19}
    assert payload["pct_by_age_group"] == {
        "nna": 0,
        "joven": 18,
        "adulto": 60,
        "persona_mayor": 8,
        "no_responde": 14,
    }
    assert stats_json("--year", "2023", "--kind", "hearing")["attendances"] == 317
    assert stats_json("audiencia-publica-2023")["attendances"] == 317
    assert stats_json("--year", "2023")["attendances"] == 570
