"""Dates, times and numbers are written one way (es-CO) wherever a template uses the filters."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

BOGOTA = ZoneInfo("America/Bogota")


def _render(text: str, **context) -> str:
    return Template("{% load es_format %}" + text).render(Context(context))


def test_a_moment_reads_as_a_spanish_date_with_a_twelve_hour_time():
    moment = dt.datetime(2023, 4, 20, 15, 0, tzinfo=dt.UTC)  # 10:00 in Bogotá
    assert _render("{{ m|fecha_hora }}", m=moment) == "20 de abril de 2023, 10:00\u00a0a.\u00a0m."
    afternoon = dt.datetime(2023, 10, 19, 14, 30, tzinfo=BOGOTA)
    assert _render("{{ m|fecha_hora }}", m=afternoon) == (
        "19 de octubre de 2023, 2:30\u00a0p.\u00a0m."
    )
    assert _render("{{ m|hora }}", m=dt.time(0, 5)) == "12:05\u00a0a.\u00a0m."
    assert _render("{{ m|hora }}", m=dt.time(12, 0)) == "12:00\u00a0p.\u00a0m."


def test_months_are_lower_case_and_dates_of_a_late_evening_stay_on_their_bogota_day():
    late = dt.datetime(2023, 12, 1, 3, 0, tzinfo=dt.UTC)  # 30 Nov, 10 p. m. in Bogotá
    assert _render("{{ d|fecha }}", d=late) == "30 de noviembre de 2023"
    assert _render("{{ d|fecha }}", d=dt.date(2023, 1, 9)) == "9 de enero de 2023"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (92.94, 1, "92,9"),
        (Decimal("92.95"), 1, "93,0"),
        (1234567, 0, "1.234.567"),
        (339876, 0, "339.876"),
        (0.5, 0, "1"),
        (-1234.5, 1, "-1.234,5"),
    ],
)
def test_numbers_use_a_decimal_comma_and_thousands_points(value, decimals, expected):
    assert _render("{{ v|numero:d }}", v=value, d=decimals) == expected


def test_a_percentage_keeps_its_sign_on_the_same_line():
    assert _render("{{ v|porcentaje }}", v=100) == "100\u00a0%"
    assert _render("{{ v|porcentaje:1 }}", v=48.25) == "48,3\u00a0%"
    assert _render("{{ v|porcentaje }}", v=None) == ""
