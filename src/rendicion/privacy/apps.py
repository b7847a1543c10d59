from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "rendicion.privacy"
    verbose_name = _("Datos personales")

    def ready(self) -> None:
        from rendicion.core.services import calendar_listener_register

        from .services import data_request_due_dates_recompute

        calendar_listener_register("privacy", data_request_due_dates_recompute)
