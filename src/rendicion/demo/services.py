"""Builds the seed's year from raw records, through the same services staff use. Idempotent."""

from dataclasses import dataclass

from django.db import transaction

from rendicion.core import services as core_services
from rendicion.core.models import Entity, Office, User
from rendicion.strategy import services as strategy_services
from rendicion.strategy.models import Strategy

from . import seed_2023 as seed


@dataclass
class DemoResult:
    entity: Entity
    strategy: Strategy
    logins: list[tuple[str, str, str]]


def _entity() -> Entity:
    entity = Entity.objects.filter(name=seed.ENTITY["name"]).first()
    if entity is None:
        return core_services.entity_save(actor=None, **seed.ENTITY)
    changed = {k: v for k, v in seed.ENTITY.items() if getattr(entity, k) != v}
    if changed:
        core_services.entity_save(actor=None, entity=entity, **changed)
    return entity


def _strategy(entity: Entity, offices: dict[str, Office]) -> Strategy:
    strategy = Strategy.objects.filter(entity=entity, year=seed.YEAR).first()
    if strategy is None:
        strategy = strategy_services.strategy_create(
            actor=None,
            entity=entity,
            year=seed.YEAR,
            objective=seed.OBJECTIVE,
            report_purpose=seed.REPORT_PURPOSE,
        )
    strategy_services.strategy_update(
        actor=None,
        strategy=strategy,
        objective=seed.OBJECTIVE,
        report_purpose=seed.REPORT_PURPOSE,
        is_published=True,
    )
    strategy_services.strategy_challenges_replace(
        actor=None, strategy=strategy, texts=seed.CHALLENGES
    )
    strategy_services.strategy_stages_replace(
        actor=None,
        strategy=strategy,
        stages=[strategy_services.StageData(*stage) for stage in seed.STAGES],
    )
    strategy_services.strategy_team_roles_replace(
        actor=None,
        strategy=strategy,
        roles=[
            strategy_services.TeamRoleData(name, responsibilities, offices.get(office))
            for name, office, responsibilities in seed.TEAM_ROLES
        ],
    )
    stages = {stage.number: stage for stage in strategy.stages.all()}
    existing = {a.number: a for a in strategy.activities.prefetch_related("responsible")}
    for item in seed.ACTIVITIES:
        values = dict(item)
        linked = values.get("progress_source", "manual") != "manual"
        data = strategy_services.ActivityData(
            **{
                **values,
                "stage": stages[values["stage"]],
                "responsible": [offices[name] for name in values["responsible"]],
                "status": "pending" if linked else seed.MANUAL_STATUS,
                "progress": 0 if linked else seed.MANUAL_PROGRESS,
            }
        )
        if data.number in existing:
            strategy_services.activity_update(actor=None, activity=existing[data.number], data=data)
        else:
            strategy_services.activity_create(actor=None, strategy=strategy, data=data)
    return strategy


def _users(offices: dict[str, Office]) -> list[tuple[str, str, str]]:
    logins = []
    for username, role, office_names, full_name in seed.DEMO_USERS:
        if not User.objects.filter(username=username).exists():
            core_services.staff_user_save(
                actor=None,
                username=username,
                role=role,
                offices=[offices[name] for name in office_names],
                password=seed.DEMO_PASSWORD,
                first_name=full_name,
            )
        logins.append((username, seed.DEMO_PASSWORD, role))
    return logins


@transaction.atomic
def demo_load() -> DemoResult:
    entity = _entity()
    offices = {
        name: core_services.office_get_or_create(actor=None, entity=entity, name=name)
        for name in seed.OFFICES
    }
    strategy = _strategy(entity, offices)
    logins = _users(offices)
    return DemoResult(entity=entity, strategy=strategy, logins=logins)
