from django.db import models
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import Entity, Office
from rendicion.spaces.models import Space
from rendicion.strategy.models import Activity


class StakeholderGroup(models.Model):
    """A grupo de valor, characterised with the MURC's four kinds of variables.

    Its name is what attendance forms offer, so participation per group comes out of attendances.
    """

    entity = models.ForeignKey(
        Entity,
        verbose_name=_("entidad"),
        on_delete=models.PROTECT,
        related_name="stakeholder_groups",
    )
    number = models.PositiveSmallIntegerField(_("orden"))
    name = models.CharField(_("nombre"), max_length=120)
    description = models.TextField(_("descripción"), blank=True)
    geographic = models.TextField(
        _("variables geográficas"),
        blank=True,
        help_text=_("Dónde está el grupo: localidades, zona urbana o rural, otras ciudades."),
    )
    demographic = models.TextField(
        _("variables demográficas"),
        blank=True,
        help_text=_(
            "Quiénes lo forman: edad, sexo, nivel educativo, pertenencia étnica, ocupación."
        ),
    )
    intrinsic = models.TextField(
        _("variables intrínsecas"),
        blank=True,
        help_text=_("Qué le interesa, qué sabe de la entidad, qué lenguaje y canales prefiere."),
    )
    behavioural = models.TextField(
        _("variables de comportamiento"),
        blank=True,
        help_text=_("Cómo se relaciona con la entidad: canales que usa, frecuencia, qué busca."),
    )
    offices = models.ManyToManyField(
        Office, verbose_name=_("dependencias que lo atienden"), blank=True, related_name="+"
    )
    is_active = models.BooleanField(
        _("activo"),
        default=True,
        help_text=_("Solo los grupos activos aparecen en el formulario de asistencia."),
    )

    class Meta:
        verbose_name = _("grupo de valor")
        verbose_name_plural = _("grupos de valor")
        ordering = ["entity", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["entity", "name"], name="stakeholder_group_unique_name"
            ),
            models.UniqueConstraint(
                fields=["entity", "number"], name="stakeholder_group_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class InformationNeed(models.Model):
    """What a group wants to know, who provides it, through which channel, and what covers it."""

    group = models.ForeignKey(StakeholderGroup, on_delete=models.CASCADE, related_name="needs")
    number = models.PositiveSmallIntegerField(_("orden"))
    topic = models.CharField(_("tema"), max_length=250)
    office = models.ForeignKey(
        Office,
        verbose_name=_("dependencia que la entrega"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.CharField(_("canal"), max_length=120, blank=True)
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("actividad que la atiende"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    space = models.ForeignKey(
        Space,
        verbose_name=_("espacio que la atiende"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("necesidad de información")
        verbose_name_plural = _("necesidades de información")
        ordering = ["group", "number"]
        constraints = [
            models.UniqueConstraint(fields=["group", "number"], name="information_need_number"),
        ]

    def __str__(self) -> str:
        return self.topic

    @property
    def covered_by(self) -> str:
        """The activity and/or space that covers the need, in words ("" when nothing does)."""
        parts = []
        if self.activity_id:
            parts.append(
                _("Actividad %(number)s de la estrategia %(year)s")
                % {"number": self.activity.number, "year": self.activity.strategy.year}
            )
        if self.space_id:
            parts.append(self.space.title)
        return "; ".join(str(part) for part in parts)


class InvitationChannel(models.TextChoices):
    EMAIL = "email", _("Correo electrónico")
    SOCIAL = "social", _("Redes sociales")
    WEB = "web", _("Página web")
    PHONE = "phone", _("Llamada o mensaje de texto")
    LETTER = "letter", _("Oficio o carta")
    MEDIA = "media", _("Medios de comunicación")
    IN_PERSON = "in_person", _("Visita o reunión")


class Invitation(models.Model):
    """The convocation of a space: one group invited, and through which channels."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="invitations")
    group = models.ForeignKey(
        StakeholderGroup, on_delete=models.CASCADE, related_name="invitations"
    )
    channels = models.JSONField(_("canales"), default=list, blank=True)

    class Meta:
        verbose_name = _("grupo convocado")
        verbose_name_plural = _("grupos convocados")
        ordering = ["space", "group__number"]
        constraints = [
            models.UniqueConstraint(fields=["space", "group"], name="invitation_unique_group"),
        ]

    def __str__(self) -> str:
        return f"{self.space} · {self.group}"

    @property
    def channel_labels(self) -> list[str]:
        return [
            str(InvitationChannel(code).label)
            for code in self.channels
            if code in InvitationChannel.values
        ]
