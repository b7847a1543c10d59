"""Publishing reports: each publication is a frozen snapshot with its own version number."""

from django.db import transaction
from django.db.models import Max

from rendicion.core.models import User
from rendicion.core.services import audit_record
from rendicion.spaces.models import Space
from rendicion.strategy.models import Strategy

from .models import PublishedReport, ReportKind
from .render import annual_body_html, pdf_document, space_body_html
from .selectors import annual_report_data, space_report_data


def _next_version(**lookup) -> int:
    current = PublishedReport.objects.filter(**lookup).aggregate(v=Max("version"))["v"]
    return (current or 0) + 1


@transaction.atomic
def report_publish_annual(*, actor: User | None, strategy: Strategy) -> PublishedReport:
    """Freezes the annual follow-up report as it is now (HTML, PDF and figures)."""
    Strategy.objects.select_for_update().filter(pk=strategy.pk).first()
    data = annual_report_data(strategy=strategy)
    body = annual_body_html(data)
    report = PublishedReport.objects.create(
        entity=strategy.entity,
        year=strategy.year,
        kind=ReportKind.ANNUAL,
        space=None,
        version=_next_version(entity=strategy.entity, year=strategy.year, kind=ReportKind.ANNUAL),
        title=data["title"],
        data=data,
        html=body,
        published_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit_record(
        actor=actor,
        action="report_publish",
        target=report,
        changes={"version": [None, report.version]},
    )
    return report


@transaction.atomic
def report_publish_space(*, actor: User | None, space: Space) -> PublishedReport:
    """Freezes a space's report (informe de cumplimiento del desarrollo y resultados)."""
    Space.objects.select_for_update().filter(pk=space.pk).first()
    data = space_report_data(space=space)
    body = space_body_html(data)
    report = PublishedReport.objects.create(
        entity=space.strategy.entity,
        year=space.strategy.year,
        kind=ReportKind.SPACE,
        space=space,
        version=_next_version(space=space, kind=ReportKind.SPACE),
        title=data["title_report"],
        data=data,
        html=body,
        published_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit_record(
        actor=actor,
        action="report_publish",
        target=report,
        changes={"version": [None, report.version], "space": [None, space.slug]},
    )
    return report


def report_pdf(report: PublishedReport) -> bytes:
    """The PDF of a published report, drawn from its frozen HTML (once, then kept)."""
    if report.pdf:
        return bytes(report.pdf)
    content = pdf_document(
        title=report.title, entity=report.data["entity"], year=report.year, body_html=report.html
    )
    PublishedReport.objects.filter(pk=report.pk, pdf__isnull=True).update(pdf=content)
    return content
