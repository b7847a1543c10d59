from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import Entity
from rendicion.strategy.models import Activity

DEFAULT_THRESHOLD = Decimal("80.0")


class AssessmentTemplate(models.Model):
    """The structure of a self-assessment (stages → categories → items), loaded from a spreadsheet.

    Templates never change once imported: a file with another structure is another template, so
    every assessment keeps the rows it was scored on. `signature` recognises the same structure.
    """

    name = models.CharField(_("nombre"), max_length=200, unique=True)
    description = models.TextField(_("descripción"), blank=True)
    threshold = models.DecimalField(
        _("umbral de puntos a fortalecer"),
        max_digits=4,
        decimal_places=1,
        default=DEFAULT_THRESHOLD,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Los ítems con un puntaje menor que este valor son puntos a fortalecer."),
    )
    signature = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("plantilla de autodiagnóstico")
        verbose_name_plural = _("plantillas de autodiagnóstico")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(threshold__gte=0, threshold__lte=100),
                name="assessment_template_threshold_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class TemplateItem(models.Model):
    """One row of the template: an item under a category under a stage, in file order."""

    template = models.ForeignKey(AssessmentTemplate, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField(_("número"))
    stage = models.CharField(_("etapa"), max_length=200)
    category = models.CharField(_("categoría"), max_length=200)
    text = models.TextField(_("ítem"))
    weight = models.DecimalField(_("peso"), max_digits=7, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("ítem de la plantilla")
        verbose_name_plural = _("ítems de la plantilla")
        ordering = ["template", "number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="template_item_number"),
            models.CheckConstraint(
                condition=Q(weight__isnull=True) | Q(weight__gt=0),
                name="template_item_weight_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"


class ScoreBand(models.Model):
    """A level of the template (nivel): it applies from `lower` up to the next band."""

    template = models.ForeignKey(AssessmentTemplate, on_delete=models.CASCADE, related_name="bands")
    lower = models.DecimalField(
        _("desde"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    label = models.CharField(_("nivel"), max_length=80)

    class Meta:
        verbose_name = _("nivel")
        verbose_name_plural = _("niveles")
        ordering = ["template", "lower"]
        constraints = [
            models.UniqueConstraint(fields=["template", "lower"], name="score_band_unique_lower"),
            models.CheckConstraint(
                condition=Q(lower__gte=0, lower__lte=100), name="score_band_lower_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.lower}: {self.label}"


class SelfAssessment(models.Model):
    """The entity's autodiagnóstico of one year, scored on one template."""

    entity = models.ForeignKey(
        Entity, verbose_name=_("entidad"), on_delete=models.PROTECT, related_name="self_assessments"
    )
    year = models.PositiveSmallIntegerField(
        _("vigencia"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    template = models.ForeignKey(
        AssessmentTemplate,
        verbose_name=_("plantilla"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("autodiagnóstico")
        verbose_name_plural = _("autodiagnósticos")
        ordering = ["entity", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["entity", "year"], name="self_assessment_unique_year"),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="self_assessment_year_range"
            ),
        ]

    def __str__(self) -> str:
        return _("Autodiagnóstico %(year)s") % {"year": self.year}


class ItemScore(models.Model):
    """An item's score in one assessment (empty until scored), with its note and evidence."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(TemplateItem, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("puntaje"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    note = models.TextField(_("observación"), blank=True)
    evidence = models.TextField(_("evidencia"), blank=True)
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("actividad con la que se fortalece"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessment_points",
    )

    class Meta:
        verbose_name = _("puntaje de un ítem")
        verbose_name_plural = _("puntajes de los ítems")
        ordering = ["assessment", "item__number"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="item_score_unique_item"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=100), name="item_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment} · {self.item.number}"
