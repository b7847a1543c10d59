"""Who may do what with self-assessments. Views and templates ask these; nothing checks roles inline."""

from rendicion.core.models import Role, User
from rendicion.core.permissions import is_staff_member


def can_view_assessment(user: User) -> bool:
    return is_staff_member(user)


def can_edit_assessment(user: User) -> bool:
    """Planning office and administrators score assessments, load templates and create activities."""
    return is_staff_member(user) and user.role in {Role.ADMINISTRATOR, Role.PLANNING}
