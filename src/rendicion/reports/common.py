"""What the annual and the per-space reports share: typed values for spaces and shares, the
space query with its counts, and the way a report's sections become its JSON.

A report is a header plus an ordered list of sections. Each section is a dataclass with a `key`
(the name of its HTML partial and of its DOCX writer), `as_json()` (the keys it contributes to
the report's JSON) and `omitted` (the JSON keys it leaves out for lack of records). The same list
drives the HTML, the DOCX and the JSON. No personal data ever enters these values.
"""

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar, Protocol

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from rendicion.participation.models import Attendance, Evaluation
from rendicion.participation.selectors import ParticipationStats, Share
from rendicion.spaces.models import Channel, PieceState, Space
from rendicion.spaces.selectors import space_memory_for


class Section(Protocol):
    key: ClassVar[str]

    def as_json(self) -> dict[str, Any]: ...

    @property
    def omitted(self) -> list[str]: ...


def sections_json(
    header: dict[str, Any], sections: list[Section], key_order: tuple[str, ...]
) -> dict[str, Any]:
    """The report's JSON: header and sections merged, keys in the published contract's order.

    The contract's key order predates the sections (e.g. `team_roles` comes before `activities`
    although the report shows it in the aprestamiento); keys not in `key_order` go at the end.
    """
    merged = dict(header)
    for section in sections:
        merged |= section.as_json()
    rank = {key: n for n, key in enumerate(key_order)}
    return dict(sorted(merged.items(), key=lambda item: rank.get(item[0], len(rank))))


def omitted_in_order(sections: list[Section], key_order: tuple[str, ...]) -> list[str]:
    omitted = [key for section in sections for key in section.omitted]
    return sorted(omitted, key=key_order.index)


# Typed values ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChannelItem:
    name: str
    account: str
    url: str
    views: int | None


@dataclass(frozen=True)
class PieceItem:
    title: str
    channel: str
    date: str


@dataclass(frozen=True)
class FigureItem:
    value: str  # as Colombian texts write it: "339.876"
    label: str
    period: str


@dataclass
class HighlightItem:
    heading: str
    text: str
    figures: list[FigureItem]


@dataclass(frozen=True)
class PhotoItem:
    """A published photo: its public address (the web copy, without camera data) and texts."""

    pk: int
    url: str
    alt_text: str
    caption: str
    credit: str
    width: int
    height: int


@dataclass(frozen=True)
class RecordingItem:
    title: str
    url: str
    channel: str


@dataclass
class MemoryItem:
    """The memory of a space: results presented, photos, recordings."""

    highlights: list[HighlightItem] = field(default_factory=list)
    photos: list[PhotoItem] = field(default_factory=list)
    recordings: list[RecordingItem] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.highlights or self.photos or self.recordings)


def memory_items(spaces: list[Space]) -> dict[int, MemoryItem]:
    """The published memory of each space, in a fixed number of queries."""
    memory = space_memory_for(spaces=spaces, published_only=True)
    items = {}
    for pk, m in memory.items():
        items[pk] = MemoryItem(
            highlights=[
                HighlightItem(
                    h.heading,
                    h.text,
                    [FigureItem(f.display, f.label, f.period) for f in h.figures],
                )
                for h in m.highlights
            ],
            photos=[
                PhotoItem(
                    p.pk,
                    reverse("spaces:photo", args=[p.space.slug, p.pk, "web"]),
                    p.alt_text,
                    p.caption,
                    p.credit,
                    p.width,
                    p.height,
                )
                for p in m.photos
            ],
            recordings=[
                RecordingItem(r.get("title", ""), r.get("url", ""), r.get("channel", ""))
                for r in m.recordings
            ],
        )
    return items


@dataclass
class SpaceSummary:
    """What every report says about a space. Dates are ISO strings, as in the JSON."""

    slug: str
    title: str
    kind: str
    date: str
    starts_at: str
    duration_minutes: int
    modality: str
    modality_label: str
    status: str
    venue: str
    venue_address: str
    organisers: list[str]
    topics: list[str]
    channels: list[ChannelItem]
    attendance_forms: int
    evaluation_forms: int

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def space_summary_fields(space: Space) -> dict[str, Any]:
    """The SpaceSummary fields of a space from `spaces_with_counts` (no query of its own)."""
    starts_at = timezone.localtime(space.starts_at)
    return {
        "slug": space.slug,
        "title": space.title,
        "kind": space.kind,
        "date": starts_at.date().isoformat(),
        "starts_at": starts_at.isoformat(),
        "duration_minutes": space.duration_minutes,
        "modality": space.modality,
        "modality_label": str(space.get_modality_display()),
        "status": space.status,
        "venue": space.venue_name if space.has_venue else "",
        "venue_address": space.venue_address if space.has_venue else "",
        "organisers": [office.name for office in space.organisers.all()],
        "topics": list(space.topics),
        "channels": [ChannelItem(c.name, c.account, c.url, c.views) for c in space.channels.all()]
        if space.has_channels
        else [],
        "attendance_forms": space.attendance_count,
        "evaluation_forms": space.evaluation_count,
    }


def published_pieces(space: Space) -> list[PieceItem]:
    """The space's communication pieces that went out (planned ones are not reported)."""
    return [
        PieceItem(p.title, p.channel, p.date.isoformat())
        for p in space.pieces.all()
        if p.state == PieceState.PUBLISHED
    ]


@dataclass
class Shares:
    """Attendances by sex and by age group, with counts and half-up percentages."""

    attendances: int
    by_sex: list[Share] = field(default_factory=list)
    by_age_group: list[Share] = field(default_factory=list)

    @classmethod
    def of(cls, stats: ParticipationStats) -> "Shares":
        return cls(stats.attendances, stats.sex_shares, stats.age_shares)

    @staticmethod
    def share_json(shares: list[Share]) -> dict[str, dict[str, Any]]:
        return {s.code: {"count": s.count, "pct": s.pct, "label": s.label} for s in shares}


# Queries --------------------------------------------------------------------------------------


def _count(model) -> Coalesce:
    return Coalesce(
        Subquery(
            model.objects.filter(space=OuterRef("pk"))
            .order_by()
            .values("space")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def _views() -> Coalesce:
    return Coalesce(
        Subquery(
            Channel.objects.filter(space=OuterRef("pk"))
            .order_by()
            .values("space")
            .annotate(total=Sum("views"))
            .values("total"),
            output_field=IntegerField(),
        ),
        0,
    )


def spaces_with_counts(spaces: QuerySet[Space]) -> QuerySet[Space]:
    """Spaces with attendance, evaluation and view counts, each in one subquery."""
    return (
        spaces.select_related("strategy__entity")
        .prefetch_related("channels", "pieces", "organisers")
        .annotate(
            attendance_count=_count(Attendance),
            evaluation_count=_count(Evaluation),
            views_total=_views(),
        )
        .order_by("starts_at", "pk")
    )
