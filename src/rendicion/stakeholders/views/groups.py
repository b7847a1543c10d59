"""Stakeholder groups, their characterisation and information needs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rendicion.core.forms import validation_error_to_form
from rendicion.core.selectors import entity_current, office_list
from rendicion.spaces.models import Space
from rendicion.strategy.models import Activity
from rendicion.strategy.selectors import strategy_years

from .. import permissions, selectors, services
from ..forms import GroupForm, NeedFormSet, need_choices
from ..models import StakeholderGroup
from .common import viewer


@login_required
def group_list(request: HttpRequest) -> HttpResponse:
    viewer(request)
    entity = entity_current()
    years = strategy_years(entity=entity, published_only=False)
    try:
        year = int(request.GET.get("vigencia") or (years[0] if years else 0))
    except ValueError:
        raise Http404 from None
    return render(
        request,
        "stakeholders/group_list.html",
        {
            "groups": selectors.stakeholder_group_queryset(entity=entity),
            "years": years,
            "year": year,
            "participation": selectors.stakeholder_participation(entity=entity, year=year)
            if year and permissions.stakeholders_can_view_year_participation(request.user)
            else None,
            "can_edit": permissions.can_edit_stakeholders(request.user),
        },
    )


def _group(request: HttpRequest, pk: int) -> StakeholderGroup:
    viewer(request)
    return get_object_or_404(selectors.stakeholder_group_queryset(entity=entity_current()), pk=pk)


@login_required
def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    group = _group(request, pk)
    return render(
        request,
        "stakeholders/group_detail.html",
        {"group": group, "can_edit": permissions.can_edit_stakeholders(request.user)},
    )


def _need_choices(entity):
    return need_choices(
        offices=office_list(entity=entity),
        activities=Activity.objects.filter(strategy__entity=entity)
        .select_related("strategy")
        .order_by("-strategy__year", "number"),
        spaces=Space.objects.filter(strategy__entity=entity)
        .select_related("strategy")
        .order_by("-starts_at"),
    )


# Long because one page edits a group, its characterisation and its information-needs formset
# in one save; the steps only make sense together.
@login_required
def group_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if not permissions.can_edit_stakeholders(request.user):
        raise PermissionDenied
    entity = entity_current()
    if entity is None:
        raise Http404
    group = _group(request, pk) if pk is not None else None
    initial, needs_initial = {"is_active": True}, []
    if group is not None:
        initial = {
            "name": group.name,
            "description": group.description,
            "geographic": group.geographic,
            "demographic": group.demographic,
            "intrinsic": group.intrinsic,
            "behavioural": group.behavioural,
            "offices": list(group.offices.all()),
            "is_active": group.is_active,
        }
        needs_initial = [
            {
                "topic": need.topic,
                "office": need.office,
                "channel": need.channel,
                "activity": need.activity,
                "space": need.space,
            }
            for need in group.needs.all()
        ]
    data = request.POST or None
    choices = _need_choices(entity)
    form = GroupForm(data, initial=initial, offices=choices["offices"])
    needs = NeedFormSet(data, initial=needs_initial, prefix="necesidades", form_kwargs=choices)
    if request.method == "POST" and form.is_valid() and needs.is_valid():
        d = form.cleaned_data
        try:
            group = services.stakeholder_group_save(
                actor=request.user,
                entity=entity,
                group=group,
                data=services.GroupData(
                    name=d["name"],
                    description=d["description"],
                    geographic=d["geographic"],
                    demographic=d["demographic"],
                    intrinsic=d["intrinsic"],
                    behavioural=d["behavioural"],
                    offices=list(d["offices"]),
                    is_active=d["is_active"],
                ),
            )
            services.information_needs_replace(
                actor=request.user,
                group=group,
                needs=[
                    services.NeedData(
                        n["topic"], n["office"], n["channel"], n["activity"], n["space"]
                    )
                    for n in needs.cleaned_data
                    if n and not n.get("DELETE")
                ],
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("El grupo de valor quedó guardado."))
            return redirect("stakeholders:group_detail", pk=group.pk)
    return render(
        request,
        "stakeholders/group_form.html",
        {"form": form, "needs": needs, "group": group},
    )


@login_required
def need_matrix(request: HttpRequest) -> HttpResponse:
    viewer(request)
    return render(
        request,
        "stakeholders/need_matrix.html",
        {"needs": selectors.information_need_matrix(entity=entity_current())},
    )
