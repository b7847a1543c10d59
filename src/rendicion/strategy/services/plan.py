"""Writes to a strategy and its plan: objective, challenges, stages and leading team."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rendicion.core.models import Entity, Office, User
from rendicion.core.services import audit_record, changes_between, snapshot

from ..models import Challenge, Stage, Strategy, TeamRole

STRATEGY_FIELDS = ["year", "objective", "report_purpose", "is_published"]


@dataclass
class StageData:
    number: int
    name: str
    murc_stages: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


@dataclass
class TeamRoleData:
    name: str
    responsibilities: list[str] = field(default_factory=list)
    office: Office | None = None


@transaction.atomic
def strategy_create(
    *, actor: User | None, entity: Entity, year: int, objective: str, report_purpose: str = ""
) -> Strategy:
    strategy = Strategy(
        entity=entity, year=year, objective=objective, report_purpose=report_purpose
    )
    strategy.full_clean()
    strategy.save()
    audit_record(
        actor=actor,
        action="strategy_create",
        target=strategy,
        changes=changes_between({}, snapshot(strategy, STRATEGY_FIELDS)),
    )
    return strategy


@transaction.atomic
def strategy_update(*, actor: User | None, strategy: Strategy, **data) -> Strategy:
    """Updates the objective, report purpose or publication of a strategy."""
    before = snapshot(strategy, STRATEGY_FIELDS)
    for name, value in data.items():
        if name not in STRATEGY_FIELDS or name == "year":
            raise TypeError(f"strategy_update cannot set {name!r}")
        setattr(strategy, name, value)
    strategy.full_clean()
    strategy.save()
    changes = changes_between(before, snapshot(strategy, STRATEGY_FIELDS))
    if changes:
        audit_record(actor=actor, action="strategy_update", target=strategy, changes=changes)
    return strategy


@transaction.atomic
def strategy_challenges_replace(
    *, actor: User | None, strategy: Strategy, texts: Sequence[str]
) -> None:
    """The strategy's challenges become these, numbered in order."""
    before = list(strategy.challenges.order_by("number").values_list("text", flat=True))
    after = [text.strip() for text in texts if text.strip()]
    if before == after:
        return
    strategy.challenges.all().delete()
    Challenge.objects.bulk_create(
        Challenge(strategy=strategy, number=n, text=text) for n, text in enumerate(after, 1)
    )
    audit_record(
        actor=actor,
        action="strategy_challenges_replace",
        target=strategy,
        changes={"challenges": [before, after]},
    )


@transaction.atomic
def strategy_stages_replace(
    *, actor: User | None, strategy: Strategy, stages: Sequence[StageData]
) -> None:
    """Updates stages by number, adds new ones and removes those no longer listed.

    A stage that still has activities cannot be removed: the activities would lose their stage.
    """
    existing = {stage.number: stage for stage in strategy.stages.all()}
    wanted = {data.number for data in stages}
    removed = [stage for number, stage in existing.items() if number not in wanted]
    in_use = [stage for stage in removed if stage.activities.exists()]
    if in_use:
        raise ValidationError(
            _("No se puede quitar la etapa «%(name)s»: tiene actividades del cronograma.")
            % {"name": in_use[0].name}
        )
    before = {n: [s.name, s.murc_stages, s.items] for n, s in existing.items()}
    for stage in removed:
        stage.delete()
    for data in stages:
        stage = existing.get(data.number) or Stage(strategy=strategy, number=data.number)
        stage.name = data.name.strip()
        stage.murc_stages = list(data.murc_stages)
        stage.items = [item.strip() for item in data.items if item.strip()]
        stage.full_clean()
        stage.save()
    after = {d.number: [d.name.strip(), list(d.murc_stages), d.items] for d in stages}
    if before != after:
        audit_record(
            actor=actor,
            action="strategy_stages_replace",
            target=strategy,
            changes={"stages": [before, after]},
        )


@transaction.atomic
def strategy_team_roles_replace(
    *, actor: User | None, strategy: Strategy, roles: Sequence[TeamRoleData]
) -> None:
    """The strategy's leading team becomes these roles, in order."""
    before = [
        [r.name, r.responsibilities, r.office_id] for r in strategy.team_roles.order_by("number")
    ]
    after = [
        [
            r.name.strip(),
            [x.strip() for x in r.responsibilities if x.strip()],
            r.office.pk if r.office else None,
        ]
        for r in roles
    ]
    if before == after:
        return
    strategy.team_roles.all().delete()
    TeamRole.objects.bulk_create(
        TeamRole(
            strategy=strategy,
            number=n,
            name=data.name.strip(),
            office=data.office,
            responsibilities=after[n - 1][1],
        )
        for n, data in enumerate(roles, 1)
    )
    audit_record(
        actor=actor,
        action="strategy_team_roles_replace",
        target=strategy,
        changes={"team_roles": [[r[:2] for r in before], [r[:2] for r in after]]},
    )
