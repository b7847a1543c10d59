import factory

from rendicion.core.tests.factories import EntityFactory, OfficeFactory
from rendicion.strategy.models import Activity, Stage, Strategy


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strategy

    entity = factory.SubFactory(EntityFactory)
    year = 2023
    objective = "Rendir cuentas en lenguaje claro."
    is_published = True


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stage

    strategy = factory.SubFactory(StrategyFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Etapa {n + 1}")
    murc_stages = ["readiness"]


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity
        skip_postgeneration_save = True

    strategy = factory.SubFactory(StrategyFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Actividad {n + 1}")
    target = "Una meta cumplida"
    q1 = True

    @factory.post_generation
    def responsible(self, create, extracted, **kwargs):
        if not create:
            return
        offices = extracted or [OfficeFactory(entity=self.strategy.entity)]
        self.responsible.set(offices)
