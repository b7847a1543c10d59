import datetime as dt

import factory
from django.utils import timezone

from rendicion.core.dates import BusinessCalendar, business_days_after
from rendicion.core.tests.factories import OfficeFactory
from rendicion.questions.models import (
    ProposedTopic,
    Question,
    QuestionChannel,
    QuestionKind,
    QuestionState,
    TopicChannel,
    TopicState,
)
from rendicion.spaces.tests.factories import SpaceFactory

COLOMBIA = BusinessCalendar.colombia()


class ProposedTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposedTopic

    entity = factory.LazyAttribute(
        lambda o: o.proposed_for.strategy.entity if o.proposed_for else None
    )
    proposed_for = factory.SubFactory(SpaceFactory)
    text = factory.Sequence(lambda n: f"Tema propuesto {n + 1}")
    channel = TopicChannel.PUBLIC_FORM
    proposed_on = dt.date(2023, 3, 1)
    state = TopicState.RECEIVED


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question from the public form, without contact data, with its legal due date."""

    class Meta:
        model = Question

    space = factory.SubFactory(SpaceFactory)
    text = factory.Sequence(lambda n: f"¿Pregunta ciudadana número {n + 1}?")
    channel = QuestionChannel.PUBLIC_FORM
    kind = QuestionKind.GENERAL
    received_at = factory.LazyAttribute(
        lambda o: timezone.make_aware(dt.datetime.combine(o.received_on, dt.time(10, 0)))
    )
    received_on = dt.date(2023, 4, 20)
    due_date = factory.LazyAttribute(
        lambda o: business_days_after(
            o.received_on, {"general": 15, "documents": 10, "consultation": 30}[o.kind], COLOMBIA
        )
    )
    extended_to = None
    deadline = factory.LazyAttribute(lambda o: o.extended_to or o.due_date)
    state = QuestionState.RECEIVED
    office = None


class AssignedQuestionFactory(QuestionFactory):
    state = QuestionState.ASSIGNED
    office = factory.SubFactory(
        OfficeFactory, entity=factory.SelfAttribute("..space.strategy.entity")
    )
