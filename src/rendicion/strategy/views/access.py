"""Who may see or edit a staff strategy page: the lookups every staff view starts with."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from rendicion.core.selectors import entity_current

from .. import permissions, selectors
from ..models import Activity, Strategy


def _staff_strategy(request: HttpRequest, year: int) -> Strategy:
    if not permissions.can_view_staff_strategy(request.user):
        raise PermissionDenied
    try:
        return selectors.strategy_get(entity=entity_current(), year=year, published_only=False)
    except Strategy.DoesNotExist:
        raise Http404 from None


def _editable_strategy(request: HttpRequest, year: int) -> Strategy:
    strategy = _staff_strategy(request, year)
    if not permissions.can_edit_strategy(request.user):
        raise PermissionDenied
    return strategy


def _activity(request: HttpRequest, year: int, number: int) -> Activity:
    strategy = _staff_strategy(request, year)
    activity = get_object_or_404(
        selectors.activity_queryset(strategy).select_related("strategy"), number=number
    )
    if not permissions.can_view_activity(request.user, activity):
        raise PermissionDenied
    return activity
