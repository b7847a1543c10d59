"""Thin views of the planning side, split by sub-domain (re-exported for urls.py)."""

from .convocation import convocation, convocation_groups, invitees_export, unsubscribe
from .groups import group_detail, group_edit, group_list, need_matrix
from .parrilla import parrilla_year, piece_state
from .readiness import readiness_home, readiness_year

__all__ = [
    "convocation",
    "convocation_groups",
    "group_detail",
    "group_edit",
    "group_list",
    "invitees_export",
    "need_matrix",
    "parrilla_year",
    "piece_state",
    "readiness_home",
    "readiness_year",
    "unsubscribe",
]
