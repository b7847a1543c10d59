"""Turns report data into HTML, PDF (WeasyPrint) and DOCX (python-docx) documents."""

import html as html_lib
import io
import re
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .charts import bar_chart_svg, svg_data_uri

PRINT_CSS = Path(__file__).parent / "static" / "reports" / "print.css"
_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)


def _chart(title: str, shares: dict[str, dict[str, Any]]) -> tuple[str, str]:
    labels = [share["label"] for share in shares.values()]
    values = [share["pct"] for share in shares.values()]
    alt = _("%(title)s: ") % {"title": title} + "; ".join(
        f"{label} {value} %" for label, value in zip(labels, values, strict=True)
    )
    return svg_data_uri(bar_chart_svg(title=title, labels=labels, values=values, suffix=" %")), alt


def charts_for(sex: dict, age: dict) -> dict[str, str]:
    sex_uri, sex_alt = _chart(_("Porcentaje de asistentes según sexo"), sex)
    age_uri, age_alt = _chart(_("Porcentaje de asistentes según grupo de edad"), age)
    return {"sex": sex_uri, "sex_alt": sex_alt, "age": age_uri, "age_alt": age_alt}


def annual_body_html(data: dict[str, Any], *, staff: bool = False) -> str:
    charts = (
        charts_for(data["dialogues"]["by_sex"], data["dialogues"]["by_age_group"])
        if data["dialogues"]["count"]
        else {}
    )
    return render_to_string(
        "reports/partials/annual_body.html", {"d": data, "charts": charts, "staff": staff}
    )


def space_body_html(data: dict[str, Any], *, staff: bool = False) -> str:
    charts = charts_for(data["by_sex"], data["by_age_group"]) if data["attendances"] else {}
    return render_to_string(
        "reports/partials/space_body.html", {"d": data, "charts": charts, "staff": staff}
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
        {
            "title": title,
            "entity": entity,
            "year": year,
            "body": body_html,
            "toc": toc,
        },
    )
    document = HTML(string=html, base_url=str(PRINT_CSS.parent))
    return document.write_pdf(
        stylesheets=[CSS(filename=str(PRINT_CSS))],
        pdf_variant="pdf/ua-1",
        pdf_tags=True,
        uncompressed_pdf=False,
    )


def docx_document(data: dict[str, Any]) -> bytes:
    """An editable Word document with the annual report's text and tables (charts as tables)."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.core_properties.title = data["title"]
    document.core_properties.author = data["entity"]
    document.core_properties.language = "es-CO"
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    document.add_heading(data["title"], level=0)
    document.add_paragraph(data["entity"])

    def heading(text: str, level: int = 1) -> None:
        document.add_heading(text, level=level)

    def bullets(items) -> None:
        for item in items:
            document.add_paragraph(str(item), style="List Bullet")

    def table(headers: list[str], rows: list[list[Any]]) -> None:
        grid = document.add_table(rows=1, cols=len(headers))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, headers, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in rows:
            cells = grid.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = "" if value is None else str(value)

    heading(_("Objetivo del informe"))
    document.add_paragraph(data["purpose"])
    heading(_("La estrategia"))
    document.add_paragraph(data["objective"])
    if data["challenges"]:
        heading(_("Retos"), 2)
        for n, challenge in enumerate(data["challenges"], 1):
            document.add_paragraph(f"{n}. {challenge}")
    for stage in data["stages"]:
        heading(f"{stage['number']}. {stage['name']}", 2)
        bullets(stage["items"])
    heading(_("Aprestamiento"))
    if "self_assessment" in data:
        sa = data["self_assessment"]
        document.add_paragraph(
            _("Autodiagnóstico %(year)s: %(score)s puntos sobre 100.")
            % {"year": sa["year"], "score": sa["score"]}
        )
        bullets(sa["points_to_strengthen"])
    for role in data["team_roles"]:
        heading(role["name"], 2)
        bullets(role["responsibilities"])
    heading(_("Cronograma"))
    table(
        [
            _("No."),
            _("Actividad"),
            _("Meta"),
            _("Responsables"),
            _("Trimestres"),
            _("Estado"),
            _("Avance (%)"),
        ],
        [
            [
                a["number"],
                a["name"],
                a["target"],
                "; ".join(a["responsible"]),
                ", ".join(str(q) for q in a["quarters"]),
                a["status_label"],
                a["progress"],
            ]
            for a in data["activities"]["items"]
        ],
    )
    for hearing in data["hearings"]:
        heading(hearing["title"])
        bullets(
            [
                _("Fecha: %(date)s") % {"date": hearing["date"]},
                _("Formularios de asistencia: %(n)s") % {"n": hearing["attendance_forms"]},
                _("Visualizaciones: %(n)s") % {"n": hearing["views"]},
                _("Piezas comunicativas: %(n)s") % {"n": hearing["communication_pieces"]},
                _("Temas propuestos: %(p)s; incluidos: %(i)s")
                % {"p": hearing["topics_proposed"], "i": hearing["topics_included"]},
            ]
        )
    dialogues = data["dialogues"]
    if dialogues["count"]:
        heading(_("Diálogos ciudadanos"))
        table(
            [_("Fecha"), _("Diálogo"), _("Modalidad"), _("Lugar"), _("Asistencias")],
            [
                [d["date"], d["title"], d["modality_label"], d["venue"], d["attendance_forms"]]
                for d in dialogues["items"]
            ],
        )
        document.add_paragraph(_("Asistencias: %(n)s.") % {"n": dialogues["attendances"]})
        for title, shares in (
            (_("Sexo"), dialogues["by_sex"]),
            (_("Grupo de edad"), dialogues["by_age_group"]),
        ):
            heading(title, 2)
            table(
                [title, _("Personas"), _("Porcentaje")],
                [[s["label"], s["count"], f"{s['pct']} %"] for s in shares.values()],
            )
    if data["proposed_topics"]["count"]:
        heading(_("Temas propuestos por la ciudadanía"))
        bullets(t["text"] for t in data["proposed_topics"]["items"])
        pending = data["proposed_topics"].get("pending_review")
        if pending:
            document.add_paragraph(
                ngettext(
                    "%(n)s tema más espera la revisión de la entidad antes de publicar su texto.",
                    "%(n)s temas más esperan la revisión de la entidad antes de publicar su texto.",
                    pending,
                )
                % {"n": pending}
            )
    counts = (data.get("questions") or {}).get("counts") or {}
    if counts.get("received"):
        heading(_("Preguntas de la ciudadanía"))
        document.add_paragraph(
            _(
                "Se recibieron %(r)s preguntas; %(a)s tienen respuesta y %(p)s respuestas están "
                "publicadas."
            )
            % {
                "r": counts.get("received", 0),
                "a": counts.get("answered", 0),
                "p": counts.get("published", 0),
            }
        )
    if data.get("commitments"):
        heading(_("Compromisos"))
        table(
            [_("Compromiso"), _("Responsable"), _("Fecha límite"), _("Estado")],
            [
                [c["description"], c["office"], c["due_date"], c["state_label"]]
                for c in data["commitments"]["items"]
            ],
        )
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
