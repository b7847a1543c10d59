"""Reads for reports and pages: groups with needs, participation per group, invitation lists."""

import datetime as dt

import pytest
from django.utils import timezone

from rendicion.core.tests.factories import EntityFactory
from rendicion.spaces.models import Space
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.stakeholders import selectors, services
from rendicion.stakeholders.tokens import unsubscribe_token

from .factories import AttendanceFactory, StakeholderGroupFactory

pytestmark = pytest.mark.django_db

SEED_GROUPS = [
    "Ciudadanía en general",
    "Organizaciones sociales y comunitarias",
    "Entes de control",
    "Servidores públicos",
    "Otras entidades del Distrito",
    "Academia",
    "Medios de comunicación",
]


def test_the_report_gets_the_demo_groups_with_offices_and_needs_in_three_queries(
    demo, django_assert_num_queries
):
    with django_assert_num_queries(3):
        groups = selectors.stakeholder_groups_for_report(entity=demo.entity)
    assert [group.name for group in groups] == SEED_GROUPS
    assert all("demostración" in group.description for group in groups)
    citizens = groups[0]
    assert citizens.offices == [
        "Oficina Asesora de Planeación",
        "Subsecretaría de Servicio a la Ciudadanía",
    ]
    need = citizens.needs[1]
    assert (need.topic, need.office, need.channel) == (
        "Logros de la gestión 2022 y apuestas 2023",
        "Oficina Asesora de Planeación",
        "Audiencia pública por Facebook Live",
    )
    assert need.covered_by == (
        "Actividad 3 de la estrategia 2023; Audiencia Pública de Rendición de Cuentas – Vigencia 2022"
    )
    assert all(
        isinstance(value, str) for g in groups for n in g.needs for value in vars(n).values()
    )


def test_inactive_groups_are_left_out_of_reports_and_forms():
    entity = EntityFactory()
    StakeholderGroupFactory(entity=entity, name="Activo")
    StakeholderGroupFactory(entity=entity, name="Inactivo", is_active=False)
    assert [g.name for g in selectors.stakeholder_groups_for_report(entity=entity)] == ["Activo"]
    assert selectors.stakeholder_group_names(entity=entity) == ["Activo"]


def test_participation_per_group_comes_from_the_group_named_in_each_attendance():
    space = SpaceFactory()
    entity = space.strategy.entity
    for name in ("Academia", "Entes de control"):
        StakeholderGroupFactory(entity=entity, name=name)
    for group in ["Academia", "academia ", "Academia", "Veedurías", "", ""]:
        AttendanceFactory(space=space, stakeholder_group=group)
    result = selectors.stakeholder_participation(entity=entity, year=2023)
    assert result.attendances == 6
    assert [(r.label, r.count, r.pct, r.is_group) for r in result.rows] == [
        ("Academia", 3, 50, True),
        ("Entes de control", 0, 0, True),
        ("Otros grupos", 1, 17, False),
        ("No responde", 2, 33, False),
    ]
    assert selectors.stakeholder_participation(entity=entity, year=2022).attendances == 0


def _space(slug, day, strategy=None):
    kwargs = {"strategy": strategy} if strategy else {}
    return SpaceFactory(
        slug=slug, starts_at=timezone.make_aware(dt.datetime(2023, 1, day, 10)), **kwargs
    )


def test_the_invitation_list_has_only_people_who_accepted_and_did_not_unsubscribe(
    django_assert_max_num_queries,
):
    past, older, upcoming = _space("pasado", 10), _space("anterior", 5), _space("proximo", 20)
    ana = AttendanceFactory(
        space=older, full_name="Ana", email="ana@example.invalid", contact_consent=True
    )
    AttendanceFactory(
        space=past, full_name="Ana B.", email="ana@example.invalid", contact_consent=True
    )
    AttendanceFactory(space=past, full_name="Beto", email="beto@example.invalid")  # did not accept
    AttendanceFactory(space=past, full_name="Sin correo", email="", contact_consent=True)
    AttendanceFactory(space=past, full_name="Correo malo", email="malo@", contact_consent=True)
    AttendanceFactory(
        space=past, full_name="Carla", email="carla@example.invalid", contact_consent=True
    )
    AttendanceFactory(  # already registered in the space
        space=upcoming, full_name="Carla", email="carla@example.invalid", contact_consent=True
    )
    dora = AttendanceFactory(
        space=past, full_name="Dora", email="dora@example.invalid", contact_consent=True
    )
    services.contact_unsubscribe(token=unsubscribe_token(dora.pk))

    with django_assert_max_num_queries(3):
        people = selectors.invitation_list(
            space=upcoming, sources=selectors.invitation_sources(space=upcoming)
        )
    assert [(p.name, p.email, p.last_space) for p in people] == [
        ("Ana B.", "ana@example.invalid", past.title),  # one line per e-mail, latest attendance
    ]
    assert people[0].attendance_id != ana.pk
    only_older = selectors.invitation_list(
        space=upcoming, sources=Space.objects.filter(pk=older.pk)
    )
    assert [p.email for p in only_older] == ["ana@example.invalid"]


def test_the_latest_attendance_decides_and_a_new_yes_after_unsubscribing_counts():
    first, second, upcoming = _space("uno", 1), _space("dos", 2), _space("tres", 3)
    early = AttendanceFactory(space=first, email="eva@example.invalid", contact_consent=True)
    sources = selectors.invitation_sources(space=upcoming)
    services.contact_unsubscribe(token=unsubscribe_token(early.pk))
    assert selectors.invitation_list(space=upcoming, sources=sources) == []
    AttendanceFactory(space=second, email="eva@example.invalid", contact_consent=True)
    assert [p.email for p in selectors.invitation_list(space=upcoming, sources=sources)] == [
        "eva@example.invalid"
    ]
    AttendanceFactory(space=upcoming, email="fer@example.invalid", contact_consent=True)
    AttendanceFactory(space=second, email="fer@example.invalid", contact_consent=False)
    later = _space("cuatro", 4)
    emails = [
        p.email
        for p in selectors.invitation_list(
            space=later, sources=selectors.invitation_sources(space=later)
        )
    ]
    assert "fer@example.invalid" not in emails  # their latest attendance said no


def test_the_list_can_be_limited_to_the_invited_groups():
    past, upcoming = _space("antes", 1), _space("despues", 2)
    academia = StakeholderGroupFactory(entity=past.strategy.entity, name="Academia")
    AttendanceFactory(
        space=past, email="a@example.invalid", stakeholder_group="academia", contact_consent=True
    )
    AttendanceFactory(
        space=past, email="b@example.invalid", stakeholder_group="", contact_consent=True
    )
    services.space_invitations_replace(
        actor=None, space=upcoming, invitations=[services.InvitationData(academia, ["email"])]
    )
    sources = selectors.invitation_sources(space=upcoming)
    assert len(selectors.invitation_list(space=upcoming, sources=sources)) == 2
    limited = selectors.invitation_list(space=upcoming, sources=sources, only_invited_groups=True)
    assert [p.email for p in limited] == ["a@example.invalid"]


def test_the_parrilla_of_the_year_and_its_totals(demo):
    pieces = selectors.parrilla(entity=demo.entity, year=2023)
    assert pieces.count() == 4
    assert [p.date.isoformat() for p in pieces] == [
        "2023-03-30",
        "2023-04-03",
        "2023-04-14",
        "2023-04-20",
    ]
    totals = selectors.parrilla_totals(pieces)
    assert (totals.planned, totals.published, totals.reach) == (0, 4, None)
