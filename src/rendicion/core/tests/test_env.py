import pytest
from django.core.exceptions import ImproperlyConfigured

from rendicion.settings.env import env_bool, env_int, env_list, env_str


def test_booleans_accept_usual_spellings(monkeypatch):
    for value, expected in [
        ("true", True),
        ("1", True),
        ("Sí", True),
        ("off", False),
        ("0", False),
    ]:
        monkeypatch.setenv("X_FLAG", value)
        assert env_bool("X_FLAG", not expected) is expected


def test_a_bad_boolean_stops_start_up(monkeypatch):
    monkeypatch.setenv("X_FLAG", "tal vez")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG", False)


def test_a_bad_integer_stops_start_up(monkeypatch):
    monkeypatch.setenv("X_NUM", "diez")
    with pytest.raises(ImproperlyConfigured, match="X_NUM"):
        env_int("X_NUM", 1)


def test_lists_and_required_strings(monkeypatch):
    monkeypatch.setenv("X_HOSTS", "a.gov.co, b.gov.co,")
    assert env_list("X_HOSTS", []) == ["a.gov.co", "b.gov.co"]
    monkeypatch.delenv("X_MISSING", raising=False)
    with pytest.raises(ImproperlyConfigured, match="X_MISSING"):
        env_str("X_MISSING")


def test_an_idle_time_below_one_minute_stops_start_up(monkeypatch):
    monkeypatch.setenv("X_MINUTES", "0")
    with pytest.raises(ImproperlyConfigured, match="X_MINUTES"):
        env_int("X_MINUTES", 30, minimum=1)
    monkeypatch.setenv("X_MINUTES", "45")
    assert env_int("X_MINUTES", 30, minimum=1) == 45
