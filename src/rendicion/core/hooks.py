"""What sibling apps ask of each other, registered here so that neither imports the other.

participation, stakeholders, questions and commitments sit in one layer and never import each
other (the import-linter contract in pyproject.toml). When one needs another's data or action,
the owning app registers a function here in its AppConfig.ready() and the other calls it here:
- questions owns proposed topics: the attendance and evaluation forms propose one;
- stakeholders owns the groups: the attendance form offers their names;
- participation owns attendances and their contact consent: the convocation (stakeholders) reads
  counts and contacts, and an unsubscribe link asks participation to mark them.
"""

from collections.abc import Callable
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Entity

# Proposing a topic (questions) ------------------------------------------------------------------
TopicProposer = Callable[..., Any]
_topic_proposers: dict[str, TopicProposer] = {}


class TopicChannel(models.TextChoices):
    """Where a proposed topic came from (questions' field; the forms that propose name theirs)."""

    PUBLIC_FORM = "public_form", _("Formulario de temas")
    ATTENDANCE_FORM = "attendance_form", _("Formulario de asistencia")
    EVALUATION_FORM = "evaluation_form", _("Formulario de evaluación")
    CHAT = "chat", _("Chat de la transmisión")
    LIVE_COMMENT = "live_comment", _("Comentario en vivo")
    PAPER = "paper", _("Formato en papel")
    IN_ROOM = "in_room", _("En el recinto")
    CONSULTATION = "consultation", _("Consulta de temas de la entidad")


def topic_proposer_register(proposer: TopicProposer) -> None:
    """`proposer(entity=, text=, channel=, proposed_in=, submission_key=)` stores the topic."""
    _topic_proposers["topic"] = proposer


def topic_propose(**fields: Any) -> Any:
    """Proposes a topic through the registered app (questions), in the caller's transaction."""
    return _topic_proposers["topic"](**fields)


# Stakeholder groups (stakeholders) --------------------------------------------------------------
GroupNamesSource = Callable[[Entity | None], list[str]]
_group_names_sources: dict[str, GroupNamesSource] = {}


def attendance_group_names_register(name: str, source: GroupNamesSource) -> None:
    """`source(entity)` returns the group names the attendance form offers, in order."""
    _group_names_sources[name] = source


def attendance_group_names(*, entity: Entity | None) -> list[str]:
    """The entity's stakeholder groups as registered sources give them (empty without any)."""
    names: list[str] = []
    for _name, source in sorted(_group_names_sources.items()):
        names.extend(source(entity))
    return names


# Attendances (participation) --------------------------------------------------------------------
# participation registers, under these names, its selectors and its unsubscribe service of the
# same names (their docstrings say what each returns); stakeholders calls the functions below.
_attendance_functions: dict[str, Callable[..., Any]] = {}


def attendance_functions_register(**functions: Callable[..., Any]) -> None:
    _attendance_functions.update(functions)


def attendance_counts_by_group(*, entity: Entity | None, year: int) -> list[tuple[str, int]]:
    return _attendance_functions["attendance_counts_by_group"](entity=entity, year=year)


def attendance_emails(*, space: Any) -> set[str]:
    return _attendance_functions["attendance_emails"](space=space)


def attendance_contacts_latest_first(*, entity_id: int, attended: Any) -> Any:
    return _attendance_functions["attendance_contacts_latest_first"](
        entity_id=entity_id, attended=attended
    )


def attendance_for_contact(*, pk: int) -> Any:
    return _attendance_functions["attendance_for_contact"](pk=pk)


def attendance_contact_unsubscribe(*, attendance: Any) -> Any:
    return _attendance_functions["attendance_contact_unsubscribe"](attendance=attendance)


# Questions asked on a published report (spaces → questions) -------------------------------------
# A management report published before a space takes citizens' questions for that space; they
# enter the questions workflow (terms, routing, answers), which questions owns.
QuestionSubmitter = Callable[..., Any]
_question_submitters: dict[str, QuestionSubmitter] = {}


def question_submitter_register(submitter: QuestionSubmitter) -> None:
    """`submitter(space=, text=, asker_name=, asker_email=, consent_version=, submission_key=)`
    stores the question as the public question form does and returns its result."""
    _question_submitters["question"] = submitter


def question_submit(**fields: Any) -> Any:
    """Submits a question through the registered app (questions), in the caller's transaction."""
    return _question_submitters["question"](**fields)
