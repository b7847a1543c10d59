from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The two front doors: the public home and the staff home (a work queue per role).

    Both pages gather what several apps record, so the app sits above them in the layers."""

    name = "rendicion.portal"
    verbose_name = _("Portada")
