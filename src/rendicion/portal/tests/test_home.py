"""The public home: what is happening now, what happened, and how to take part."""

import datetime as dt

import pytest
from django.utils import timezone

from rendicion.participation.models import Attendance
from rendicion.portal.selectors import home_public
from rendicion.reports.models import PublishedReport, ReportKind
from rendicion.spaces.models import SpaceStatus
from rendicion.spaces.tests.factories import SpaceFactory

pytestmark = pytest.mark.django_db


def test_the_home_shows_the_last_spaces_with_their_reports_and_the_years_figures(client, demo):
    page = client.get("/").content.decode()
    assert "Espacios realizados" in page
    last = demo.strategy.spaces.filter(status=SpaceStatus.HELD).order_by("-starts_at").first()
    assert last.title in page
    report = PublishedReport.objects.filter(kind=ReportKind.SPACE, space=last).last()
    if report is not None:
        assert f"/informes/publicados/{report.pk}/" in page
    attendances = Attendance.objects.filter(space__strategy=demo.strategy).count()
    assert attendances > 0
    assert "El año 2023 en cifras" in page
    assert f"<strong>{attendances:,}</strong> asistencias".replace(",", ".") in page
    assert "/informes/2023/" in page  # the latest annual report
    assert "/estrategia/2023/temas/proponer/" in page
    assert "de 2023" in page and "April" not in page


def test_a_coming_space_is_listed_with_its_date_and_its_open_form(client, db):
    now = timezone.now()
    coming = SpaceFactory(
        title="Diálogo de la semana próxima",
        starts_at=now + dt.timedelta(days=3),
        status=SpaceStatus.PLANNED,
        attendance_opens_at=now - dt.timedelta(hours=1),
        attendance_closes_at=now + dt.timedelta(days=4),
    )
    SpaceFactory(
        strategy=coming.strategy,
        title="Diálogo cancelado",
        starts_at=now + dt.timedelta(days=5),
        status=SpaceStatus.CANCELLED,
    )
    page = client.get("/").content.decode()
    assert "Diálogo de la semana próxima" in page
    assert "Diálogo cancelado" not in page
    assert f'href="/espacios/{coming.slug}/asistencia/">Registre su asistencia' in page
    assert "a.\u00a0m." in page or "p.\u00a0m." in page


def test_forms_close_and_spaces_move_to_the_past_as_time_goes_by(db):
    start = timezone.make_aware(dt.datetime(2030, 5, 10, 9, 0))
    space = SpaceFactory(
        starts_at=start,
        status=SpaceStatus.PLANNED,
        attendance_opens_at=start - dt.timedelta(days=1),
        attendance_closes_at=start + dt.timedelta(hours=3),
    )
    before = home_public(entity=space.strategy.entity, now=start - dt.timedelta(hours=2))
    assert before.next_spaces == [space]
    assert {(f.space, str(f.label)) for f in before.open_forms} == {
        (space, "Registre su asistencia"),
        (space, "Haga una pregunta"),  # questions are received until the space ends
    }
    after = home_public(entity=space.strategy.entity, now=start + dt.timedelta(days=2))
    assert after.next_spaces == [] and after.open_forms == []
    assert [past.space for past in after.last_spaces] == [space]


def test_the_home_reads_the_same_number_of_queries_for_few_and_many_spaces(
    client, db, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    now = timezone.now()
    first = SpaceFactory(starts_at=now + dt.timedelta(days=2), status=SpaceStatus.PLANNED)
    SpaceFactory(strategy=first.strategy, starts_at=now - dt.timedelta(days=2))
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for days in range(-10, 10):
        SpaceFactory(strategy=first.strategy, starts_at=now + dt.timedelta(days=days))
    with django_assert_max_num_queries(len(few)):
        client.get("/")
