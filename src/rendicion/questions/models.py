from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from rendicion.core.dates import TERM_CONSULTATION, TERM_DOCUMENTS, TERM_GENERAL
from rendicion.core.hooks import TopicChannel
from rendicion.core.models import ConsentText, Entity, Office
from rendicion.spaces.models import Space

QUESTION_MAX_LENGTH = 2000
ANSWER_MAX_LENGTH = 10000
TOPIC_MAX_LENGTH = 300


# Proposed topics -----------------------------------------------------------------------------


class TopicState(models.TextChoices):
    RECEIVED = "received", _("Recibido")
    IN_STUDY = "in_study", _("En estudio")
    INCLUDED = "included", _("Incluido")
    NOT_INCLUDED = "not_included", _("No incluido")
    MERGED = "merged", _("Unido a otro tema igual")


class ProposedTopic(models.Model):
    """A topic citizens asked the entity to cover, followed until it is included (or not)."""

    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="proposed_topics")
    text = models.CharField(_("tema"), max_length=TOPIC_MAX_LENGTH)
    channel = models.CharField(_("canal"), max_length=20, choices=TopicChannel.choices)
    proposed_on = models.DateField(_("fecha en que se propuso"), db_index=True)
    proposed_in = models.ForeignKey(
        Space,
        verbose_name=_("espacio donde se propuso"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topics_proposed_here",
    )
    proposed_for = models.ForeignKey(
        Space,
        verbose_name=_("espacio para el que se propuso"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topics_proposed_for",
    )
    office = models.ForeignKey(
        Office,
        verbose_name=_("dependencia a cargo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposed_topics",
    )
    state = models.CharField(
        _("estado"), max_length=20, choices=TopicState.choices, default=TopicState.RECEIVED
    )
    included_in = models.ForeignKey(
        Space,
        verbose_name=_("incluido en"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="topics_included",
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("unido a"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )
    state_note = models.CharField(
        _("explicación del estado"),
        max_length=500,
        blank=True,
        help_text=_("Se publica. Por ejemplo, por qué no se incluyó."),
    )
    # A citizen's text may hold personal data: it is public only once staff have read it
    # (see questions.selectors.topics_public for the whole rule).
    text_reviewed = models.BooleanField(
        _("texto revisado para publicar"),
        default=False,
        help_text=_("El equipo leyó el texto y no tiene datos personales."),
    )
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tema propuesto")
        verbose_name_plural = _("temas propuestos")
        ordering = ["proposed_on", "pk"]
        indexes = [models.Index(fields=["entity", "proposed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=TopicState.values), name="topic_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(state="included", included_in__isnull=False)
                | (~Q(state="included") & Q(included_in__isnull=True)),
                name="topic_included_has_space",
            ),
            models.CheckConstraint(
                condition=Q(state="merged", merged_into__isnull=False)
                | (~Q(state="merged") & Q(merged_into__isnull=True)),
                name="topic_merged_has_target",
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=F("pk")), name="topic_not_merged_into_itself"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]


# Questions and answers -----------------------------------------------------------------------


class QuestionChannel(models.TextChoices):
    PUBLIC_FORM = "public_form", _("Formulario de preguntas")
    CHAT = "chat", _("Chat de la transmisión")
    STREAM_COMMENT = "stream_comment", _("Comentario en la transmisión")
    PAPER = "paper", _("Formato en papel")
    IN_ROOM = "in_room", _("En el recinto")


class QuestionKind(models.TextChoices):
    """Ley 1755 de 2015, article 14: each kind of petition has its own term."""

    GENERAL = "general", _("Petición general (15 días hábiles)")
    DOCUMENTS = "documents", _("Documentos e información (10 días hábiles)")
    CONSULTATION = "consultation", _("Consulta (30 días hábiles)")


TERM_DAYS = {
    QuestionKind.GENERAL: TERM_GENERAL,
    QuestionKind.DOCUMENTS: TERM_DOCUMENTS,
    QuestionKind.CONSULTATION: TERM_CONSULTATION,
}


class QuestionState(models.TextChoices):
    RECEIVED = "received", _("Por asignar")
    ASSIGNED = "assigned", _("Asignada a una dependencia")
    RETURNED = "returned", _("Devuelta por la dependencia")
    IN_REVIEW = "in_review", _("En revisión de planeación")
    CHANGES_REQUESTED = "changes_requested", _("Con ajustes pedidos")
    ANSWERED = "answered", _("Respondida")
    PUBLISHED = "published", _("Respuesta publicada")


OPEN_STATES = [
    QuestionState.RECEIVED,
    QuestionState.ASSIGNED,
    QuestionState.RETURNED,
    QuestionState.IN_REVIEW,
    QuestionState.CHANGES_REQUESTED,
]
ANSWERED_STATES = [QuestionState.ANSWERED, QuestionState.PUBLISHED]


class Question(models.Model):
    """A citizen's question asked before or during a space, answered within the legal term.

    The asker's name, e-mail and phone are personal data: stored only with authorisation and
    never shown outside the staff side.
    """

    space = models.ForeignKey(
        Space, verbose_name=_("espacio"), on_delete=models.PROTECT, related_name="questions"
    )
    text = models.TextField(
        _("pregunta"),
        max_length=QUESTION_MAX_LENGTH,
        validators=[MaxLengthValidator(QUESTION_MAX_LENGTH)],
    )
    channel = models.CharField(_("canal"), max_length=20, choices=QuestionChannel.choices)
    kind = models.CharField(
        _("tipo de petición"),
        max_length=20,
        choices=QuestionKind.choices,
        default=QuestionKind.GENERAL,
    )
    asker_name = models.CharField(_("nombre de quien pregunta"), max_length=200, blank=True)
    asker_email = models.CharField(_("correo de quien pregunta"), max_length=254, blank=True)
    asker_phone = models.CharField(_("teléfono de quien pregunta"), max_length=40, blank=True)
    consent_at = models.DateTimeField(_("autorizó el"), null=True, blank=True)
    consent_text = models.ForeignKey(
        ConsentText, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    received_at = models.DateTimeField(_("recibida el"))
    received_on = models.DateField(_("fecha de recibido"))
    due_date = models.DateField(_("vence (término legal)"))
    extended_to = models.DateField(_("nueva fecha por prórroga"), null=True, blank=True)
    extension_reason = models.TextField(_("motivo de la prórroga"), blank=True, max_length=2000)
    deadline = models.DateField(_("vence"), db_index=True)
    office = models.ForeignKey(
        Office,
        verbose_name=_("dependencia"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
    )
    state = models.CharField(
        _("estado"),
        max_length=20,
        choices=QuestionState.choices,
        default=QuestionState.RECEIVED,
    )
    return_reason = models.TextField(_("motivo de la devolución"), blank=True, max_length=2000)
    returned_by = models.ForeignKey(
        Office, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("respondida el"), null=True, blank=True)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pregunta ciudadana")
        verbose_name_plural = _("preguntas ciudadanas")
        ordering = ["deadline", "pk"]
        indexes = [
            # The staff queues count, group and page from these without reading the rows.
            models.Index(fields=["state", "deadline"], name="question_state_deadline"),
            models.Index(
                fields=["office", "state", "deadline", "space"], name="question_office_queue"
            ),
            models.Index(
                fields=["space", "state", "deadline", "office"], name="question_space_state"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=QuestionState.values), name="question_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=QuestionKind.values), name="question_kind_valid"
            ),
            # The deadline is the extension when there is one, the legal term otherwise.
            models.CheckConstraint(
                condition=Q(extended_to__isnull=True, deadline=F("due_date"))
                | Q(extended_to__isnull=False, deadline=F("extended_to")),
                name="question_deadline_consistent",
            ),
            models.CheckConstraint(
                condition=Q(extended_to__isnull=True) | Q(extended_to__gt=F("due_date")),
                name="question_extension_after_term",
            ),
            # Contact data is personal data: stored only with the person's authorisation.
            models.CheckConstraint(
                condition=Q(asker_name="", asker_email="", asker_phone="")
                | Q(consent_at__isnull=False),
                name="question_contact_needs_consent",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["received", "returned"]) | Q(office__isnull=False),
                name="question_routed_has_office",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=["answered", "published"]) | Q(answered_at__isnull=False),
                name="question_answered_has_date",
            ),
        ]

    def __str__(self) -> str:
        return _("Pregunta %(pk)s") % {"pk": self.pk}

    @property
    def term_days(self) -> int:
        return TERM_DAYS[QuestionKind(self.kind)]

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def has_contact(self) -> bool:
        return bool(self.asker_name or self.asker_email or self.asker_phone)


class Answer(models.Model):
    """The office's reply to a question: drafted, reviewed for plain language, then published."""

    question = models.OneToOneField(Question, on_delete=models.CASCADE, related_name="answer")
    text = models.TextField(
        _("respuesta"),
        max_length=ANSWER_MAX_LENGTH,
        validators=[MaxLengthValidator(ANSWER_MAX_LENGTH)],
    )
    office = models.ForeignKey(
        Office, verbose_name=_("dependencia"), on_delete=models.PROTECT, related_name="answers"
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("enviada a revisión el"), null=True, blank=True)
    review_note = models.TextField(_("ajustes pedidos"), blank=True, max_length=4000)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(_("aprobada el"), null=True, blank=True)
    published_at = models.DateTimeField(_("publicada el"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("respuesta")
        verbose_name_plural = _("respuestas")
        ordering = ["question"]
        constraints = [
            # An answer is never published without the planning office's review.
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(approved_at__isnull=False),
                name="answer_published_after_review",
            ),
        ]

    def __str__(self) -> str:
        return _("Respuesta a la pregunta %(pk)s") % {"pk": self.question_id}


class AnswerReport(models.Model):
    """The informe de respuestas of a space: its answers, published together (cronograma)."""

    space = models.OneToOneField(Space, on_delete=models.PROTECT, related_name="answer_report")
    introduction = models.TextField(_("presentación"), blank=True, max_length=4000)
    published_at = models.DateTimeField(_("publicado el"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("informe de respuestas")
        verbose_name_plural = _("informes de respuestas")
        ordering = ["published_at", "pk"]

    def __str__(self) -> str:
        return _("Informe de respuestas — %(space)s") % {"space": self.space}


class NoticeKind(models.TextChoices):
    ASSIGNED = "assigned", _("Asignación a la dependencia")
    REMINDER = "reminder", _("Recordatorio de vencimiento")
    ANSWERED = "answered", _("Respuesta a quien preguntó")


class QuestionNotice(models.Model):
    """An e-mail notice already sent: what makes `send_reminders` safe to run again."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    # What the notice was about: the office assigned, or the deadline reminded of.
    key = models.CharField(max_length=40)
    recipients = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("aviso enviado")
        verbose_name_plural = _("avisos enviados")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "kind", "key"], name="question_notice_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"
