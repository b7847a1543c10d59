from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import Entity
from rendicion.spaces.models import Space


class ReportKind(models.TextChoices):
    ANNUAL = "annual", _("Informe de seguimiento a la estrategia")
    SPACE = "space", _("Informe de cumplimiento del desarrollo y resultados")


class PublishedReport(models.Model):
    """A frozen snapshot of a report as published: later data changes never alter it."""

    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="reports")
    year = models.PositiveSmallIntegerField(_("vigencia"))
    kind = models.CharField(_("tipo"), max_length=10, choices=ReportKind.choices)
    space = models.ForeignKey(
        Space, null=True, blank=True, on_delete=models.PROTECT, related_name="reports"
    )
    version = models.PositiveSmallIntegerField(_("versión"))
    title = models.CharField(_("título"), max_length=300)
    data = models.JSONField(_("cifras"))
    html = models.TextField(_("contenido"))
    # Rendered when the report is published, so that no citizen waits for WeasyPrint. Reports
    # published before that have none until someone first asks for them.
    pdf = models.BinaryField(_("PDF"), null=True, blank=True)
    docx = models.BinaryField(_("documento Word"), null=True, blank=True)
    published_at = models.DateTimeField(_("publicado el"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("informe publicado")
        verbose_name_plural = _("informes publicados")
        ordering = ["-year", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["entity", "year", "kind", "space", "version"],
                name="report_unique_version",
            ),
            models.UniqueConstraint(
                fields=["entity", "year", "kind", "version"],
                condition=models.Q(space=None),
                name="report_unique_annual_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class NarrativeSection(models.TextChoices):
    """The sections of the annual report that take a paragraph written by the entity."""

    PURPOSE = "purpose", _("Objetivo del informe")
    STRATEGY = "strategy", _("La estrategia")
    READINESS = "readiness", _("Aprestamiento")
    CRONOGRAMA = "cronograma", _("Cronograma")
    HEARINGS = "hearings", _("Audiencias públicas")
    DIALOGUES = "dialogues", _("Diálogos ciudadanos")
    PROPOSED_TOPICS = "proposed_topics", _("Temas propuestos por la ciudadanía")
    QUESTIONS = "questions", _("Preguntas de la ciudadanía")
    COMMITMENTS = "commitments", _("Compromisos")
    CLOSING = "closing", _("Cierre")


class ReportNarrative(models.Model):
    """What the entity writes in its own words for one section of the year's report (the
    figures come from the records; this says what they mean)."""

    strategy = models.ForeignKey(
        "strategy.Strategy", on_delete=models.CASCADE, related_name="report_narratives"
    )
    section = models.CharField(_("sección"), max_length=30, choices=NarrativeSection.choices)
    text = models.TextField(_("texto de la entidad"), max_length=4000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("texto de la entidad para el informe")
        verbose_name_plural = _("textos de la entidad para el informe")
        ordering = ["strategy", "section"]
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "section"], name="report_narrative_unique_section"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_section_display()} ({self.strategy.year})"
