import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from rendicion.core.models import Entity, Office, User
from rendicion.core.numbers import figure_format
from rendicion.core.permissions import sees_whole_entity, user_office_ids
from rendicion.strategy.models import DialoguePlan, Strategy

from .models import Space, SpaceHighlight, SpaceKind, SpacePhoto, SpaceStatus


def space_count_held(*, strategy: Strategy, kind: str) -> int:
    return Space.objects.filter(strategy=strategy, kind=kind, status=SpaceStatus.HELD).count()


def space_queryset() -> QuerySet[Space]:
    return Space.objects.select_related("strategy", "strategy__entity").prefetch_related(
        Prefetch("organisers", queryset=Office.objects.order_by("name")),
        "channels",
        "agenda",
        "pieces",
    )


def space_list(
    *, entity: Entity | None, year: int | None = None, public_only: bool = True
) -> QuerySet[Space]:
    spaces = space_queryset().filter(strategy__entity=entity)
    if year is not None:
        spaces = spaces.filter(strategy__year=year)
    if public_only:
        spaces = spaces.filter(is_published=True, strategy__is_published=True)
    return spaces.order_by("starts_at", "pk")


def space_filter_for_user(spaces: QuerySet[Space], *, user: User) -> QuerySet[Space]:
    """Office staff keep only the spaces their offices organise (README: each office sees its own)."""
    if sees_whole_entity(user):
        return spaces
    office_ids = user_office_ids(user) if user.is_authenticated else frozenset()
    return spaces.filter(pk__in=Space.objects.filter(organisers__in=office_ids).values("pk"))


def space_list_for_user(
    *, user: User, entity: Entity | None, year: int | None = None
) -> QuerySet[Space]:
    """The staff list of spaces: every space for entity-wide roles, their own for office staff."""
    return space_filter_for_user(space_list(entity=entity, year=year, public_only=False), user=user)


def space_get(*, slug: str, public_only: bool = True) -> Space:
    spaces = space_queryset().filter(slug=slug)
    if public_only:
        spaces = spaces.filter(is_published=True, strategy__is_published=True)
    return spaces.get()


def events_as_json(spaces: QuerySet[Space]) -> list[dict]:
    """The contract of `rendicion events --json` (DESIGN.md section 5)."""
    return [
        {
            "slug": space.slug,
            "kind": space.kind,
            "title": space.title,
            "starts_at": timezone.localtime(space.starts_at).isoformat(),
            "modality": space.modality,
            "year": space.strategy.year,
            "status": space.status,
            "duration_minutes": space.duration_minutes,
        }
        for space in spaces.order_by("starts_at", "slug")
    ]


@dataclass(frozen=True)
class QuarterCheck:
    """How one quarter of the year did against the dialogue plan's frequency rule."""

    quarter: int
    required: int
    held: int
    planned: int
    ended: bool

    @property
    def missing(self) -> bool:
        """Short of the rule: an ended quarter without enough dialogues held, or a quarter to
        come without enough dialogues held or scheduled."""
        done = self.held if self.ended else self.held + self.planned
        return done < self.required


def _quarter_of(moment: dt.datetime) -> int:
    return (timezone.localtime(moment).month - 1) // 3 + 1


def _quarter_end(year: int, quarter: int) -> dt.date:
    return dt.date(year + quarter // 4, 3 * quarter % 12 + 1, 1) - dt.timedelta(days=1)


def dialogue_plan_check(*, strategy: Strategy, today: dt.date | None = None) -> list[QuarterCheck]:
    """Each quarter the plan requires dialogues in, with those held and scheduled (two queries).
    Empty when the strategy has no plan."""
    plan = DialoguePlan.objects.filter(strategy=strategy).first()
    if plan is None:
        return []
    today = today or timezone.localdate()
    held: Counter[int] = Counter()
    planned: Counter[int] = Counter()
    dialogues = Space.objects.filter(strategy=strategy, kind=SpaceKind.DIALOGUE).exclude(
        status=SpaceStatus.CANCELLED
    )
    for starts_at, status in dialogues.values_list("starts_at", "status"):
        if timezone.localtime(starts_at).year != strategy.year:
            continue
        (held if status == SpaceStatus.HELD else planned)[_quarter_of(starts_at)] += 1
    return [
        QuarterCheck(
            quarter=quarter,
            required=plan.min_per_quarter,
            held=held[quarter],
            planned=planned[quarter],
            ended=today > _quarter_end(strategy.year, quarter),
        )
        for quarter in plan.quarters_required
    ]


@dataclass(frozen=True)
class FigureRow:
    display: str
    label: str
    period: str


@dataclass
class HighlightRow:
    pk: int
    heading: str
    text: str
    figures: list[FigureRow]


@dataclass
class SpaceMemory:
    """What a space leaves behind: its photos, recordings and the results presented."""

    photos: list[SpacePhoto]
    recordings: list[dict]
    highlights: list[HighlightRow]


def space_memory_for(*, spaces: list[Space], published_only: bool = True) -> dict[int, SpaceMemory]:
    """The memory of each space in two queries whatever their number: photos, and the results
    joined with their figures (recordings are kept with the space)."""
    ids = [space.pk for space in spaces]
    memory = {space.pk: SpaceMemory([], list(space.recordings), []) for space in spaces}
    photos = (
        SpacePhoto.objects.filter(space_id__in=ids)
        .select_related("space")
        .order_by("space", "order", "pk")
    )
    if published_only:
        photos = photos.filter(is_published=True)
    for photo in photos:
        memory[photo.space_id].photos.append(photo)
    rows = (
        SpaceHighlight.objects.filter(space_id__in=ids)
        .order_by("space", "order", "pk", "figures__order")
        .values_list(
            "pk",
            "space_id",
            "heading",
            "text",
            "figures__value",
            "figures__label",
            "figures__period",
        )
    )
    seen: dict[int, HighlightRow] = {}
    for pk, space_id, heading, text, value, label, period in rows:
        if pk not in seen:
            seen[pk] = HighlightRow(pk, heading, text, [])
            memory[space_id].highlights.append(seen[pk])
        if value is not None:
            seen[pk].figures.append(FigureRow(figure_format(value), label, period))
    return memory


def space_photo_public(*, pk: int) -> SpacePhoto:
    """A published photo of a public space; raises SpacePhoto.DoesNotExist otherwise."""
    return SpacePhoto.objects.select_related("space").get(
        pk=pk,
        is_published=True,
        space__is_published=True,
        space__strategy__is_published=True,
    )
