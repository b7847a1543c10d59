"""Published reports for citizens; live previews and publication for staff."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rendicion.core.selectors import entity_current
from rendicion.spaces.models import Space
from rendicion.strategy.models import Strategy
from rendicion.strategy.selectors import strategy_get

from . import permissions, selectors, services
from .models import PublishedReport, ReportKind
from .render import annual_body_html, docx_document, pdf_document, space_body_html

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=PDF)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


# Public ----------------------------------------------------------------------------------------


def reports_index(request: HttpRequest) -> HttpResponse:
    reports = list(selectors.published_reports(entity=entity_current()))
    years = sorted({r.year for r in reports}, reverse=True)
    return render(
        request,
        "reports/index.html",
        {
            "groups": [(year, [r for r in reports if r.year == year]) for year in years],
        },
    )


def _latest_annual(year: int) -> PublishedReport:
    report = (
        PublishedReport.objects.filter(entity=entity_current(), year=year, kind=ReportKind.ANNUAL)
        .order_by("-version")
        .first()
    )
    if report is None:
        raise Http404
    return report


def annual_public(request: HttpRequest, year: int) -> HttpResponse:
    report = _latest_annual(year)
    return _published_page(request, report)


def annual_public_pdf(request: HttpRequest, year: int) -> HttpResponse:
    report = _latest_annual(year)
    return _pdf_response(services.report_pdf(report), f"informe-rendicion-{year}.pdf")


def _published_page(request: HttpRequest, report: PublishedReport) -> HttpResponse:
    versions = (
        PublishedReport.objects.filter(
            entity=report.entity, year=report.year, kind=report.kind, space=report.space
        )
        .order_by("-version")
        .only("pk", "version", "published_at", "year", "kind")
    )
    return render(
        request,
        "reports/published.html",
        {
            "report": report,
            "body": mark_safe(report.html),  # rendered and escaped at publication
            "versions": versions,
        },
    )


def published_version(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(PublishedReport, pk=pk, entity=entity_current())
    return _published_page(request, report)


def published_version_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(PublishedReport, pk=pk, entity=entity_current())
    return _pdf_response(services.report_pdf(report), f"informe-{report.pk}-v{report.version}.pdf")


# Staff -----------------------------------------------------------------------------------------


def _staff_strategy(request: HttpRequest, year: int) -> Strategy:
    if not permissions.annual_report_can_preview(request.user):
        raise PermissionDenied
    try:
        return strategy_get(entity=entity_current(), year=year, published_only=False)
    except Strategy.DoesNotExist:
        raise Http404 from None


@login_required
def annual_preview(request: HttpRequest, year: int) -> HttpResponse:
    strategy = _staff_strategy(request, year)
    data = selectors.annual_report_data(strategy=strategy)
    return render(
        request,
        "reports/staff_annual.html",
        {
            "strategy": strategy,
            "data": data,
            "body": mark_safe(annual_body_html(data, staff=True)),
            "spaces": Space.objects.filter(strategy=strategy).order_by("starts_at"),
            "published": selectors.published_reports(entity=strategy.entity, year=year),
            "can_publish": permissions.can_publish_reports(request.user),
        },
    )


@login_required
def annual_download(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    strategy = _staff_strategy(request, year)
    data = selectors.annual_report_data(strategy=strategy)
    name = f"informe-rendicion-{year}"
    if fmt == "json":
        return HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
    if fmt == "pdf":
        body = annual_body_html(data)
        return _pdf_response(
            pdf_document(
                title=data["title"], entity=data["entity"], year=data["year"], body_html=body
            ),
            f"{name}.pdf",
        )
    if fmt == "docx":
        response = HttpResponse(docx_document(data), content_type=DOCX)
        response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
        return response
    raise Http404


@login_required
@require_POST
def annual_publish(request: HttpRequest, year: int) -> HttpResponse:
    strategy = _staff_strategy(request, year)
    if not permissions.can_publish_reports(request.user):
        raise PermissionDenied
    report = services.report_publish_annual(actor=request.user, strategy=strategy)
    messages.success(
        request,
        _("Se publicó la versión %(v)s del informe %(year)s.")
        % {"v": report.version, "year": year},
    )
    return redirect("reports:annual_preview", year=year)


@login_required
def space_preview(request: HttpRequest, slug: str) -> HttpResponse:
    if not permissions.can_preview_reports(request.user):
        raise PermissionDenied
    space = get_object_or_404(Space.objects.select_related("strategy__entity"), slug=slug)
    if not permissions.space_report_can_preview(request.user, space):
        raise PermissionDenied
    data = selectors.space_report_data(space=space)
    return render(
        request,
        "reports/staff_space.html",
        {
            "space": space,
            "data": data,
            "body": mark_safe(space_body_html(data, staff=True)),
            "published": PublishedReport.objects.filter(space=space)
            .order_by("-version")
            .only("pk", "version", "published_at"),
            "can_publish": permissions.can_publish_reports(request.user),
            "can_preview_annual": permissions.annual_report_can_preview(request.user),
        },
    )


@login_required
@require_POST
def space_publish(request: HttpRequest, slug: str) -> HttpResponse:
    if not permissions.can_publish_reports(request.user):
        raise PermissionDenied
    space = get_object_or_404(Space.objects.select_related("strategy__entity"), slug=slug)
    report = services.report_publish_space(actor=request.user, space=space)
    messages.success(
        request, _("Se publicó la versión %(v)s del informe del espacio.") % {"v": report.version}
    )
    return redirect("reports:space_preview", slug=slug)
