"""Reads of stakeholder groups, information needs, the parrilla and convocation. Fixed queries."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from rendicion.core import hooks
from rendicion.core.models import Entity, Office, User
from rendicion.core.numbers import percent
from rendicion.core.permissions import sees_whole_entity
from rendicion.core.text import normalise_words
from rendicion.spaces.models import CommunicationPiece, PieceState, Space
from rendicion.spaces.selectors import space_filter_for_user

from .models import InformationNeed, Invitation, StakeholderGroup
from .tokens import unsubscribe_token


@dataclass
class NeedSummary:
    topic: str
    office: str
    channel: str
    covered_by: str


@dataclass
class GroupSummary:
    name: str
    description: str
    offices: list[str]
    needs: list[NeedSummary]


def _needs_prefetch() -> Prefetch:
    return Prefetch(
        "needs",
        queryset=InformationNeed.objects.select_related(
            "office", "activity__strategy", "space"
        ).order_by("number"),
    )


def stakeholder_group_queryset(*, entity: Entity | None) -> QuerySet[StakeholderGroup]:
    return (
        StakeholderGroup.objects.filter(entity=entity)
        .prefetch_related(
            Prefetch("offices", queryset=Office.objects.order_by("name")), _needs_prefetch()
        )
        .order_by("number")
    )


def stakeholder_groups_for_report(*, entity: Entity | None) -> list[GroupSummary]:
    """The active groups with their offices and information needs, in three queries."""
    return [
        GroupSummary(
            name=group.name,
            description=group.description,
            offices=[office.name for office in group.offices.all()],
            needs=[
                NeedSummary(
                    topic=need.topic,
                    office=need.office.name if need.office else "",
                    channel=need.channel,
                    covered_by=need.covered_by,
                )
                for need in group.needs.all()
            ],
        )
        for group in stakeholder_group_queryset(entity=entity).filter(is_active=True)
    ]


def stakeholder_group_names(*, entity: Entity | None) -> list[str]:
    """The names the attendance form offers: the entity's active groups, in order."""
    return list(
        StakeholderGroup.objects.filter(entity=entity, is_active=True)
        .order_by("number")
        .values_list("name", flat=True)
    )


def information_need_matrix(*, entity: Entity | None) -> QuerySet[InformationNeed]:
    """Every need of every group: the matriz de necesidades de información."""
    return (
        InformationNeed.objects.filter(group__entity=entity)
        .select_related("group", "office", "activity__strategy", "space")
        .order_by("group__number", "number")
    )


@dataclass
class GroupParticipation:
    label: str
    count: int
    pct: int
    is_group: bool = True


@dataclass
class ParticipationByGroup:
    attendances: int
    rows: list[GroupParticipation] = field(default_factory=list)


def stakeholder_participation(*, entity: Entity | None, year: int) -> ParticipationByGroup:
    """Attendances of the year's spaces per group (matched by name), zeros included. Two queries."""
    counts = hooks.attendance_counts_by_group(entity=entity, year=year)
    by_key: dict[str, int] = {}
    for name, n in counts:
        key = normalise_words(name)
        by_key[key] = by_key.get(key, 0) + n
    total = sum(by_key.values())
    rows = []
    for name in stakeholder_group_names(entity=entity):
        n = by_key.pop(normalise_words(name), 0)
        rows.append(GroupParticipation(name, n, percent(n, total)))
    unanswered = by_key.pop("", 0)
    others = sum(by_key.values())
    if others:
        rows.append(GroupParticipation(_("Otros grupos"), others, percent(others, total), False))
    rows.append(GroupParticipation(_("No responde"), unanswered, percent(unanswered, total), False))
    return ParticipationByGroup(attendances=total, rows=rows)


# The parrilla and the convocation ----------------------------------------------------------


def parrilla(*, entity: Entity | None, year: int) -> QuerySet[CommunicationPiece]:
    """The year's communication pieces, by date: what goes out, where and when."""
    return (
        CommunicationPiece.objects.filter(
            space__strategy__entity=entity, space__strategy__year=year
        )
        .select_related("space")
        .order_by("date", "space__starts_at", "pk")
    )


def parrilla_for_user(*, user: User, entity: Entity | None, year: int):
    """The parrilla as a user may read it: office staff see their own spaces' pieces."""
    pieces = parrilla(entity=entity, year=year)
    if not sees_whole_entity(user):
        pieces = pieces.filter(
            space__in=space_filter_for_user(Space.objects.all(), user=user).values("pk")
        )
    return pieces


@dataclass
class ParrillaTotals:
    planned: int
    published: int
    reach: int | None


def parrilla_totals(pieces: QuerySet[CommunicationPiece]) -> ParrillaTotals:
    row = pieces.aggregate(
        planned=Count("pk", filter=Q(state=PieceState.PLANNED)),
        published=Count("pk", filter=Q(state=PieceState.PUBLISHED)),
        reach=Sum("reach"),
    )
    return ParrillaTotals(row["planned"], row["published"], row["reach"])


def space_invitations(*, space: Space) -> list[Invitation]:
    return list(space.invitations.select_related("group").order_by("group__number"))


def invitation_sources(*, space: Space) -> QuerySet[Space]:
    """Spaces whose attendees may be invited: the entity's earlier spaces, latest first."""
    return (
        Space.objects.filter(
            strategy__entity_id=space.strategy.entity_id, starts_at__lt=space.starts_at
        )
        .select_related("strategy")
        .order_by("-starts_at", "-pk")
    )


@dataclass
class Invitee:
    """A person to invite. Personal data: staff with access to it only."""

    attendance_id: int
    name: str
    email: str
    group: str
    last_space: str

    @property
    def token(self) -> str:
        return unsubscribe_token(self.attendance_id)


def invitation_list(
    *, space: Space, sources: QuerySet[Space], only_invited_groups: bool = False
) -> list[Invitee]:
    """Past attendees of `sources` who accepted invitations and did not unsubscribe (Ley 1581).

    The person's latest attendance at the entity decides: it must say yes to invitations and
    not be unsubscribed. One line per e-mail; people already registered in the space are left
    out. Three queries whatever the number of people.
    """
    already = hooks.attendance_emails(space=space)
    invited = None
    if only_invited_groups:
        invited = {
            normalise_words(name)
            for name in space.invitations.values_list("group__name", flat=True)
        }
    rows = hooks.attendance_contacts_latest_first(
        entity_id=space.strategy.entity_id, attended=sources
    )
    decided: set[str] = set()
    people: list[Invitee] = []
    for pk, name, email, group, space_title, consent, unsubscribed in rows.iterator(
        chunk_size=2000
    ):
        key = email.casefold()
        if key in decided:
            continue
        decided.add(key)
        if not consent or unsubscribed is not None or key in already:
            continue
        if invited is not None and normalise_words(group) not in invited:
            continue
        try:
            validate_email(email)
        except ValidationError:
            continue
        people.append(Invitee(pk, name, email, group, space_title))
    return sorted(people, key=lambda person: (normalise_words(person.name), person.email))
