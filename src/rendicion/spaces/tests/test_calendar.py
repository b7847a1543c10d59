"""Calendar files that any calendar program accepts (RFC 5545)."""

import icalendar
import pytest

from rendicion.spaces.calendar import calendar_ics
from rendicion.spaces.models import Modality

from .factories import SpaceFactory

pytestmark = pytest.mark.django_db


def _parse(body: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(body)


def test_every_time_zone_a_calendar_names_is_defined_in_it():
    body = calendar_ics([SpaceFactory()], base_url="https://rendicion.example.gov.co", name="x")
    calendar = _parse(body)
    assert "TZID=America/Bogota" in body.decode()
    assert calendar.get_missing_tzids() == set()
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/Bogota"]


def test_two_installations_never_give_an_event_the_same_uid():
    space = SpaceFactory()
    uids = {
        str(_parse(calendar_ics([space], base_url=url, name="x")).walk("VEVENT")[0]["UID"])
        for url in ("https://a.example.gov.co", "https://b.example.gov.co")
    }
    assert len(uids) == 2
    assert all(uid.endswith(".example.gov.co") for uid in uids)


def test_a_virtual_space_without_a_link_points_to_its_page_not_to_the_word_virtual():
    space = SpaceFactory(modality=Modality.VIRTUAL)
    event = _parse(calendar_ics([space], base_url="https://r.example.gov.co", name="x")).walk(
        "VEVENT"
    )[0]
    assert str(event["LOCATION"]) == f"https://r.example.gov.co/espacios/{space.slug}/"
