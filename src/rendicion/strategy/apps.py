from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "rendicion.strategy"
    verbose_name = _("Estrategia de rendición de cuentas")
