from rendicion.core.models import Role, User
from rendicion.core.permissions import is_staff_member


def can_view_spaces_staff(user: User) -> bool:
    return is_staff_member(user)


def can_manage_spaces(user: User) -> bool:
    """Create and edit spaces, open and close their forms: administrators and planning."""
    return is_staff_member(user) and user.role in {Role.ADMINISTRATOR, Role.PLANNING}


def can_record_communication(user: User) -> bool:
    """Communication pieces and channel views: also the communications team."""
    return can_manage_spaces(user) or (is_staff_member(user) and user.role == Role.COMMUNICATIONS)
