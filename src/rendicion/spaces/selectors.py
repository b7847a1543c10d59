from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from rendicion.core.models import Entity, Office, User
from rendicion.core.permissions import sees_whole_entity, user_office_ids
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
