"""A held space's page shows what it produced; a coming space offers the calendar instead."""

import datetime as dt

import pytest
from django.utils import timezone

from rendicion.participation.models import Attendance
from rendicion.reports.models import PublishedReport, ReportKind
from rendicion.spaces.models import Space, SpaceStatus
from rendicion.spaces.tests.factories import SpaceFactory

pytestmark = pytest.mark.django_db


def test_each_held_demo_space_links_to_its_report_and_shows_its_figures(client, demo):
    held = Space.objects.filter(strategy=demo.strategy, status=SpaceStatus.HELD)
    reported = 0
    for space in held:
        page = client.get(f"/espacios/{space.slug}/").content.decode()
        assert "Resultados del espacio" in page
        attendances = Attendance.objects.filter(space=space).count()
        assert f'<span class="outcome-value">{attendances}</span>' in page
        report = PublishedReport.objects.filter(kind=ReportKind.SPACE, space=space).last()
        if report is not None:
            reported += 1
            assert f'href="/informes/publicados/{report.pk}/"' in page
        assert "Agregar a mi calendario" not in page  # it already happened
    assert reported >= 1


def test_a_coming_space_offers_the_calendar_and_no_results(client, db):
    space = SpaceFactory(
        starts_at=timezone.now() + dt.timedelta(days=10), status=SpaceStatus.PLANNED
    )
    page = client.get(f"/espacios/{space.slug}/").content.decode()
    assert "Agregar a mi calendario" in page
    assert "Resultados del espacio" not in page


def test_the_space_page_reads_a_fixed_number_of_queries(
    client, demo, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    spaces = list(Space.objects.filter(strategy=demo.strategy, status=SpaceStatus.HELD))
    counts = []
    for space in spaces:
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/espacios/{space.slug}/")
        counts.append(len(queries))
    assert max(counts) - min(counts) <= 1, counts  # the same page, whatever its attendance
