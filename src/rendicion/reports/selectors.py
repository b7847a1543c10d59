"""Reads of the reports app: each report's figures as JSON-ready data, and the published reports.

The reports themselves are built section by section in `annual` and `space`; these functions give
the JSON that the command, the staff downloads and every published snapshot carry.
"""

from typing import Any

from django.utils import timezone

from rendicion.core.models import Entity
from rendicion.spaces.models import Space
from rendicion.strategy.models import Strategy

from .annual import annual_report
from .common import spaces_with_counts
from .models import PublishedReport, ReportKind
from .space import space_report

__all__ = [
    "annual_report_data",
    "published_reports",
    "space_outcomes_report",
    "space_report_data",
    "space_reports_published_count",
    "spaces_with_counts",
]


def annual_report_data(*, strategy: Strategy) -> dict[str, Any]:
    """The annual report as `rendicion annual_report --format json` prints it."""
    return annual_report(strategy=strategy).as_json()


def space_report_data(*, space: Space) -> dict[str, Any]:
    """The per-space report (informe de cumplimiento del desarrollo y resultados) as JSON."""
    return space_report(space=space).as_json()


def space_reports_published_count(*, strategy: Strategy) -> int:
    """Spaces of the strategy with a published report (the cronograma's activity 10)."""
    return (
        PublishedReport.objects.filter(kind=ReportKind.SPACE, space__strategy=strategy)
        .values("space")
        .distinct()
        .count()
    )


def published_reports(*, entity: Entity, year: int | None = None):
    reports = (
        PublishedReport.objects.filter(entity=entity)
        .select_related("space")
        .defer("pdf", "docx", "html", "data")
    )
    if year is not None:
        reports = reports.filter(year=year)
    return reports.order_by("-year", "kind", "space__starts_at", "-version")


def space_outcomes_report(space: Space) -> list:
    """The space page's link to its published report, the latest version (one query)."""
    from django.urls import reverse
    from django.utils.translation import gettext

    from rendicion.core.formats import date_es
    from rendicion.spaces.outcomes import Outcome

    report = (
        PublishedReport.objects.filter(kind=ReportKind.SPACE, space=space)
        .only("pk", "published_at", "version")
        .order_by("-version")
        .first()
    )
    if report is None:
        return []
    published = date_es(timezone.localdate(report.published_at))
    return [
        Outcome(
            10,
            gettext("Informe del espacio"),
            gettext("publicado el %(date)s") % {"date": published},
            reverse("reports:published", args=[report.pk]),
            gettext("Lea el informe de resultados"),
        )
    ]
