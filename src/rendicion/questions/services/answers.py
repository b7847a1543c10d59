"""Every write to answers: the office drafts, planning reviews (plain language), then publishes;
and the informe de respuestas of each space."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core.models import User
from rendicion.core.services import audit_record
from rendicion.spaces.models import Space

from ..models import (
    ANSWER_MAX_LENGTH,
    OPEN_STATES,
    Answer,
    AnswerReport,
    Question,
    QuestionState,
)

WRITABLE_STATES = [QuestionState.ASSIGNED, QuestionState.CHANGES_REQUESTED]


def _clean(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Escriba la respuesta.")})
    if len(text) > ANSWER_MAX_LENGTH:
        raise ValidationError(
            {
                "text": _("La respuesta es muy larga: máximo %(max)s caracteres.")
                % {"max": f"{ANSWER_MAX_LENGTH:,}".replace(",", ".")}
            }
        )
    return text


def _answer(question: Question) -> Answer | None:
    """The question's answer as stored now (never a copy cached by an earlier step)."""
    answer = Answer.objects.filter(question=question).first()
    if answer is not None:
        answer.question = question  # the question now caches this fresh copy too
    return answer


def _writable(question: Question) -> None:
    if question.state not in WRITABLE_STATES:
        raise ValidationError(
            _("La respuesta solo se escribe cuando la pregunta está asignada a la dependencia.")
        )


@transaction.atomic
def answer_save_draft(*, actor: User | None, question: Question, text: str) -> Answer:
    """The office saves its answer without sending it to review yet."""
    _writable(question)
    text = _clean(text)
    answer = _answer(question) or Answer(question=question)
    before = answer.text
    answer.text = text
    answer.office = question.office
    answer.written_by = actor if actor is not None and actor.is_authenticated else None
    answer.full_clean(exclude=["question", "office"])
    answer.save()
    if before != text:
        audit_record(
            actor=actor, action="answer_save_draft", target=answer, changes={"text": [before, text]}
        )
    return answer


@transaction.atomic
def answer_submit(
    *, actor: User | None, question: Question, text: str, at: dt.datetime | None = None
) -> Answer:
    """The office sends its answer to the planning office's review."""
    answer = answer_save_draft(actor=actor, question=question, text=text)
    answer.submitted_at = at or timezone.now()
    answer.save(update_fields=["submitted_at", "updated_at"])
    before = question.state
    question.state = QuestionState.IN_REVIEW
    question.save(update_fields=["state", "updated_at"])
    audit_record(
        actor=actor,
        action="answer_submit",
        target=question,
        changes={"state": [before, question.state]},
    )
    return answer


def _in_review(question: Question) -> Answer:
    if question.state != QuestionState.IN_REVIEW:
        raise ValidationError(_("La respuesta no está en revisión."))
    return _answer(question)


@transaction.atomic
def answer_request_changes(
    *, actor: User | None, question: Question, note: str, text: str | None = None
) -> Answer:
    """Planning sends the answer back to the office with what to change."""
    answer = _in_review(question)
    note = note.strip()
    if len(note) < 10:
        raise ValidationError(
            {"review_note": _("Diga qué debe ajustar la dependencia (al menos 10 letras).")}
        )
    if len(note) > 4000:
        raise ValidationError({"review_note": _("El comentario es muy largo: máximo 4.000.")})
    if text is not None:
        answer.text = _clean(text)
    answer.review_note = note
    answer.reviewed_by = actor if actor is not None and actor.is_authenticated else None
    answer.save()
    question.state = QuestionState.CHANGES_REQUESTED
    question.save(update_fields=["state", "updated_at"])
    audit_record(
        actor=actor,
        action="answer_request_changes",
        target=question,
        changes={"state": ["in_review", "changes_requested"], "review_note": [None, note]},
    )
    return answer


@transaction.atomic
def answer_approve(
    *,
    actor: User | None,
    question: Question,
    text: str | None = None,
    publish: bool = False,
    at: dt.datetime | None = None,
) -> Answer:
    """Planning approves the answer (the question counts as answered), and may publish it."""
    answer = _in_review(question)
    at = at or timezone.now()
    if text is not None:
        answer.text = _clean(text)
    answer.approved_at = at
    answer.reviewed_by = actor if actor is not None and actor.is_authenticated else None
    answer.save()
    question.state = QuestionState.ANSWERED
    question.answered_at = at
    question.save(update_fields=["state", "answered_at", "updated_at"])
    audit_record(
        actor=actor,
        action="answer_approve",
        target=question,
        changes={"state": ["in_review", "answered"], "answer": [None, answer.text]},
    )
    if publish:
        answer_publish(actor=actor, question=question, at=at)
    return answer


@transaction.atomic
def answer_publish(
    *, actor: User | None, question: Question, at: dt.datetime | None = None
) -> Answer:
    """Publishes a reviewed answer: only an approved answer can be published."""
    if question.state != QuestionState.ANSWERED:
        raise ValidationError(
            _("Solo se publica una respuesta revisada y aprobada por planeación.")
        )
    answer = _answer(question)
    answer.published_at = at or timezone.now()
    answer.save(update_fields=["published_at", "updated_at"])
    question.state = QuestionState.PUBLISHED
    question.save(update_fields=["state", "updated_at"])
    audit_record(
        actor=actor,
        action="answer_publish",
        target=question,
        changes={"state": ["answered", "published"]},
    )
    return answer


@transaction.atomic
def answer_report_publish(
    *,
    actor: User | None,
    space: Space,
    introduction: str = "",
    at: dt.datetime | None = None,
) -> AnswerReport:
    """Publishes the space's informe de respuestas, and with it every approved answer.

    Every question of the space must be answered first.
    """
    if AnswerReport.objects.filter(space=space).exists():
        raise ValidationError(_("El informe de respuestas de este espacio ya está publicado."))
    questions = list(Question.objects.filter(space=space).select_related("answer"))
    if not questions:
        raise ValidationError(_("El espacio no tiene preguntas: no hay nada que informar."))
    pending = [q for q in questions if q.state in OPEN_STATES]
    if pending:
        raise ValidationError(
            _("Faltan %(n)s preguntas por responder antes de publicar el informe.")
            % {"n": len(pending)}
        )
    introduction = introduction.strip()
    if len(introduction) > 4000:
        raise ValidationError({"introduction": _("La presentación es muy larga: máximo 4.000.")})
    at = at or timezone.now()
    for question in questions:
        if question.state == QuestionState.ANSWERED:
            answer_publish(actor=actor, question=question, at=at)
    report = AnswerReport.objects.create(
        space=space,
        introduction=introduction,
        published_at=at,
        published_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit_record(
        actor=actor,
        action="answer_report_publish",
        target=report,
        changes={"space": [None, space.slug], "answers": [None, len(questions)]},
    )
    return report
