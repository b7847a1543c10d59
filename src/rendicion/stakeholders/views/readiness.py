"""A strategy's aprestamiento: the assessment made for it, groups, parrilla, convocation."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rendicion.assessment import selectors as assessment_selectors
from rendicion.assessment.models import SelfAssessment
from rendicion.core.selectors import entity_current
from rendicion.spaces.selectors import space_list_for_user
from rendicion.strategy.selectors import strategy_years

from .. import permissions, selectors
from .common import strategy_or_404, viewer


@login_required
def readiness_home(request: HttpRequest) -> HttpResponse:
    viewer(request)
    entity = entity_current()
    return render(
        request,
        "stakeholders/readiness_home.html",
        {"years": strategy_years(entity=entity, published_only=False)},
    )


@login_required
def readiness_year(request: HttpRequest, year: int) -> HttpResponse:
    """A strategy's aprestamiento: the assessment made for it, groups, parrilla, convocation."""
    strategy = strategy_or_404(request, year)
    entity = strategy.entity
    try:
        assessment = assessment_selectors.assessment_get(entity=entity, year=year - 1)
    except SelfAssessment.DoesNotExist:
        detail = None
    else:
        detail = assessment_selectors.assessment_detail(assessment=assessment)
    spaces = list(
        space_list_for_user(user=request.user, entity=entity, year=year).prefetch_related(
            "invitations__group"
        )
    )
    pieces = selectors.parrilla_for_user(user=request.user, entity=entity, year=year)
    return render(
        request,
        "stakeholders/readiness_year.html",
        {
            "strategy": strategy,
            "detail": detail,
            "groups": selectors.stakeholder_group_queryset(entity=entity),
            "spaces": spaces,
            "totals": selectors.parrilla_totals(pieces),
            "can_edit": permissions.can_edit_stakeholders(request.user),
        },
    )
