from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "rendicion.reports"
    verbose_name = _("Informes")

    def ready(self) -> None:
        from rendicion.spaces.outcomes import space_outcome_register
        from rendicion.strategy.models import ProgressSource
        from rendicion.strategy.progress import progress_counter_register

        from .selectors import space_outcomes_report, space_reports_published_count

        progress_counter_register(
            ProgressSource.SPACE_REPORTS_PUBLISHED,
            lambda strategy: space_reports_published_count(strategy=strategy),
        )
        space_outcome_register("reports", space_outcomes_report)
