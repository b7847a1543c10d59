"""Every write to spaces, their channels, agenda and communication pieces. Audited."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from rendicion.core.models import Office, User
from rendicion.core.services import audit_record, changes_between, snapshot
from rendicion.strategy.models import Strategy

from ..models import (
    AgendaItem,
    Channel,
    CommunicationPiece,
    Modality,
    PieceState,
    Space,
    SpaceStatus,
)

SPACE_FIELDS = [
    "kind",
    "title",
    "slug",
    "topics",
    "purpose",
    "methodology",
    "structure",
    "starts_at",
    "duration_minutes",
    "modality",
    "venue_name",
    "venue_address",
    "venue_locality",
    "reports_on_year",
    "status",
    "is_published",
    "attendance_opens_at",
    "attendance_closes_at",
    "evaluation_opens_at",
    "evaluation_closes_at",
]
FORMS = ("attendance", "evaluation")


@dataclass
class ChannelData:
    name: str
    account: str = ""
    url: str = ""
    views: int | None = None


@dataclass
class AgendaItemData:
    title: str
    starts_at: dt.time | None = None
    speaker: str = ""


@dataclass
class SpaceData:
    kind: str
    title: str
    starts_at: dt.datetime
    modality: str
    slug: str = ""
    topics: list[str] = field(default_factory=list)
    purpose: str = ""
    methodology: str = ""
    structure: list[str] = field(default_factory=list)
    duration_minutes: int = 90
    venue_name: str = ""
    venue_address: str = ""
    venue_locality: str = ""
    reports_on_year: int | None = None
    status: str = SpaceStatus.PLANNED
    is_published: bool = True
    organisers: Sequence[Office] = ()


def space_publication_check(*, data: SpaceData, channels: Sequence[ChannelData]) -> None:
    """A virtual or mixed space is published only with the link people use to join it."""
    joins_online = data.modality in (Modality.VIRTUAL, Modality.HYBRID)
    if data.is_published and joins_online and not any(c.url.strip() for c in channels):
        raise ValidationError(
            {
                "is_published": _(
                    "Un espacio virtual o mixto se publica con el enlace para unirse: agregue "
                    "en «Canales» el enlace de la transmisión o de la reunión, o deje el espacio "
                    "sin publicar por ahora."
                )
            }
        )


def _space_snapshot(space: Space) -> dict:
    values = snapshot(space, SPACE_FIELDS)
    if space.pk:
        values["organisers"] = sorted(o.name for o in space.organisers.all())
    return values


def _unique_slug(base: str, exclude_pk: int | None = None) -> str:
    slug = slugify(base)[:110] or "espacio"
    candidate, n = slug, 2
    while Space.objects.exclude(pk=exclude_pk).filter(slug=candidate).exists():
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def default_form_windows(starts_at: dt.datetime, duration_minutes: int) -> dict[str, dt.datetime]:
    """Forms open a week before the space and close two days after it ends."""
    ends = starts_at + dt.timedelta(minutes=duration_minutes)
    return {
        "attendance_opens_at": starts_at - dt.timedelta(days=7),
        "attendance_closes_at": ends + dt.timedelta(days=2),
        "evaluation_opens_at": starts_at,
        "evaluation_closes_at": ends + dt.timedelta(days=2),
    }


def _apply(space: Space, data: SpaceData) -> None:
    for name in (
        "kind",
        "title",
        "starts_at",
        "modality",
        "purpose",
        "methodology",
        "duration_minutes",
        "venue_name",
        "venue_address",
        "venue_locality",
        "reports_on_year",
        "status",
        "is_published",
    ):
        value = getattr(data, name)
        setattr(space, name, value.strip() if isinstance(value, str) else value)
    space.topics = [t.strip() for t in data.topics if t.strip()]
    space.structure = [s.strip() for s in data.structure if s.strip()]


def _validate(space: Space, data: SpaceData) -> None:
    space.full_clean(exclude=["strategy"])
    foreign = [o for o in data.organisers if o.entity_id != space.strategy.entity_id]
    if foreign:
        raise ValidationError({"organisers": _("La dependencia no pertenece a la entidad.")})


@transaction.atomic
def space_create(*, actor: User | None, strategy: Strategy, data: SpaceData) -> Space:
    space = Space(strategy=strategy)
    _apply(space, data)
    space.slug = data.slug.strip() or _unique_slug(f"{data.title} {data.starts_at:%Y}")
    for name, value in default_form_windows(data.starts_at, data.duration_minutes).items():
        setattr(space, name, value)
    _validate(space, data)
    space.save()
    space.organisers.set(data.organisers)
    audit_record(
        actor=actor,
        action="space_create",
        target=space,
        changes=changes_between({}, _space_snapshot(space)),
    )
    return space


@transaction.atomic
def space_update(*, actor: User | None, space: Space, data: SpaceData) -> Space:
    before = _space_snapshot(space)
    _apply(space, data)
    if data.slug.strip():
        space.slug = data.slug.strip()
    _validate(space, data)
    space.save()
    space.organisers.set(data.organisers)
    changes = changes_between(before, _space_snapshot(space))
    if changes:
        audit_record(actor=actor, action="space_update", target=space, changes=changes)
    return space


@transaction.atomic
def space_status_set(*, actor: User | None, space: Space, status: str, reason: str = "") -> Space:
    """Changes the space's state; cancelling a space already held needs a written reason,
    which the audit log keeps."""
    if status not in SpaceStatus.values:
        raise ValidationError({"status": _("Estado desconocido.")})
    reason = reason.strip()
    if status == SpaceStatus.CANCELLED and space.status == SpaceStatus.HELD and not reason:
        raise ValidationError(
            {"reason": _("Escriba por qué se cancela un espacio que ya se realizó.")}
        )
    if status == SpaceStatus.HELD and space.starts_at > timezone.now():
        raise ValidationError(
            {"status": _("Un espacio no puede quedar realizado antes de su fecha.")}
        )
    if space.status != status:
        audit_record(
            actor=actor,
            action="space_status_set",
            target=space,
            changes={
                "status": [space.status, status],
                **({"reason": ["", reason]} if reason else {}),
            },
        )
        space.status = status
        space.save(update_fields=["status", "updated_at"])
    return space


@transaction.atomic
def space_form_window_set(
    *,
    actor: User | None,
    space: Space,
    form: str,
    opens_at: dt.datetime | None,
    closes_at: dt.datetime | None,
) -> Space:
    """Opens or closes the attendance or evaluation form (a window in time)."""
    if form not in FORMS:
        raise ValueError(form)
    before = snapshot(space, [f"{form}_opens_at", f"{form}_closes_at"])
    setattr(space, f"{form}_opens_at", opens_at)
    setattr(space, f"{form}_closes_at", closes_at)
    space.full_clean(exclude=["strategy"])
    space.save(update_fields=[f"{form}_opens_at", f"{form}_closes_at", "updated_at"])
    changes = changes_between(before, snapshot(space, [f"{form}_opens_at", f"{form}_closes_at"]))
    if changes:
        audit_record(actor=actor, action="space_form_window_set", target=space, changes=changes)
    return space


@transaction.atomic
def space_channels_replace(
    *, actor: User | None, space: Space, channels: Sequence[ChannelData]
) -> None:
    before = [[c.name, c.account, c.url, c.views] for c in space.channels.order_by("pk")]
    after = [[c.name.strip(), c.account.strip(), c.url.strip(), c.views] for c in channels]
    if before == after:
        return
    space.channels.all().delete()
    created = [Channel(space=space, name=n, account=a, url=u, views=v) for n, a, u, v in after]
    for channel in created:
        channel.full_clean(exclude=["space"])
    Channel.objects.bulk_create(created)
    audit_record(
        actor=actor,
        action="space_channels_replace",
        target=space,
        changes={"channels": [before, after]},
    )


@transaction.atomic
def space_agenda_replace(
    *, actor: User | None, space: Space, items: Sequence[AgendaItemData]
) -> None:
    before = [[i.title, str(i.starts_at or ""), i.speaker] for i in space.agenda.order_by("order")]
    after = [[i.title.strip(), str(i.starts_at or ""), i.speaker.strip()] for i in items]
    if before == after:
        return
    space.agenda.all().delete()
    AgendaItem.objects.bulk_create(
        AgendaItem(
            space=space,
            order=n,
            title=i.title.strip(),
            starts_at=i.starts_at,
            speaker=i.speaker.strip(),
        )
        for n, i in enumerate(items, 1)
    )
    audit_record(
        actor=actor,
        action="space_agenda_replace",
        target=space,
        changes={"agenda": [before, after]},
    )


@transaction.atomic
def communication_piece_add(
    *, actor: User | None, space: Space, title: str, channel: str, date: dt.date, file=None
) -> CommunicationPiece:
    from rendicion.core.uploads import upload_check

    if file:
        upload_check(file, field="file")
    piece = CommunicationPiece(space=space, title=title.strip(), channel=channel.strip(), date=date)
    if file:
        piece.file = file
    piece.full_clean()
    piece.save()
    audit_record(
        actor=actor,
        action="communication_piece_add",
        target=piece,
        changes={"space": [None, str(space)], "title": [None, piece.title]},
    )
    return piece


@transaction.atomic
def communication_piece_state_set(
    *, actor: User | None, piece: CommunicationPiece, state: str, reach: int | None
) -> CommunicationPiece:
    """Marks a piece of the parrilla planned or published, with its reach once published."""
    if state not in PieceState.values:
        raise ValidationError({"state": _("Estado desconocido.")})
    if state == PieceState.PLANNED and reach is not None:
        raise ValidationError(
            {"reach": _("Una pieza programada todavía no tiene alcance: márquela publicada.")}
        )
    if reach is not None and reach < 0:
        raise ValidationError({"reach": _("El alcance no puede ser negativo.")})
    before = snapshot(piece, ["state", "reach"])
    piece.state, piece.reach = state, reach
    piece.full_clean(exclude=["space", "file"])
    changes = changes_between(before, snapshot(piece, ["state", "reach"]))
    if changes:
        piece.save(update_fields=["state", "reach"])
        audit_record(
            actor=actor, action="communication_piece_state_set", target=piece, changes=changes
        )
    return piece


from .memory import (  # noqa: E402, F401 (re-exported: spaces.services is the one entry)
    FigureData,
    HighlightData,
    PhotoText,
    highlight_figures_parse,
    space_highlight_add,
    space_highlight_delete,
    space_photo_add,
    space_photo_delete,
    space_photo_update,
    space_recording_add,
    space_recording_delete,
)
