"""Starting another year's strategy from an existing one."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rendicion.core.models import User
from rendicion.core.services import audit_record

from ..models import DialoguePlan, Strategy
from .activities import ActivityData, activity_create
from .dialogue_plan import DIALOGUE_PLAN_FIELDS, DialoguePlanData, dialogue_plan_save
from .plan import (
    StageData,
    TeamRoleData,
    strategy_challenges_replace,
    strategy_create,
    strategy_stages_replace,
    strategy_team_roles_replace,
)


@transaction.atomic
def strategy_copy(*, actor: User | None, strategy: Strategy, year: int) -> Strategy:
    """Starts another year's strategy from this one: same plan, progress and evidence reset."""
    if Strategy.objects.filter(entity=strategy.entity, year=year).exists():
        raise ValidationError(
            {"year": _("Ya existe una estrategia para la vigencia %(year)s.") % {"year": year}}
        )
    copy = strategy_create(
        actor=actor,
        entity=strategy.entity,
        year=year,
        objective=strategy.objective,
        report_purpose=strategy.report_purpose,
    )
    strategy_challenges_replace(
        actor=actor, strategy=copy, texts=[c.text for c in strategy.challenges.order_by("number")]
    )
    old_stages = list(strategy.stages.order_by("number"))
    strategy_stages_replace(
        actor=actor,
        strategy=copy,
        stages=[StageData(s.number, s.name, s.murc_stages, s.items) for s in old_stages],
    )
    new_stages = {s.number: s for s in copy.stages.all()}
    strategy_team_roles_replace(
        actor=actor,
        strategy=copy,
        roles=[
            TeamRoleData(r.name, r.responsibilities, r.office)
            for r in strategy.team_roles.order_by("number")
        ],
    )
    activities = strategy.activities.select_related("stage").prefetch_related("responsible")
    for activity in activities.order_by("number"):
        activity_create(
            actor=actor,
            strategy=copy,
            data=ActivityData(
                number=activity.number,
                name=activity.name,
                target=activity.target,
                stage=new_stages.get(activity.stage.number) if activity.stage else None,
                target_quantity=activity.target_quantity,
                target_unit=activity.target_unit,
                progress_source=activity.progress_source,
                evidence_expected=activity.evidence_expected,
                responsible=list(activity.responsible.all()),
                responsible_note=activity.responsible_note,
                responsible_text=activity.responsible_text,
                quarters=activity.quarters,
            ),
        )
    plan = DialoguePlan.objects.filter(strategy=strategy).first()
    if plan is not None:  # the dialogue plan is part of the plan: kept, as the stages are
        dialogue_plan_save(
            actor=actor,
            strategy=copy,
            data=DialoguePlanData(**{name: getattr(plan, name) for name in DIALOGUE_PLAN_FIELDS}),
        )
    audit_record(
        actor=actor,
        action="strategy_copy",
        target=copy,
        changes={"copied_from": [None, strategy.year]},
    )
    return copy
