"""Staff pages of the cronograma's activities, their progress and their evidence."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rendicion.core.confirm import confirmation_page
from rendicion.core.forms import validation_error_to_form

from .. import permissions, selectors, services
from ..forms import ActivityForm, ActivityProgressForm, EvidenceForm
from ..models import Activity, Evidence, ProgressSource
from .access import _activity, _editable_strategy


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
        responsible_text=d["responsible_text"],
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
    asked = confirmation_page(
        request,
        title=_("¿Eliminar la actividad %(number)s?") % {"number": activity.number},
        changes=[
            _("«%(name)s» sale del cronograma %(year)s, de su página pública y de los informes.")
            % {"name": activity.name, "year": year},
            _("Sus evidencias se borran con ella. Esto no se puede deshacer."),
        ],
        action_label=_("Sí, eliminar la actividad"),
        cancel_url=reverse("strategy:activity_detail", args=[year, number]),
        warning=True,
    )
    if asked is not None:
        return asked
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


def _evidence_post(request: HttpRequest, activity: Activity) -> tuple[EvidenceForm, bool]:
    """Adds the posted evidence; the form (with its errors) and whether it was saved."""
    form = EvidenceForm(request.POST, request.FILES, offices=_evidence_offices(request, activity))
    if not form.is_valid():
        return form, False
    data = form.cleaned_data
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
        validation_error_to_form(form, error)
        return form, False
    messages.success(request, _("La evidencia quedó guardada."))
    return form, True


def _progress_post(request: HttpRequest, activity: Activity) -> tuple[ActivityProgressForm, bool]:
    """Stores the posted progress; the form (with its errors) and whether it was saved."""
    form = ActivityProgressForm(request.POST)
    if not form.is_valid():
        return form, False
    data = form.cleaned_data
    services.activity_progress_update(
        actor=request.user,
        activity=activity,
        status=data["status"],
        progress=data["progress"],
        note=data["progress_note"],
    )
    messages.success(request, _("El avance quedó guardado."))
    return form, True


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
            evidence_form, saved = _evidence_post(request, activity)
        else:
            progress_form, saved = _progress_post(request, activity)
        if saved:
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
