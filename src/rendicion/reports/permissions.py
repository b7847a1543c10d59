"""Who may preview and publish reports."""

from rendicion.core.models import User
from rendicion.core.permissions import is_planning, is_staff_member, sees_whole_entity
from rendicion.spaces.models import Space
from rendicion.spaces.permissions import space_can_view


def can_preview_reports(user: User) -> bool:
    return is_staff_member(user)


def annual_report_can_preview(user: User) -> bool:
    """The annual report sums every office's spaces: entity-wide roles only (README)."""
    return sees_whole_entity(user)


def space_report_can_preview(user: User, space: Space) -> bool:
    return space_can_view(user, space)


def can_publish_reports(user: User) -> bool:
    return is_planning(user)
