"""The personal-data authorisation text (Ley 1581): reading it never writes; a form that is about
to offer it for acceptance makes sure a version exists, once, with an audit record."""

import pytest

from rendicion.core.models import AuditRecord, ConsentText
from rendicion.core.selectors import consent_text_current, consent_text_version
from rendicion.core.services import consent_text_ensure
from rendicion.core.tests.factories import EntityFactory

pytestmark = pytest.mark.django_db


def test_reading_the_current_text_of_a_new_entity_stores_nothing():
    entity = EntityFactory()
    assert consent_text_current(entity=entity) is None
    assert not ConsentText.objects.exists()
    assert not AuditRecord.objects.exists()


def test_the_first_form_gets_the_default_text_once_and_the_creation_is_audited():
    entity = EntityFactory()
    first = consent_text_ensure(entity=entity)
    again = consent_text_ensure(entity=entity)
    assert first == again == consent_text_current(entity=entity)
    assert first.version == "1" and entity.name in first.text and "Ley 1581" in first.text
    assert AuditRecord.objects.filter(action="consent_text_create").count() == 1


def test_a_newer_version_becomes_current_and_the_accepted_version_can_still_be_found():
    entity = EntityFactory()
    accepted = consent_text_ensure(entity=entity)
    newer = ConsentText.objects.create(entity=entity, version="2", text="Texto revisado")
    assert consent_text_current(entity=entity) == newer
    assert consent_text_ensure(entity=entity) == newer
    assert consent_text_version(entity=entity, version="1") == accepted
    assert consent_text_version(entity=entity, version="9") is None


def test_each_entity_has_its_own_texts():
    entity, other = EntityFactory(), EntityFactory(name="Otra entidad")
    consent_text_ensure(entity=entity)
    assert consent_text_current(entity=other) is None
    assert consent_text_version(entity=other, version="1") is None
