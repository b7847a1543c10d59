from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    name = "rendicion.commitments"
    verbose_name = _("Compromisos")

    def ready(self) -> None:
        from rendicion.spaces.outcomes import space_outcome_register

        from .selectors import space_outcomes_commitments

        space_outcome_register("commitments", space_outcomes_commitments)
