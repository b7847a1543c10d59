"""Who may do what with groups, needs, the parrilla and the convocation. One function per verb."""

from rendicion.core.models import Role, User
from rendicion.core.permissions import is_staff_member, sees_whole_entity
from rendicion.spaces.models import Space
from rendicion.spaces.permissions import space_can_view


def can_view_stakeholders(user: User) -> bool:
    return is_staff_member(user)


def stakeholders_can_view_year_participation(user: User) -> bool:
    """Attendance per group over the whole year sums every office's spaces: not office staff."""
    return sees_whole_entity(user)


def convocation_can_view(user: User, space: Space) -> bool:
    return space_can_view(user, space)


def can_edit_stakeholders(user: User) -> bool:
    """Groups and their information needs: planning office and administrators."""
    return is_staff_member(user) and user.role in {Role.ADMINISTRATOR, Role.PLANNING}


def can_plan_communication(user: User) -> bool:
    """The parrilla and which groups are invited: also the communications team."""
    return can_edit_stakeholders(user) or (
        is_staff_member(user) and user.role == Role.COMMUNICATIONS
    )


def can_export_invitees(user: User) -> bool:
    """Names and e-mails leave Rendición for a mailing: only roles that see personal data."""
    return can_edit_stakeholders(user)
