from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "rendicion.core"
    verbose_name = _("Entidad, dependencias y usuarios")

    def ready(self) -> None:
        from . import two_factor  # noqa: F401  (connects the login signal)

        # Each app's exports.py registers its downloads in rendicion.core.exporters.
        autodiscover_modules("exports")
