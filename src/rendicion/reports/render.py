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
from .charts import bar_chart_svg, svg_data_uri
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


def _chart(title: str, shares) -> tuple[str, str]:
    labels = [share.label for share in shares]
    values = [share.pct for share in shares]
    alt = _("%(title)s: ") % {"title": title} + "; ".join(
        f"{label} {value} %" for label, value in zip(labels, values, strict=True)
    )
    return svg_data_uri(bar_chart_svg(title=title, labels=labels, values=values, suffix=" %")), alt


def charts_for(shares: Shares) -> dict[str, str]:
    sex_uri, sex_alt = _chart(_("Porcentaje de asistentes según sexo"), shares.by_sex)
    age_uri, age_alt = _chart(
        _("Porcentaje de asistentes según grupo de edad"), shares.by_age_group
    )
    return {"sex": sex_uri, "sex_alt": sex_alt, "age": age_uri, "age_alt": age_alt}


def _report_charts(report: Report) -> dict[str, str]:
    """The charts of the report's one breakdown of attendances (dialogues, or the space's)."""
    for section in report.sections:
        shares = getattr(section, "shares", None)
        if shares is not None and shares.attendances:
            return charts_for(shares)
    return {}


def report_body_html(report: Report, *, staff: bool = False) -> str:
    """The report's sections as HTML, for a page; `staff` adds notes on omitted sections."""
    return render_to_string(
        "reports/partials/body.html",
        {"report": report, "charts": _report_charts(report), "staff": staff},
    )


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
    document = HTML(string=html, base_url=str(PRINT_CSS.parent))
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
