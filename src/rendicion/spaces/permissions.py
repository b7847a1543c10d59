"""Who may do what with spaces. Office staff reach only the spaces their offices organise."""

from rendicion.core.models import Role, User
from rendicion.core.permissions import (
    is_planning,
    is_staff_member,
    sees_whole_entity,
    serves_any,
)

from .models import Publication, Space


def can_view_spaces_staff(user: User) -> bool:
    """The staff list of spaces (filtered by `selectors.space_filter_for_user`)."""
    return is_staff_member(user)


def space_can_view(user: User, space: Space) -> bool:
    """A space's staff pages (page, figures, report preview, convocation, answers)."""
    if sees_whole_entity(user):
        return True
    return serves_any(user, [office.pk for office in space.organisers.all()])


def can_manage_spaces(user: User) -> bool:
    """Create and edit spaces, open and close their forms: administrators and planning."""
    return is_planning(user)


def space_can_edit(user: User, space: Space) -> bool:
    return can_manage_spaces(user)


def can_record_communication(user: User) -> bool:
    """Communication pieces and channel views: also the communications team."""
    return can_manage_spaces(user) or (is_staff_member(user) and user.role == Role.COMMUNICATIONS)


def space_can_record_communication(user: User, space: Space) -> bool:
    return can_record_communication(user)


# Publications: planning prepares and publishes them; the responsible office sees and edits its
# own and moderates the comments on them; communications record their spreading.


def can_view_publications(user: User) -> bool:
    """The staff list of a strategy's publications (office staff: their offices' ones)."""
    return is_staff_member(user)


def can_create_publication(user: User) -> bool:
    return is_planning(user)


def publication_can_view(user: User, publication: Publication) -> bool:
    return sees_whole_entity(user) or serves_any(user, [publication.office_id])


def publication_can_edit(user: User, publication: Publication) -> bool:
    return is_planning(user) or serves_any(user, [publication.office_id])


def publication_can_publish(user: User, publication: Publication) -> bool:
    return is_planning(user)


def publication_can_record_spread(user: User, publication: Publication) -> bool:
    return can_record_communication(user)


def publication_can_moderate(user: User, publication: Publication) -> bool:
    return publication_can_edit(user, publication)


def space_can_record_memory(user: User, space: Space) -> bool:
    """Photos, recordings and results presented: planning and the communications team."""
    return can_record_communication(user)
