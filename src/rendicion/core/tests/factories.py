import factory

from rendicion.core.models import Entity, Office, Role, User


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity
        django_get_or_create = ["name"]

    name = "Entidad de Prueba"
    short_name = "Entidad"
    address = "Calle 1 # 2-3, Bogotá D.C."
    opening_hours = "Lunes a viernes de 8:00 a. m. a 4:00 p. m."


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    entity = factory.SubFactory(EntityFactory)
    name = factory.Sequence(lambda n: f"Dependencia {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"usuario{n}")
    role = Role.PLANNING
    password = factory.PostGenerationMethodCall("set_password", "clave-de-prueba-123")

    @factory.post_generation
    def offices(self, create, extracted, **kwargs):
        if create and extracted:
            self.offices.set(extracted)
        if create:
            self.save()
