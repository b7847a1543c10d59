"""Writes to groups, needs, convocation and the parrilla; the unsubscribe link."""

import pytest
from django.core.exceptions import ValidationError

from rendicion.core.models import AuditRecord
from rendicion.core.tests.factories import EntityFactory, OfficeFactory, UserFactory
from rendicion.participation.models import Attendance
from rendicion.spaces import services as space_services
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.stakeholders import services
from rendicion.stakeholders.models import InformationNeed, Invitation
from rendicion.stakeholders.tokens import unsubscribe_token
from rendicion.strategy.tests.factories import ActivityFactory, StrategyFactory

from .factories import AttendanceFactory, StakeholderGroupFactory

pytestmark = pytest.mark.django_db


def test_a_group_is_created_last_in_order_with_its_characterisation_and_audited():
    entity = EntityFactory()
    StakeholderGroupFactory(entity=entity, number=3)
    office = OfficeFactory(entity=entity)
    user = UserFactory()
    group = services.stakeholder_group_save(
        actor=user,
        entity=entity,
        data=services.GroupData(
            name="  Academia ",
            geographic="Bogotá",
            demographic="Docentes y estudiantes",
            intrinsic="Datos abiertos",
            behavioural="Consultan el portal",
            offices=[office],
        ),
    )
    assert (group.number, group.name, group.geographic) == (4, "Academia", "Bogotá")
    assert list(group.offices.all()) == [office]
    record = AuditRecord.objects.get(action="stakeholder_group_create")
    assert record.actor == user and record.changes["offices"] == [None, [office.name]]


def test_group_names_are_unique_in_the_entity_and_offices_must_be_its_own():
    entity = EntityFactory()
    StakeholderGroupFactory(entity=entity, name="Academia")
    with pytest.raises(ValidationError) as error:
        services.stakeholder_group_save(
            actor=None,
            entity=entity,
            data=services.GroupData(
                name="academia", offices=[OfficeFactory(entity=EntityFactory(name="Otra"))]
            ),
        )
    assert set(error.value.message_dict) == {"name", "offices"}


def test_needs_are_replaced_in_order_and_unchanged_needs_leave_no_audit():
    strategy = StrategyFactory()
    group = StakeholderGroupFactory(entity=strategy.entity)
    office = OfficeFactory(entity=strategy.entity)
    activity = ActivityFactory(strategy=strategy)
    space = SpaceFactory(strategy=strategy)
    needs = [
        services.NeedData("Ejecución presupuestal", office, "Página web", activity, None),
        services.NeedData("  ", None),  # blank blocks are ignored
        services.NeedData("Resultados 2022", None, "", None, space),
    ]
    services.information_needs_replace(actor=None, group=group, needs=needs)
    services.information_needs_replace(actor=None, group=group, needs=needs)
    stored = list(group.needs.order_by("number"))
    assert [(n.number, n.topic) for n in stored] == [
        (1, "Ejecución presupuestal"),
        (2, "Resultados 2022"),
    ]
    assert stored[0].covered_by == f"Actividad {activity.number} de la estrategia 2023"
    assert stored[1].covered_by == space.title
    assert AuditRecord.objects.filter(action="information_needs_replace").count() == 1
    other = StrategyFactory(entity=EntityFactory(name="Otra entidad"), year=2023)
    with pytest.raises(ValidationError, match="de otra entidad"):
        services.information_needs_replace(
            actor=None,
            group=group,
            needs=[services.NeedData("X", activity=ActivityFactory(strategy=other))],
        )
    assert InformationNeed.objects.count() == 2


def test_the_convocation_keeps_only_groups_with_channels():
    space = SpaceFactory()
    entity = space.strategy.entity
    citizens = StakeholderGroupFactory(entity=entity, name="Ciudadanía")
    media = StakeholderGroupFactory(entity=entity, name="Medios")
    services.space_invitations_replace(
        actor=None,
        space=space,
        invitations=[
            services.InvitationData(citizens, ["social", "email"]),
            services.InvitationData(media, []),
        ],
    )
    invitation = Invitation.objects.get()
    assert (invitation.group, invitation.channels) == (citizens, ["email", "social"])
    assert invitation.channel_labels == ["Correo electrónico", "Redes sociales"]
    services.space_invitations_replace(
        actor=None, space=space, invitations=[services.InvitationData(media, ["media"])]
    )
    assert list(Invitation.objects.values_list("group__name", "channels")) == [
        ("Medios", ["media"])
    ]
    assert AuditRecord.objects.filter(action="space_invitations_replace").count() == 2
    with pytest.raises(ValidationError, match="Canal desconocido"):
        services.space_invitations_replace(
            actor=None, space=space, invitations=[services.InvitationData(media, ["fax"])]
        )


def test_a_piece_is_planned_then_published_with_its_reach():
    import datetime as dt

    space = SpaceFactory()
    piece = space_services.communication_piece_add(
        actor=None,
        space=space,
        title="Invitación",
        channel="Redes sociales",
        date=dt.date(2023, 4, 1),
    )
    assert (piece.state, piece.reach) == ("planned", None)
    with pytest.raises(ValidationError) as planned_reach:
        space_services.communication_piece_state_set(
            actor=None, piece=piece, state="planned", reach=10
        )
    assert "reach" in planned_reach.value.message_dict
    space_services.communication_piece_state_set(
        actor=None, piece=piece, state="published", reach=1520
    )
    piece.refresh_from_db()
    assert (piece.state, piece.reach) == ("published", 1520)
    record = AuditRecord.objects.get(action="communication_piece_state_set")
    assert record.changes == {"state": ["planned", "published"], "reach": [None, 1520]}


def test_the_unsubscribe_link_marks_every_attendance_of_that_email_at_the_entity():
    first, later = SpaceFactory(), SpaceFactory()
    elsewhere = SpaceFactory(strategy=StrategyFactory(entity=EntityFactory(name="Otra entidad")))
    one = AttendanceFactory(space=first, email="ana@example.invalid", contact_consent=True)
    AttendanceFactory(space=later, email="ana@example.invalid", contact_consent=True)
    AttendanceFactory(space=elsewhere, email="ana@example.invalid", contact_consent=True)
    AttendanceFactory(space=first, email="otro@example.invalid", contact_consent=True)

    assert services.contact_unsubscribe(token=unsubscribe_token(one.pk)) == 2
    assert services.contact_unsubscribe(token=unsubscribe_token(one.pk)) == 0
    marked = Attendance.objects.filter(unsubscribed_at__isnull=False)
    assert sorted(marked.values_list("space_id", flat=True)) == sorted([first.pk, later.pk])
    record = AuditRecord.objects.get(action="contact_unsubscribe")
    assert record.actor is None and "ana" not in str(record.changes) + record.object_repr
    with pytest.raises(ValidationError, match="no es válido"):
        services.contact_unsubscribe(token=unsubscribe_token(one.pk) + "x")
    with pytest.raises(ValidationError, match="no es válido"):
        services.contact_unsubscribe(token=unsubscribe_token(999999))
