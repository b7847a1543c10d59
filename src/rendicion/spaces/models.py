import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import ConsentText, Office
from rendicion.core.numbers import figure_format
from rendicion.strategy.models import Strategy


class SpaceKind(models.TextChoices):
    HEARING = "hearing", _("Audiencia pública")
    DIALOGUE = "dialogue", _("Diálogo ciudadano")


class Modality(models.TextChoices):
    IN_PERSON = "in_person", _("Presencial")
    VIRTUAL = "virtual", _("Virtual")
    HYBRID = "hybrid", _("Mixto")


class SpaceStatus(models.TextChoices):
    PLANNED = "planned", _("Programado")
    HELD = "held", _("Realizado")
    CANCELLED = "cancelled", _("Cancelado")


class Space(models.Model):
    """An audiencia pública or diálogo ciudadano of a strategy."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("estrategia"), on_delete=models.PROTECT, related_name="spaces"
    )
    kind = models.CharField(_("tipo"), max_length=20, choices=SpaceKind.choices)
    title = models.CharField(_("título"), max_length=250)
    slug = models.SlugField(_("dirección corta"), max_length=120, unique=True)
    topics = models.JSONField(_("temas"), default=list, blank=True)
    purpose = models.TextField(_("propósito"), blank=True)
    methodology = models.TextField(_("metodología"), blank=True)
    structure = models.JSONField(_("estructura"), default=list, blank=True)
    starts_at = models.DateTimeField(_("fecha y hora de inicio"))
    duration_minutes = models.PositiveIntegerField(
        _("duración (minutos)"),
        default=90,
        validators=[MinValueValidator(5), MaxValueValidator(1440)],
    )
    modality = models.CharField(_("modalidad"), max_length=20, choices=Modality.choices)
    venue_name = models.CharField(_("lugar"), max_length=200, blank=True)
    venue_address = models.CharField(_("dirección del lugar"), max_length=250, blank=True)
    venue_locality = models.CharField(_("localidad"), max_length=100, blank=True)
    reports_on_year = models.PositiveSmallIntegerField(
        _("vigencia sobre la que rinde cuentas"),
        null=True,
        blank=True,
        help_text=_("Para audiencias: el año del que se rinde cuentas (por ejemplo 2022)."),
    )
    organisers = models.ManyToManyField(
        Office, verbose_name=_("dependencias organizadoras"), blank=True, related_name="spaces"
    )
    status = models.CharField(
        _("estado"), max_length=20, choices=SpaceStatus.choices, default=SpaceStatus.PLANNED
    )
    attendance_opens_at = models.DateTimeField(_("asistencia: abre"), null=True, blank=True)
    attendance_closes_at = models.DateTimeField(_("asistencia: cierra"), null=True, blank=True)
    evaluation_opens_at = models.DateTimeField(_("evaluación: abre"), null=True, blank=True)
    evaluation_closes_at = models.DateTimeField(_("evaluación: cierra"), null=True, blank=True)
    is_published = models.BooleanField(_("publicado"), default=True)
    # Where the space can be watched again: [{"title", "url", "channel"}], kept with the space
    # (a page shows them without another query).
    recordings = models.JSONField(_("grabaciones"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("espacio")
        verbose_name_plural = _("espacios")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["strategy", "kind", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["hearing", "dialogue"]), name="space_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(modality__in=["in_person", "virtual", "hybrid"]),
                name="space_modality_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.duration_minutes)

    @property
    def has_venue(self) -> bool:
        return self.modality in (Modality.IN_PERSON, Modality.HYBRID)

    @property
    def has_channels(self) -> bool:
        return self.modality in (Modality.VIRTUAL, Modality.HYBRID)

    def form_is_open(self, form: str, now: dt.datetime | None = None) -> bool:
        """Whether the attendance or evaluation form takes submissions now."""
        now = now or timezone.now()
        opens = getattr(self, f"{form}_opens_at")
        closes = getattr(self, f"{form}_closes_at")
        if self.status == SpaceStatus.CANCELLED or opens is None:
            return False
        return opens <= now and (closes is None or now < closes)

    def clean(self) -> None:
        errors = {}
        if self.has_venue and not self.venue_name:
            errors["venue_name"] = _("Un espacio presencial o mixto necesita el lugar.")
        for form in ("attendance", "evaluation"):
            opens = getattr(self, f"{form}_opens_at")
            closes = getattr(self, f"{form}_closes_at")
            if opens and closes and closes <= opens:
                errors[f"{form}_closes_at"] = _("El cierre debe ser posterior a la apertura.")
        if errors:
            raise ValidationError(errors)


class Channel(models.Model):
    """Where a virtual or hybrid space is streamed, with the views counted after it."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="channels")
    name = models.CharField(_("canal"), max_length=120)
    account = models.CharField(_("cuenta"), max_length=120, blank=True)
    url = models.URLField(_("enlace"), max_length=500, blank=True)
    views = models.PositiveIntegerField(_("visualizaciones"), null=True, blank=True)

    class Meta:
        verbose_name = _("canal")
        verbose_name_plural = _("canales")
        ordering = ["space", "pk"]

    def __str__(self) -> str:
        return f"{self.name} {self.account}".strip()


