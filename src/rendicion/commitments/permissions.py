"""Who may do what with commitments."""

from rendicion.core.models import Role, User
from rendicion.core.permissions import is_staff_member

from .models import Commitment


def can_view_commitments_staff(user: User) -> bool:
    return is_staff_member(user)


def can_manage_commitments(user: User) -> bool:
    """Recording and editing commitments: administrators and the planning office."""
    return is_staff_member(user) and user.role in {Role.ADMINISTRATOR, Role.PLANNING}


def can_report_progress(user: User, commitment: Commitment) -> bool:
    """Planning, or the staff of the responsible office."""
    if can_manage_commitments(user):
        return True
    return (
        is_staff_member(user)
        and user.role == Role.OFFICE_STAFF
        and user.offices.filter(pk=commitment.office_id).exists()
    )
