"""The staff home is a work queue: each role sees the pending work it can act on."""

import datetime as dt

import pytest
from django.utils import timezone

from rendicion.commitments.tests.factories import CommitmentFactory
from rendicion.core.models import Role
from rendicion.core.tests.factories import OfficeFactory, UserFactory
from rendicion.portal.selectors import work_queue
from rendicion.questions.tests.factories import AssignedQuestionFactory
from rendicion.spaces.models import SpaceStatus
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.strategy.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def _groups(user, entity, now):
    return {group.key: group for group in work_queue(user=user, entity=entity, now=now)}


def test_office_staff_see_their_offices_questions_and_commitments_not_others(db):
    now = timezone.make_aware(dt.datetime(2023, 5, 2, 9, 0))
    today = now.date()
    space = SpaceFactory()
    entity = space.strategy.entity
    mine, other = OfficeFactory(entity=entity), OfficeFactory(entity=entity)
    user = UserFactory(role=Role.OFFICE_STAFF)
    user.offices.add(mine)
    overdue = AssignedQuestionFactory(
        space=space, office=mine, due_date=today - dt.timedelta(days=1)
    )
    AssignedQuestionFactory(space=space, office=other, due_date=today)
    AssignedQuestionFactory(space=space, office=mine, due_date=today + dt.timedelta(days=60))
    CommitmentFactory(space=space, office=mine, due_date=today - dt.timedelta(days=10))
    CommitmentFactory(space=space, office=other, due_date=today - dt.timedelta(days=10))

    groups = _groups(user, entity, now)
    assert groups["questions"].total == 1
    [item] = groups["questions"].items
    assert item.urgent and f"/gestion/preguntas/{overdue.pk}/" == item.url
    assert item.detail == "Venció el 1 de mayo de 2023"
    assert groups["commitments"].total == 1 and groups["commitments"].items[0].urgent
    assert "reports" not in groups and "forms" not in groups  # not theirs to act on


def test_planning_is_told_which_reports_and_forms_wait_for_them(db):
    now = timezone.make_aware(dt.datetime(2023, 6, 1, 9, 0))
    held = SpaceFactory(title="Diálogo sin informe", starts_at=now - dt.timedelta(days=20))
    strategy = held.strategy
    SpaceFactory(
        strategy=strategy,
        title="Diálogo del viernes",
        status=SpaceStatus.PLANNED,
        starts_at=now + dt.timedelta(days=3),
    )
    SpaceFactory(
        strategy=strategy,
        title="Diálogo ya preparado",
        status=SpaceStatus.PLANNED,
        starts_at=now + dt.timedelta(days=3),
        attendance_opens_at=now,
    )
    planner = UserFactory(role=Role.PLANNING)
    groups = _groups(planner, strategy.entity, now)
    assert [item.title for item in groups["reports"].items] == ["Diálogo sin informe"]
    assert [item.title for item in groups["forms"].items] == ["Diálogo del viernes"]


def test_an_activity_whose_quarters_ended_without_evidence_is_pending_for_its_office(db):
    office = OfficeFactory()
    done_in_time = ActivityFactory(strategy__entity=office.entity, q1=True, name="Con evidencia")
    done_in_time.responsible.add(office)
    done_in_time.evidence.create(
        office=office, note="Acta", date=dt.date(2023, 3, 1), url="https://example.org/acta"
    )
    late = ActivityFactory(strategy=done_in_time.strategy, q1=True, q2=True, name="Sin evidencia")
    late.responsible.add(office)
    running = ActivityFactory(strategy=done_in_time.strategy, q2=True, q4=True, name="En curso")
    running.responsible.add(office)
    user = UserFactory(role=Role.OFFICE_STAFF)
    user.offices.add(office)
    now = timezone.make_aware(dt.datetime(2023, 7, 15, 9, 0))
    [item] = _groups(user, office.entity, now)["activities"].items
    assert "Sin evidencia" in item.title


def test_the_staff_home_page_lists_the_queue_with_counts(client, demo):
    client.force_login(demo_user("demo-planeacion"))
    page = client.get("/gestion/").content.decode()
    assert "Lo que tiene pendiente" in page
    for heading in ("Preguntas por vencer o vencidas", "Informes por publicar"):
        assert heading in page
    assert "Compromisos vencidos" in page
    assert "/gestion/compromisos/compromiso/" in page  # the demo's overdue commitment


def demo_user(username):
    from rendicion.core.models import User

    return User.objects.get(username=username)
