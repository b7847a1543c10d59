"""Who may handle citizens' data requests and personal data: the roles that see personal data."""

from rendicion.core.models import User
from rendicion.participation.permissions import can_view_personal_data


def can_manage_data_requests(user: User) -> bool:
    """The request queue holds the requesters' data: administrators and planning only."""
    return can_view_personal_data(user)


def can_manage_personal_data(user: User) -> bool:
    """Find, export, rectify and erase a person's records: administrators and planning only."""
    return can_view_personal_data(user)
