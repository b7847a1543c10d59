import datetime as dt

import factory
from django.utils import timezone

from rendicion.core.tests.factories import EntityFactory
from rendicion.participation.models import Attendance
from rendicion.stakeholders.models import StakeholderGroup


class StakeholderGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StakeholderGroup

    entity = factory.SubFactory(EntityFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Grupo {n + 1}")


class AttendanceFactory(factory.django.DjangoModelFactory):
    """A fictitious attendee (documents 99000…, e-mails at example.invalid)."""

    class Meta:
        model = Attendance

    full_name = factory.Sequence(lambda n: f"Persona Ficticia {n}")
    name_key = factory.LazyAttribute(lambda a: a.full_name.lower())
    document_type = "CC"
    document_number = factory.Sequence(lambda n: f"990009{n:04d}")  # above the demo's range
    email = factory.Sequence(lambda n: f"ficticia{n:05d}@example.invalid")
    sex = "mujer"
    age_group = "adulto"
    consent_at = factory.LazyFunction(timezone.now)
    source = "form"
    contact_consent = False
    contact_consent_at = factory.LazyAttribute(
        lambda a: timezone.now() - dt.timedelta(days=1) if a.contact_consent else None
    )
