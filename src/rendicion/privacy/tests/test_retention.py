"""Personal data older than PERSONAL_DATA_RETENTION_DAYS after its space is anonymised."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from rendicion.core.text import ERASED_TEXT
from rendicion.participation.models import Attendance, Evaluation
from rendicion.privacy.services import personal_data_retention
from rendicion.questions.models import ProposedTopic, Question, QuestionState
from rendicion.questions.tests.factories import (
    AssignedQuestionFactory,
    ProposedTopicFactory,
    QuestionFactory,
)
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.stakeholders.tests.factories import AttendanceFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(dt.datetime(2026, 6, 1, 12, 0))


@pytest.fixture
def old_and_recent(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 730
    old = SpaceFactory(starts_at=NOW - dt.timedelta(days=731))
    recent = SpaceFactory(starts_at=NOW - dt.timedelta(days=700))
    old_people = [AttendanceFactory(space=old, contact_consent=True) for _ in range(3)]
    recent_person = AttendanceFactory(space=recent, contact_consent=True)
    asked = QuestionFactory(
        space=old, asker_name="Ana", asker_email="ana@example.invalid", consent_at=NOW
    )
    published = AssignedQuestionFactory(
        space=old,
        text="¿Texto revisado y publicado?",
        state=QuestionState.PUBLISHED,
        answered_at=NOW - dt.timedelta(days=700),
    )
    recent_question = QuestionFactory(
        space=recent, asker_email="ana@example.invalid", consent_at=NOW
    )
    old_topic = ProposedTopicFactory(proposed_for=old, text="Tema sin revisar con mi 3001234567")
    recent_topic = ProposedTopicFactory(proposed_for=recent, text="Tema reciente")
    old_comment = Evaluation.objects.create(
        space=old,
        satisfaction=4,
        clarity=4,
        usefulness=4,
        topic_covered="yes",
        would_return="yes",
        comment="Llámenme al 3001234567",
        consent_at=NOW,
    )
    return locals()


def test_retention_anonymises_only_records_of_spaces_past_the_period(old_and_recent):
    objects = old_and_recent
    result = personal_data_retention(now=NOW)
    assert result.erased["attendance"] == 3
    assert result.erased["invitation_contact"] == 3
    assert result.cutoff == dt.date(2024, 6, 1)
    for person in objects["old_people"]:
        person.refresh_from_db()
        assert (person.full_name, person.document_number, person.email) == ("", "", "")
        assert person.contact_consent is False
    recent = Attendance.objects.get(pk=objects["recent_person"].pk)
    assert recent.email and recent.document_number and recent.contact_consent
    asked = Question.objects.get(pk=objects["asked"].pk)
    assert (asked.asker_name, asked.asker_email, asked.text) == ("", "", ERASED_TEXT)
    # A text staff reviewed and published stays as the public record.
    assert Question.objects.get(pk=objects["published"].pk).text == "¿Texto revisado y publicado?"
    assert Question.objects.get(pk=objects["recent_question"].pk).asker_email
    assert ProposedTopic.objects.get(pk=objects["old_topic"].pk).text == ERASED_TEXT
    assert ProposedTopic.objects.get(pk=objects["recent_topic"].pk).text == "Tema reciente"
    comment = Evaluation.objects.get(pk=objects["old_comment"].pk)
    assert (comment.comment, comment.satisfaction) == ("", 4)


def test_retention_twice_changes_nothing_the_second_time(old_and_recent):
    personal_data_retention(now=NOW)
    again = personal_data_retention(now=NOW)
    assert set(again.erased.values()) == {0}


def test_retention_dry_run_changes_nothing(old_and_recent):
    before = list(Attendance.objects.order_by("pk").values())
    result = personal_data_retention(now=NOW, dry_run=True)
    assert result.erased["attendance"] == 3
    assert list(Attendance.objects.order_by("pk").values()) == before


def test_retention_period_comes_from_the_setting(old_and_recent, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 3650
    assert set(personal_data_retention(now=NOW).erased.values()) == {0}


def test_retention_command_prints_json(old_and_recent):
    out = StringIO()
    call_command("personal_data_retention", "--dry-run", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["retention_days"] == 730
    assert data["dry_run"] is True
    assert set(data["erased"]) == {
        "attendance",
        "invitation_contact",
        "evaluation",
        "question",
        "topic",
    }
