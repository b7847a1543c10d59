"""Every write to stakeholder groups, information needs and the convocation of spaces, and the
unsubscribe from invitations (marked by participation). Each one is audited.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from rendicion.core import hooks
from rendicion.core.models import Entity, Office, User
from rendicion.core.services import audit_record, changes_between, snapshot
from rendicion.spaces.models import Space
from rendicion.strategy.models import Activity

from .models import InformationNeed, Invitation, InvitationChannel, StakeholderGroup
from .tokens import unsubscribe_token_read

GROUP_FIELDS = [
    "name",
    "description",
    "geographic",
    "demographic",
    "intrinsic",
    "behavioural",
    "is_active",
]


@dataclass
class GroupData:
    name: str
    description: str = ""
    geographic: str = ""
    demographic: str = ""
    intrinsic: str = ""
    behavioural: str = ""
    offices: Sequence[Office] = ()
    is_active: bool = True


def _group_snapshot(group: StakeholderGroup) -> dict:
    values = snapshot(group, GROUP_FIELDS)
    if group.pk:
        values["offices"] = sorted(office.name for office in group.offices.all())
    return values


@transaction.atomic
def stakeholder_group_save(
    *,
    actor: User | None,
    entity: Entity,
    data: GroupData,
    group: StakeholderGroup | None = None,
) -> StakeholderGroup:
    """Creates a group (last in order) or updates its name, characterisation and offices."""
    creating = group is None
    name = " ".join(data.name.split())
    same_name = StakeholderGroup.objects.filter(entity=entity, name__iexact=name)
    if group is not None:
        same_name = same_name.exclude(pk=group.pk)
    errors: dict[str, str] = {}
    if same_name.exists():
        errors["name"] = _("Ya hay un grupo de valor con ese nombre.")
    if any(office.entity_id != entity.pk for office in data.offices):
        errors["offices"] = _("La dependencia no pertenece a la entidad.")
    if errors:
        raise ValidationError(errors)
    if group is None:
        last = StakeholderGroup.objects.filter(entity=entity).aggregate(n=Max("number"))["n"]
        group = StakeholderGroup(entity=entity, number=(last or 0) + 1)
    before = {} if creating else _group_snapshot(group)
    group.name = name
    for attribute in ("description", "geographic", "demographic", "intrinsic", "behavioural"):
        setattr(group, attribute, getattr(data, attribute).strip())
    group.is_active = data.is_active
    group.full_clean(exclude=["entity"])
    group.save()
    group.offices.set(data.offices)
    changes = changes_between(before, _group_snapshot(group))
    if changes:
        audit_record(
            actor=actor,
            action="stakeholder_group_create" if creating else "stakeholder_group_update",
            target=group,
            changes=changes,
        )
    return group


@dataclass
class NeedData:
    topic: str
    office: Office | None = None
    channel: str = ""
    activity: Activity | None = None
    space: Space | None = None


def _need_row(need: InformationNeed | NeedData) -> list:
    return [
        need.topic.strip(),
        need.office.name if need.office else None,
        need.channel.strip(),
        need.activity.pk if need.activity else None,
        need.space.pk if need.space else None,
    ]


@transaction.atomic
def information_needs_replace(
    *, actor: User | None, group: StakeholderGroup, needs: Sequence[NeedData]
) -> None:
    """The group's information needs become these, in order."""
    entity_id = group.entity_id
    foreign = [
        need
        for need in needs
        if (need.office and need.office.entity_id != entity_id)
        or (need.activity and need.activity.strategy.entity_id != entity_id)
        or (need.space and need.space.strategy.entity_id != entity_id)
    ]
    if foreign:
        raise ValidationError(
            _(
                "La necesidad «%(topic)s» menciona una dependencia, actividad o espacio de otra entidad."
            )
            % {"topic": foreign[0].topic}
        )
    existing = list(group.needs.select_related("office").order_by("number"))
    before = [_need_row(need) for need in existing]
    after = [_need_row(need) for need in needs if need.topic.strip()]
    if before == after:
        return
    group.needs.all().delete()
    created = [
        InformationNeed(
            group=group,
            number=number,
            topic=need.topic.strip(),
            office=need.office,
            channel=need.channel.strip(),
            activity=need.activity,
            space=need.space,
        )
        for number, need in enumerate((n for n in needs if n.topic.strip()), start=1)
    ]
    for need in created:
        need.full_clean(exclude=["group"])
    InformationNeed.objects.bulk_create(created)
    audit_record(
        actor=actor,
        action="information_needs_replace",
        target=group,
        changes={"needs": [before, after]},
    )


@dataclass
class InvitationData:
    group: StakeholderGroup
    channels: list[str] = field(default_factory=list)


@transaction.atomic
def space_invitations_replace(
    *, actor: User | None, space: Space, invitations: Sequence[InvitationData]
) -> None:
    """The convocation of a space: these groups are invited through these channels (no others)."""
    entity_id = space.strategy.entity_id
    wanted: dict[int, list[str]] = {}
    for invitation in invitations:
        if invitation.group.entity_id != entity_id:
            raise ValidationError(_("El grupo de valor no pertenece a la entidad."))
        unknown = [code for code in invitation.channels if code not in InvitationChannel.values]
        if unknown:
            raise ValidationError(_("Canal desconocido: %(codes)s") % {"codes": unknown})
        channels = [code for code in InvitationChannel.values if code in invitation.channels]
        if channels:
            wanted[invitation.group.pk] = channels
    existing = {inv.group_id: inv for inv in space.invitations.select_related("group")}
    before = {inv.group.name: inv.channels for inv in existing.values()}
    names = dict(StakeholderGroup.objects.filter(pk__in=wanted).values_list("pk", "name"))
    after = {names[pk]: channels for pk, channels in wanted.items()}
    if before == after:
        return
    space.invitations.exclude(group_id__in=wanted).delete()
    for group_id, channels in wanted.items():
        invitation = existing.get(group_id)
        if invitation is None:
            Invitation.objects.create(space=space, group_id=group_id, channels=channels)
        elif invitation.channels != channels:
            invitation.channels = channels
            invitation.save(update_fields=["channels"])
    audit_record(
        actor=actor,
        action="space_invitations_replace",
        target=space,
        changes={"invitations": [before, after]},
    )


def invitation_list_exported(*, actor: User | None, space: Space, people: int) -> None:
    """Leaves a trace of who took personal data out for a mailing (Ley 1581)."""
    audit_record(
        actor=actor,
        action="invitation_list_export",
        target=space,
        changes={"people": [None, people]},
    )


@transaction.atomic
def contact_unsubscribe(*, token: str) -> int:
    """Honours an unsubscribe link: that person gets no more invitations from this entity.

    The link names one attendance; participation marks every attendance of the same e-mail at
    the entity. Returns how many were marked now (0 when the person had already unsubscribed).
    """
    attendance_id = unsubscribe_token_read(token)
    attendance = (
        hooks.attendance_for_contact(pk=attendance_id) if attendance_id is not None else None
    )
    if attendance is None:
        raise ValidationError(
            _(
                "Este enlace no es válido o ya no existe. Escriba a la entidad por sus canales de atención."
            )
        )
    return hooks.attendance_contact_unsubscribe(attendance=attendance)
