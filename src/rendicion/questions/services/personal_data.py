"""Erasing a person's data from questions and proposed topics (Ley 1581 de 2012).

The records stay, so the counts of received, answered and included stay; the asker's contact
data and the citizen's words go. Audited without the data itself.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rendicion.core.models import User
from rendicion.core.services import audit_record
from rendicion.core.text import ERASED_TEXT, email_clean

from ..models import ProposedTopic, Question, QuestionState

QUESTION_PERSONAL_FIELDS = ["asker_name", "asker_email", "asker_phone"]


@transaction.atomic
def question_personal_data_erase(
    *,
    questions: Iterable[Question],
    actor: User | None,
    reason: str,
    keep_published_text: bool = False,
    dry_run: bool = False,
) -> int:
    """Removes the asker's name, e-mail and phone and the question's text.

    With keep_published_text (the retention task), a published question keeps its text: staff
    reviewed it before publishing and it is the public record of the answer.
    """
    ids = sorted({question.pk for question in questions})
    rows = list(Question.objects.filter(pk__in=ids).select_related("space").order_by("pk"))
    changed = []
    for question in rows:
        keep_text = keep_published_text and question.state == QuestionState.PUBLISHED
        fields = [name for name in QUESTION_PERSONAL_FIELDS if getattr(question, name)]
        if not keep_text and question.text != ERASED_TEXT:
            fields.append("text")
        if fields:
            changed.append((question, fields))
    if dry_run:
        return len(changed)
    by_space: dict[int, list[int]] = {}
    for question, fields in changed:
        for name in fields:
            setattr(question, name, ERASED_TEXT if name == "text" else "")
        question.save(update_fields=[*fields, "updated_at"])
        by_space.setdefault(question.space_id, []).append(question.pk)
    spaces = {question.space_id: question.space for question, _fields in changed}
    for space_id in sorted(by_space):
        audit_record(
            actor=actor,
            action="question_personal_data_erase",
            target=spaces[space_id],
            changes={
                "records": [None, len(by_space[space_id])],
                "ids": [None, by_space[space_id]],
                "reason": [None, reason],
            },
        )
    return len(changed)


@transaction.atomic
def topic_personal_data_erase(
    *, topics: Iterable[ProposedTopic], actor: User | None, reason: str, dry_run: bool = False
) -> int:
    """Replaces the text of proposed topics; state, office and space stay (and so the counts)."""
    ids = sorted({topic.pk for topic in topics})
    rows = list(
        ProposedTopic.objects.filter(pk__in=ids)
        .exclude(text=ERASED_TEXT)
        .select_related("entity")
        .order_by("pk")
    )
    if dry_run or not rows:
        return len(rows)
    ProposedTopic.objects.filter(pk__in=[topic.pk for topic in rows]).update(text=ERASED_TEXT)
    by_entity: dict[int, list[int]] = {}
    for topic in rows:
        by_entity.setdefault(topic.entity_id, []).append(topic.pk)
    entities = {topic.entity_id: topic.entity for topic in rows}
    for entity_id in sorted(by_entity):
        audit_record(
            actor=actor,
            action="topic_personal_data_erase",
            target=entities[entity_id],
            changes={
                "records": [None, len(by_entity[entity_id])],
                "ids": [None, by_entity[entity_id]],
                "reason": [None, reason],
            },
        )
    return len(rows)


@transaction.atomic
def question_personal_data_rectify(
    *, question: Question, actor: User | None, asker_name: str, asker_email: str, asker_phone: str
) -> Question:
    """Corrects the asker's contact data as they asked; the audit names fields, not values."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    email, valid = email_clean(asker_email)
    if not valid:
        raise ValidationError(
            {"email": _("Escriba un correo válido, por ejemplo nombre@correo.com.")}
        )
    values = {
        "asker_name": " ".join(asker_name.split())[:200],
        "asker_email": email,
        "asker_phone": asker_phone.strip()[:40],
    }
    if any(values.values()) and question.consent_at is None:
        raise ValidationError(
            _(
                "Esta pregunta no tiene autorización de datos: no se le pueden agregar datos de contacto."
            )
        )
    changed = sorted(name for name, value in values.items() if getattr(question, name) != value)
    for name, value in values.items():
        setattr(question, name, value)
    question.save(update_fields=[*QUESTION_PERSONAL_FIELDS, "updated_at"])
    audit_record(
        actor=actor,
        action="question_personal_data_rectify",
        target=question,
        changes={"fields": [None, changed]},
    )
    return question
