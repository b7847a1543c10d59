"""Finding, erasing and rectifying one person's records across apps (Ley 1581 de 2012)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from rendicion.core.models import AuditRecord
from rendicion.core.services import consent_text_ensure
from rendicion.core.text import ERASED_TEXT
from rendicion.participation.models import Attendance, Evaluation
from rendicion.participation.selectors import participation_stats
from rendicion.participation.services import AttendanceData, attendance_record
from rendicion.privacy.services import (
    person_query_clean,
    personal_data_erase,
    personal_data_export,
    personal_data_find,
    personal_data_rectify,
)
from rendicion.questions.models import ProposedTopic, Question
from rendicion.questions.tests.factories import ProposedTopicFactory, QuestionFactory
from rendicion.spaces.models import Space
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.stakeholders.selectors import invitation_list
from rendicion.stakeholders.tests.factories import AttendanceFactory

pytestmark = pytest.mark.django_db

DOC = "99000111"
EMAIL = "ana.ficticia@example.invalid"


def _evaluation(space, comment=""):
    return Evaluation.objects.create(
        space=space,
        satisfaction=5,
        clarity=4,
        usefulness=4,
        topic_covered="yes",
        would_return="yes",
        comment=comment,
        consent_at=timezone.now() if comment else None,
    )


@pytest.fixture
def person_everywhere():
    """Ana (fictitious) attended two spaces, evaluated, asked, proposed a topic."""
    space = SpaceFactory()
    other = SpaceFactory()
    AttendanceFactory(
        space=space,
        full_name="Ana Ficticia",
        name_key="ana ficticia",
        document_number=DOC,
        email=EMAIL,
        phone="3000000000",
        contact_consent=True,
    )
    AttendanceFactory(
        space=other, full_name="Ana F.", name_key="ana f", document_number=DOC, email=""
    )
    AttendanceFactory(space=space)  # someone else
    _evaluation(space, comment=f"Muy bueno. Escríbanme a {EMAIL.upper()}")
    _evaluation(space, comment="Sin datos")
    QuestionFactory(
        space=space,
        asker_name="Ana Ficticia",
        asker_email=EMAIL.upper(),
        consent_at=timezone.now(),
        text="¿Cuándo abren la convocatoria?",
    )
    QuestionFactory(space=other, text="Soy la cédula 99.000.111, ¿qué pasó con mi trámite?")
    QuestionFactory(space=other, text="Una pregunta de otra persona 990001119")
    ProposedTopicFactory(proposed_for=space, text=f"Tema de la cédula {DOC}: movilidad")
    ProposedTopicFactory(proposed_for=space, text="Movilidad en Suba")
    return space, other


def test_staff_find_every_record_by_document_across_apps(person_everywhere):
    found = personal_data_find(document=DOC)
    assert found.counts == {
        "attendance": 2,
        "invitation_contact": 1,
        "evaluation": 0,
        "question": 1,
        "topic": 1,
    }


def test_staff_find_every_record_by_email_whatever_its_case(person_everywhere):
    found = personal_data_find(email=EMAIL.title())
    assert found.counts == {
        "attendance": 1,
        "invitation_contact": 1,
        "evaluation": 1,
        "question": 1,
        "topic": 0,
    }
    json_rows = found.as_json()["records"]
    assert [row["type"] for row in json_rows] == [
        "attendance",
        "invitation_contact",
        "evaluation",
        "question",
    ]


def test_the_person_gets_their_records_as_json_and_csv(person_everywhere):
    found = personal_data_find(document=DOC)
    content, media = personal_data_export(found, fmt="csv")
    assert media == "text/csv"
    assert content.splitlines()[0] == "type,id,space,date,field,value"
    assert "Ana Ficticia" in content
    content, media = personal_data_export(found, fmt="json")
    assert '"document": "99000111"' in content


def test_erase_anonymises_and_find_is_empty_afterwards(person_everywhere):
    space, other = person_everywhere
    spaces = Space.objects.filter(pk__in=[space.pk, other.pk])
    before = participation_stats(spaces=spaces).as_json()
    result = personal_data_erase(document=DOC, actor=None)
    assert result.total == 5
    assert personal_data_find(document=DOC).is_empty
    result = personal_data_erase(email=EMAIL, actor=None)
    assert personal_data_find(email=EMAIL).is_empty
    assert participation_stats(spaces=spaces).as_json() == before
    ana = Attendance.objects.get(space=space, sex="mujer", full_name="")
    assert (ana.document_number, ana.email, ana.phone, ana.age) == ("", "", "", None)
    assert ana.contact_consent is False
    assert (ana.sex, ana.age_group, ana.space_id) == ("mujer", "adulto", space.pk)
    assert Evaluation.objects.filter(comment__icontains="example.invalid").count() == 0
    assert Evaluation.objects.count() == 2
    question = Question.objects.get(space=space)
    assert (question.asker_name, question.asker_email, question.text) == ("", "", ERASED_TEXT)
    assert ProposedTopic.objects.filter(text=ERASED_TEXT).count() == 1
    assert ProposedTopic.objects.filter(text="Movilidad en Suba").exists()
    assert Question.objects.filter(text__contains="990001119").exists()


def test_erased_person_is_no_longer_invited(person_everywhere):
    space, _other = person_everywhere
    later = SpaceFactory()
    sources = Space.objects.filter(pk=space.pk)
    assert [p.email for p in invitation_list(space=later, sources=sources)] == [EMAIL]
    personal_data_erase(document=DOC, actor=None)
    assert invitation_list(space=later, sources=sources) == []


def test_erase_is_audited_without_the_personal_data(person_everywhere):
    personal_data_erase(document=DOC, actor=None)
    records = AuditRecord.objects.filter(action__endswith="personal_data_erase")
    assert {r.action for r in records} == {
        "attendance_personal_data_erase",
        "invitation_contact_personal_data_erase",
        "question_personal_data_erase",
        "topic_personal_data_erase",
    }
    dumped = " ".join(f"{r.object_repr} {r.changes}" for r in records)
    for secret in (DOC, "99.000.111", EMAIL, "Ana", "3000000000", "movilidad"):
        assert secret.casefold() not in dumped.casefold()


def test_dry_run_changes_nothing(person_everywhere):
    before = list(Attendance.objects.order_by("pk").values())
    audits = AuditRecord.objects.count()
    result = personal_data_erase(document=DOC, actor=None, dry_run=True)
    assert result.total == 5
    assert result.dry_run
    assert list(Attendance.objects.order_by("pk").values()) == before
    assert AuditRecord.objects.count() == audits
    assert personal_data_find(document=DOC).count == 5


def test_erasing_two_people_of_one_space_does_not_collide_and_is_never_the_same_person():
    space = SpaceFactory()
    first = AttendanceFactory(space=space, document_number="99000201", email="")
    second = AttendanceFactory(space=space, document_number="99000202", email="")
    personal_data_erase(document="99000201", actor=None)
    personal_data_erase(document="99000202", actor=None)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.name_key != second.name_key
    assert (first.document_number, first.email) == ("", "")
    # Someone without document or e-mail registers later: not taken for an erased person.
    consent = consent_text_ensure(entity=space.strategy.entity)
    for name in ("", "anonimizado", first.name_key):
        result = attendance_record(
            space=space,
            data=AttendanceData(full_name=name or "Sin Datos", sex="hombre", age_group="joven"),
            consent_text=consent,
            submission_key=None,
        )
        assert result.outcome == "created", name


def test_staff_rectify_a_persons_data_with_the_fields_audited_not_the_values():
    space = SpaceFactory()
    ana = AttendanceFactory(space=space, document_number=DOC, email="vieja@example.invalid")
    personal_data_rectify(
        actor=None,
        record_type="attendance",
        pk=ana.pk,
        data={
            "full_name": "Ana María Ficticia",
            "document_type": "CC",
            "document_number": DOC,
            "email": "NUEVA@example.invalid",
            "phone": "",
        },
    )
    ana.refresh_from_db()
    assert (ana.full_name, ana.name_key, ana.email) == (
        "Ana María Ficticia",
        "ana maria ficticia",
        "nueva@example.invalid",
    )
    audit = AuditRecord.objects.get(action="attendance_personal_data_rectify")
    assert audit.changes == {"fields": [None, ["email", "full_name"]]}


def test_rectify_refuses_an_email_another_person_of_the_space_has():
    space = SpaceFactory()
    ana = AttendanceFactory(space=space)
    other = AttendanceFactory(space=space)
    with pytest.raises(ValidationError) as error:
        personal_data_rectify(
            actor=None, record_type="attendance", pk=ana.pk, data={"email": other.email}
        )
    assert error.value.message_dict["email"] == [
        "Otra persona de este espacio ya tiene ese correo."
    ]


@pytest.mark.parametrize(
    ("document", "email", "message"),
    [
        ("", "", "Escriba un número de documento o un correo"),
        ("123", "", "al menos 5 dígitos"),
        ("12a456", "", "solo números"),
        ("", "no-es-correo", "correo válido"),
        ("99000111", "a@example.invalid", "uno solo"),
    ],
)
def test_bad_identifiers_are_refused_in_spanish(document, email, message):
    with pytest.raises(ValidationError, match=message):
        person_query_clean(document=document, email=email)


def test_document_with_dots_is_read_as_its_digits():
    assert person_query_clean(document="99.000.111") == ("99000111", "")
    assert person_query_clean(email=" Ana@Example.INVALID ") == ("", "ana@example.invalid")


def test_attendance_keeps_every_aggregate_field_after_erase():
    space = SpaceFactory()
    ana = AttendanceFactory(
        space=space,
        document_number=DOC,
        sex="mujer",
        age=70,
        age_group="persona_mayor",
        locality="Suba",
        stakeholder_group="Ciudadanía",
    )
    personal_data_erase(document=DOC, actor=None)
    ana.refresh_from_db()
    assert (ana.sex, ana.age_group, ana.locality, ana.stakeholder_group) == (
        "mujer",
        "persona_mayor",
        "Suba",
        "Ciudadanía",
    )
    assert ana.created_at.date() <= dt.date.today()
