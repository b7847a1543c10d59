"""Editable Word documents (python-docx): one writer per report section, charts as tables.

The writers are looked up by the report's kind and each section's key, so the DOCX follows the
same ordered section list as the HTML and the JSON.
"""

import io
from collections.abc import Callable, Iterable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .annual import AnnualReport
from .common import Shares
from .space import SpaceReport


class Writer:
    """A thin layer over python-docx for headings, bullets and tables."""

    def __init__(self, title: str, entity: str) -> None:
        from docx import Document
        from docx.shared import Pt

        self.document = Document()
        self.document.core_properties.title = title
        self.document.core_properties.author = entity
        self.document.core_properties.language = "es-CO"
        style = self.document.styles["Normal"]
        style.font.name = "Arial"
        style.font.size = Pt(11)
        self.document.add_heading(title, level=0)
        self.document.add_paragraph(entity)

    def heading(self, text: str, level: int = 1) -> None:
        self.document.add_heading(text, level=level)

    def paragraph(self, text: str) -> None:
        self.document.add_paragraph(text)

    def bullets(self, items: Iterable[Any]) -> None:
        for item in items:
            self.document.add_paragraph(str(item), style="List Bullet")

    def table(self, headers: list[str], rows: list[list[Any]]) -> None:
        grid = self.document.add_table(rows=1, cols=len(headers))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, headers, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in rows:
            for cell, value in zip(grid.add_row().cells, row, strict=True):
                cell.text = "" if value is None else str(value)

    def shares(self, shares: Shares) -> None:
        for title, rows in ((_("Sexo"), shares.by_sex), (_("Grupo de edad"), shares.by_age_group)):
            self.heading(title, 2)
            self.table(
                [title, _("Personas"), _("Porcentaje")],
                [[s.label, s.count, f"{s.pct} %"] for s in rows],
            )

    def narrative(self, section) -> None:
        """The sentence from the figures, then the entity's own paragraphs."""
        if getattr(section, "generated", ""):
            self.paragraph(section.generated)
        for text in getattr(section, "narrative", []):
            self.paragraph(text)

    def memory(self, memory, photos_heading: str, level: int) -> None:
        """Results presented (with their figures), photos with their alternative text, and
        recordings of a space."""
        if memory.highlights:
            self.heading(_("Resultados presentados"), level)
            for h in memory.highlights:
                self.document.add_paragraph().add_run(h.heading).bold = True
                self.bullets(
                    f"{f.value} {f.label}" + (f" ({f.period})" if f.period else "")
                    for f in h.figures
                )
                if h.text:
                    self.paragraph(h.text)
        if memory.photos:
            self.heading(photos_heading, level)
            for photo in memory.photos:
                self.picture(photo)
        for r in memory.recordings:
            self.paragraph(_("Grabación: %(title)s %(url)s") % {"title": r.title, "url": r.url})

    def picture(self, photo) -> None:
        from docx.shared import Cm

        from .render import photo_web_bytes

        content = photo_web_bytes(photo.pk)
        if content is None:
            return
        self.document.add_picture(io.BytesIO(content), width=Cm(14))
        # Word reads a picture's alternative text from its drawing properties (docPr descr).
        inline = self.document.inline_shapes[-1]._inline
        inline.docPr.set("descr", photo.alt_text)
        inline.docPr.set("title", photo.alt_text)
        caption = " ".join(
            part
            for part in (
                photo.caption,
                _("Crédito: %(credit)s") % {"credit": photo.credit} if photo.credit else "",
            )
            if part
        )
        if caption:
            self.paragraph(caption)

    def content(self) -> bytes:
        output = io.BytesIO()
        self.document.save(output)
        return output.getvalue()


# Annual report ----------------------------------------------------------------------------------


def _purpose(w: Writer, s) -> None:
    w.heading(_("Objetivo del informe"))
    w.narrative(s)
    w.paragraph(s.purpose)


def _strategy(w: Writer, s) -> None:
    w.heading(_("La estrategia"))
    w.narrative(s)
    w.paragraph(s.objective)
    if s.challenges:
        w.heading(_("Retos"), 2)
        for n, challenge in enumerate(s.challenges, 1):
            w.paragraph(f"{n}. {challenge}")
    for stage in s.stages:
        w.heading(f"{stage.number}. {stage.name}", 2)
        w.bullets(stage.items)
    if s.stage_offices:
        w.heading(_("Etapas y dependencias responsables"), 2)
        w.table(
            [_("Etapa"), _("Dependencias responsables")],
            [[f"{x.number}. {x.name}", "; ".join(x.offices)] for x in s.stage_offices],
        )


