"""The suite's copy of the demo year is the demo year: the same rows `rendicion load_demo` writes."""

import pytest
from django.db import connection

from rendicion.demo.services import demo_load
from rendicion.demo.tests.snapshot import _all_rows

pytestmark = pytest.mark.django_db


def _demo_rows(tables):
    with connection.cursor() as cursor:
        rows = _all_rows(cursor)
    return {table: sorted(rows[table][1], key=repr) for table in tables}


def test_the_demo_fixture_gives_the_rows_a_real_load_gives(_demo_snapshot, demo):
    assert _demo_snapshot.usable
    restored = _demo_rows(_demo_snapshot.tables)
    assert restored == {
        table: sorted(rows, key=repr) for table, (_, rows) in _demo_snapshot.tables.items()
    }
    assert restored["participation_attendance"]
    assert demo.strategy.year == 2023 and demo.entity.pk == demo.strategy.entity_id
    assert {username for username, _, _ in demo.logins} >= {"demo-planeacion"}
    # Loading the demo over the restored rows adds nothing, as over a real load.
    demo_load()
    counts = {table: len(rows) for table, rows in _demo_rows(_demo_snapshot.tables).items()}
    assert counts == {table: len(rows) for table, rows in restored.items()}


def test_a_test_after_a_demo_test_starts_from_an_empty_database():
    from rendicion.core.models import Entity

    assert not Entity.objects.exists()
