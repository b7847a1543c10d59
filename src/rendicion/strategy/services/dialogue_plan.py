"""The year's plan for its citizen dialogues (planteamiento general). Audited."""

from dataclasses import dataclass, field

from django.db import transaction

from rendicion.core.models import User
from rendicion.core.services import audit_record, changes_between, snapshot

from ..models import DialoguePlan, Strategy

DIALOGUE_PLAN_FIELDS = [
    "purposes",
    "themes",
    "modalities",
    "duration_minutes",
    "methodology",
    "structure",
    "venues",
    "min_per_quarter",
    "from_quarter",
    "frequency_text",
]


@dataclass
class DialoguePlanData:
    purposes: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    modalities: list[str] = field(default_factory=list)
    duration_minutes: int | None = None
    methodology: list[str] = field(default_factory=list)
    structure: list[str] = field(default_factory=list)
    venues: list[str] = field(default_factory=list)
    min_per_quarter: int = 1
    from_quarter: int = 1
    frequency_text: str = ""


def _clean_lines(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line and line.strip()]


@transaction.atomic
def dialogue_plan_save(
    *, actor: User | None, strategy: Strategy, data: DialoguePlanData
) -> DialoguePlan:
    """Creates or replaces the strategy's dialogue plan."""
    plan = DialoguePlan.objects.select_for_update().filter(strategy=strategy).first()
    created = plan is None
    if plan is None:
        plan = DialoguePlan(strategy=strategy)
    before = {} if created else snapshot(plan, DIALOGUE_PLAN_FIELDS)
    for name in DIALOGUE_PLAN_FIELDS:
        value = getattr(data, name)
        if isinstance(value, list):
            value = _clean_lines(value)
        elif isinstance(value, str):
            value = value.strip()
        setattr(plan, name, value)
    plan.full_clean()
    changes = changes_between(before, snapshot(plan, DIALOGUE_PLAN_FIELDS))
    if created or changes:
        plan.save()
        audit_record(actor=actor, action="dialogue_plan_save", target=strategy, changes=changes)
    return plan
