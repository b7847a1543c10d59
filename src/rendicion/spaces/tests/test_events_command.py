"""`rendicion events --json`: one object per space, times in Bogotá with their offset."""

import datetime as dt
import io
import json
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from rendicion.core.tests.factories import EntityFactory
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.strategy.tests.factories import StrategyFactory

pytestmark = pytest.mark.django_db

CONTRACT_KEYS = {"slug", "kind", "title", "starts_at", "modality", "year"}


def events_json(*args) -> list[dict]:
    out = io.StringIO()
    call_command("events", "--json", *args, stdout=out)
    return json.loads(out.getvalue())


def bogota(*args) -> dt.datetime:
    return timezone.make_aware(dt.datetime(*args))


def test_events_json_is_an_array_with_one_object_per_space():
    strategy = StrategyFactory(year=2023)
    SpaceFactory(
        strategy=strategy,
        slug="audiencia-2023",
        kind="hearing",
        title="Audiencia pública 2023",
        starts_at=bogota(2023, 4, 20, 10, 0),
        modality="hybrid",
        venue_name="Auditorio",
    )
    SpaceFactory(
        strategy=strategy,
        slug="dialogo-2023",
        kind="dialogue",
        title="Diálogo ciudadano",
        starts_at=bogota(2023, 6, 30, 9, 0),
        modality="virtual",
    )
    events = events_json()
    assert isinstance(events, list)
    assert [{k: e[k] for k in CONTRACT_KEYS} for e in events] == [
        {
            "slug": "audiencia-2023",
            "kind": "hearing",
            "title": "Audiencia pública 2023",
            "starts_at": "2023-04-20T10:00:00-05:00",
            "modality": "hybrid",
            "year": 2023,
        },
        {
            "slug": "dialogo-2023",
            "kind": "dialogue",
            "title": "Diálogo ciudadano",
            "starts_at": "2023-06-30T09:00:00-05:00",
            "modality": "virtual",
            "year": 2023,
        },
    ]


def test_a_time_stored_in_utc_is_shown_in_bogota_time_with_its_offset():
    SpaceFactory(starts_at=dt.datetime(2023, 11, 23, 2, 30, tzinfo=dt.UTC))
    assert events_json()[0]["starts_at"] == "2023-11-22T21:30:00-05:00"


def test_starts_at_parses_back_to_the_same_instant():
    space = SpaceFactory(starts_at=bogota(2023, 9, 29, 9, 15))
    parsed = dt.datetime.fromisoformat(events_json()[0]["starts_at"])
    assert parsed == space.starts_at
    assert parsed.utcoffset() == dt.timedelta(hours=-5)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-05:00", events_json()[0]["starts_at"])


def test_events_are_in_date_order_whatever_the_order_of_creation():
    strategy = StrategyFactory()
    for slug, month in [("c", 11), ("a", 4), ("b", 6)]:
        SpaceFactory(strategy=strategy, slug=slug, starts_at=bogota(2023, month, 1, 9))
    assert [e["slug"] for e in events_json()] == ["a", "b", "c"]


def test_year_is_the_strategys_year_and_filters_the_list():
    entity = EntityFactory()
    SpaceFactory(strategy=StrategyFactory(entity=entity, year=2023), slug="de-2023")
    # A hearing held in January 2024 may still belong to the 2023 strategy.
    SpaceFactory(
        strategy=StrategyFactory(entity=entity, year=2024),
        slug="de-2024",
        starts_at=bogota(2023, 12, 30, 9),
    )
    assert {e["slug"]: e["year"] for e in events_json()} == {"de-2023": 2023, "de-2024": 2024}
    assert [e["slug"] for e in events_json("--year", "2024")] == ["de-2024"]


def test_without_spaces_the_json_is_an_empty_array():
    assert events_json() == []


def test_the_json_is_deterministic():
    SpaceFactory.create_batch(3)
    first, second = io.StringIO(), io.StringIO()
    call_command("events", "--json", stdout=first)
    call_command("events", "--json", stdout=second)
    assert first.getvalue() == second.getvalue()


def test_the_demo_lists_the_hearing_and_four_dialogues(demo):
    events = events_json()
    assert [(e["kind"], e["starts_at"]) for e in events] == [
        ("hearing", "2023-04-20T10:00:00-05:00"),
        ("dialogue", "2023-06-30T09:00:00-05:00"),
        ("dialogue", "2023-09-29T09:00:00-05:00"),
        ("dialogue", "2023-10-19T10:00:00-05:00"),
        ("dialogue", "2023-11-22T09:00:00-05:00"),
    ]
    assert all(set(e) >= CONTRACT_KEYS for e in events)
    assert {e["year"] for e in events} == {2023}
    assert events[0]["slug"] == "audiencia-publica-2023"


def test_the_text_listing_shows_each_space_on_a_line(demo):
    out = io.StringIO()
    call_command("events", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("2023-04-20T10:00:00-05:00  hearing")
    assert lines[0].endswith(
        "audiencia-publica-2023  " + demo.strategy.spaces.get(kind="hearing").title
    )
