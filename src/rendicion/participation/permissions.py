"""Who may see and change participation records. Personal data is for few roles only."""

from rendicion.core.models import Role, User
from rendicion.core.permissions import is_staff_member
from rendicion.spaces.models import Space


def can_view_personal_data(user: User) -> bool:
    """Names, documents, e-mails and phones: administrators and the planning office."""
    return is_staff_member(user) and user.role in {Role.ADMINISTRATOR, Role.PLANNING}


def can_view_participation(user: User, space: Space) -> bool:
    """Counts and statistics: every staff role; office staff for spaces their office organises."""
    if not is_staff_member(user):
        return False
    if user.role != Role.OFFICE_STAFF:
        return True
    return bool(
        {o.pk for o in space.organisers.all()} & set(user.offices.values_list("pk", flat=True))
    )


def can_import_attendance(user: User) -> bool:
    return can_view_personal_data(user)
