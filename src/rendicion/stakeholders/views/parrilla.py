"""The parrilla: communication pieces per space, channel and date, and their state."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rendicion.core.forms import validation_error_to_form
from rendicion.core.selectors import entity_current
from rendicion.spaces import services as space_services
from rendicion.spaces.models import CommunicationPiece, Space
from rendicion.spaces.selectors import space_filter_for_user

from .. import permissions, selectors
from ..forms import PieceForm, PieceStateForm
from .common import piece_state_forms, strategy_or_404, viewer


@login_required
def parrilla_year(request: HttpRequest, year: int) -> HttpResponse:
    strategy = strategy_or_404(request, year)
    can_plan = permissions.can_plan_communication(request.user)
    spaces = space_filter_for_user(
        Space.objects.filter(strategy=strategy).select_related("strategy").order_by("starts_at"),
        user=request.user,
    )
    form = PieceForm(request.POST or None, spaces=spaces)
    if request.method == "POST":
        if not can_plan:
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            try:
                space_services.communication_piece_add(
                    actor=request.user,
                    space=d["space"],
                    title=d["title"],
                    channel=d["channel"],
                    date=d["date"],
                )
            except ValidationError as error:
                validation_error_to_form(form, error)
            else:
                messages.success(request, _("La pieza quedó programada en la parrilla."))
                return redirect("stakeholders:parrilla", year=year)
    pieces = list(selectors.parrilla_for_user(user=request.user, entity=strategy.entity, year=year))
    return render(
        request,
        "stakeholders/parrilla.html",
        {
            "strategy": strategy,
            "rows": piece_state_forms(pieces) if can_plan else [(p, None) for p in pieces],
            "totals": selectors.parrilla_totals(
                selectors.parrilla_for_user(user=request.user, entity=strategy.entity, year=year)
            ),
            "form": form,
            "can_plan": can_plan,
            "back": reverse("stakeholders:parrilla", args=[year]),
        },
    )


@login_required
@require_POST
def piece_state(request: HttpRequest, pk: int) -> HttpResponse:
    viewer(request)
    if not permissions.can_plan_communication(request.user):
        raise PermissionDenied
    piece = get_object_or_404(
        CommunicationPiece.objects.select_related("space__strategy"),
        pk=pk,
        space__strategy__entity=entity_current(),
    )
    back = request.POST.get("next", "")
    if not back.startswith("/gestion/"):
        back = reverse("stakeholders:convocation", args=[piece.space.slug])
    form = PieceStateForm(request.POST, prefix=f"pieza{piece.pk}")
    if not form.is_valid():
        messages.error(
            request,
            _("Revise el estado y el alcance de la pieza «%(title)s».") % {"title": piece.title},
        )
        return redirect(back)
    try:
        space_services.communication_piece_state_set(
            actor=request.user,
            piece=piece,
            state=form.cleaned_data["state"],
            reach=form.cleaned_data["reach"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("La pieza «%(title)s» quedó actualizada.") % {"title": piece.title}
        )
    return redirect(back)
