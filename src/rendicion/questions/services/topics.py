"""Every write to proposed topics: citizens' proposals, staff capture, review and merging."""

import datetime as dt
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core.models import Entity, Office, User
from rendicion.core.services import audit_record, changes_between, snapshot
from rendicion.spaces.models import Space

from ..models import TOPIC_MAX_LENGTH, ProposedTopic, TopicChannel, TopicState

TOPIC_MIN_LENGTH = 3
TOPIC_FIELDS = [
    "text",
    "office",
    "state",
    "included_in",
    "proposed_for",
    "state_note",
    "text_reviewed",
]


def _clean_text(text: str) -> str:
    text = " ".join((text or "").split())
    if len(text) < TOPIC_MIN_LENGTH:
        raise ValidationError({"text": _("Escriba el tema que propone (al menos 3 letras).")})
    if len(text) > TOPIC_MAX_LENGTH:
        raise ValidationError(
            {
                "text": _("El tema es muy largo: máximo %(max)s caracteres.")
                % {"max": TOPIC_MAX_LENGTH}
            }
        )
    return text


def _same_entity(space: Space | None, entity: Entity, field: str) -> None:
    if space is not None and space.strategy.entity_id != entity.pk:
        raise ValidationError({field: _("El espacio no es de esta entidad.")})


def topic_propose(
    *,
    entity: Entity,
    text: str,
    channel: str,
    actor: User | None = None,
    proposed_on: dt.date | None = None,
    proposed_in: Space | None = None,
    proposed_for: Space | None = None,
    submission_key: uuid.UUID | None = None,
) -> ProposedTopic:
    """Stores a proposed topic once per submission key (double clicks and retries are safe)."""
    if submission_key is not None:
        existing = ProposedTopic.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing
    if channel not in TopicChannel.values:
        raise ValidationError({"channel": _("Canal desconocido.")})
    _same_entity(proposed_in, entity, "proposed_in")
    _same_entity(proposed_for, entity, "proposed_for")
    topic = ProposedTopic(
        entity=entity,
        text=_clean_text(text),
        channel=channel,
        proposed_on=proposed_on or timezone.localdate(),
        proposed_in=proposed_in,
        proposed_for=proposed_for,
        submission_key=submission_key,
    )
    try:
        with transaction.atomic():
            topic.save()
            audit_record(
                actor=actor,
                action="topic_propose",
                target=topic,
                changes=changes_between(
                    {}, snapshot(topic, ["text", "channel", "proposed_on", "proposed_for"])
                ),
            )
    except IntegrityError:
        # A racing request stored the same submission a moment ago.
        existing = ProposedTopic.objects.filter(submission_key=submission_key).first()
        if submission_key is None or existing is None:
            raise
        return existing
    return topic


@dataclass
class TopicReview:
    """What staff decide about a topic: its wording, office, state and space."""

    text: str
    state: str
    office: Office | None = None
    included_in: Space | None = None
    proposed_for: Space | None = None
    state_note: str = ""
    # Staff confirm they read the text; deciding to include it or not confirms it too.
    text_reviewed: bool = False


REVIEW_STATES = [TopicState.IN_STUDY, TopicState.INCLUDED, TopicState.NOT_INCLUDED]


@transaction.atomic
def topic_review(*, actor: User | None, topic: ProposedTopic, review: TopicReview) -> ProposedTopic:
    """Assigns an office, includes the topic in a space or says why not, fixes its wording."""
    if topic.state == TopicState.MERGED:
        raise ValidationError(
            _("Este tema está unido a otro: revise el tema principal («%(text)s»).")
            % {"text": topic.merged_into}
        )
    errors: dict[str, str] = {}
    if review.state not in REVIEW_STATES:
        errors["state"] = _("Elija si el tema está en estudio, incluido o no incluido.")
    if review.office is not None and (
        review.office.entity_id != topic.entity_id or not review.office.is_active
    ):
        errors["office"] = _("La dependencia no pertenece a la entidad.")
    if review.state == TopicState.INCLUDED and review.included_in is None:
        errors["included_in"] = _("Diga en qué espacio se incluyó el tema.")
    if review.state == TopicState.IN_STUDY and review.office is None:
        errors["office"] = _("Asigne la dependencia que estudiará el tema.")
    note = " ".join(review.state_note.split())
    if review.state == TopicState.NOT_INCLUDED and len(note) < 10:
        errors["state_note"] = _(
            "Explique en pocas palabras por qué no se incluyó: la ciudadanía lo verá."
        )
    if len(note) > 500:
        errors["state_note"] = _("La explicación es muy larga: máximo 500 caracteres.")
    try:
        text = _clean_text(review.text)
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
        text = topic.text
    try:
        _same_entity(review.included_in, topic.entity, "included_in")
        _same_entity(review.proposed_for, topic.entity, "proposed_for")
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    before = snapshot(topic, TOPIC_FIELDS)
    topic.text = text
    topic.office = review.office
    topic.state = review.state
    topic.included_in = review.included_in if review.state == TopicState.INCLUDED else None
    topic.proposed_for = review.proposed_for
    topic.state_note = note
    topic.text_reviewed = review.text_reviewed or review.state in (
        TopicState.INCLUDED,
        TopicState.NOT_INCLUDED,
    )
    topic.save()
    changes = changes_between(before, snapshot(topic, TOPIC_FIELDS))
    if changes:
        audit_record(actor=actor, action="topic_review", target=topic, changes=changes)
    return topic


@transaction.atomic
def topic_merge(*, actor: User | None, topic: ProposedTopic, into: ProposedTopic) -> ProposedTopic:
    """Marks `topic` as a duplicate of `into`; its own duplicates move to `into` as well."""
    while into.merged_into_id is not None:
        into = into.merged_into
    if into.pk == topic.pk:
        raise ValidationError({"into": _("Un tema no se puede unir consigo mismo.")})
    if into.entity_id != topic.entity_id:
        raise ValidationError({"into": _("El tema no es de esta entidad.")})
    moved = list(topic.duplicates.values_list("pk", flat=True))
    topic.duplicates.update(merged_into=into)
    before = snapshot(topic, ["state", "merged_into", "included_in"])
    topic.state = TopicState.MERGED
    topic.merged_into = into
    topic.included_in = None
    topic.save()
    audit_record(
        actor=actor,
        action="topic_merge",
        target=topic,
        changes={
            **changes_between(before, snapshot(topic, ["state", "merged_into", "included_in"])),
            "duplicates_moved": [None, moved],
        },
    )
    return topic
