"""The audit log reads in Spanish: actions, fields, values and people by their names."""

import re
from pathlib import Path

import pytest

from rendicion.core.audit_labels import ACTION_LABELS
from rendicion.core.models import AuditRecord, Role
from rendicion.core.services import audit_record
from rendicion.core.tests.factories import UserFactory

SRC = Path(__file__).resolve().parents[2]


def test_every_action_a_service_records_has_a_spanish_label():
    recorded = set()
    for path in SRC.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "audit_record(" not in text:
            continue
        recorded |= set(re.findall(r'\baction="([a-z_]+)"', text))
    recorded -= {"store_true", "append"}  # argparse's own `action=` in commands
    assert recorded, "no audited action found: the walk is wrong"
    assert sorted(recorded - set(ACTION_LABELS)) == []


@pytest.mark.django_db
def test_the_log_shows_names_spanish_labels_and_readable_values(client):
    admin = UserFactory(role=Role.ADMINISTRATOR, first_name="Ana", last_name="Rojas")
    colleague = UserFactory(role=Role.PLANNING, username="lperez")
    audit_record(
        actor=admin,
        action="activity_update",
        target=colleague,
        changes={"is_active": [False, True], "role": ["planning", "administrator"]},
    )
    client.force_login(admin)
    page = client.get("/gestion/auditoria/").content.decode()
    assert "Ana Rojas" in page
    assert "Editó una actividad" in page and "activity_update</" not in page
    assert "No → Sí" in page
    assert "Oficina de planeación → Administración" in page
    assert re.search(r"\d{1,2} de [a-z]+ de \d{4}, \d{1,2}:\d\d\u00a0[ap]\.\u00a0m\.", page)
    filtered = client.get("/gestion/auditoria/", {"accion": "activity_update"}).content.decode()
    assert '<option value="activity_update" selected>Editó una actividad</option>' in filtered
    assert AuditRecord.objects.count() == 1
