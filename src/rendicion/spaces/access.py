"""One access rule per audience for a space, shared by every app's views (zulip's access_*
helpers): a page either gets the space it may show or answers 404/403."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from rendicion.core.models import User

from .models import Space
from .permissions import space_can_view


def _get(spaces: QuerySet[Space], slug: str) -> Space:
    try:
        return spaces.get(slug=slug)
    except Space.DoesNotExist:
        raise Http404 from None


def access_space_public(slug: str, *, spaces: QuerySet[Space] | None = None) -> Space:
    """A space the public may see: published, of a published strategy; else 404.

    `spaces` lets a page ask for what it shows (prefetches); by default only the space and its
    entity, in one query, which is all a public form needs.
    """
    spaces = Space.objects.select_related("strategy__entity") if spaces is None else spaces
    return _get(spaces.filter(is_published=True, strategy__is_published=True), slug)


def access_space_staff(user: User, slug: str, *, spaces: QuerySet[Space] | None = None) -> Space:
    """A space this staff member may see (office staff: their offices' spaces); 404 when there
    is no such space, 403 when it is another office's."""
    if spaces is None:
        spaces = Space.objects.select_related("strategy__entity")
    space = _get(spaces.prefetch_related("organisers"), slug)
    if not space_can_view(user, space):
        raise PermissionDenied
    return space
