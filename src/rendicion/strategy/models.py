from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from rendicion.core.models import Entity, Office


class MurcStage(models.TextChoices):
    """The stages of Función Pública's Manual Único de Rendición de Cuentas."""

    READINESS = "readiness", _("Aprestamiento")
    DESIGN = "design", _("Diseño")
    PREPARATION = "preparation", _("Preparación")
    EXECUTION = "execution", _("Ejecución")
    FOLLOW_UP = "follow_up", _("Seguimiento y evaluación")


class ActivityStatus(models.TextChoices):
    PENDING = "pending", _("Pendiente")
    IN_PROGRESS = "in_progress", _("En curso")
    DONE = "done", _("Cumplida")
    NOT_DONE = "not_done", _("No cumplida")


class ProgressSource(models.TextChoices):
    """Where an activity's progress comes from: typed by staff, or counted from records."""

    MANUAL = "manual", _("Registrado por la dependencia")
    HEARINGS_HELD = "hearings_held", _("Audiencias públicas realizadas")
    DIALOGUES_HELD = "dialogues_held", _("Diálogos ciudadanos realizados")
    SPACE_REPORTS_PUBLISHED = "space_reports_published", _("Informes de espacios publicados")
    ANSWER_REPORTS_PUBLISHED = "answer_reports_published", _("Informes de respuestas publicados")
    PUBLICATIONS = "publications", _("Documentos de la actividad publicados")
    OPEN_DATA_PUBLICATIONS = (
        "open_data_publications",
        _("Documentos publicados con información sobre datos abiertos"),
    )


QUARTER_LABELS = {
    1: _("Enero - marzo"),
    2: _("Abril - junio"),
    3: _("Julio - septiembre"),
    4: _("Octubre - diciembre"),
}