class AgendaItem(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveSmallIntegerField(_("orden"))
    starts_at = models.TimeField(_("hora"), null=True, blank=True)
    title = models.CharField(_("punto de la agenda"), max_length=250)
    speaker = models.CharField(_("a cargo de"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("punto de la agenda")
        verbose_name_plural = _("agenda")
        ordering = ["space", "order"]
        constraints = [
            models.UniqueConstraint(fields=["space", "order"], name="agenda_unique_order")
        ]

    def __str__(self) -> str:
        return self.title


class PieceState(models.TextChoices):
    PLANNED = "planned", _("Programada")
    PUBLISHED = "published", _("Publicada")


class CommunicationPiece(models.Model):
    """A piece inviting citizens to a space (pieza comunicativa): one line of the parrilla."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="pieces")
    title = models.CharField(_("título"), max_length=250)
    channel = models.CharField(_("canal"), max_length=120)
    date = models.DateField(_("fecha"))
    file = models.FileField(_("archivo"), upload_to="piezas/%Y/", blank=True, max_length=300)
    state = models.CharField(
        _("estado"), max_length=20, choices=PieceState.choices, default=PieceState.PLANNED
    )
    reach = models.PositiveIntegerField(
        _("alcance"),
        null=True,
        blank=True,
        help_text=_("Personas a las que llegó la pieza, según el canal, una vez publicada."),
    )

    class Meta:
        verbose_name = _("pieza comunicativa")
        verbose_name_plural = _("piezas comunicativas")
        ordering = ["space", "date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["planned", "published"]), name="piece_state_valid"
            ),
            # Reach is measured after publication; a planned piece has none yet.
            models.CheckConstraint(
                condition=Q(state="published") | Q(reach__isnull=True),
                name="piece_reach_only_when_published",
            ),
        ]

    def __str__(self) -> str:
        return self.title


# Publications around the spaces (informe de gestión previo, metodología, matriz de temas) -----


class PublicationKind(models.TextChoices):
    MANAGEMENT_REPORT = "management_report", _("Informe de gestión previo")
    METHODOLOGY = "methodology", _("Metodología")
    TOPIC_MATRIX = "topic_matrix", _("Matriz de temas")
    OTHER = "other", _("Otro documento")


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("Borrador")
    PUBLISHED = "published", _("Publicada")
    WITHDRAWN = "withdrawn", _("Retirada")


def publication_upload_to(instance: "Publication", filename: str) -> str:
    return f"publicaciones/{instance.strategy.year}/{filename}"


class Publication(models.Model):
    """A document published around one or more spaces; publishing it counts toward its activity."""

    strategy = models.ForeignKey(
        Strategy,
        verbose_name=_("estrategia"),
        on_delete=models.PROTECT,
        related_name="publications",
    )
    kind = models.CharField(_("tipo de documento"), max_length=30, choices=PublicationKind.choices)
    title = models.CharField(_("título"), max_length=250)
    summary = models.TextField(
        _("resumen en lenguaje claro"),
        max_length=2000,
        help_text=_("Qué encuentra la ciudadanía en el documento, en pocas frases sencillas."),
    )
    file = models.FileField(
        _("archivo"), upload_to=publication_upload_to, blank=True, max_length=300
    )
    url = models.URLField(_("enlace"), blank=True, max_length=500)
    spaces = models.ManyToManyField(
        Space, verbose_name=_("espacios"), blank=True, related_name="publications"
    )
    activity = models.ForeignKey(
        "strategy.Activity",
        verbose_name=_("actividad del cronograma"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
    )
    office = models.ForeignKey(
        Office,
        verbose_name=_("dependencia responsable"),
        on_delete=models.PROTECT,
        related_name="publications",
    )
    state = models.CharField(
        _("estado"),
        max_length=20,
        choices=PublicationState.choices,
        default=PublicationState.DRAFT,
    )
    published_on = models.DateField(_("fecha de publicación"), null=True, blank=True)
    contains_open_data = models.BooleanField(
        _("incluye información sobre datos abiertos"),
        default=False,
        help_text=_("Cuenta para la actividad de divulgación de datos abiertos."),
    )
    comments_close_at = models.DateTimeField(
        _("recibe comentarios hasta"),
        null=True,
        blank=True,
        help_text=_("Vacío: hasta el inicio del primer espacio al que sirve."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("publicación")
        verbose_name_plural = _("publicaciones")
        ordering = ["strategy", "published_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""), name="publication_file_or_link"
            ),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_on__isnull=False),
                name="publication_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=PublicationKind.values), name="publication_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(state__in=PublicationState.values), name="publication_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.state == PublicationState.PUBLISHED

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""


class PublicationSpread(models.Model):
    """One time a publication was spread (difundido): a channel and a date."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="spreads")
    channel = models.CharField(_("canal"), max_length=120)
    date = models.DateField(_("fecha"))
    url = models.URLField(_("enlace"), blank=True, max_length=500)

    class Meta:
        verbose_name = _("difusión")
        verbose_name_plural = _("difusiones")
        ordering = ["publication", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.channel} {self.date}"


class CommentState(models.TextChoices):
    PENDING = "pending", _("Por revisar")
    APPROVED = "approved", _("Publicado")
    REJECTED = "rejected", _("No publicado")


class PublicationComment(models.Model):
    """A citizen's comment on a published report: its text only (no name or e-mail is kept; a
    question asks for them), stored with the authorisation because free text may hold personal
    data, and shown only once staff approved it."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField(_("comentario"), max_length=2000)
    consent_at = models.DateTimeField(_("autorizó el"))
    consent_text = models.ForeignKey(
        ConsentText, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    state = models.CharField(
        _("estado"), max_length=20, choices=CommentState.choices, default=CommentState.PENDING
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("comentario a una publicación")
        verbose_name_plural = _("comentarios a publicaciones")
        ordering = ["publication", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=CommentState.values), name="publication_comment_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.publication} #{self.pk}"


# The memory of a space (memoria: "Audiencia en imágenes", results presented) ------------------


def photo_original_upload_to(instance: "SpacePhoto", filename: str) -> str:
    # The original keeps its camera data (EXIF, location): it lives with the staff-only files.
    return f"espacios/{instance.space.slug}/fotos/originales/{filename}"


def photo_web_upload_to(instance: "SpacePhoto", filename: str) -> str:
    return f"espacios/{instance.space.slug}/fotos/web/{filename}"


class SpacePhoto(models.Model):
    """A photo of a space. What the public sees are the resized copies without camera data;
    the original stays with staff. No alternative text, no publication."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="photos")
    order = models.PositiveSmallIntegerField(_("orden"), default=0)
    original = models.FileField(_("original"), upload_to=photo_original_upload_to, max_length=300)
    web = models.FileField(_("versión web"), upload_to=photo_web_upload_to, max_length=300)
    thumbnail = models.FileField(_("miniatura"), upload_to=photo_web_upload_to, max_length=300)
    width = models.PositiveIntegerField(_("ancho (versión web)"))
    height = models.PositiveIntegerField(_("alto (versión web)"))
    alt_text = models.CharField(
        _("texto alternativo"),
        max_length=300,
        blank=True,
        help_text=_("Describa lo que muestra la foto para quien no puede verla."),
    )
    caption = models.CharField(_("pie de foto"), max_length=300, blank=True)
    credit = models.CharField(_("crédito"), max_length=150, blank=True)
    consent_note = models.CharField(
        _("autorización de las personas que aparecen"),
        max_length=300,
        blank=True,
        help_text=_(
            "Cómo consta que las personas que aparecen autorizaron la publicación, o que no "
            "aparecen personas."
        ),
    )
    is_published = models.BooleanField(_("publicada"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("foto del espacio")
        verbose_name_plural = _("fotos del espacio")
        ordering = ["space", "order", "pk"]
        constraints = [
            # A photo without alternative text or consent note cannot be public.
            models.CheckConstraint(
                condition=Q(is_published=False) | (~Q(alt_text="") & ~Q(consent_note="")),
                name="space_photo_published_needs_alt_and_consent",
            ),
        ]

    def __str__(self) -> str:
        return self.alt_text or self.caption or f"#{self.pk}"

    def clean(self) -> None:
        errors = {}
        if self.is_published and not self.alt_text.strip():
            errors["alt_text"] = _("Para publicar la foto escriba su texto alternativo.")
        if self.is_published and not self.consent_note.strip():
            errors["consent_note"] = _(
                "Para publicar la foto indique cómo autorizaron las personas que aparecen "
                "(o que no aparecen personas)."
            )
        if errors:
            raise ValidationError(errors)


class SpaceHighlight(models.Model):
    """A result presented in a space (e.g. Chatico's 339.876 interactions), as staff wrote it."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="highlights")
    order = models.PositiveSmallIntegerField(_("orden"))
    heading = models.CharField(_("título"), max_length=200)
    text = models.TextField(_("texto corto"), max_length=600, blank=True)

    class Meta:
        verbose_name = _("resultado presentado")
        verbose_name_plural = _("resultados presentados")
        ordering = ["space", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["space", "order"], name="highlight_unique_order")
        ]

    def __str__(self) -> str:
        return self.heading


class HighlightFigure(models.Model):
    """One figure of a result: a value with what it counts and the period it covers."""

    highlight = models.ForeignKey(SpaceHighlight, on_delete=models.CASCADE, related_name="figures")
    order = models.PositiveSmallIntegerField(_("orden"))
    value = models.DecimalField(_("cifra"), max_digits=16, decimal_places=2)
    label = models.CharField(_("qué cuenta"), max_length=200)
    period = models.CharField(_("periodo"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("cifra")
        verbose_name_plural = _("cifras")
        ordering = ["highlight", "order"]
        constraints = [
            models.UniqueConstraint(fields=["highlight", "order"], name="figure_unique_order")
        ]

    def __str__(self) -> str:
        return f"{self.display} {self.label}"

    @property
    def display(self) -> str:
        return figure_format(self.value)
