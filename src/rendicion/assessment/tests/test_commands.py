"""`rendicion self_assessment` and `rendicion assessment_import`."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from rendicion.assessment.models import SelfAssessment
from rendicion.demo.planning_2023 import POINTS_TO_STRENGTHEN

from .factories import xlsx

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_self_assessment_json_has_the_seeds_score_and_points(demo):
    data = json.loads(_run("self_assessment", "2022", "--json"))
    assert (data["year"], data["score"], data["level"], data["threshold"]) == (
        2022,
        92.9,
        "Avanzado",
        80.0,
    )
    assert data["points_to_strengthen"] == POINTS_TO_STRENGTHEN
    assert (data["scored"], data["total"]) == (26, 26)
    assert data["stages"][0]["name"] == "Aprestamiento"
    assert _run("self_assessment", "2022", "--json") == _run("self_assessment", "2022", "--json")
    text = _run("self_assessment", "2022")
    assert "Puntaje general: 92.9 sobre 100 (Avanzado)" in text


def test_self_assessment_of_a_missing_year_is_a_clear_error(demo):
    with pytest.raises(CommandError, match="No hay autodiagnóstico de la vigencia 1999"):
        call_command("self_assessment", "1999")


def test_assessment_import_stores_a_good_file_and_refuses_a_bad_one_whole(demo, tmp_path):
    good = tmp_path / "bueno.xlsx"
    good.write_bytes(xlsx([["Diseño", "Diálogo", "Definir la metodología.", None, 90]]))
    summary = json.loads(_run("assessment_import", str(good), "--year", "2021", "--json"))
    assert (summary["imported"], summary["created"], summary["changed"]) == (True, True, 1)
    bad = tmp_path / "malo.xlsx"
    bad.write_bytes(xlsx([["Diseño", "Diálogo", "", None, 120]]))
    out = io.StringIO()
    with pytest.raises(CommandError, match="no se guardó nada"):
        call_command("assessment_import", str(bad), "--year", "2020", "--json", stdout=out)
    errors = json.loads(out.getvalue())["errors"]
    assert [(e["row"], e["column"]) for e in errors] == [(2, "Ítem"), (2, "Puntaje (0 a 100)")]
    assert not SelfAssessment.objects.filter(year=2020).exists()


def test_the_annual_report_of_2023_shows_the_2022_self_assessment(demo):
    """Done-when: `rendicion annual_report 2023 --format json` has the score and the points."""
    data = json.loads(_run("annual_report", "2023", "--format", "json"))
    assert data["self_assessment"]["score"] == 92.9
    assert data["self_assessment"]["points_to_strengthen"] == POINTS_TO_STRENGTHEN
