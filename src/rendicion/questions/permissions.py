"""Who may do what with topics, questions and answers. Views ask these; none checks roles inline."""

from rendicion.core.models import Role, User
from rendicion.core.permissions import is_staff_member, sees_whole_entity, user_office_ids
from rendicion.spaces.models import Space
from rendicion.spaces.permissions import space_can_view

from .models import ProposedTopic, Question


def _planning(user: User) -> bool:
    return is_staff_member(user) and user.role in {Role.ADMINISTRATOR, Role.PLANNING}


def _serves(user: User, question: Question) -> bool:
    return question.office_id is not None and question.office_id in user_office_ids(user)


def can_view_questions_staff(user: User) -> bool:
    return is_staff_member(user)


def question_can_view(user: User, question: Question) -> bool:
    return can_view_question(user, question)


def space_answers_can_view(user: User, space: Space) -> bool:
    """A space's questions page: the spaces a user may see (its list keeps their offices' rows)."""
    return is_staff_member(user) and space_can_view(user, space)


def can_view_question(user: User, question: Question) -> bool:
    """Office staff see the questions of their own offices; other staff roles see them all."""
    if not is_staff_member(user):
        return False
    if user.role == Role.OFFICE_STAFF:
        return _serves(user, question)
    return True


def can_capture_questions(user: User) -> bool:
    """Recording questions from the chat, paper or the room: planning and communications."""
    return _planning(user) or (is_staff_member(user) and user.role == Role.COMMUNICATIONS)


def can_route_questions(user: User) -> bool:
    """Routing to offices, classifying the petition: the planning office."""
    return _planning(user)


def can_view_asker_contact(user: User) -> bool:
    """The asker's name, e-mail and phone (personal data): administrators and planning."""
    return _planning(user)


def can_answer(user: User, question: Question) -> bool:
    """The office the question is assigned to drafts the answer (planning may too)."""
    if _planning(user):
        return True
    return is_staff_member(user) and user.role == Role.OFFICE_STAFF and _serves(user, question)


def can_return(user: User, question: Question) -> bool:
    return can_answer(user, question)


def can_extend(user: User, question: Question) -> bool:
    return can_answer(user, question)


def can_review_answers(user: User) -> bool:
    """Plain-language review, approval and publication: the planning office."""
    return _planning(user)


def can_manage_topics(user: User) -> bool:
    return _planning(user)


def can_view_topics_staff(user: User) -> bool:
    """The staff list of topics (office staff: filtered to their offices' topics)."""
    return is_staff_member(user)


def topic_can_view(user: User, topic: ProposedTopic) -> bool:
    """Office staff read the topics assigned to their offices; other staff roles read them all."""
    if sees_whole_entity(user):
        return True
    return (
        is_staff_member(user)
        and user.role == Role.OFFICE_STAFF
        and topic.office_id is not None
        and topic.office_id in user_office_ids(user)
    )


def topic_can_review(user: User, topic: ProposedTopic) -> bool:
    return can_manage_topics(user)


def topic_matrix_can_view_all(user: User) -> bool:
    """Every office's proposed topics, reviewed or not: entity-wide roles."""
    return sees_whole_entity(user)
