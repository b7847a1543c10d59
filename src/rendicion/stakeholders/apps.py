from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "rendicion.stakeholders"
    verbose_name = _("Grupos de valor y necesidades de información")
