"""Who may do what with strategies. Views and templates ask these; nothing checks roles inline."""

from rendicion.core.models import Role, User
from rendicion.core.permissions import (
    is_planning,
    is_staff_member,
    sees_whole_entity,
    user_office_ids,
)

from .models import Activity


def can_view_staff_strategy(user: User) -> bool:
    """The strategy's plan (objective, challenges, stages, team) is read by every staff role."""
    return is_staff_member(user)


def strategy_can_view_year_figures(user: User) -> bool:
    """Year-wide figures (participation of the year, the annual report): not office staff."""
    return sees_whole_entity(user)


def can_edit_strategy(user: User) -> bool:
    """Planning office and administrators edit the whole strategy and its cronograma."""
    return is_planning(user)


def _serves(user: User, activity: Activity) -> bool:
    office_ids = {office.pk for office in activity.responsible.all()}
    return bool(office_ids & user_office_ids(user))


def can_view_activity(user: User, activity: Activity) -> bool:
    if not is_staff_member(user):
        return False
    if user.role == Role.OFFICE_STAFF:
        return _serves(user, activity)
    return True


def activity_can_view(user: User, activity: Activity) -> bool:
    return can_view_activity(user, activity)


def can_update_activity_progress(user: User, activity: Activity) -> bool:
    """Planning edits any activity; office staff report on their own offices' activities."""
    if can_edit_strategy(user):
        return True
    return is_staff_member(user) and user.role == Role.OFFICE_STAFF and _serves(user, activity)


def activity_can_update_progress(user: User, activity: Activity) -> bool:
    return can_update_activity_progress(user, activity)


def can_add_evidence(user: User, activity: Activity) -> bool:
    return can_update_activity_progress(user, activity)
