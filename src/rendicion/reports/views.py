"""Published reports for citizens; live previews and publication for staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rendicion.core.confirm import confirmation_page
from rendicion.core.selectors import entity_current
from rendicion.questions.plain_language import readability
from rendicion.spaces.models import Space
from rendicion.strategy.models import Strategy
from rendicion.strategy.selectors import strategy_get

from . import permissions, selectors, services
from .annual import annual_report
from .forms import NarrativesForm
from .models import PublishedReport, ReportKind
from .narratives import narratives_for, report_narratives_save
from .render import CONTENT_TYPES, FORMATS, report_body_html, report_render
from .space import space_report


def _download(content: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    disposition = "inline" if fmt in ("pdf", "json") else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.{fmt}"'
    return response


def _published() -> QuerySet[PublishedReport]:
    """Published reports without their documents' bytes, saying whether a DOCX is stored."""
    return (
        PublishedReport.objects.filter(entity=entity_current())
        .defer("pdf", "docx")
        .annotate(has_docx=ExpressionWrapper(Q(docx__isnull=False), output_field=BooleanField()))
    )


def _stored(report: PublishedReport, fmt: str) -> bytes:
    """A published document as stored at publication (a DOCX only since DOCX were stored)."""
    if fmt == "pdf":
        return services.report_pdf(report)
    # A report published before its DOCX was stored has none (the HTML page says so by
    # showing no link): its sections can no longer be rebuilt as they were.
    content = PublishedReport.objects.filter(pk=report.pk).values_list("docx", flat=True).get()
    if content is None:
        raise Http404
    return bytes(content)


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
    report = _published().filter(year=year, kind=ReportKind.ANNUAL).order_by("-version").first()
    if report is None:
        raise Http404
    return report


def annual_public(request: HttpRequest, year: int) -> HttpResponse:
    report = _latest_annual(year)
    return _published_page(request, report)


def annual_public_document(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    report = _latest_annual(year)
    return _download(_stored(report, fmt), fmt, f"informe-rendicion-{year}")


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
    report = get_object_or_404(_published(), pk=pk)
    return _published_page(request, report)


def published_version_document(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = get_object_or_404(_published(), pk=pk)
    return _download(_stored(report, fmt), fmt, f"informe-{report.pk}-v{report.version}")


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
    report = annual_report(strategy=strategy)
    return render(
        request,
        "reports/staff_annual.html",
        {
            "strategy": strategy,
            "report": report,
            "body": mark_safe(report_body_html(report, staff=True)),
            "spaces": Space.objects.filter(strategy=strategy).order_by("starts_at"),
            "published": selectors.published_reports(entity=strategy.entity, year=year),
            "can_publish": permissions.can_publish_reports(request.user),
        },
    )


@login_required
def annual_download(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    strategy = _staff_strategy(request, year)
    if fmt not in FORMATS or fmt == "html":
        raise Http404
    content = report_render(annual_report(strategy=strategy), fmt)
    return _download(content, fmt, f"informe-rendicion-{year}")


@login_required
@require_POST
def annual_publish(request: HttpRequest, year: int) -> HttpResponse:
    strategy = _staff_strategy(request, year)
    if not permissions.can_publish_reports(request.user):
        raise PermissionDenied
    asked = confirmation_page(
        request,
        title=_("¿Publicar el informe %(year)s?") % {"year": year},
        changes=[
            _(
                "La ciudadanía podrá leerlo en /informes/%(year)s/ y descargarlo en PDF y Word, "
                "con las cifras de hoy."
            )
            % {"year": year},
            _(
                "Una versión publicada no cambia ni se borra: para corregirla se publica una "
                "versión nueva."
            ),
        ],
        action_label=_("Sí, publicar el informe"),
        cancel_url=reverse("reports:annual_preview", args=[year]),
    )
    if asked is not None:
        return asked
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
    report = space_report(space=space)
    return render(
        request,
        "reports/staff_space.html",
        {
            "space": space,
            "report": report,
            "body": mark_safe(report_body_html(report, staff=True)),
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
    asked = confirmation_page(
        request,
        title=_("¿Publicar el informe de «%(title)s»?") % {"title": space.title},
        changes=[
            _(
                "La ciudadanía podrá leerlo desde la página del espacio y descargarlo en PDF y "
                "Word, con las cifras de hoy."
            ),
            _(
                "Una versión publicada no cambia ni se borra: para corregirla se publica una "
                "versión nueva."
            ),
        ],
        action_label=_("Sí, publicar el informe"),
        cancel_url=reverse("reports:space_preview", args=[space.slug]),
    )
    if asked is not None:
        return asked
    report = services.report_publish_space(actor=request.user, space=space)
    messages.success(
        request, _("Se publicó la versión %(v)s del informe del espacio.") % {"v": report.version}
    )
    return redirect("reports:space_preview", slug=slug)


@login_required
def annual_narratives(request: HttpRequest, year: int) -> HttpResponse:
    """The entity's own paragraphs for each section of the year's report, each checked for
    plain language as answers to citizens are."""
    strategy = _staff_strategy(request, year)
    if not permissions.can_publish_reports(request.user):
        raise PermissionDenied
    current = narratives_for(strategy=strategy)
    form = NarrativesForm(request.POST or None, initial=current)
    if request.method == "POST" and form.is_valid():
        report_narratives_save(actor=request.user, strategy=strategy, texts=form.cleaned_data)
        messages.success(request, _("Los textos del informe quedaron guardados."))
        return redirect("reports:annual_narratives", year=year)
    texts = form.cleaned_data if form.is_bound and form.is_valid() else current
    checks = {key: readability(text) for key, text in texts.items() if text.strip()}
    return render(
        request,
        "reports/staff_narratives.html",
        {
            "strategy": strategy,
            "form": form,
            "fields": [(form[name], checks.get(name)) for name in form.fields],
        },
    )
