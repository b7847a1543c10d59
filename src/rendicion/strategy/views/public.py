"""Public strategy pages."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from rendicion.core.selectors import entity_current

from .. import selectors
from ..models import Strategy


def strategy_public(request: HttpRequest, year: int) -> HttpResponse:
    try:
        strategy = selectors.strategy_get(entity=entity_current(), year=year)
    except Strategy.DoesNotExist:
        raise Http404 from None
    detail = selectors.strategy_detail(strategy=strategy)
    plan = selectors.dialogue_plan_get(strategy=strategy)
    return render(request, "strategy/public_detail.html", {"detail": detail, "plan": plan})
