"""Personal data of one person (Ley 1581 de 2012) in questions and topics."""

import datetime as dt

from django.db.models import Q, QuerySet

from rendicion.core.text import ERASED_TEXT, document_pattern, text_mentions

from ..models import ProposedTopic, Question, QuestionState, TopicState


def question_personal_data_find(*, document: str = "", email: str = "") -> list[Question]:
    """Questions asked by this person (their e-mail, any case) or whose text or asker's name
    holds their document number or e-mail."""
    condition = Q()
    if document:
        condition |= Q(text__regex=document_pattern(document)) | Q(
            asker_name__regex=document_pattern(document)
        )
    if email:
        condition |= (
            Q(asker_email__iexact=email) | Q(text__icontains=email) | Q(asker_name__icontains=email)
        )
    if not condition:
        return []
    candidates = (
        Question.objects.filter(condition)
        .select_related("space")
        .order_by("space__starts_at", "space_id", "received_at", "pk")
    )
    return [
        question
        for question in candidates
        if (email and question.asker_email.casefold() == email.casefold())
        or text_mentions(question.text, document=document, email=email)
        or text_mentions(question.asker_name, document=document, email=email)
    ]


def topic_personal_data_find(*, document: str = "", email: str = "") -> list[ProposedTopic]:
    """Proposed topics whose text holds this document number or e-mail (topics carry no
    submitter data of their own)."""
    condition = Q()
    if document:
        condition |= Q(text__regex=document_pattern(document))
    if email:
        condition |= Q(text__icontains=email)
    if not condition:
        return []
    candidates = (
        ProposedTopic.objects.filter(condition)
        .select_related("proposed_in", "proposed_for")
        .order_by("proposed_on", "pk")
    )
    return [
        topic for topic in candidates if text_mentions(topic.text, document=document, email=email)
    ]


def question_personal_data_expired(*, space_started_before: dt.datetime) -> QuerySet[Question]:
    """Questions of spaces older than the retention period that still hold the asker's contact
    data or a text nobody published (published texts were reviewed and are the public record)."""
    return Question.objects.filter(space__starts_at__lt=space_started_before).filter(
        ~Q(asker_name="")
        | ~Q(asker_email="")
        | ~Q(asker_phone="")
        | (~Q(state=QuestionState.PUBLISHED) & ~Q(text=ERASED_TEXT))
    )


def topic_personal_data_expired(*, space_started_before: dt.datetime) -> QuerySet[ProposedTopic]:
    """Topics older than the retention period that staff never reviewed (received, or merged
    into another): their text may hold personal data and was never published."""
    unreviewed = ProposedTopic.objects.filter(
        state__in=[TopicState.RECEIVED, TopicState.MERGED]
    ).exclude(text=ERASED_TEXT)
    space = Q(proposed_in__isnull=False) | Q(proposed_for__isnull=False)
    return unreviewed.filter(
        Q(proposed_in__starts_at__lt=space_started_before)
        | (Q(proposed_in__isnull=True) & Q(proposed_for__starts_at__lt=space_started_before))
        | (~space & Q(proposed_on__lt=space_started_before.date()))
    )
