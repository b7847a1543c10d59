"""Builds the seed's year from raw records, through the same services staff use. Idempotent."""

from dataclasses import dataclass

from django.db import transaction

from rendicion.core import services as core_services
from rendicion.core.models import Entity, Office, User
from rendicion.participation.services import attendance_import, evaluation_import
from rendicion.spaces import services as space_services
from rendicion.spaces.models import Space, SpaceStatus
from rendicion.strategy import services as strategy_services
from rendicion.strategy.models import Strategy

from . import input_2023, memory_2023, spaces_2023
from . import seed_2023 as seed
from .attendees import demo_attendance_files
from .evaluations import demo_evaluation_files


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
                "responsible_text": memory_2023.RESPONSIBLE_AS_WRITTEN.get(values["number"], ""),
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


def _space_data(item: dict, offices: dict[str, Office]) -> space_services.SpaceData:
    import datetime as dt

    from django.utils import timezone

    dialogue = item["kind"] == "dialogue"
    venue = item.get("venue", ("", "", ""))
    return space_services.SpaceData(
        kind=item["kind"],
        title=item["title"],
        slug=item["slug"],
        starts_at=timezone.make_aware(dt.datetime.strptime(item["starts_at"], "%Y-%m-%d %H:%M")),
        modality=item["modality"],
        topics=item["topics"],
        purpose=item.get("purpose", spaces_2023.DIALOGUE_PURPOSE if dialogue else ""),
        methodology=spaces_2023.DIALOGUE_METHODOLOGY if dialogue else "",
        structure=spaces_2023.DIALOGUE_STRUCTURE if dialogue else [],
        duration_minutes=item.get("duration_minutes", 90),
        venue_name=venue[0],
        venue_address=venue[1],
        venue_locality=venue[2],
        reports_on_year=item.get("reports_on_year"),
        status=SpaceStatus.HELD,
        organisers=[offices[name] for name in item["organisers"]],
    )


def _spaces(strategy: Strategy, offices: dict[str, Office]) -> list[Space]:
    import datetime as dt

    spaces = []
    files = demo_attendance_files()
    evaluations = demo_evaluation_files()
    for item in spaces_2023.SPACES:
        data = _space_data(item, offices)
        space = Space.objects.filter(slug=item["slug"]).first()
        if space is None:
            space = space_services.space_create(actor=None, strategy=strategy, data=data)
        else:
            space_services.space_update(actor=None, space=space, data=data)
        space_services.space_channels_replace(
            actor=None,
            space=space,
            channels=[space_services.ChannelData(*c) for c in item.get("channels", [])],
        )
        space_services.space_agenda_replace(
            actor=None,
            space=space,
            items=[
                space_services.AgendaItemData(
                    title, dt.datetime.strptime(time, "%H:%M").time(), speaker
                )
                for time, title, speaker in item.get("agenda", [])
            ],
        )
        existing = set(space.pieces.values_list("title", flat=True))
        for title, channel, date in item.get("pieces", []):
            if title not in existing:
                space_services.communication_piece_add(
                    actor=None,
                    space=space,
                    title=title,
                    channel=channel,
                    date=dt.date.fromisoformat(date),
                )
        attendance_import(space=space, data=files[space.slug], filename=f"{space.slug}.csv")
        evaluation_import(
            space=space, data=evaluations[space.slug], filename=f"evaluacion-{space.slug}.csv"
        )
        spaces.append(space)
    return spaces


@transaction.atomic
def demo_load() -> DemoResult:
    entity = _entity()
    offices = {
        name: core_services.office_get_or_create(actor=None, entity=entity, name=name)
        for name in seed.OFFICES
    }
    strategy = _strategy(entity, offices)
    _spaces(strategy, offices)
    input_2023.demo_input_load(strategy=strategy, offices=offices)
    from .planning_2023 import planning_load  # aprestamiento: self-assessment, groups, convocation

    planning_load(entity=entity, strategy=strategy, offices=offices)
    from .publications_2023 import publications_load  # documents before each space

    publications_load(strategy=strategy, offices=offices)
    memory_2023.memory_load(strategy=strategy)  # the seed's own words and the spaces' memory
    logins = _users(offices)
    _publish_reports(strategy)
    return DemoResult(entity=entity, strategy=strategy, logins=logins)


def _publish_reports(strategy: Strategy) -> None:
    """The five per-space reports and the annual report, published once (frozen snapshots)."""
    from rendicion.reports.models import PublishedReport
    from rendicion.reports.services import report_publish_annual, report_publish_space

    for space in Space.objects.filter(strategy=strategy, status=SpaceStatus.HELD):
        if not PublishedReport.objects.filter(space=space).exists():
            report_publish_space(actor=None, space=space)
    if not PublishedReport.objects.filter(
        entity=strategy.entity, year=strategy.year, space=None
    ).exists():
        report_publish_annual(actor=None, strategy=strategy)