def _readiness(w: Writer, s) -> None:
    w.heading(_("Aprestamiento"))
    w.narrative(s)
    if s.self_assessment is not None:
        sa = s.self_assessment
        w.paragraph(
            _("Autodiagnóstico %(year)s: %(score)s puntos sobre 100.")
            % {"year": sa.year, "score": sa.score}
        )
        if sa.stages:
            w.table(
                [_("Etapa"), _("Calificación (sobre 100)")],
                [[name, f"{score:.1f}".replace(".", ",")] for name, score in sa.stages],
            )
        w.bullets(sa.points_to_strengthen)
    for role in s.team_roles:
        w.heading(role.name, 2)
        w.bullets(role.responsibilities)


def _cronograma(w: Writer, s) -> None:
    w.heading(_("Cronograma"))
    w.narrative(s)
    headers = [_("No."), _("Actividad"), _("Meta"), _("Evidencias"), _("Responsable")]
    w.table(
        [*headers, _("Trimestres"), _("Estado"), _("Avance (%)")],
        [
            [
                a.number,
                a.name,
                a.target,
                a.evidence,
                a.responsible_text or "; ".join(a.responsible),
                ", ".join(str(q) for q in a.quarters),
                a.status_label,
                a.progress,
            ]
            for a in s.items
        ],
    )


def _hearings(w: Writer, s) -> None:
    for n, hearing in enumerate(s.items):
        w.heading(hearing.title)
        if n == 0:
            w.narrative(s)
        w.bullets(
            [
                _("Fecha: %(date)s") % {"date": hearing.date},
                _("Formularios de asistencia: %(n)s") % {"n": hearing.attendance_forms},
                _("Visualizaciones: %(n)s") % {"n": hearing.views},
                _("Piezas comunicativas: %(n)s") % {"n": hearing.communication_pieces},
                _("Temas propuestos: %(p)s; incluidos: %(i)s")
                % {"p": hearing.topics_proposed, "i": hearing.topics_included},
            ]
        )
        w.memory(hearing.memory, _("La audiencia en imágenes"), 2)


def _dialogue_plan(w: Writer, plan, check) -> None:
    w.heading(_("Planteamiento general"), 2)
    rows = [
        (_("Propósito"), "; ".join(plan.purposes)),
        (_("Temas generales"), "; ".join(plan.themes)),
        (_("Modalidad"), ", ".join(plan.modalities)),
        (
            _("Duración"),
            _("%(n)s minutos") % {"n": plan.duration_minutes} if plan.duration_minutes else "",
        ),
        (_("Metodología"), "; ".join(plan.methodology)),
        (_("Estructura"), " – ".join(plan.structure)),
        (_("Posibles lugares"), ", ".join(plan.venues)),
        (_("Fechas"), plan.frequency_rule),
    ]
    w.table([_("Elemento"), _("Planteamiento")], [[k, v] for k, v in rows if v])
    if check:
        w.heading(_("Cumplimiento de la regla de frecuencia"), 3)
        w.table(
            [_("Trimestre"), _("Mínimo"), _("Realizados"), _("Resultado")],
            [
                [
                    q.quarter,
                    q.required,
                    q.held,
                    _("Sin el mínimo de diálogos")
                    if q.missing and q.ended
                    else _("Faltan diálogos por programar")
                    if q.missing
                    else _("Cumplido")
                    if q.held >= q.required
                    else _("Programado"),
                ]
                for q in check
            ],
        )


def _dialogues(w: Writer, s) -> None:
    if not s.count and not s.plan:
        return
    w.heading(_("Diálogos ciudadanos"))
    w.narrative(s)
    if s.plan:
        _dialogue_plan(w, s.plan, s.plan_check)
    if not s.count:
        return
    w.table(
        [_("Fecha"), _("Diálogo"), _("Modalidad"), _("Lugar"), _("Asistencias")],
        [[d.date, d.title, d.modality_label, d.venue, d.attendance_forms] for d in s.items],
    )
    w.paragraph(_("Asistencias: %(n)s.") % {"n": s.shares.attendances})
    w.shares(s.shares)
    for d in s.items:
        if d.memory:
            w.heading(_("Diálogo «%(title)s»") % {"title": d.title}, 2)
            w.memory(d.memory, _("El diálogo en imágenes"), 3)


def _proposed_topics(w: Writer, s) -> None:
    if s.count:
        w.heading(_("Temas propuestos por la ciudadanía"))
        w.narrative(s)
        w.bullets(t.text for t in s.items)
        if s.pending_review:
            w.paragraph(
                ngettext(
                    "%(n)s tema más espera la revisión de la entidad antes de publicar su texto.",
                    "%(n)s temas más esperan la revisión de la entidad antes de publicar su texto.",
                    s.pending_review,
                )
                % {"n": s.pending_review}
            )


