"""Who may see and change participation records. Personal data is for few roles only."""

from rendicion.core.models import User
from rendicion.core.permissions import is_planning, sees_whole_entity
from rendicion.spaces.models import Space
from rendicion.spaces.permissions import space_can_view


def can_view_personal_data(user: User) -> bool:
    """Names, documents, e-mails and phones: administrators and the planning office."""
    return is_planning(user)


def can_view_participation(user: User, space: Space) -> bool:
    """Counts and statistics: every staff role; office staff for spaces their office organises."""
    return space_can_view(user, space)


def participation_can_view_year(user: User) -> bool:
    """The year's dashboard sums every office's spaces: not for office staff (README)."""
    return sees_whole_entity(user)


def can_import_attendance(user: User) -> bool:
    return can_view_personal_data(user)


def attendance_can_import(user: User, space: Space) -> bool:
    return can_import_attendance(user) and space_can_view(user, space)


def attendance_can_export(user: User, space: Space) -> bool:
    return can_view_personal_data(user) and space_can_view(user, space)


def can_import_evaluations(user: User) -> bool:
    """Evaluation files may hold comments with personal data: the same roles as attendance."""
    return can_view_personal_data(user)
