import datetime as dt

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import Office
from rendicion.spaces.models import Space

DESCRIPTION_MAX_LENGTH = 2000


class CommitmentStatus(models.TextChoices):
    """What staff report. «Vencido» is never typed: it is computed from the due date."""

    PENDING = "pending", _("Pendiente")
    IN_PROGRESS = "in_progress", _("En curso")
    DONE = "done", _("Cumplido")


class CommitmentState(models.TextChoices):
    """What the public sees: the reported status, or overdue when the due date has passed."""

    PENDING = "pending", _("Pendiente")
    IN_PROGRESS = "in_progress", _("En curso")
    DONE = "done", _("Cumplido")
    OVERDUE = "overdue", _("Vencido")


def commitment_state(status: str, due_date: dt.date, today: dt.date) -> str:
    """One rule for every page and export: not done and past its due date is overdue."""
    if status != CommitmentStatus.DONE and due_date < today:
        return CommitmentState.OVERDUE.value
    return status


class Commitment(models.Model):
    """A promise the entity made in a space, followed until it is kept (Colibrí)."""

    space = models.ForeignKey(
        Space, verbose_name=_("espacio"), on_delete=models.PROTECT, related_name="commitments"
    )
    description = models.TextField(
        _("compromiso"),
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
    )
    office = models.ForeignKey(
        Office,
        verbose_name=_("dependencia responsable"),
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    due_date = models.DateField(_("fecha de cumplimiento"), db_index=True)
    status = models.CharField(
        _("estado reportado"),
        max_length=20,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.PENDING,
    )
    done_on = models.DateField(_("cumplido el"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("compromiso")
        verbose_name_plural = _("compromisos")
        ordering = ["space", "due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=CommitmentStatus.values), name="commitment_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status="done", done_on__isnull=False)
                | (~Q(status="done") & Q(done_on__isnull=True)),
                name="commitment_done_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    def state(self, today: dt.date) -> str:
        return commitment_state(self.status, self.due_date, today)


class CommitmentProgress(models.Model):
    """A progress update on a commitment, with a link to its evidence."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="progress")
    date = models.DateField(_("fecha"))
    note = models.TextField(_("avance"), max_length=2000, validators=[MaxLengthValidator(2000)])
    status = models.CharField(
        _("estado después del avance"), max_length=20, choices=CommitmentStatus.choices
    )
    evidence_url = models.URLField(_("enlace a la evidencia"), blank=True, max_length=500)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("avance del compromiso")
        verbose_name_plural = _("avances de los compromisos")
        ordering = ["commitment", "date", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.note[:60]}"
