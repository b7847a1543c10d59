from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import Entity

DESCRIPTION_MAX_LENGTH = 4000
ANSWER_MAX_LENGTH = 10000


class RequestKind(models.TextChoices):
    """Ley 1581 de 2012: a consulta (art. 14) asks what is held; a reclamo (art. 15) asks for a
    change. Each has its term in business days and one extension."""

    CONSULTA = "consulta", _("Consulta")
    RECLAMO = "reclamo", _("Reclamo")


# (term, extension) in business days: art. 14 (10, extendable by 5) and art. 15 (15, by 8).
REQUEST_TERMS = {
    RequestKind.CONSULTA: (10, 5),
    RequestKind.RECLAMO: (15, 8),
}


class RequestRight(models.TextChoices):
    KNOW = "know", _("Conocer qué datos míos tienen")
    UPDATE = "update", _("Actualizar mis datos")
    RECTIFY = "rectify", _("Corregir mis datos")
    ERASE = "erase", _("Borrar mis datos")
    REVOKE = "revoke", _("Retirar mi autorización")


def request_kind_of(right: str) -> str:
    """Knowing is a consulta; every change (update, rectify, erase, revoke) is a reclamo."""
    return RequestKind.CONSULTA if right == RequestRight.KNOW else RequestKind.RECLAMO


class RequestState(models.TextChoices):
    RECEIVED = "received", _("Recibida")
    IN_PROGRESS = "in_progress", _("En trámite")
    ANSWERED = "answered", _("Respondida")


class DataRequest(models.Model):
    """A person's request about their personal data (consulta or reclamo), answered in term.

    Holds the requester's personal data: administrators and the planning office only. It is the
    entity's record of how it honoured the right, so erasing a person's data keeps it.
    """

    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="data_requests")
    kind = models.CharField(_("tipo"), max_length=10, choices=RequestKind.choices)
    right = models.CharField(_("qué pide"), max_length=10, choices=RequestRight.choices)
    full_name = models.CharField(_("nombre"), max_length=200)
    document_type = models.CharField(_("tipo de documento"), max_length=40, blank=True)
    document_number = models.CharField(_("número de documento"), max_length=30)
    email = models.CharField(_("correo electrónico"), max_length=254, blank=True)
    phone = models.CharField(_("teléfono"), max_length=40, blank=True)
    description = models.TextField(_("detalle"), max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    received_at = models.DateTimeField(_("recibida el"))
    received_on = models.DateField(_("fecha de recibido (día hábil)"))
    due_date = models.DateField(_("vence (término legal)"))
    extended_to = models.DateField(_("nueva fecha por prórroga"), null=True, blank=True)
    extension_reason = models.TextField(_("motivo de la prórroga"), blank=True, max_length=2000)
    deadline = models.DateField(_("vence"), db_index=True)
    state = models.CharField(
        _("estado"), max_length=20, choices=RequestState.choices, default=RequestState.RECEIVED
    )
    answer = models.TextField(_("respuesta"), blank=True, max_length=ANSWER_MAX_LENGTH)
    answered_at = models.DateTimeField(_("respondida el"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("solicitud sobre datos personales")
        verbose_name_plural = _("solicitudes sobre datos personales")
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["entity", "state", "deadline"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=RequestKind.values), name="data_request_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(right__in=RequestRight.values), name="data_request_right_valid"
            ),
            models.CheckConstraint(
                condition=Q(state__in=RequestState.values), name="data_request_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(extended_to__isnull=True, deadline=F("due_date"))
                | Q(extended_to__isnull=False, deadline=F("extended_to")),
                name="data_request_deadline_consistent",
            ),
            models.CheckConstraint(
                condition=Q(extended_to__isnull=True) | Q(extended_to__gt=F("due_date")),
                name="data_request_extension_after_term",
            ),
            models.CheckConstraint(
                condition=~Q(state="answered") | Q(answered_at__isnull=False),
                name="data_request_answered_has_date",
            ),
            # The answer must reach the person: an e-mail or a phone.
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone=""), name="data_request_has_contact"
            ),
        ]

    def __str__(self) -> str:
        # No personal data: this is what the audit log shows.
        return _("Solicitud %(pk)s") % {"pk": self.pk}

    @property
    def term_days(self) -> int:
        return REQUEST_TERMS[RequestKind(self.kind)][0]

    @property
    def extension_days(self) -> int:
        return REQUEST_TERMS[RequestKind(self.kind)][1]

    @property
    def is_open(self) -> bool:
        return self.state != RequestState.ANSWERED
