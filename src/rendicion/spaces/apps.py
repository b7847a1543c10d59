from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpacesConfig(AppConfig):
    name = "rendicion.spaces"
    verbose_name = _("Espacios de rendición de cuentas")

    def ready(self) -> None:
        from rendicion.strategy.models import ProgressSource
        from rendicion.strategy.progress import progress_counter_register

        from .models import SpaceKind
        from .selectors import space_count_held

        progress_counter_register(
            ProgressSource.HEARINGS_HELD,
            lambda strategy: space_count_held(strategy=strategy, kind=SpaceKind.HEARING),
        )
        progress_counter_register(
            ProgressSource.DIALOGUES_HELD,
            lambda strategy: space_count_held(strategy=strategy, kind=SpaceKind.DIALOGUE),
        )
