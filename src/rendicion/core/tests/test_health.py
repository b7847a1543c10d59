import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_health_answers_json_with_database_check(client):
    response = client.get("/salud/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


def test_health_reports_which_database_answers(client):
    # Guards the test legs: --db=postgres must really run on PostgreSQL.
    import os

    expected = "postgresql" if os.environ.get("RENDICION_EXPECT_DB") == "postgres" else None
    if expected:
        assert connection.vendor == expected
    assert client.get("/salud/").status_code == 200
