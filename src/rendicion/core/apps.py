from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "rendicion.core"
    verbose_name = _("Entidad, dependencias y usuarios")

    def ready(self) -> None:
        from . import two_factor  # noqa: F401  (connects the login signal)
