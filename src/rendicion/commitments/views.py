"""Public follow-up of commitments, their staff management and the Colibrí export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rendicion.core.exporters import export_response
from rendicion.core.forms import validation_error_to_form
from rendicion.core.selectors import entity_current, office_list
from rendicion.spaces.models import Space, SpaceStatus
from rendicion.spaces.selectors import space_get
from rendicion.strategy.selectors import strategy_years

from . import permissions, selectors, services
from .exports import ColibriExporter
from .forms import CommitmentForm, ProgressForm
from .models import Commitment

# Public ----------------------------------------------------------------------------------------


def public_list(request: HttpRequest) -> HttpResponse:
    rows = selectors.commitment_rows(selectors.commitment_list(entity=entity_current()))
    years = sorted({row.commitment.space.strategy.year for row in rows}, reverse=True)
    return render(
        request,
        "commitments/public_list.html",
        {
            "groups": [
                (y, [r for r in rows if r.commitment.space.strategy.year == y]) for y in years
            ]
        },
    )


def space_public(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        space = space_get(slug=slug)
    except Space.DoesNotExist:
        raise Http404 from None
    commitments = selectors.commitment_list(entity=space.strategy.entity).filter(space=space)
    return render(
        request,
        "commitments/space_public.html",
        {"space": space, "rows": selectors.commitment_rows(commitments)},
    )


# Staff -----------------------------------------------------------------------------------------


@login_required
def staff_latest(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_commitments_staff(request.user):
        raise PermissionDenied
    years = strategy_years(entity=entity_current(), published_only=False)
    if not years:
        raise Http404
    return redirect("commitments:staff_list", year=years[0])


@login_required
def staff_list(request: HttpRequest, year: int) -> HttpResponse:
    if not permissions.can_view_commitments_staff(request.user):
        raise PermissionDenied
    commitments = selectors.commitment_list_for_user(
        user=request.user, entity=entity_current(), year=year
    )
    return render(
        request,
        "commitments/staff_list.html",
        {
            "year": year,
            "rows": selectors.commitment_rows(commitments),
            "can_manage": permissions.can_manage_commitments(request.user),
            "can_export": permissions.commitment_can_export_year(request.user),
        },
    )


def _spaces(entity, year=None):
    spaces = Space.objects.filter(strategy__entity=entity).exclude(status=SpaceStatus.CANCELLED)
    if year is not None:
        spaces = spaces.filter(strategy__year=year)
    return spaces.select_related("strategy").order_by("starts_at", "pk")


def _data(form: CommitmentForm) -> services.CommitmentData:
    d = form.cleaned_data
    return services.CommitmentData(d["space"], d["description"], d["office"], d["due_date"])


@login_required
def staff_create(request: HttpRequest, year: int) -> HttpResponse:
    if not permissions.can_manage_commitments(request.user):
        raise PermissionDenied
    entity = entity_current()
    form = CommitmentForm(
        request.POST or None, spaces=_spaces(entity, year), offices=office_list(entity=entity)
    )
    if request.method == "POST" and form.is_valid():
        try:
            commitment = services.commitment_create(actor=request.user, data=_data(form))
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("El compromiso quedó registrado."))
            return redirect("commitments:staff_detail", pk=commitment.pk)
    return render(request, "commitments/staff_form.html", {"form": form, "year": year})


def _commitment(request: HttpRequest, pk: int) -> Commitment:
    if not permissions.can_view_commitments_staff(request.user):
        raise PermissionDenied
    commitment = get_object_or_404(
        selectors.commitment_queryset(), pk=pk, space__strategy__entity=entity_current()
    )
    if not permissions.commitment_can_view(request.user, commitment):
        raise PermissionDenied
    return commitment


@login_required
def staff_edit(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _commitment(request, pk)
    if not permissions.can_manage_commitments(request.user):
        raise PermissionDenied
    entity = entity_current()
    year = commitment.space.strategy.year
    form = CommitmentForm(
        request.POST or None,
        spaces=_spaces(entity, year),
        offices=office_list(entity=entity),
        initial={
            "space": commitment.space_id,
            "description": commitment.description,
            "office": commitment.office_id,
            "due_date": commitment.due_date,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.commitment_update(actor=request.user, commitment=commitment, data=_data(form))
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("Los cambios quedaron guardados."))
            return redirect("commitments:staff_detail", pk=commitment.pk)
    return render(
        request,
        "commitments/staff_form.html",
        {"form": form, "year": year, "commitment": commitment},
    )


@login_required
def staff_detail(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _commitment(request, pk)
    can_report = permissions.can_report_progress(request.user, commitment)
    form = ProgressForm(request.POST or None, initial={"status": commitment.status})
    if request.method == "POST":
        if not can_report:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.commitment_progress_add(
                    actor=request.user, commitment=commitment, **form.cleaned_data
                )
            except ValidationError as error:
                validation_error_to_form(form, error)
            else:
                messages.success(request, _("El avance quedó registrado."))
                return redirect("commitments:staff_detail", pk=commitment.pk)
    return render(
        request,
        "commitments/staff_detail.html",
        {
            "row": selectors.commitment_rows([commitment])[0],
            "form": form,
            "can_report": can_report,
            "can_manage": permissions.can_manage_commitments(request.user),
        },
    )


@login_required
def colibri_export(request: HttpRequest, year: int, fmt: str) -> HttpResponseBase:
    """Commitments in the columns the Veeduría Distrital's Colibrí platform asks for."""
    if fmt not in ColibriExporter.formats:
        raise Http404
    if not permissions.commitment_can_export_year(request.user):
        raise PermissionDenied
    return export_response(ColibriExporter(entity=entity_current(), year=year), fmt)
