"""Who may do what with strategies. Views and templates ask these; nothing checks roles inline."""

from rendicion.core.models import Role, User
from rendicion.core.permissions import is_staff_member

from .models import Activity


def can_view_staff_strategy(user: User) -> bool:
    return is_staff_member(user)


def can_edit_strategy(user: User) -> bool:
    """Planning office and administrators edit the whole strategy and its cronograma."""
    return is_staff_member(user) and user.role in {Role.ADMINISTRATOR, Role.PLANNING}


def _serves(user: User, activity: Activity) -> bool:
    office_ids = {office.pk for office in activity.responsible.all()}
    return bool(office_ids & set(user.offices.values_list("pk", flat=True)))


def can_view_activity(user: User, activity: Activity) -> bool:
    if not is_staff_member(user):
        return False
    if user.role == Role.OFFICE_STAFF:
        return _serves(user, activity)
    return True


def can_update_activity_progress(user: User, activity: Activity) -> bool:
    """Planning edits any activity; office staff report on their own offices' activities."""
    if can_edit_strategy(user):
        return True
    return is_staff_member(user) and user.role == Role.OFFICE_STAFF and _serves(user, activity)


def can_add_evidence(user: User, activity: Activity) -> bool:
    return can_update_activity_progress(user, activity)
