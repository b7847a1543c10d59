"""The public pages for search engines (sitemaps.org), built from the published records.

Glue above every app, like urls.py: each section lists what the public pages of one app show.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from rendicion.opendata.datasets import DATASETS
from rendicion.reports.models import PublishedReport, ReportKind
from rendicion.spaces.models import Space
from rendicion.strategy.models import Strategy


class FixedPages(Sitemap):
    def items(self) -> list[str]:
        return [
            "portal:home",
            "spaces:public_list",
            "reports:index",
            "commitments:public_list",
            "core:privacy",
            "privacy:rights",
            "privacy:request",
            "core:terms",
            "opendata:index",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class StrategyPages(Sitemap):
    def items(self):
        return (
            Strategy.objects.filter(is_published=True)
            .order_by("year")
            .values_list("year", flat=True)
        )

    def location(self, year: int) -> str:
        return reverse("strategy:public_detail", args=[year])


class SpacePages(Sitemap):
    def items(self):
        return (
            Space.objects.filter(is_published=True, strategy__is_published=True)
            .order_by("starts_at", "pk")
            .only("slug", "updated_at")
        )

    def location(self, space: Space) -> str:
        return reverse("spaces:public_detail", args=[space.slug])

    def lastmod(self, space: Space):
        return space.updated_at


class AnnualReportPages(Sitemap):
    def items(self):
        return (
            PublishedReport.objects.filter(kind=ReportKind.ANNUAL)
            .order_by("year")
            .values_list("year", flat=True)
            .distinct()
        )

    def location(self, year: int) -> str:
        return reverse("reports:annual", args=[year])


class DatasetPages(Sitemap):
    def items(self):
        years = (
            Strategy.objects.filter(is_published=True)
            .order_by("year")
            .values_list("year", flat=True)
        )
        return [(year, dataset.slug) for year in years for dataset in DATASETS]

    def location(self, item: tuple[int, str]) -> str:
        return reverse("opendata:dataset", args=list(item))


SITEMAPS = {
    "paginas": FixedPages,
    "estrategias": StrategyPages,
    "espacios": SpacePages,
    "informes": AnnualReportPages,
    "datos": DatasetPages,
}
