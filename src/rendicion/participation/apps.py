from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "rendicion.participation"
    verbose_name = _("Participación: asistencia y evaluación")

    def ready(self) -> None:
        from rendicion.core.hooks import attendance_functions_register
        from rendicion.spaces.outcomes import space_outcome_register

        from . import selectors, services

        attendance_functions_register(
            attendance_counts_by_group=selectors.attendance_counts_by_group,
            attendance_emails=selectors.attendance_emails,
            attendance_contacts_latest_first=selectors.attendance_contacts_latest_first,
            attendance_for_contact=selectors.attendance_for_contact,
            attendance_contact_unsubscribe=services.attendance_contact_unsubscribe,
        )
        space_outcome_register("participation", selectors.space_outcomes_participation)
