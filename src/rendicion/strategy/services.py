"""Every write to strategies, their parts, activities and evidence. Each one is audited."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from rendicion.core.models import Entity, Office, User
from rendicion.core.services import audit_record, changes_between, snapshot
from rendicion.core.uploads import upload_check

from .models import (
    Activity,
    ActivityStatus,
    Challenge,
    Evidence,
    ProgressSource,
    Stage,
    Strategy,
    TeamRole,
)

STRATEGY_FIELDS = ["year", "objective", "report_purpose", "is_published"]
ACTIVITY_FIELDS = [
    "number",
    "stage",
    "name",
    "target",
    "target_quantity",
    "target_unit",
    "progress_source",
    "evidence_expected",
    "responsible_note",
    "q1",
    "q2",
    "q3",
    "q4",
    "status",
    "progress",
    "progress_note",
]


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


@dataclass
class ActivityData:
    number: int
    name: str
    target: str
    stage: Stage | None = None
    target_quantity: int | None = None
    target_unit: str = ""
    progress_source: str = ProgressSource.MANUAL
    evidence_expected: str = ""
    responsible: Sequence[Office] = ()
    responsible_note: str = ""
    quarters: Sequence[int] = ()
    status: str = ActivityStatus.PENDING
    progress: int = 0
    progress_note: str = ""


def _activity_snapshot(activity: Activity) -> dict:
    values = snapshot(activity, ACTIVITY_FIELDS)
    if activity.pk:
        values["responsible"] = sorted(o.name for o in activity.responsible.all())
    return values


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


def _activity_apply(activity: Activity, data: ActivityData) -> None:
    activity.number = data.number
    activity.stage = data.stage
    activity.name = data.name.strip()
    activity.target = data.target.strip()
    activity.target_quantity = data.target_quantity
    activity.target_unit = data.target_unit.strip()
    activity.progress_source = data.progress_source
    activity.evidence_expected = data.evidence_expected.strip()
    activity.responsible_note = data.responsible_note.strip()
    for quarter in (1, 2, 3, 4):
        setattr(activity, f"q{quarter}", quarter in data.quarters)
    activity.status = data.status
    activity.progress = data.progress
    activity.progress_note = data.progress_note.strip()


def _activity_validate(activity: Activity, data: ActivityData) -> None:
    errors: dict[str, list[str]] = {}
    try:
        activity.full_clean(exclude=["strategy"])
    except ValidationError as error:
        errors.update(error.message_dict)
    if not data.responsible:
        errors.setdefault("responsible", []).append(
            _("Indique al menos una dependencia responsable.")
        )
    others = {o.entity_id for o in data.responsible} - {activity.strategy.entity_id}
    if others:
        errors.setdefault("responsible", []).append(_("La dependencia no pertenece a la entidad."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def activity_create(*, actor: User | None, strategy: Strategy, data: ActivityData) -> Activity:
    activity = Activity(strategy=strategy)
    _activity_apply(activity, data)
    _activity_validate(activity, data)
    activity.save()
    activity.responsible.set(data.responsible)
    audit_record(
        actor=actor,
        action="activity_create",
        target=activity,
        changes=changes_between({}, _activity_snapshot(activity)),
    )
    return activity


@transaction.atomic
def activity_update(*, actor: User | None, activity: Activity, data: ActivityData) -> Activity:
    before = _activity_snapshot(activity)
    _activity_apply(activity, data)
    _activity_validate(activity, data)
    activity.save()
    activity.responsible.set(data.responsible)
    changes = changes_between(before, _activity_snapshot(activity))
    if changes:
        audit_record(actor=actor, action="activity_update", target=activity, changes=changes)
    return activity


@transaction.atomic
def activity_delete(*, actor: User | None, activity: Activity) -> None:
    if activity.evidence.exists():
        raise ValidationError(
            _("La actividad %(number)s tiene evidencias; quítelas antes de eliminarla.")
            % {"number": activity.number}
        )
    audit_record(
        actor=actor,
        action="activity_delete",
        target=activity,
        changes=changes_between(_activity_snapshot(activity), {}),
    )
    activity.delete()


@transaction.atomic
def activity_progress_update(
    *, actor: User | None, activity: Activity, status: str, progress: int, note: str
) -> Activity:
    """What an office reports on its own activity: state, percentage and a note."""
    before = snapshot(activity, ["status", "progress", "progress_note"])
    activity.status, activity.progress, activity.progress_note = status, progress, note.strip()
    activity.full_clean(exclude=["strategy"])
    activity.save(update_fields=["status", "progress", "progress_note", "updated_at"])
    changes = changes_between(before, snapshot(activity, ["status", "progress", "progress_note"]))
    if changes:
        audit_record(
            actor=actor, action="activity_progress_update", target=activity, changes=changes
        )
    return activity


@transaction.atomic
def evidence_add(
    *,
    actor: User | None,
    activity: Activity,
    date: dt.date,
    office: Office | None,
    note: str = "",
    file: UploadedFile | None = None,
    url: str = "",
) -> Evidence:
    """Attaches one file or one link to an activity; the file's type and size are checked."""
    if bool(file) == bool(url):
        raise ValidationError(_("Adjunte un archivo o escriba un enlace (solo uno de los dos)."))
    if file:
        upload_check(file, field="file")
    evidence = Evidence(
        activity=activity,
        date=date,
        office=office,
        note=note.strip(),
        url=url.strip(),
        added_by=actor if actor and actor.is_authenticated else None,
    )
    if file:
        evidence.file = file
    evidence.full_clean()
    evidence.save()
    audit_record(
        actor=actor,
        action="evidence_add",
        target=evidence,
        changes={"activity": [None, str(activity)], "evidence": [None, str(evidence)]},
    )
    return evidence


