"""Thin views: parse the request, authorise, call a service or selector, render.

Split by sub-domain: public pages, the strategy's plan, the cronograma spreadsheet, and the
activities with their evidence.
"""

from .activities import (
    activity_create,
    activity_delete,
    activity_detail,
    activity_edit,
    evidence_delete,
    evidence_download,
)
from .cronograma import cronograma_export, cronograma_import
from .plan import (
    dialogue_plan_edit,
    staff_detail,
    strategy_copy,
    strategy_create,
    strategy_edit,
    strategy_stages_edit,
    strategy_team_edit,
)
from .public import strategy_public

__all__ = [
    "activity_create",
    "activity_delete",
    "activity_detail",
    "activity_edit",
    "cronograma_export",
    "cronograma_import",
    "dialogue_plan_edit",
    "evidence_delete",
    "evidence_download",
    "staff_detail",
    "strategy_copy",
    "strategy_create",
    "strategy_edit",
    "strategy_public",
    "strategy_stages_edit",
    "strategy_team_edit",
]
