from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "rendicion.assessment"
    verbose_name = _("Autodiagnóstico de rendición de cuentas")
