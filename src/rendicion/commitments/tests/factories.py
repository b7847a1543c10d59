import datetime as dt

import factory

from rendicion.commitments.models import Commitment
from rendicion.core.tests.factories import OfficeFactory
from rendicion.spaces.tests.factories import SpaceFactory


class CommitmentFactory(factory.django.DjangoModelFactory):
    """A pending commitment made at a 2023 dialogue, due at the end of 2023."""

    class Meta:
        model = Commitment

    space = factory.SubFactory(SpaceFactory)
    description = factory.Sequence(lambda n: f"Publicar el informe número {n + 1} en la web.")
    office = factory.SubFactory(
        OfficeFactory, entity=factory.SelfAttribute("..space.strategy.entity")
    )
    due_date = dt.date(2023, 12, 15)
