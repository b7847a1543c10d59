import io
import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def _strategy_json(*args) -> dict:
    out = io.StringIO()
    call_command("strategy", *args, stdout=out)
    return json.loads(out.getvalue())


def test_strategy_json_follows_the_contract(demo):
    data = _strategy_json("2023", "--json")
    assert data["year"] == 2023
    assert data["entity"] == "Secretaría General de la Alcaldía Mayor de Bogotá D.C."
    assert len(data["challenges"]) == 3
    assert [stage["name"] for stage in data["stages"]] == [
        "Aprestamiento y preparación",
        "Diseño y ejecución",
        "Seguimiento y evaluación",
    ]
    assert [a["number"] for a in data["activities"]] == list(range(1, 14))
    for activity in data["activities"]:
        assert set(activity) >= {
            "number",
            "name",
            "stage",
            "target",
            "evidence",
            "responsible",
            "quarters",
            "status",
            "progress",
        }
        assert activity["responsible"], activity["number"]
        assert set(activity["quarters"]) <= {1, 2, 3, 4} and activity["quarters"]
        assert activity["status"] in {"pending", "in_progress", "done", "not_done"}
        assert 0 <= activity["progress"] <= 100


def test_strategy_json_is_deterministic_and_written_to_a_file_with_output(demo, tmp_path):
    target = tmp_path / "estrategia.json"
    call_command("strategy", "2023", "--json", "--output", str(target))
    assert json.loads(target.read_text(encoding="utf-8")) == _strategy_json("2023", "--json")


def test_strategy_for_a_missing_year_is_a_clear_error(demo):
    with pytest.raises(CommandError, match="No hay estrategia para la vigencia 1999"):
        call_command("strategy", "1999", "--json")


def test_load_demo_twice_changes_nothing(db):
    from rendicion.core.models import AuditRecord

    call_command("load_demo", stdout=io.StringIO())
    first = _strategy_json("2023", "--json")
    audits = AuditRecord.objects.count()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert _strategy_json("2023", "--json") == first
    assert AuditRecord.objects.count() == audits
    assert "demo-planeacion / rendicion-demo" in out.getvalue()
    assert "demo-admin y demo-planeacion usan verificación en dos pasos" in out.getvalue()
