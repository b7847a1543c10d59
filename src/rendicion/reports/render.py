"""Turns a report (annual or per space) into HTML, PDF (WeasyPrint), DOCX or JSON bytes.

`report_render` serves the command, the staff downloads and publication alike.
"""

import html as html_lib
import json
import re
from pathlib import Path
from typing import Literal

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .annual import AnnualReport
from .charts import ChartImage, chart_image
from .common import Shares
from .space import SpaceReport

Report = AnnualReport | SpaceReport
Format = Literal["json", "html", "pdf", "docx"]
FORMATS: tuple[Format, ...] = ("json", "html", "pdf", "docx")
CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

PRINT_CSS = Path(__file__).parent / "static" / "reports" / "print.css"
_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)


def _chart(title: str, shares) -> ChartImage:
    labels = [share.label for share in shares]
    values = [share.pct for share in shares]
    alt = _("%(title)s: ") % {"title": title} + "; ".join(
        f"{label} {value} %" for label, value in zip(labels, values, strict=True)
    )
    return chart_image(title=title, labels=labels, values=values, suffix=" %", alt=alt)


def charts_for(shares: Shares) -> dict[str, ChartImage]:
    sex = _chart(_("Porcentaje de asistentes según sexo"), shares.by_sex)
    age = _chart(_("Porcentaje de asistentes según grupo de edad"), shares.by_age_group)
    return {"sex": sex, "age": age}


def assessment_chart(stages: list[list]) -> ChartImage:
    """The self-assessment's score per stage against 100, with its alternative text."""
    title = _("Calificación del autodiagnóstico por etapa (sobre 100)")
    labels = [str(name) for name, _score in stages]
    values = [float(score) for _name, score in stages]
    alt = _("%(title)s: ") % {"title": title} + "; ".join(
        f"{label} {value:.1f}".replace(".", ",")
        for label, value in zip(labels, values, strict=True)
    )
    return chart_image(title=title, labels=labels, values=values, maximum=100, decimals=1, alt=alt)


def _report_charts(report: Report) -> dict[str, str]:
    """The charts of the report's one breakdown of attendances (dialogues, or the space's) and
    of its self-assessment."""
    charts: dict[str, ChartImage] = {}
    for section in report.sections:
        assessment = getattr(section, "self_assessment", None)
        if assessment is not None and assessment.stages:
            charts["assessment"] = assessment_chart(assessment.stages)
    for section in report.sections:
        shares = getattr(section, "shares", None)
        if shares is not None and shares.attendances:
            return charts_for(shares) | charts
    return charts


def report_body_html(report: Report, *, staff: bool = False) -> str:
    """The report's sections as HTML, for a page; `staff` adds notes on omitted sections."""
    return render_to_string(
        "reports/partials/body.html",
        {"report": report, "charts": _report_charts(report), "staff": staff},
    )


_PHOTO_URL = re.compile(r"/espacios/[^/]+/fotos/(\d+)/(web|miniatura)\.jpg$")


def _photo_fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PhotoFetcher(URLFetcher):
        """Reads the web copies of published photos from storage (the report's HTML names
        them by their public address), and nothing from the network."""

        def fetch(self, url, headers=None):
            match = _PHOTO_URL.search(url.split("?")[0])
            if match:
                content = photo_web_bytes(int(match[1]))
                if content is None:
                    raise ValueError(url)
                return URLFetcherResponse(url, body=content, headers={"Content-Type": "image/jpeg"})
            if not url.startswith(("file:", "data:")):
                raise ValueError(url)
            return super().fetch(url, headers)

    return PhotoFetcher


def _photo_fetcher():
    """Made on first use: WeasyPrint is imported only when a PDF is drawn."""
    return _photo_fetcher_class()()


def photo_web_bytes(pk: int) -> bytes | None:
    """The web copy of a published photo, or None."""
    from rendicion.spaces.models import SpacePhoto
    from rendicion.spaces.selectors import space_photo_public

    try:
        photo = space_photo_public(pk=pk)
        with photo.web.open("rb") as handle:
            return handle.read()
    except (SpacePhoto.DoesNotExist, FileNotFoundError):
        return None


def pdf_document(*, title: str, entity: str, year: int, body_html: str) -> bytes:
    """A tagged PDF with cover, table of contents and page numbers; charts stay vectors."""
    from weasyprint import CSS, HTML

    toc = [
        (anchor, html_lib.unescape(re.sub(r"<[^>]+>", "", text)).strip())
        for anchor, text in _H2.findall(body_html)
    ]
    html = render_to_string(
        "reports/pdf.html",
        {"title": title, "entity": entity, "year": year, "body": body_html, "toc": toc},
    )
    document = HTML(string=html, base_url=str(PRINT_CSS.parent), url_fetcher=_photo_fetcher())
    return document.write_pdf(
        stylesheets=[CSS(filename=str(PRINT_CSS))],
        pdf_variant="pdf/ua-1",
        pdf_tags=True,
        uncompressed_pdf=False,
    )


def report_render(report: Report, fmt: Format, *, body_html: str | None = None) -> bytes:
    """The report in one format. `body_html` reuses sections already rendered (a publication
    draws its PDF from the HTML it freezes, so both say exactly the same)."""
    if fmt == "json":
        return (json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n").encode()
    if fmt == "docx":
        from .docx_writer import docx_document

        return docx_document(report)
    body = body_html if body_html is not None else report_body_html(report)
    if fmt == "html":
        context = {"title": report.title, "entity": report.entity, "body": body}
        return render_to_string("reports/standalone.html", context).encode()
    if fmt == "pdf":
        return pdf_document(
            title=report.title, entity=report.entity, year=report.year, body_html=body
        )
    raise ValueError(fmt)