@transaction.atomic
def evidence_delete(*, actor: User | None, evidence: Evidence) -> None:
    audit_record(
        actor=actor,
        action="evidence_delete",
        target=evidence,
        changes={"evidence": [str(evidence), None]},
    )
    stored = evidence.file.name if evidence.file else ""
    storage = evidence.file.storage if evidence.file else None
    evidence.delete()
    if stored and storage is not None:
        transaction.on_commit(lambda: storage.delete(stored))


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
                quarters=activity.quarters,
            ),
        )
    audit_record(
        actor=actor,
        action="strategy_copy",
        target=copy,
        changes={"copied_from": [None, strategy.year]},
    )
    return copy


class CronogramaImportError(Exception):
    """The file was refused; nothing was stored. `errors` name row and column."""

    def __init__(self, errors: list) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass
class CronogramaImportResult:
    created: int
    updated: int
    removed: int


@transaction.atomic
def cronograma_import(
    *, actor: User | None, strategy: Strategy, data: bytes
) -> CronogramaImportResult:
    """The cronograma becomes what the file says, or nothing changes at all.

    Activities are matched by number; those not in the file are removed, unless they have
    evidence (then the whole file is refused, so that no proof is lost).
    """
    from rendicion.core.text import normalise_words

    from .cronograma import CellError, CronogramaFileError, cronograma_xlsx_read

    stages = {}
    for stage in strategy.stages.all():
        stages[normalise_words(stage.name)] = stage.pk
        stages[str(stage.number)] = stage.pk
    offices = {
        normalise_words(o.name): o.pk for o in strategy.entity.offices.filter(is_active=True)
    }
    try:
        rows, errors = cronograma_xlsx_read(data, stages=stages, offices=offices)
    except CronogramaFileError as error:
        raise CronogramaImportError([CellError(0, "", str(error))]) from error
    existing = {a.number: a for a in activity_queryset_for_import(strategy)}
    wanted = {row.number for row in rows}
    for number, activity in sorted(existing.items()):
        if number not in wanted and activity.evidence.exists():
            errors.append(
                CellError(
                    0,
                    _("No."),
                    _(
                        "La actividad %(number)s no está en el archivo pero tiene evidencias; "
                        "inclúyala o quite sus evidencias antes de importar."
                    )
                    % {"number": number},
                )
            )
    if errors:
        raise CronogramaImportError(errors)

    stage_by_pk = {stage.pk: stage for stage in strategy.stages.all()}
    office_by_pk = {o.pk: o for o in strategy.entity.offices.all()}
    created = updated = removed = 0
    for number, activity in sorted(existing.items()):
        if number not in wanted:
            activity_delete(actor=actor, activity=activity)
            removed += 1
    model_errors = []
    for row in rows:
        data_row = ActivityData(
            number=row.number,
            name=row.name,
            target=row.target,
            stage=stage_by_pk.get(row.stage_key) if row.stage_key else None,
            target_quantity=row.target_quantity,
            target_unit=row.target_unit,
            progress_source=row.progress_source,
            evidence_expected=row.evidence_expected,
            responsible=[office_by_pk[key] for key in row.responsible_keys],
            responsible_note=row.responsible_note,
            quarters=row.quarters,
            status=row.status,
            progress=row.progress,
            progress_note=row.progress_note,
        )
        try:
            if row.number in existing:
                before = _activity_snapshot(existing[row.number])
                activity_update(actor=actor, activity=existing[row.number], data=data_row)
                updated += before != _activity_snapshot(existing[row.number])
            else:
                activity_create(actor=actor, strategy=strategy, data=data_row)
                created += 1
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                model_errors.extend(CellError(row.row, field_name, m) for m in messages)
    if model_errors:
        raise CronogramaImportError(model_errors)
    audit_record(
        actor=actor,
        action="cronograma_import",
        target=strategy,
        changes={
            "created": [None, created],
            "updated": [None, updated],
            "removed": [None, removed],
        },
    )
    return CronogramaImportResult(created=created, updated=updated, removed=removed)


def activity_queryset_for_import(strategy: Strategy):
    return strategy.activities.select_related("stage").prefetch_related("responsible")
