from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class OpenDataLicense(models.TextChoices):
    """Licences an entity may publish its open data under (SPDX identifiers)."""

    CC_BY_4_0 = "CC-BY-4.0", _("Creative Commons Atribución 4.0 Internacional (CC BY 4.0)")
    CC_BY_SA_4_0 = (
        "CC-BY-SA-4.0",
        _("Creative Commons Atribución-CompartirIgual 4.0 Internacional (CC BY-SA 4.0)"),
    )
    CC0_1_0 = "CC0-1.0", _("Creative Commons Dominio Público (CC0 1.0)")


class Entity(models.Model):
    """The accountable public body; its contact data fills the public footer."""

    name = models.CharField(_("nombre"), max_length=200, unique=True)
    short_name = models.CharField(_("nombre corto"), max_length=80, blank=True)
    parent_name = models.CharField(
        _("entidad a la que pertenece"),
        max_length=200,
        blank=True,
        help_text=_("Por ejemplo: Alcaldía Mayor de Bogotá D.C."),
    )
    address = models.CharField(_("dirección"), max_length=200, blank=True)
    opening_hours = models.CharField(_("horario de atención"), max_length=200, blank=True)
    phone = models.CharField(_("teléfono"), max_length=80, blank=True)
    email = models.EmailField(_("correo de contacto"), blank=True)
    website = models.URLField(_("sitio web"), blank=True)
    privacy_policy_url = models.URLField(_("política de tratamiento de datos"), blank=True)
    open_data_license = models.CharField(
        _("licencia de los datos abiertos"),
        max_length=20,
        choices=OpenDataLicense.choices,
        default=OpenDataLicense.CC_BY_4_0,
        help_text=_("La licencia con que se publican los conjuntos de datos de /datos/."),
    )

    class Meta:
        verbose_name = _("entidad")
        verbose_name_plural = _("entidades")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Office(models.Model):
    """A dependencia of the entity: responsible for activities, answers questions."""

    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="offices")
    name = models.CharField(_("nombre"), max_length=200)
    is_active = models.BooleanField(_("activa"), default=True)

    class Meta:
        verbose_name = _("dependencia")
        verbose_name_plural = _("dependencias")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["entity", "name"], name="office_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class ConsentText(models.Model):
    """A version of the personal-data authorisation text (Ley 1581 de 2012) citizens accept.

    Shared by every form that collects personal data (attendance, evaluation, questions), so it
    lives in core; the table keeps the name it had when participation owned the model.
    """

    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="consent_texts")
    version = models.CharField(_("versión"), max_length=40)
    text = models.TextField(_("texto de la autorización"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "participation_consenttext"
        verbose_name = _("texto de autorización de datos")
        verbose_name_plural = _("textos de autorización de datos")
        ordering = ["entity", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["entity", "version"], name="consent_unique_version")
        ]

    def __str__(self) -> str:
        return self.version


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administración")
    PLANNING = "planning", _("Oficina de planeación")
    OFFICE_STAFF = "office_staff", _("Personal de dependencia")
    COMMUNICATIONS = "communications", _("Comunicaciones")


class User(AbstractUser):
    role = models.CharField(
        _("rol"), max_length=20, choices=Role.choices, default=Role.OFFICE_STAFF
    )
    offices = models.ManyToManyField(
        Office, verbose_name=_("dependencias"), blank=True, related_name="staff"
    )

    class Meta:
        verbose_name = _("usuario")
        verbose_name_plural = _("usuarios")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class AuditRecord(models.Model):
    """Who changed what, and when. Written only by core.services.audit_record."""

    at = models.DateTimeField(_("fecha"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("nombre del usuario"), max_length=150, blank=True)
    action = models.CharField(_("acción"), max_length=60, db_index=True)
    object_type = models.CharField(_("tipo de objeto"), max_length=60)
    object_id = models.CharField(_("identificador"), max_length=40, blank=True)
    object_repr = models.CharField(_("objeto"), max_length=200, blank=True)
    changes = models.JSONField(_("cambios"), default=dict, blank=True)

    class Meta:
        verbose_name = _("registro de auditoría")
        verbose_name_plural = _("registros de auditoría")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"

    @property
    def change_list(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for templates: a dict key such as "items" would shadow
        dict.items in Django's template lookups."""
        rows = []
        for name, values in sorted(self.changes.items()):
            if isinstance(values, list | tuple) and len(values) == 2:
                rows.append((name, values[0], values[1]))
            else:
                rows.append((name, None, values))
        return rows


class NonWorkingDay(models.Model):
    """A day the entity declares non-working (not a public holiday): it is not a business day."""

    entity = models.ForeignKey(
        Entity, verbose_name=_("entidad"), on_delete=models.CASCADE, related_name="non_working_days"
    )
    date = models.DateField(_("fecha"))
    reason = models.CharField(
        _("motivo"),
        max_length=200,
        help_text=_("Por ejemplo: «Jornada de cierre por inventario (Resolución 123 de 2024)»."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("día no hábil de la entidad")
        verbose_name_plural = _("días no hábiles de la entidad")
        ordering = ["entity", "date"]
        constraints = [
            models.UniqueConstraint(fields=["entity", "date"], name="non_working_day_unique_date"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} — {self.reason}"
