"""Records for the open-data tests, made the quick way (bulk) where the path in is not the point."""

import csv
import io
import json

from django.utils import timezone

from rendicion.participation.models import Attendance, Evaluation, Source


def attend(space, n: int = 1, **fields) -> None:
    start = Attendance.objects.count()
    data = {"sex": "mujer", "age_group": "adulto"} | fields
    Attendance.objects.bulk_create(
        Attendance(
            space=space,
            full_name=f"Persona {start + i}",
            name_key=f"persona {start + i}",
            consent_at=timezone.now(),
            source=Source.STAFF,
            **data,
        )
        for i in range(n)
    )


def evaluate(space, n: int = 1, **fields) -> None:
    data = {
        "satisfaction": 4,
        "clarity": 4,
        "usefulness": 4,
        "topic_covered": "yes",
        "would_return": "yes",
    } | fields
    Evaluation.objects.bulk_create(Evaluation(space=space, **data) for _ in range(n))


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200
    text = content(response).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def json_rows(response) -> list[dict]:
    assert response.status_code == 200
    return json.loads(content(response))


def published_question(space, **fields):
    """A question whose answer planning approved and published."""
    from rendicion.core.tests.factories import OfficeFactory
    from rendicion.questions.models import Answer
    from rendicion.questions.tests.factories import QuestionFactory

    office = OfficeFactory(entity=space.strategy.entity)
    now = timezone.now()
    if fields.get("asker_name") or fields.get("asker_email"):
        fields.setdefault("consent_at", now)
    question = QuestionFactory(
        space=space, state="published", office=office, answered_at=now, **fields
    )
    Answer.objects.create(
        question=question,
        text=f"Respuesta a la pregunta {question.pk}.",
        office=office,
        approved_at=now,
        published_at=now,
    )
    return question
