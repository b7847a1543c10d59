from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A staff user's key for the API. Only a hash is stored: the key is shown once.

    A token acts as its user, with the user's role and offices at the time of each call.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("nombre"), max_length=100)
    # The first characters of the key, to tell keys apart on the page; not enough to use one.
    prefix = models.CharField(_("comienzo de la clave"), max_length=12)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("creada el"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("último uso"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revocada el"), null=True, blank=True)

    class Meta:
        verbose_name = _("clave de la API")
        verbose_name_plural = _("claves de la API")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
