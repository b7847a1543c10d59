"""Who may do what with commitments."""

from rendicion.core.models import User
from rendicion.core.permissions import (
    is_office_staff,
    is_planning,
    is_staff_member,
    sees_whole_entity,
    user_office_ids,
)

from .models import Commitment


def can_view_commitments_staff(user: User) -> bool:
    """The staff list (office staff: filtered to their offices' commitments)."""
    return is_staff_member(user)


def commitment_can_view(user: User, commitment: Commitment) -> bool:
    if sees_whole_entity(user):
        return True
    return is_office_staff(user) and commitment.office_id in user_office_ids(user)


def commitment_can_export_year(user: User) -> bool:
    """The Colibrí export lists every office's commitments: entity-wide roles only."""
    return sees_whole_entity(user)


def can_manage_commitments(user: User) -> bool:
    """Recording and editing commitments: administrators and the planning office."""
    return is_planning(user)


def can_report_progress(user: User, commitment: Commitment) -> bool:
    """Planning, or the staff of the responsible office."""
    if can_manage_commitments(user):
        return True
    return is_office_staff(user) and commitment.office_id in user_office_ids(user)


def commitment_can_report_progress(user: User, commitment: Commitment) -> bool:
    return can_report_progress(user, commitment)
