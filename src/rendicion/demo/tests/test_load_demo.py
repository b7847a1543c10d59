"""`rendicion load_demo`: the command that builds the seed's year, run twice on purpose."""

import io
import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def _strategy_json(*args) -> dict:
    out = io.StringIO()
    call_command("strategy", *args, stdout=out)
    return json.loads(out.getvalue())


def test_load_demo_twice_changes_nothing(demo):
    # `demo` is the session's copy of a first `load_demo` (test_snapshot proves it the same rows).
    from rendicion.core.models import AuditRecord

    first = _strategy_json("2023", "--json")
    audits = AuditRecord.objects.count()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert _strategy_json("2023", "--json") == first
    assert AuditRecord.objects.count() == audits
    assert "demo-planeacion / rendicion-demo  (Oficina de planeación)" in out.getvalue()
    assert "demo-dependencia / rendicion-demo  (Personal de dependencia)" in out.getvalue()
    assert "office_staff" not in out.getvalue()
    assert "demo-admin y demo-planeacion usan verificación en dos pasos" in out.getvalue()
