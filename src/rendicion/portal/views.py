"""The public home (what is happening, what happened, how to take part) and the staff home."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rendicion.core.selectors import entity_current
from rendicion.strategy.permissions import can_edit_strategy, can_view_staff_strategy
from rendicion.strategy.selectors import strategy_years

from .selectors import home_public, work_queue


def home(request: HttpRequest) -> HttpResponse:
    entity = entity_current()
    return render(
        request,
        "portal/home.html",
        {
            "entity": entity,
            "home": home_public(entity=entity),
            "years": strategy_years(entity=entity),
        },
    )


@login_required
def staff_home(request: HttpRequest) -> HttpResponse:
    if not can_view_staff_strategy(request.user):
        raise PermissionDenied
    entity = entity_current()
    return render(
        request,
        "portal/staff_home.html",
        {
            "years": strategy_years(entity=entity, published_only=False),
            "can_edit": can_edit_strategy(request.user),
            "queue": work_queue(user=request.user, entity=entity),
        },
    )