def _questions(w: Writer, s) -> None:
    counts = s.counts
    if counts.get("received"):
        w.heading(_("Preguntas de la ciudadanía"))
        w.narrative(s)
        w.paragraph(
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


def _commitments(w: Writer, s) -> None:
    if s.items:
        w.heading(_("Compromisos"))
        w.narrative(s)
        w.table(
            [_("Compromiso"), _("Responsable"), _("Fecha límite"), _("Estado")],
            [[c.description, c.office, c.due_date, c.state_label] for c in s.items],
        )


def _closing(w: Writer, s) -> None:
    from docx.enum.text import WD_BREAK

    w.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    w.heading(_("Gracias"))
    w.narrative(s)
    w.paragraph(s.entity)


# Space report -----------------------------------------------------------------------------------


def _overview(w: Writer, s) -> None:
    w.heading(_("Qué, cuándo y dónde"))
    w.bullets(
        [
            f"{s.kind_label}: {s.space.title}",
            _("Fecha: %(date)s") % {"date": s.space.date},
            _("Modalidad: %(m)s") % {"m": s.space.modality_label},
            *([_("Lugar: %(v)s") % {"v": s.space.venue}] if s.space.venue else []),
            _("Piezas comunicativas: %(n)s") % {"n": len(s.pieces)},
        ]
    )
    if s.purpose:
        w.paragraph(s.purpose)


def _space_memory(w: Writer, s) -> None:
    if s.memory:
        heading = _("La audiencia en imágenes") if s.is_hearing else _("El diálogo en imágenes")
        w.memory(s.memory, heading, 1)


def _attendance(w: Writer, s) -> None:
    w.heading(_("Asistencia"))
    w.paragraph(_("Asistencias: %(n)s.") % {"n": s.shares.attendances})
    if s.shares.attendances:
        w.shares(s.shares)


def _evaluation(w: Writer, s) -> None:
    w.heading(_("Evaluación"))
    if not s.stats.count:
        w.paragraph(_("No hay evaluaciones registradas."))
        return
    w.bullets(
        [
            _("Evaluaciones: %(n)s") % {"n": s.stats.count},
            _("Satisfacción general: %(v)s") % {"v": s.stats.satisfaction},
            _("Claridad de la información: %(v)s") % {"v": s.stats.clarity},
            _("Utilidad: %(v)s") % {"v": s.stats.usefulness},
        ]
    )


def _space_topics(w: Writer, s) -> None:
    if s.proposed:
        w.heading(_("Temas propuestos"))
        w.paragraph(
            ngettext(
                "La ciudadanía propuso %(p)s tema; %(i)s se incluyó.",
                "La ciudadanía propuso %(p)s temas; %(i)s se incluyeron.",
                s.proposed,
            )
            % {"p": s.proposed, "i": s.included}
        )


def _answers(w: Writer, s) -> None:
    if s.items:
        w.heading(_("Preguntas y respuestas"))
        for a in s.items:
            w.heading(a.question, 2)
            w.paragraph(a.answer)
            w.paragraph(a.office)


def _space_commitments(w: Writer, s) -> None:
    if s.items:
        w.heading(_("Compromisos"))
        w.table(
            [_("Compromiso"), _("Responsable"), _("Fecha límite"), _("Estado")],
            [[c.description, c.office, c.due_date, c.state_label] for c in s.items],
        )


WRITERS: dict[tuple[str, str], Callable[[Writer, Any], None]] = {
    ("annual", "purpose"): _purpose,
    ("annual", "strategy"): _strategy,
    ("annual", "readiness"): _readiness,
    ("annual", "cronograma"): _cronograma,
    ("annual", "hearings"): _hearings,
    ("annual", "dialogues"): _dialogues,
    ("annual", "proposed_topics"): _proposed_topics,
    ("annual", "questions"): _questions,
    ("annual", "commitments"): _commitments,
    ("annual", "closing"): _closing,
    ("space", "overview"): _overview,
    ("space", "memory"): _space_memory,
    ("space", "attendance"): _attendance,
    ("space", "evaluation"): _evaluation,
    ("space", "topics"): _space_topics,
    ("space", "answers"): _answers,
    ("space", "commitments"): _space_commitments,
}


def docx_document(report: AnnualReport | SpaceReport) -> bytes:
    """The report as an editable Word document, section by section."""
    writer = Writer(report.title, report.entity)
    for section in report.sections:
        WRITERS[report.kind, section.key](writer, section)
    return writer.content()
