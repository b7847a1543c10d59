"""Staff pages of a strategy and its plan: create, edit, stages, team, copy."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rendicion.core.forms import validation_error_to_form
from rendicion.core.selectors import entity_current, office_list

from .. import permissions, selectors, services
from ..forms import (
    DialoguePlanForm,
    StageFormSet,
    StrategyCopyForm,
    StrategyCreateForm,
    StrategyForm,
    TeamRoleFormSet,
)
from .access import _editable_strategy, _staff_strategy


@login_required
def strategy_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_edit_strategy(request.user):
        raise PermissionDenied
    entity = entity_current()
    if entity is None:
        messages.error(request, _("Primero registre la entidad en la administración."))
        return redirect("portal:staff_home")
    form = StrategyCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            strategy = services.strategy_create(
                actor=request.user,
                entity=entity,
                year=data["year"],
                objective=data["objective"],
                report_purpose=data["report_purpose"],
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            services.strategy_challenges_replace(
                actor=request.user, strategy=strategy, texts=data["challenges"]
            )
            if data["is_published"]:
                services.strategy_update(actor=request.user, strategy=strategy, is_published=True)
            messages.success(
                request, _("La estrategia %(year)s quedó creada.") % {"year": strategy.year}
            )
            return redirect("strategy:staff_detail", year=strategy.year)
    return render(request, "strategy/strategy_form.html", {"form": form, "creating": True})


@login_required
def staff_detail(request: HttpRequest, year: int) -> HttpResponse:
    strategy = _staff_strategy(request, year)
    activities = selectors.activity_list_for_user(user=request.user, strategy=strategy)
    detail = selectors.strategy_detail(strategy=strategy, activities=activities)
    return render(
        request,
        "strategy/staff_detail.html",
        {
            "detail": detail,
            "plan": selectors.dialogue_plan_get(strategy=strategy),
            "can_edit": permissions.can_edit_strategy(request.user),
            "can_view_year_figures": permissions.strategy_can_view_year_figures(request.user),
        },
    )


@login_required
def strategy_edit(request: HttpRequest, year: int) -> HttpResponse:
    strategy = _editable_strategy(request, year)
    initial = {
        "objective": strategy.objective,
        "report_purpose": strategy.report_purpose,
        "is_published": strategy.is_published,
        "challenges": "\n".join(
            strategy.challenges.order_by("number").values_list("text", flat=True)
        ),
    }
    form = StrategyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.strategy_update(
            actor=request.user,
            strategy=strategy,
            objective=data["objective"],
            report_purpose=data["report_purpose"],
            is_published=data["is_published"],
        )
        services.strategy_challenges_replace(
            actor=request.user, strategy=strategy, texts=data["challenges"]
        )
        messages.success(request, _("Los cambios quedaron guardados."))
        return redirect("strategy:staff_detail", year=strategy.year)
    return render(request, "strategy/strategy_form.html", {"form": form, "strategy": strategy})


@login_required
def strategy_stages_edit(request: HttpRequest, year: int) -> HttpResponse:
    strategy = _editable_strategy(request, year)
    initial = [
        {
            "number": s.number,
            "name": s.name,
            "murc_stages": s.murc_stages,
            "items": "\n".join(s.items),
        }
        for s in strategy.stages.order_by("number")
    ]
    formset = StageFormSet(request.POST or None, initial=initial, prefix="etapas")
    if request.method == "POST" and formset.is_valid():
        stages = [
            services.StageData(d["number"], d["name"], d["murc_stages"], d["items"])
            for d in formset.cleaned_data
            if d and not d.get("DELETE")
        ]
        try:
            services.strategy_stages_replace(actor=request.user, strategy=strategy, stages=stages)
        except ValidationError as error:
            formset._non_form_errors = formset.error_class(error.messages)
        else:
            messages.success(request, _("Las etapas quedaron guardadas."))
            return redirect("strategy:staff_detail", year=strategy.year)
    return render(request, "strategy/stages_form.html", {"formset": formset, "strategy": strategy})


@login_required
def strategy_team_edit(request: HttpRequest, year: int) -> HttpResponse:
    strategy = _editable_strategy(request, year)
    offices = office_list(entity=strategy.entity)
    initial = [
        {"name": r.name, "office": r.office_id, "responsibilities": "\n".join(r.responsibilities)}
        for r in strategy.team_roles.order_by("number")
    ]
    formset = TeamRoleFormSet(
        request.POST or None, initial=initial, prefix="equipo", form_kwargs={"offices": offices}
    )
    if request.method == "POST" and formset.is_valid():
        roles = [
            services.TeamRoleData(d["name"], d["responsibilities"], d["office"])
            for d in formset.cleaned_data
            if d and not d.get("DELETE")
        ]
        services.strategy_team_roles_replace(actor=request.user, strategy=strategy, roles=roles)
        messages.success(request, _("El equipo líder quedó guardado."))
        return redirect("strategy:staff_detail", year=strategy.year)
    return render(request, "strategy/team_form.html", {"formset": formset, "strategy": strategy})


@login_required
def strategy_copy(request: HttpRequest, year: int) -> HttpResponse:
    strategy = _editable_strategy(request, year)
    form = StrategyCopyForm(request.POST or None, initial={"year": strategy.year + 1})
    if request.method == "POST" and form.is_valid():
        try:
            copy = services.strategy_copy(
                actor=request.user, strategy=strategy, year=form.cleaned_data["year"]
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(
                request,
                _("Se creó la estrategia %(year)s a partir de la %(old)s.")
                % {"year": copy.year, "old": strategy.year},
            )
            return redirect("strategy:staff_detail", year=copy.year)
    return render(request, "strategy/copy_form.html", {"form": form, "strategy": strategy})


@login_required
def dialogue_plan_edit(request: HttpRequest, year: int) -> HttpResponse:
    """The planteamiento general of the year's dialogues, with its frequency rule."""
    strategy = _editable_strategy(request, year)
    plan = selectors.dialogue_plan_get(strategy=strategy)
    form = DialoguePlanForm(request.POST or None, initial=DialoguePlanForm.initial_from(plan))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.dialogue_plan_save(
                actor=request.user,
                strategy=strategy,
                data=services.DialoguePlanData(
                    **{name: data[name] for name in services.DIALOGUE_PLAN_FIELDS}
                ),
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(request, _("El planteamiento de los diálogos quedó guardado."))
            return redirect("strategy:staff_detail", year=strategy.year)
    return render(request, "strategy/dialogue_plan_form.html", {"form": form, "strategy": strategy})
