from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpacesConfig(AppConfig):
    name = "rendicion.spaces"
    verbose_name = _("Espacios de rendición de cuentas")

    def ready(self) -> None:
        from rendicion.strategy.models import ProgressSource
        from rendicion.strategy.progress import (
            progress_activity_counter_register,
            progress_counter_register,
        )

        from .models import SpaceKind
        from .publications import publication_count_open_data, publication_counts_by_activity
        from .selectors import space_count_held

        progress_counter_register(
            ProgressSource.HEARINGS_HELD,
            lambda strategy: space_count_held(strategy=strategy, kind=SpaceKind.HEARING),
        )
        progress_counter_register(
            ProgressSource.DIALOGUES_HELD,
            lambda strategy: space_count_held(strategy=strategy, kind=SpaceKind.DIALOGUE),
        )
        progress_activity_counter_register(
            ProgressSource.PUBLICATIONS,
            lambda strategy: publication_counts_by_activity(strategy=strategy),
        )
        progress_counter_register(
            ProgressSource.OPEN_DATA_PUBLICATIONS,
            lambda strategy: publication_count_open_data(strategy=strategy),
        )
