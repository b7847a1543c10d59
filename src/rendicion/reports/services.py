"""Publishing reports: each publication is a frozen snapshot with its own version number.

The snapshot holds the figures (JSON), the HTML, the PDF and the DOCX, all rendered at
publication from the same report, so the public downloads never render anything.
"""

from django.db import transaction
from django.db.models import Max

from rendicion.core.models import User
from rendicion.core.services import audit_record
from rendicion.spaces.models import Space
from rendicion.strategy.models import Strategy

from .annual import annual_report
from .models import PublishedReport, ReportKind
from .render import Report, pdf_document, report_body_html, report_render
from .space import space_report


def _next_version(**lookup) -> int:
    current = PublishedReport.objects.filter(**lookup).aggregate(v=Max("version"))["v"]
    return (current or 0) + 1


def _frozen(report: Report) -> dict:
    """The fields of a snapshot: figures, HTML, and the PDF and DOCX drawn from them."""
    body = report_body_html(report)
    return {
        "title": report.title,
        "data": report.as_json(),
        "html": body,
        "pdf": report_render(report, "pdf", body_html=body),
        "docx": report_render(report, "docx"),
    }


def _publisher(actor: User | None) -> User | None:
    return actor if actor is not None and actor.is_authenticated else None


@transaction.atomic
def report_publish_annual(*, actor: User | None, strategy: Strategy) -> PublishedReport:
    """Freezes the annual follow-up report as it is now (figures, HTML, PDF and DOCX)."""
    Strategy.objects.select_for_update().filter(pk=strategy.pk).first()
    published = PublishedReport.objects.create(
        entity=strategy.entity,
        year=strategy.year,
        kind=ReportKind.ANNUAL,
        space=None,
        version=_next_version(entity=strategy.entity, year=strategy.year, kind=ReportKind.ANNUAL),
        published_by=_publisher(actor),
        **_frozen(annual_report(strategy=strategy)),
    )
    audit_record(
        actor=actor,
        action="report_publish",
        target=published,
        changes={"version": [None, published.version]},
    )
    return published


@transaction.atomic
def report_publish_space(*, actor: User | None, space: Space) -> PublishedReport:
    """Freezes a space's report (informe de cumplimiento del desarrollo y resultados)."""
    Space.objects.select_for_update().filter(pk=space.pk).first()
    published = PublishedReport.objects.create(
        entity=space.strategy.entity,
        year=space.strategy.year,
        kind=ReportKind.SPACE,
        space=space,
        version=_next_version(space=space, kind=ReportKind.SPACE),
        published_by=_publisher(actor),
        **_frozen(space_report(space=space)),
    )
    audit_record(
        actor=actor,
        action="report_publish",
        target=published,
        changes={"version": [None, published.version], "space": [None, space.slug]},
    )
    return published


def report_pdf(report: PublishedReport) -> bytes:
    """The stored PDF of a published report.

    Only a report published before PDFs were stored at publication is drawn here, from its
    frozen HTML, once; then it is kept like the others.
    """
    if report.pdf:
        return bytes(report.pdf)
    content = pdf_document(
        title=report.title, entity=report.data["entity"], year=report.year, body_html=report.html
    )
    PublishedReport.objects.filter(pk=report.pk, pdf__isnull=True).update(pdf=content)
    return content
