from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from rendicion.core.models import Entity, Office
from rendicion.strategy.models import Strategy

from .models import Space, SpaceStatus


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