class Strategy(models.Model):
    entity = models.ForeignKey(
        Entity, verbose_name=_("entidad"), on_delete=models.PROTECT, related_name="strategies"
    )
    year = models.PositiveSmallIntegerField(
        _("vigencia"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    objective = models.TextField(_("objetivo de la estrategia"))
    report_purpose = models.TextField(
        _("objetivo del informe de seguimiento"),
        blank=True,
        help_text=_("Qué busca informar a la ciudadanía el informe de seguimiento."),
    )
    is_published = models.BooleanField(
        _("publicada"),
        default=False,
        help_text=_("Solo las estrategias publicadas se ven en el sitio público."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("estrategia")
        verbose_name_plural = _("estrategias")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["entity", "year"], name="strategy_unique_year"),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="strategy_year_range"
            ),
        ]

    def __str__(self) -> str:
        return _("Estrategia de rendición de cuentas %(year)s") % {"year": self.year}


class Stage(models.Model):
    """One of the strategy's own stages, mapped to one or more MURC stages."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="stages")
    number = models.PositiveSmallIntegerField(_("número"))
    name = models.CharField(_("nombre"), max_length=200)
    murc_stages = models.JSONField(_("etapas del MURC"), default=list, blank=True)
    items = models.JSONField(_("qué contiene"), default=list, blank=True)

    class Meta:
        verbose_name = _("etapa")
        verbose_name_plural = _("etapas")
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="stage_unique_number"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        unknown = [code for code in self.murc_stages if code not in MurcStage.values]
        if unknown:
            raise ValidationError({"murc_stages": _("Etapa del MURC desconocida: %s") % unknown})

    @property
    def murc_stage_labels(self) -> list[str]:
        return [MurcStage(code).label for code in self.murc_stages if code in MurcStage.values]


class Challenge(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="challenges")
    number = models.PositiveSmallIntegerField(_("número"))
    text = models.TextField(_("reto"))

    class Meta:
        verbose_name = _("reto")
        verbose_name_plural = _("retos")
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="challenge_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"


class TeamRole(models.Model):
    """Who does what in the strategy's leading team (equipo líder)."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="team_roles")
    number = models.PositiveSmallIntegerField(_("orden"))
    name = models.CharField(_("dependencia o rol"), max_length=200)
    office = models.ForeignKey(
        Office,
        verbose_name=_("dependencia"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    responsibilities = models.JSONField(_("responsabilidades"), default=list, blank=True)

    class Meta:
        verbose_name = _("rol del equipo líder")
        verbose_name_plural = _("roles del equipo líder")
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="team_role_unique_number"),
        ]

    def __str__(self) -> str:
        return self.name


class Activity(models.Model):
    """One numbered line of the cronograma."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="activities")
    number = models.PositiveSmallIntegerField(_("número"), validators=[MinValueValidator(1)])
    stage = models.ForeignKey(
        Stage,
        verbose_name=_("etapa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    name = models.TextField(_("actividad"))
    target = models.TextField(_("meta o producto"))
    target_quantity = models.PositiveIntegerField(
        _("cantidad de la meta"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    target_unit = models.CharField(_("unidad de la meta"), max_length=80, blank=True)
    progress_source = models.CharField(
        _("el avance se calcula con"),
        max_length=40,
        choices=ProgressSource.choices,
        default=ProgressSource.MANUAL,
    )
    evidence_expected = models.TextField(_("evidencias esperadas"), blank=True)
    responsible = models.ManyToManyField(
        Office, verbose_name=_("dependencias responsables"), related_name="activities"
    )
    responsible_note = models.CharField(
        _("nota sobre los responsables"),
        max_length=200,
        blank=True,
        help_text=_("Por ejemplo: «Dependencias líderes de cada tema»."),
    )
    responsible_text = models.TextField(
        _("responsables, como los escribió la entidad"),
        blank=True,
        help_text=_(
            "Lo que muestran el cronograma y los informes en la columna «Responsable» (por "
            "ejemplo «Despacho SGeneral, Oficina Asesora de Planeación, Dependencias "
            "identificadas»). Los permisos siguen a las dependencias responsables."
        ),
    )
    q1 = models.BooleanField(QUARTER_LABELS[1], default=False)
    q2 = models.BooleanField(QUARTER_LABELS[2], default=False)
    q3 = models.BooleanField(QUARTER_LABELS[3], default=False)
    q4 = models.BooleanField(QUARTER_LABELS[4], default=False)
    status = models.CharField(
        _("estado"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PENDING
    )
    progress = models.PositiveSmallIntegerField(
        _("avance (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    progress_note = models.TextField(_("nota de avance"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("actividad")
        verbose_name_plural = _("actividades")
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="activity_unique_number"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="activity_progress_max"),
            models.CheckConstraint(
                condition=Q(progress_source="manual") | Q(target_quantity__gte=1),
                name="activity_linked_needs_quantity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name[:80]}"

    @property
    def quarters(self) -> list[int]:
        return [n for n in (1, 2, 3, 4) if getattr(self, f"q{n}")]

    def clean(self) -> None:
        errors = {}
        if self.progress_source != ProgressSource.MANUAL and not self.target_quantity:
            errors["target_quantity"] = _(
                "Para calcular el avance desde los registros, indique la cantidad de la meta."
            )
        if self.stage_id and self.strategy_id and self.stage.strategy_id != self.strategy_id:
            errors["stage"] = _("La etapa no pertenece a esta estrategia.")
        if not self.quarters:
            errors["q1"] = _("Marque al menos un trimestre.")
        if errors:
            raise ValidationError(errors)


def evidence_upload_to(instance: "Evidence", filename: str) -> str:
    return f"evidencias/{instance.activity.strategy.year}/{instance.activity.number}/{filename}"


class Evidence(models.Model):
    """A file or link that proves an activity's progress."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="evidence")
    office = models.ForeignKey(
        Office,
        verbose_name=_("dependencia"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    date = models.DateField(_("fecha"))
    note = models.TextField(_("nota"), blank=True)
    file = models.FileField(_("archivo"), upload_to=evidence_upload_to, blank=True, max_length=300)
    url = models.URLField(_("enlace"), blank=True, max_length=500)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidencia")
        verbose_name_plural = _("evidencias")
        ordering = ["activity", "-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="evidence_file_or_link",
            ),
        ]

    def __str__(self) -> str:
        return self.url or self.file.name

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""


class DialoguePlan(models.Model):
    """The year's plan for its citizen dialogues (planteamiento general de los diálogos), with
    the rule its execution is checked against: at least `min_per_quarter` dialogues in each
    quarter from `from_quarter` on."""

    strategy = models.OneToOneField(
        Strategy, on_delete=models.CASCADE, related_name="dialogue_plan"
    )
    purposes = models.JSONField(_("propósitos"), default=list, blank=True)
    themes = models.JSONField(_("temas generales"), default=list, blank=True)
    modalities = models.JSONField(_("modalidades"), default=list, blank=True)
    duration_minutes = models.PositiveIntegerField(
        _("duración (minutos)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(5), MaxValueValidator(1440)],
    )
    methodology = models.JSONField(_("metodología"), default=list, blank=True)
    structure = models.JSONField(_("estructura"), default=list, blank=True)
    venues = models.JSONField(_("posibles lugares"), default=list, blank=True)
    min_per_quarter = models.PositiveSmallIntegerField(
        _("mínimo de diálogos por trimestre"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    from_quarter = models.PositiveSmallIntegerField(
        _("a partir del trimestre"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    frequency_text = models.CharField(
        _("regla de frecuencia, como la escribió la entidad"),
        max_length=300,
        blank=True,
        help_text=_(
            "Por ejemplo: «Mínimo un (1) diálogo trimestral, a partir del segundo trimestre del año»."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("planteamiento general de los diálogos")
        verbose_name_plural = _("planteamientos generales de los diálogos")
        constraints = [
            models.CheckConstraint(
                condition=Q(from_quarter__gte=1, from_quarter__lte=4),
                name="dialogue_plan_quarter_range",
            ),
            models.CheckConstraint(
                condition=Q(min_per_quarter__gte=1), name="dialogue_plan_min_positive"
            ),
        ]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    @property
    def quarters_required(self) -> list[int]:
        return list(range(self.from_quarter, 5))

    @property
    def frequency_rule(self) -> str:
        """The rule in the entity's words, or said plainly from the numbers."""
        if self.frequency_text:
            return self.frequency_text
        return ngettext(
            "Mínimo %(n)s diálogo por trimestre, a partir del trimestre %(q)s del año.",
            "Mínimo %(n)s diálogos por trimestre, a partir del trimestre %(q)s del año.",
            self.min_per_quarter,
        ) % {"n": self.min_per_quarter, "q": self.from_quarter}
