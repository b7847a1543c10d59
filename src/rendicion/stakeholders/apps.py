from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "rendicion.stakeholders"
    verbose_name = _("Grupos de valor y necesidades de información")

    def ready(self) -> None:
        from rendicion.core.hooks import attendance_group_names_register

        from .selectors import stakeholder_group_names

        attendance_group_names_register(
            "stakeholders", lambda entity: stakeholder_group_names(entity=entity)
        )
