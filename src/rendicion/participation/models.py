from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import ConsentText
from rendicion.spaces.models import Space

from .rules import AgeGroup, Sex


class DocumentType(models.TextChoices):
    CC = "CC", _("Cédula de ciudadanía")
    TI = "TI", _("Tarjeta de identidad")
    CE = "CE", _("Cédula de extranjería")
    PPT = "PPT", _("Permiso por protección temporal")
    PA = "PA", _("Pasaporte")
    RC = "RC", _("Registro civil")
    OTHER = "OT", _("Otro")


class Source(models.TextChoices):
    FORM = "form", _("Formulario público")
    IMPORT = "import", _("Hoja de cálculo importada")
    STAFF = "staff", _("Registrado por el personal")


class ImportKind(models.TextChoices):
    ATTENDANCE = "attendance", _("Asistencia")
    EVALUATION = "evaluation", _("Evaluación")


class ImportBatch(models.Model):
    """One spreadsheet imported into a space; identical files are recognised by their hash."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="import_batches")
    kind = models.CharField(
        _("tipo"), max_length=20, choices=ImportKind.choices, default=ImportKind.ATTENDANCE
    )
    sha256 = models.CharField(max_length=64, db_index=True)
    filename = models.CharField(_("archivo"), max_length=255)
    rows = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    forced = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("importación")
        verbose_name_plural = _("importaciones")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.filename


class Attendance(models.Model):
    """One person attending one space (formulario de asistencia). Holds personal data."""

    space = models.ForeignKey(Space, on_delete=models.PROTECT, related_name="attendances")
    full_name = models.CharField(_("nombres y apellidos"), max_length=200)
    name_key = models.CharField(max_length=200, db_index=True)
    document_type = models.CharField(_("tipo de documento"), max_length=40, blank=True)
    document_number = models.CharField(_("número de documento"), max_length=30, blank=True)
    email = models.CharField(_("correo electrónico"), max_length=254, blank=True)
    phone = models.CharField(_("teléfono"), max_length=40, blank=True)
    sex = models.CharField(_("sexo"), max_length=20, choices=Sex.choices)
    age = models.PositiveSmallIntegerField(
        _("edad"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    age_group = models.CharField(_("grupo de edad"), max_length=20, choices=AgeGroup.choices)
    locality = models.CharField(_("localidad o municipio"), max_length=120, blank=True)
    stakeholder_group = models.CharField(_("grupo de valor"), max_length=120, blank=True)
    consent_at = models.DateTimeField(_("autorizó el"))
    consent_text = models.ForeignKey(
        ConsentText,
        verbose_name=_("texto autorizado"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    consent_answer = models.CharField(
        _("autorización como se recibió"),
        max_length=300,
        blank=True,
        help_text=_("En importaciones: la columna y la respuesta de la hoja de cálculo."),
    )
    guardian_consent = models.BooleanField(_("autoriza su madre, padre o acudiente"), default=False)
    # Invitations to later spaces are a separate purpose (Ley 1581): an explicit, optional yes.
    contact_consent = models.BooleanField(_("acepta recibir invitaciones"), default=False)
    contact_consent_at = models.DateTimeField(
        _("aceptó recibir invitaciones el"), null=True, blank=True
    )
    unsubscribed_at = models.DateTimeField(
        _("pidió no recibir más invitaciones el"), null=True, blank=True
    )
    source = models.CharField(_("origen"), max_length=10, choices=Source.choices)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    import_batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="attendances"
    )
    source_row = models.PositiveIntegerField(null=True, blank=True)
    submitted_at_text = models.CharField(_("marca temporal"), max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("asistencia")
        verbose_name_plural = _("asistencias")
        ordering = ["space", "pk"]
        indexes = [
            models.Index(fields=["space", "sex"]),
            models.Index(fields=["space", "age_group"]),
        ]
        constraints = [
            # The same person (DESIGN.md §2) is stored once per space, even under races.
            models.UniqueConstraint(
                fields=["space", "document_number"],
                condition=~Q(document_number=""),
                name="attendance_unique_document",
            ),
            models.UniqueConstraint(
                fields=["space", "email"],
                condition=~Q(email=""),
                name="attendance_unique_email",
            ),
            models.UniqueConstraint(
                fields=["space", "name_key"],
                condition=Q(document_number="", email=""),
                name="attendance_unique_name_without_ids",
            ),
            models.CheckConstraint(condition=Q(sex__in=Sex.values), name="attendance_sex_valid"),
            models.CheckConstraint(
                condition=Q(age_group__in=AgeGroup.values), name="attendance_age_group_valid"
            ),
            models.CheckConstraint(
                condition=Q(contact_consent=False) | Q(contact_consent_at__isnull=False),
                name="attendance_contact_consent_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.space} #{self.pk}"


class Answer3(models.TextChoices):
    YES = "yes", _("Sí")
    PARTLY = "partly", _("En parte")
    NO = "no", _("No")


class Evaluation(models.Model):
    """One person's rating of one space (formulario de evaluación)."""

    space = models.ForeignKey(Space, on_delete=models.PROTECT, related_name="evaluations")
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfacción general"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    clarity = models.PositiveSmallIntegerField(
        _("claridad de la información"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    usefulness = models.PositiveSmallIntegerField(
        _("utilidad"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    topic_covered = models.CharField(
        _("¿se habló del tema que le interesaba?"), max_length=10, choices=Answer3.choices
    )
    would_return = models.CharField(
        _("¿volvería a participar?"), max_length=10, choices=Answer3.choices
    )
    comment = models.TextField(_("comentario"), blank=True, max_length=2000)
    consent_at = models.DateTimeField(null=True, blank=True)
    consent_text = models.ForeignKey(
        ConsentText, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    consent_answer = models.CharField(
        _("autorización como se recibió"),
        max_length=300,
        blank=True,
        help_text=_("En importaciones: la columna y la respuesta de la hoja de cálculo."),
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.FORM)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    import_batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="evaluations"
    )
    source_row = models.PositiveIntegerField(null=True, blank=True)
    submitted_at_text = models.CharField(_("marca temporal"), max_length=60, blank=True)
    # An imported response's timestamp and answers, hashed: a form exported again with more
    # responses brings only the new ones (participation.importing_evaluations).
    row_key = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluación")
        verbose_name_plural = _("evaluaciones")
        ordering = ["space", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(satisfaction__gte=1, satisfaction__lte=5)
                & Q(clarity__gte=1, clarity__lte=5)
                & Q(usefulness__gte=1, usefulness__lte=5),
                name="evaluation_scores_1_to_5",
            ),
            # A comment may hold personal data: it is stored only with authorisation.
            models.CheckConstraint(
                condition=Q(comment="") | Q(consent_at__isnull=False),
                name="evaluation_comment_needs_consent",
            ),
            models.UniqueConstraint(
                fields=["space", "row_key"],
                condition=~Q(row_key=""),
                name="evaluation_unique_imported_response",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.space} #{self.pk}"


class PendingImport(models.Model):
    """A spreadsheet uploaded by staff, kept between the preview and the confirmation."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    content = models.BinaryField()
    options = models.JSONField(default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.filename
