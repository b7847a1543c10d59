"""Thin views: parse the request, authorise, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rendicion.core.forms import validation_error_to_form
from rendicion.core.selectors import entity_current
from rendicion.core.uploads import SPREADSHEET_TYPES, upload_check
from rendicion.strategy.models import Strategy

from . import permissions, selectors, services
from .chart import comparison_chart
from .forms import (
    AssessmentCreateForm,
    AssessmentImportForm,
    PointForm,
    ScoresForm,
    TemplateImportForm,
)
from .models import AssessmentTemplate, SelfAssessment
from .spreadsheet import assessment_xlsx_write

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _viewer(request: HttpRequest) -> None:
    if not permissions.can_view_assessment(request.user):
        raise PermissionDenied


def _editor(request: HttpRequest) -> None:
    if not permissions.can_edit_assessment(request.user):
        raise PermissionDenied


def _assessment(request: HttpRequest, year: int) -> SelfAssessment:
    _viewer(request)
    try:
        return selectors.assessment_get(entity=entity_current(), year=year)
    except SelfAssessment.DoesNotExist:
        raise Http404 from None


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def assessment_index(request: HttpRequest) -> HttpResponse:
    _viewer(request)
    comparison = selectors.assessment_comparison(entity=entity_current())
    years = list(zip(comparison.years, comparison.overall, comparison.levels, strict=True))[::-1]
    return render(
        request,
        "assessment/index.html",
        {
            "years": years,
            "templates": selectors.template_list(),
            "can_edit": permissions.can_edit_assessment(request.user),
        },
    )


@login_required
def assessment_create(request: HttpRequest) -> HttpResponse:
    _editor(request)
    entity = entity_current()
    if entity is None:
        messages.error(request, _("Primero registre la entidad en la administración."))
        return redirect("assessment:index")
    form = AssessmentCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.assessment_create(
                actor=request.user,
                entity=entity,
                year=form.cleaned_data["year"],
                template=form.cleaned_data["template"],
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(
                request,
                _("El autodiagnóstico %(year)s quedó creado. Ya puede calificarlo.")
                % {"year": assessment.year},
            )
            return redirect("assessment:scores", year=assessment.year)
    return render(request, "assessment/create.html", {"form": form})


def _point_forms(request: HttpRequest, detail, entity) -> dict[int, PointForm]:
    offices, own = selectors.point_offices(entity=entity, user=request.user)
    return {
        row.number: PointForm(
            prefix=f"punto{row.number}",
            offices=offices,
            initial={"office": own.pk if own else None},
        )
        for row in detail.points
        if row.score.activity_id is None
    }


@login_required
def assessment_detail(request: HttpRequest, year: int) -> HttpResponse:
    assessment = _assessment(request, year)
    detail = selectors.assessment_detail(assessment=assessment)
    can_edit = permissions.can_edit_assessment(request.user)
    next_strategy = Strategy.objects.filter(entity=assessment.entity, year=year + 1).exists()
    point_forms = (
        _point_forms(request, detail, assessment.entity) if can_edit and next_strategy else {}
    )
    return render(
        request,
        "assessment/detail.html",
        {
            "detail": detail,
            "assessment": assessment,
            "can_edit": can_edit,
            "next_year": year + 1,
            "next_strategy": next_strategy,
            "points": [(row, point_forms.get(row.number)) for row in detail.points],
        },
    )


@login_required
def assessment_scores(request: HttpRequest, year: int) -> HttpResponse:
    assessment = _assessment(request, year)
    _editor(request)
    detail = selectors.assessment_detail(assessment=assessment)
    form = ScoresForm(request.POST or None, detail=detail)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.assessment_scores_save(
                actor=request.user, assessment=assessment, scores=form.score_data()
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        else:
            messages.success(
                request,
                _("Calificación guardada: %(n)s ítems cambiaron.") % {"n": changed},
            )
            return redirect("assessment:detail", year=year)
    return render(
        request,
        "assessment/scores.html",
        {"form": form, "detail": detail, "assessment": assessment},
    )


@login_required
def assessment_export(request: HttpRequest, year: int) -> HttpResponse:
    assessment = _assessment(request, year)
    detail = selectors.assessment_detail(assessment=assessment)
    content = assessment_xlsx_write(
        selectors.assessment_sheet(detail=detail),
        results=[
            *(
                (category.stage, category.name, category.score)
                for stage in detail.stages
                for category in stage.categories
            ),
            *((stage.name, _("Total de la etapa"), stage.score) for stage in detail.stages),
            (_("Total"), detail.level, detail.score),
        ],
    )
    return _xlsx(content, f"autodiagnostico-{year}.xlsx")


@login_required
@require_POST
def assessment_point_activity(request: HttpRequest, year: int, number: int) -> HttpResponse:
    assessment = _assessment(request, year)
    _editor(request)
    score = get_object_or_404(assessment.scores.select_related("item"), item__number=number)
    offices, _own = selectors.point_offices(entity=assessment.entity, user=request.user)
    form = PointForm(request.POST, prefix=f"punto{number}", offices=offices)
    if not form.is_valid():
        messages.error(request, _("Elija la dependencia responsable de la actividad."))
        return redirect("assessment:detail", year=year)
    try:
        activity = services.assessment_point_to_activity(
            actor=request.user, score=score, responsible=[form.cleaned_data["office"]]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("assessment:detail", year=year)
    messages.success(
        request,
        _("El punto a fortalecer es ahora la actividad %(number)s de la estrategia %(year)s.")
        % {"number": activity.number, "year": year + 1},
    )
    return redirect("assessment:detail", year=year)


@login_required
def assessment_import(request: HttpRequest) -> HttpResponse:
    _editor(request)
    entity = entity_current()
    if entity is None:
        raise Http404
    form = AssessmentImportForm(request.POST or None, request.FILES or None)
    file_errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            upload_check(upload, field="file", allowed=SPREADSHEET_TYPES)
            result = services.assessment_import(
                actor=request.user,
                entity=entity,
                year=form.cleaned_data["year"],
                data=upload.read(),
                template_name=form.cleaned_data["template_name"],
            )
        except ValidationError as error:
            validation_error_to_form(form, error)
        except services.AssessmentImportError as error:
            file_errors = error.errors
        else:
            for warning in result.warnings:
                messages.warning(request, warning)
            messages.success(
                request,
                _("Autodiagnóstico %(year)s importado: %(n)s ítems cambiaron.")
                % {"year": result.assessment.year, "n": result.changed},
            )
            return redirect("assessment:detail", year=result.assessment.year)
    return render(request, "assessment/import.html", {"form": form, "file_errors": file_errors})


@login_required
def template_index(request: HttpRequest) -> HttpResponse:
    _viewer(request)
    can_edit = permissions.can_edit_assessment(request.user)
    form = TemplateImportForm(request.POST or None, request.FILES or None)
    file_errors = []
    if request.method == "POST":
        _editor(request)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                upload_check(upload, field="file", allowed=SPREADSHEET_TYPES)
                result = services.assessment_template_import(
                    actor=request.user,
                    data=upload.read(),
                    name=form.cleaned_data["name"],
                    description=form.cleaned_data["description"],
                )
            except ValidationError as error:
                validation_error_to_form(form, error)
            except services.AssessmentImportError as error:
                file_errors = error.errors
            else:
                for warning in result.warnings:
                    messages.warning(request, warning)
                if result.created:
                    messages.success(
                        request,
                        _("La plantilla «%(name)s» quedó cargada.") % {"name": result.template},
                    )
                else:
                    messages.info(
                        request,
                        _("Ese archivo tiene los mismos ítems que la plantilla «%(name)s».")
                        % {"name": result.template},
                    )
                return redirect("assessment:templates")
    return render(
        request,
        "assessment/templates.html",
        {
            "templates": selectors.template_list(),
            "form": form,
            "file_errors": file_errors,
            "can_edit": can_edit,
        },
    )


@login_required
@require_POST
def template_builtin(request: HttpRequest) -> HttpResponse:
    _editor(request)
    result = services.assessment_template_builtin_load(actor=request.user)
    if result.created:
        messages.success(
            request, _("La plantilla «%(name)s» quedó cargada.") % {"name": result.template}
        )
    else:
        messages.info(
            request, _("La plantilla «%(name)s» ya estaba cargada.") % {"name": result.template}
        )
    return redirect("assessment:templates")


@login_required
def template_export(request: HttpRequest, pk: int) -> HttpResponse:
    _viewer(request)
    template = get_object_or_404(AssessmentTemplate, pk=pk)
    content = assessment_xlsx_write(selectors.template_sheet(template=template))
    return _xlsx(content, f"plantilla-autodiagnostico-{template.pk}.xlsx")


@login_required
def assessment_comparison(request: HttpRequest) -> HttpResponse:
    _viewer(request)
    comparison = selectors.assessment_comparison(entity=entity_current())
    return render(
        request,
        "assessment/comparison.html",
        {"comparison": comparison, "chart": comparison_chart(comparison)},
    )
