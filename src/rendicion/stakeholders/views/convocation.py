"""Convocation of a space, the invitation list, and the public unsubscribe link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from rendicion.core.exporters import export_response
from rendicion.core.forms import validation_error_to_form
from rendicion.spaces.models import Space

from .. import permissions, selectors, services
from ..exports import InvitationListExporter
from ..forms import InvitationsForm, InviteesForm
from ..models import StakeholderGroup
from ..tokens import unsubscribe_token_read
from .common import piece_state_forms, space_or_404


def _invitees(request: HttpRequest, space: Space):
    """The invitation list from the sources chosen in the GET form (all earlier spaces at first)."""
    sources = selectors.invitation_sources(space=space)
    if request.GET.get("shown"):
        form = InviteesForm(request.GET, sources=sources)
        form.is_valid()
        chosen = form.cleaned_data.get("sources") or Space.objects.none()
        only_invited = form.cleaned_data.get("only_invited", False)
    else:
        form = InviteesForm(initial={"sources": list(sources)}, sources=sources)
        chosen, only_invited = sources, False
    people = selectors.invitation_list(
        space=space, sources=chosen, only_invited_groups=only_invited
    )
    return form, people


@login_required
def convocation(request: HttpRequest, slug: str) -> HttpResponse:
    space = space_or_404(request, slug)
    can_plan = permissions.can_plan_communication(request.user)
    invitees_form, people = _invitees(request, space)
    pieces = list(space.pieces.all())
    return render(
        request,
        "stakeholders/convocation.html",
        {
            "space": space,
            "invitations": selectors.space_invitations(space=space),
            "rows": piece_state_forms(pieces) if can_plan else [(p, None) for p in pieces],
            "invitees_form": invitees_form,
            "people_count": len(people),
            "query": request.GET.urlencode(),
            "can_plan": can_plan,
            "can_export": permissions.can_export_invitees(request.user),
            "back": request.get_full_path(),
        },
    )


@login_required
def convocation_groups(request: HttpRequest, slug: str) -> HttpResponse:
    space = space_or_404(request, slug)
    if not permissions.can_plan_communication(request.user):
        raise PermissionDenied
    groups = StakeholderGroup.objects.filter(entity=space.strategy.entity, is_active=True).order_by(
        "number"
    )
    current = {inv.group_id: inv.channels for inv in selectors.space_invitations(space=space)}
    form = InvitationsForm(
        request.POST or None,
        groups=groups,
        initial={f"group_{pk}": channels for pk, channels in current.items()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.space_invitations_replace(
                actor=request.user,
                space=space,
                invitations=[
                    services.InvitationData(group, channels)
                    for group, channels in form.invitations()
                ],
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("La convocatoria quedó guardada."))
            return redirect("stakeholders:convocation", slug=space.slug)
    return render(request, "stakeholders/convocation_groups.html", {"space": space, "form": form})


@login_required
def invitees_export(request: HttpRequest, slug: str) -> HttpResponseBase:
    """The invitation list as CSV for a mailing, each line with its own unsubscribe link."""
    space = space_or_404(request, slug)
    if not permissions.can_export_invitees(request.user):
        raise PermissionDenied
    _form, people = _invitees(request, space)
    services.invitation_list_exported(actor=request.user, space=space, people=len(people))
    exporter = InvitationListExporter(
        space=space,
        people=people,
        unsubscribe_url=lambda token: request.build_absolute_uri(
            reverse("stakeholders:unsubscribe", args=[token])
        ),
    )
    return export_response(exporter, "csv")


@never_cache
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Public, no login: the person confirms and stops receiving invitations."""
    if unsubscribe_token_read(token) is None:
        return render(request, "stakeholders/unsubscribe_invalid.html", status=404)
    if request.method == "POST":
        try:
            services.contact_unsubscribe(token=token)
        except ValidationError:
            return render(request, "stakeholders/unsubscribe_invalid.html", status=404)
        return render(request, "stakeholders/unsubscribe_done.html")
    return render(request, "stakeholders/unsubscribe.html")
