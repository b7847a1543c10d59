"""Proposed topics: the public list (reviewed topics only), the yearly form, the optional
question of the attendance and evaluation forms, and the staff review."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from rendicion.core.tests.factories import OfficeFactory, UserFactory
from rendicion.questions import services
from rendicion.questions.models import ProposedTopic, TopicState
from rendicion.spaces import services as space_services
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.strategy.tests.factories import StrategyFactory

from .factories import ProposedTopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def this_year():
    return StrategyFactory(year=timezone.localdate().year)


def test_the_public_list_shows_reviewed_topics_with_their_state(
    client, django_assert_max_num_queries
):
    strategy = StrategyFactory(year=2023)
    space = SpaceFactory(strategy=strategy)
    reviewed = ProposedTopicFactory(proposed_for=space, text="Gobierno abierto")
    services.topic_review(
        actor=None,
        topic=reviewed,
        review=services.TopicReview(
            text=reviewed.text,
            state="included",
            included_in=space,
            proposed_for=space,
            office=OfficeFactory(entity=strategy.entity, name="Alta Consejería TIC"),
        ),
    )
    ProposedTopicFactory(proposed_for=space, text="Mi nombre es Ana y vivo en la calle 1")
    with django_assert_max_num_queries(6):
        page = client.get("/estrategia/2023/temas/")
    assert "Gobierno abierto" in page.text and "Incluido" in page.text
    assert "Alta Consejería TIC" in page.text
    assert "Mi nombre es Ana" not in page.text  # unreviewed: may hold personal data
    assert "Hay 1 tema recibido que la entidad está revisando." in page.text


def test_a_citizen_proposes_a_topic_for_this_years_strategy(client, this_year):
    url = f"/estrategia/{this_year.year}/temas/proponer/"
    key = str(uuid.uuid4())
    response = client.post(url, {"submission_key": key, "text": "Seguridad en los CADE"})
    assert response.status_code == 302
    client.post(url, {"submission_key": key, "text": "Seguridad en los CADE"})
    topic = ProposedTopic.objects.get()
    assert (topic.channel, topic.state, topic.proposed_on) == (
        "public_form",
        "received",
        timezone.localdate(),
    )
    page = client.post(url, {"submission_key": str(uuid.uuid4()), "text": ""})
    assert "Escriba el tema que propone." in page.text


def test_topics_are_not_proposed_for_a_past_years_strategy(client):
    StrategyFactory(year=2020)
    page = client.get("/estrategia/2020/temas/proponer/")
    assert "Ya no se reciben temas para 2020" in page.text


def _open_space(strategy):
    return space_services.space_create(
        actor=None,
        strategy=strategy,
        data=space_services.SpaceData(
            kind="dialogue",
            title="Diálogo abierto",
            slug="dialogo-abierto",
            starts_at=timezone.now() + dt.timedelta(hours=1),
            modality="virtual",
        ),
    )


def test_the_evaluation_form_optional_topic_becomes_a_proposed_topic_once(client, this_year):
    space = _open_space(this_year)
    space_services.space_form_window_set(
        actor=None,
        space=space,
        form="evaluation",
        opens_at=timezone.now() - dt.timedelta(hours=1),
        closes_at=None,
    )
    data = {
        "submission_key": str(uuid.uuid4()),
        "consent_version": "1",
        "satisfaction": "5",
        "clarity": "4",
        "usefulness": "5",
        "topic_covered": "yes",
        "would_return": "yes",
        "topic": "Archivo de Bogotá",
        "website": "",
    }
    client.post("/espacios/dialogo-abierto/evaluacion/", data)
    client.post("/espacios/dialogo-abierto/evaluacion/", data)
    topic = ProposedTopic.objects.get()
    assert (topic.text, topic.channel, topic.proposed_in) == (
        "Archivo de Bogotá",
        "evaluation_form",
        space,
    )
    without = {**data, "submission_key": str(uuid.uuid4()), "topic": ""}
    client.post("/espacios/dialogo-abierto/evaluacion/", without)
    assert ProposedTopic.objects.count() == 1


def test_staff_review_and_merge_topics_through_the_pages(client):
    strategy = StrategyFactory(year=2023)
    space = SpaceFactory(strategy=strategy)
    main = ProposedTopicFactory(proposed_for=space, text="Servicio a la ciudadanía")
    dup = ProposedTopicFactory(proposed_for=space, text="servicio al ciudadano")
    office = OfficeFactory(entity=strategy.entity)
    client.force_login(UserFactory(role="planning"))
    page = client.post(
        f"/gestion/temas/tema/{main.pk}/",
        {"text": main.text, "state": "not_included", "office": office.pk, "state_note": ""},
    )
    assert "Explique en pocas palabras por qué no se incluyó" in page.text
    client.post(
        f"/gestion/temas/tema/{main.pk}/",
        {"text": main.text, "state": "in_study", "office": office.pk, "state_note": ""},
    )
    client.post(f"/gestion/temas/tema/{dup.pk}/", {"unir": "1", "into": main.pk})
    main.refresh_from_db()
    dup.refresh_from_db()
    assert (main.state, main.office) == (TopicState.IN_STUDY, office)
    assert (dup.state, dup.merged_into) == (TopicState.MERGED, main)
    listing = client.get("/gestion/temas/2023/")
    assert "1 repetido unido" in listing.text


def test_office_staff_read_topics_but_do_not_change_them(client):
    # Office staff read the topics assigned to their office (README: each office sees its own).
    topic = ProposedTopicFactory()
    topic.office = OfficeFactory(entity=topic.entity)
    topic.save(update_fields=["office"])
    client.force_login(UserFactory(role="office_staff", offices=[topic.office]))
    assert client.get(f"/gestion/temas/tema/{topic.pk}/").status_code == 200
    assert client.post(f"/gestion/temas/tema/{topic.pk}/", {"text": "x"}).status_code == 403


def test_office_staff_do_not_open_another_offices_topic(client):
    topic = ProposedTopicFactory()
    topic.office = OfficeFactory(entity=topic.entity)
    topic.save(update_fields=["office"])
    other = OfficeFactory(entity=topic.entity)
    client.force_login(UserFactory(role="office_staff", offices=[other]))
    assert client.get(f"/gestion/temas/tema/{topic.pk}/").status_code == 403
    listing = client.get(f"/gestion/temas/{topic.proposed_on.year}/")
    assert topic.text not in listing.text
