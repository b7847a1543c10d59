"""`rendicion due_date --received YYYY-MM-DD --days N` prints only the ISO due date."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from rendicion.core import services
from rendicion.core.tests.factories import EntityFactory

pytestmark = pytest.mark.django_db


def _due(received: str, days: str) -> str:
    out = StringIO()
    call_command("due_date", "--received", received, "--days", days, stdout=out)
    return out.getvalue()


def test_it_prints_only_the_iso_date_across_christmas():
    assert _due("2023-12-22", "15") == "2024-01-17\n"


def test_a_weekend_receipt_counts_from_monday():
    assert _due("2024-02-03", "1") == "2024-02-06\n"


def test_it_uses_the_days_the_entity_declared_non_working():
    entity = EntityFactory()
    before = _due("2024-02-05", "15")
    services.non_working_day_add(
        actor=None, entity=entity, date=dt.date(2024, 2, 9), reason="Jornada de inventario"
    )
    assert _due("2024-02-05", "15") == "2024-02-27\n" != before


@pytest.mark.parametrize(
    ("received", "days", "message"),
    [("22/12/2023", "15", "no es una fecha"), ("2023-12-22", "-1", "no puede ser negativo")],
)
def test_bad_input_is_refused_in_spanish(received, days, message):
    with pytest.raises(CommandError, match=message):
        _due(received, days)
