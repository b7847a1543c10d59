import datetime as dt

import factory
from django.utils import timezone

from rendicion.spaces.models import Modality, Space, SpaceKind, SpaceStatus
from rendicion.strategy.tests.factories import StrategyFactory


class _YearStrategyFactory(StrategyFactory):
    """The entity's strategy for the year, shared by the spaces that do not name one."""

    class Meta:
        django_get_or_create = ["entity", "year"]


class SpaceFactory(factory.django.DjangoModelFactory):
    """A held virtual dialogue of the 2023 strategy, on 20 April 2023 at 10:00 Bogotá time."""

    class Meta:
        model = Space

    strategy = factory.SubFactory(_YearStrategyFactory)
    kind = SpaceKind.DIALOGUE
    title = factory.Sequence(lambda n: f"Diálogo ciudadano {n + 1}")
    slug = factory.Sequence(lambda n: f"dialogo-{n + 1}")
    starts_at = factory.LazyFunction(lambda: timezone.make_aware(dt.datetime(2023, 4, 20, 10, 0)))
    modality = Modality.VIRTUAL
    status = SpaceStatus.HELD
