"""Thin views: parse the request, authorise, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rendicion.core.exporters import export_response
from rendicion.core.forms import validation_error_to_form
from rendicion.core.selectors import entity_current, office_list
from rendicion.core.uploads import SPREADSHEET_TYPES, upload_check

from . import permissions, selectors, services
from .cronograma import CronogramaExporter, cronograma_export_rows
from .forms import (
    ActivityForm,
    ActivityProgressForm,
    CronogramaImportForm,
    EvidenceForm,
    StageFormSet,
    StrategyCopyForm,
    StrategyCreateForm,
    StrategyForm,
    TeamRoleFormSet,
)
from .models import Activity, Evidence, ProgressSource, Strategy

# Public pages ------------------------------------------------------------------------------


def home(request: HttpRequest) -> HttpResponse:
    entity = entity_current()
    years = selectors.strategy_years(entity=entity)
    return render(request, "strategy/home.html", {"years": years})


def strategy_public(request: HttpRequest, year: int) -> HttpResponse:
    try:
        strategy = selectors.strategy_get(entity=entity_current(), year=year)
    except Strategy.DoesNotExist:
        raise Http404 from None
    detail = selectors.strategy_detail(strategy=strategy)
    return render(request, "strategy/public_detail.html", {"detail": detail})


# Staff pages -------------------------------------------------------------------------------


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


@login_required
def staff_home(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_staff_strategy(request.user):
        raise PermissionDenied
    entity = entity_current()
    return render(
        request,
        "strategy/staff_home.html",
        {
            "years": selectors.strategy_years(entity=entity, published_only=False),
            "can_edit": permissions.can_edit_strategy(request.user),
        },
    )


@login_required
def strategy_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_edit_strategy(request.user):
        raise PermissionDenied
    entity = entity_current()
    if entity is None:
        messages.error(request, _("Primero registre la entidad en la administración."))
        return redirect("strategy:staff_home")
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
def cronograma_export(request: HttpRequest, year: int) -> HttpResponseBase:
    strategy = _staff_strategy(request, year)
    activities = selectors.activity_list_for_user(user=request.user, strategy=strategy)
    exporter = CronogramaExporter(rows=cronograma_export_rows(activities), year=strategy.year)
    return export_response(exporter, "xlsx")


@login_required
def cronograma_import(request: HttpRequest, year: int) -> HttpResponse:
    strategy = _editable_strategy(request, year)
    form = CronogramaImportForm(request.POST or None, request.FILES or None)
    file_errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            upload_check(upload, field="file", allowed=SPREADSHEET_TYPES)
            result = services.cronograma_import(
                actor=request.user, strategy=strategy, data=upload.read()
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        except services.CronogramaImportError as error:
            file_errors = error.errors
        else:
            messages.success(
                request,
                _(
                    "Cronograma importado: %(created)s actividades nuevas, %(updated)s actualizadas y "
                    "%(removed)s quitadas."
                )
                % {"created": result.created, "updated": result.updated, "removed": result.removed},
            )
            return redirect("strategy:staff_detail", year=strategy.year)
    return render(
        request,
        "strategy/cronograma_import.html",
        {
            "form": form,
            "strategy": strategy,
            "file_errors": file_errors,
        },
    )


def _activity_form_data(form: ActivityForm) -> services.ActivityData:
    d = form.cleaned_data
    return services.ActivityData(
        number=d["number"],
        name=d["name"],
        target=d["target"],
        stage=d["stage"],
        target_quantity=d["target_quantity"],
        target_unit=d["target_unit"],
        progress_source=d["progress_source"],
        evidence_expected=d["evidence_expected"],
        responsible=list(d["responsible"]),
        responsible_note=d["responsible_note"],
        quarters=d["quarters"],
        status=d["status"],
        progress=d["progress"],
        progress_note=d["progress_note"],
    )


@login_required
def activity_create(request: HttpRequest, year: int) -> HttpResponse:
    strategy = _editable_strategy(request, year)
    next_number = (
        strategy.activities.order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    form = ActivityForm(
        request.POST or None,
        strategy=strategy,
        initial={"number": next_number, "progress_source": ProgressSource.MANUAL},
    )
    if request.method == "POST" and form.is_valid():
        if strategy.activities.filter(number=form.cleaned_data["number"]).exists():
            form.add_error("number", _("Ya hay una actividad con ese número."))
        else:
            try:
                activity = services.activity_create(
                    actor=request.user, strategy=strategy, data=_activity_form_data(form)
                )
            except ValidationError as error:
                validation_error_to_form(form, error)
            else:
                messages.success(request, _("La actividad quedó creada."))
                return redirect("strategy:activity_detail", year=year, number=activity.number)
    return render(request, "strategy/activity_form.html", {"form": form, "strategy": strategy})


@login_required
def activity_edit(request: HttpRequest, year: int, number: int) -> HttpResponse:
    activity = _activity(request, year, number)
    if not permissions.can_edit_strategy(request.user):
        raise PermissionDenied
    strategy = activity.strategy
    form = ActivityForm(
        request.POST or None, strategy=strategy, initial=ActivityForm.initial_from(activity)
    )
    if request.method == "POST" and form.is_valid():
        new_number = form.cleaned_data["number"]
        if new_number != activity.number and strategy.activities.filter(number=new_number).exists():
            form.add_error("number", _("Ya hay una actividad con ese número."))
        else:
            try:
                services.activity_update(
                    actor=request.user, activity=activity, data=_activity_form_data(form)
                )
            except ValidationError as error:
                validation_error_to_form(form, error)
            else:
                messages.success(request, _("Los cambios quedaron guardados."))
                return redirect("strategy:activity_detail", year=year, number=activity.number)
    return render(
        request,
        "strategy/activity_form.html",
        {
            "form": form,
            "strategy": strategy,
            "activity": activity,
        },
    )


@login_required
@require_POST
def activity_delete(request: HttpRequest, year: int, number: int) -> HttpResponse:
    activity = _activity(request, year, number)
    if not permissions.can_edit_strategy(request.user):
        raise PermissionDenied
    try:
        services.activity_delete(actor=request.user, activity=activity)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("strategy:activity_detail", year=year, number=number)
    messages.success(request, _("La actividad quedó eliminada."))
    return redirect("strategy:staff_detail", year=year)


def _evidence_offices(request: HttpRequest, activity: Activity):
    if permissions.can_edit_strategy(request.user):
        return activity.strategy.entity.offices.filter(is_active=True)
    return request.user.offices.filter(pk__in=[o.pk for o in activity.responsible.all()])


@login_required
def activity_detail(request: HttpRequest, year: int, number: int) -> HttpResponse:
    activity = _activity(request, year, number)
    strategy = activity.strategy
    can_update = permissions.can_update_activity_progress(request.user, activity)
    detail = selectors.strategy_detail(
        strategy=strategy, activities=selectors.activity_queryset(strategy).filter(pk=activity.pk)
    )
    row = detail.activities[0]
    progress_form = ActivityProgressForm(
        initial={
            "status": activity.status,
            "progress": activity.progress,
            "progress_note": activity.progress_note,
        }
    )
    evidence_form = EvidenceForm(offices=_evidence_offices(request, activity))
    if request.method == "POST":
        if not can_update:
            raise PermissionDenied
        if "evidence" in request.POST:
            evidence_form = EvidenceForm(
                request.POST, request.FILES, offices=_evidence_offices(request, activity)
            )
            if evidence_form.is_valid():
                data = evidence_form.cleaned_data
                try:
                    services.evidence_add(
                        actor=request.user,
                        activity=activity,
                        date=data["date"],
                        office=data["office"],
                        note=data["note"],
                        file=data["file"],
                        url=data["url"],
                    )
                except ValidationError as error:
                    validation_error_to_form(evidence_form, error)
                else:
                    messages.success(request, _("La evidencia quedó guardada."))
                    return redirect("strategy:activity_detail", year=year, number=number)
        else:
            progress_form = ActivityProgressForm(request.POST)
            if progress_form.is_valid():
                data = progress_form.cleaned_data
                services.activity_progress_update(
                    actor=request.user,
                    activity=activity,
                    status=data["status"],
                    progress=data["progress"],
                    note=data["progress_note"],
                )
                messages.success(request, _("El avance quedó guardado."))
                return redirect("strategy:activity_detail", year=year, number=number)
    return render(
        request,
        "strategy/activity_detail.html",
        {
            "activity": activity,
            "row": row,
            "strategy": strategy,
            "evidence": selectors.evidence_list(activity=activity),
            "can_update": can_update,
            "can_edit": permissions.can_edit_strategy(request.user),
            "progress_form": progress_form,
            "evidence_form": evidence_form,
        },
    )


@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = get_object_or_404(
        Evidence.objects.select_related("activity__strategy").prefetch_related(
            "activity__responsible"
        ),
        pk=pk,
    )
    if not evidence.file or not permissions.can_view_activity(request.user, evidence.activity):
        raise Http404
    return FileResponse(evidence.file.open("rb"), as_attachment=True)


@login_required
@require_POST
def evidence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = get_object_or_404(
        Evidence.objects.select_related("activity__strategy").prefetch_related(
            "activity__responsible"
        ),
        pk=pk,
    )
    activity = evidence.activity
    if not permissions.can_add_evidence(request.user, activity):
        raise PermissionDenied
    services.evidence_delete(actor=request.user, evidence=evidence)
    messages.success(request, _("La evidencia quedó eliminada."))
    return redirect("strategy:activity_detail", year=activity.strategy.year, number=activity.number)
