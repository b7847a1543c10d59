"""Every write to strategies, their parts, activities and evidence. Each one is audited.

Split by sub-domain: the plan, the activities with their evidence, the copy to another year and
the cronograma import.
"""

from .activities import (
    ACTIVITY_FIELDS,
    ActivityData,
    activity_create,
    activity_delete,
    activity_progress_update,
    activity_update,
    evidence_add,
    evidence_delete,
)
from .copy import strategy_copy
from .cronograma_import import (
    CronogramaImportError,
    CronogramaImportResult,
    activity_queryset_for_import,
    cronograma_import,
)
from .dialogue_plan import DIALOGUE_PLAN_FIELDS, DialoguePlanData, dialogue_plan_save
from .plan import (
    STRATEGY_FIELDS,
    StageData,
    TeamRoleData,
    strategy_challenges_replace,
    strategy_create,
    strategy_stages_replace,
    strategy_team_roles_replace,
    strategy_update,
)

__all__ = [
    "ACTIVITY_FIELDS",
    "DIALOGUE_PLAN_FIELDS",
    "STRATEGY_FIELDS",
    "ActivityData",
    "CronogramaImportError",
    "CronogramaImportResult",
    "DialoguePlanData",
    "StageData",
    "TeamRoleData",
    "activity_create",
    "activity_delete",
    "activity_progress_update",
    "activity_queryset_for_import",
    "activity_update",
    "cronograma_import",
    "dialogue_plan_save",
    "evidence_add",
    "evidence_delete",
    "strategy_challenges_replace",
    "strategy_copy",
    "strategy_create",
    "strategy_stages_replace",
    "strategy_team_roles_replace",
    "strategy_update",
]
