"""Every write to self-assessment templates, assessments and their scores. Each one is audited."""

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rendicion.core.models import Entity, Office, User
from rendicion.core.services import audit_record
from rendicion.core.text import normalise_words
from rendicion.strategy import services as strategy_services
from rendicion.strategy.models import Activity, MurcStage, Strategy

from . import murc
from .models import AssessmentTemplate, ItemScore, ScoreBand, SelfAssessment, TemplateItem
from .spreadsheet import (
    AssessmentFileError,
    AssessmentSheet,
    CellError,
    assessment_xlsx_read,
    assessment_xlsx_write,
)


class AssessmentImportError(Exception):
    """The file was refused and nothing was stored. `errors` name sheet, row and column."""

    def __init__(self, errors: list[CellError]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


def _sheet_read(data: bytes) -> AssessmentSheet:
    try:
        sheet, errors = assessment_xlsx_read(data)
    except AssessmentFileError as error:
        raise AssessmentImportError([CellError(0, "", str(error))]) from error
    if errors:
        raise AssessmentImportError(errors)
    return sheet


def template_signature(sheet: AssessmentSheet) -> str:
    """Identifies a template's structure: its rows in order, the threshold and the levels."""
    content = {
        "items": [
            [row.stage, row.category, row.text, None if row.weight is None else str(row.weight)]
            for row in sheet.rows
        ],
        "threshold": str(sheet.threshold),
        "bands": [[str(lower), label] for lower, label in sorted(sheet.bands)],
    }
    encoded = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def _free_name(base: str) -> str:
    base = base.strip()[:190]
    candidate, n = base, 2
    while AssessmentTemplate.objects.filter(name=candidate).exists():
        candidate, n = f"{base} ({n})", n + 1
    return candidate


@dataclass
class TemplateResult:
    template: AssessmentTemplate
    created: bool
    warnings: list[str] = field(default_factory=list)


@transaction.atomic
def assessment_template_save(
    *, actor: User | None, sheet: AssessmentSheet, name: str, description: str = ""
) -> TemplateResult:
    """Stores the file's structure as a template; the same structure again is the same template."""
    signature = template_signature(sheet)
    existing = AssessmentTemplate.objects.filter(signature=signature).first()
    if existing is not None:
        return TemplateResult(existing, created=False, warnings=list(sheet.warnings))
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Escriba el nombre de la plantilla.")})
    if AssessmentTemplate.objects.filter(name=name).exists():
        raise ValidationError(
            {"name": _("Ya hay otra plantilla con ese nombre y otras filas. Use otro nombre.")}
        )
    template = AssessmentTemplate(
        name=name,
        description=description.strip(),
        threshold=sheet.threshold,
        signature=signature,
    )
    template.full_clean()
    template.save()
    TemplateItem.objects.bulk_create(
        TemplateItem(
            template=template,
            number=number,
            stage=row.stage,
            category=row.category,
            text=row.text,
            weight=row.weight,
        )
        for number, row in enumerate(sheet.rows, start=1)
    )
    ScoreBand.objects.bulk_create(
        ScoreBand(template=template, lower=lower, label=label) for lower, label in sheet.bands
    )
    audit_record(
        actor=actor,
        action="assessment_template_import",
        target=template,
        changes={
            "item_count": [None, len(sheet.rows)],
            "threshold": [None, str(sheet.threshold)],
            "bands": [None, [[str(lower), label] for lower, label in sheet.bands]],
        },
    )
    return TemplateResult(template, created=True, warnings=list(sheet.warnings))


def assessment_template_import(
    *, actor: User | None, data: bytes, name: str, description: str = ""
) -> TemplateResult:
    """A template from a spreadsheet (scores in it are checked but not kept), or nothing at all."""
    return assessment_template_save(
        actor=actor, sheet=_sheet_read(data), name=name, description=description
    )


def assessment_template_builtin_load(*, actor: User | None) -> TemplateResult:
    """The generic MURC template shipped with Rendición, loaded the way any file is."""
    return assessment_template_import(
        actor=actor,
        data=assessment_xlsx_write(murc.murc_template_sheet()),
        name=murc.NAME,
        description=murc.DESCRIPTION,
    )


@transaction.atomic
def assessment_create(
    *, actor: User | None, entity: Entity, year: int, template: AssessmentTemplate
) -> SelfAssessment:
    """An empty assessment of that year: every item of the template, none scored yet."""
    if SelfAssessment.objects.filter(entity=entity, year=year).exists():
        raise ValidationError(
            {"year": _("Ya hay un autodiagnóstico de la vigencia %(year)s.") % {"year": year}}
        )
    assessment = SelfAssessment(entity=entity, year=year, template=template)
    assessment.full_clean()
    assessment.save()
    ItemScore.objects.bulk_create(
        ItemScore(assessment=assessment, item=item) for item in template.items.order_by("number")
    )
    audit_record(
        actor=actor,
        action="assessment_create",
        target=assessment,
        changes={"year": [None, year], "template": [None, template.name]},
    )
    return assessment


@dataclass
class ScoreData:
    score: int | None
    note: str = ""
    evidence: str = ""


@transaction.atomic
def assessment_scores_save(
    *, actor: User | None, assessment: SelfAssessment, scores: Mapping[int, ScoreData]
) -> int:
    """Sets the scores, notes and evidence of the items given by number; returns how many changed."""
    rows = {row.item.number: row for row in assessment.scores.select_related("item")}
    unknown = sorted(set(scores) - set(rows))
    if unknown:
        raise ValueError(f"Items {unknown} are not in the assessment's template")
    errors = {
        f"score_{number}": _("El puntaje debe ser un número entero de 0 a 100.")
        for number, data in scores.items()
        if data.score is not None and not 0 <= data.score <= 100
    }
    if errors:
        raise ValidationError(errors)
    changed: list[ItemScore] = []
    changes: dict[str, list] = {}
    for number, data in sorted(scores.items()):
        row = rows[number]
        before = [row.score, row.note, row.evidence]
        after = [data.score, data.note.strip(), data.evidence.strip()]
        if before != after:
            row.score, row.note, row.evidence = after
            changed.append(row)
            changes[f"item_{number}"] = [before, after]
    if changed:
        ItemScore.objects.bulk_update(changed, ["score", "note", "evidence"])
        assessment.save(update_fields=["updated_at"])
        audit_record(
            actor=actor, action="assessment_scores_save", target=assessment, changes=changes
        )
    return len(changed)


def _item_key(stage: str, category: str, text: str) -> tuple[str, str, str]:
    return normalise_words(stage), normalise_words(category), normalise_words(text)


def _assessment_template_switch(
    actor: User | None, assessment: SelfAssessment, template: AssessmentTemplate
) -> None:
    """Moves an assessment to another template; links to activities follow items that stay."""
    links = {
        _item_key(row.item.stage, row.item.category, row.item.text): row.activity_id
        for row in assessment.scores.select_related("item")
        if row.activity_id
    }
    before = assessment.template.name
    assessment.scores.all().delete()
    assessment.template = template
    assessment.save(update_fields=["template", "updated_at"])
    ItemScore.objects.bulk_create(
        ItemScore(
            assessment=assessment,
            item=item,
            activity_id=links.get(_item_key(item.stage, item.category, item.text)),
        )
        for item in template.items.order_by("number")
    )
    audit_record(
        actor=actor,
        action="assessment_template_switch",
        target=assessment,
        changes={"template": [before, template.name]},
    )


@dataclass
class AssessmentImportResult:
    assessment: SelfAssessment
    created: bool
    template_created: bool
    changed: int
    warnings: list[str] = field(default_factory=list)


@transaction.atomic
def assessment_import(
    *,
    actor: User | None,
    entity: Entity,
    year: int,
    data: bytes,
    template_name: str = "",
) -> AssessmentImportResult:
    """The year's assessment becomes what the file says (items and scores), or nothing changes.

    A file with the structure of a known template is scored on it; another structure becomes a
    new template. Empty score cells leave the item unscored.
    """
    sheet = _sheet_read(data)
    template_result = assessment_template_save(
        actor=actor,
        sheet=sheet,
        name=template_name.strip()
        or _free_name(_("Plantilla del autodiagnóstico %(year)s") % {"year": year}),
    )
    template = template_result.template
    assessment = (
        SelfAssessment.objects.select_related("template").filter(entity=entity, year=year).first()
    )
    created = assessment is None
    if assessment is None:
        assessment = assessment_create(actor=actor, entity=entity, year=year, template=template)
    elif assessment.template_id != template.pk:
        _assessment_template_switch(actor, assessment, template)
    items = list(template.items.order_by("number").values_list("number", flat=True))
    changed = assessment_scores_save(
        actor=actor,
        assessment=assessment,
        scores={
            number: ScoreData(row.score, row.note, row.evidence)
            for number, row in zip(items, sheet.rows, strict=True)
        },
    )
    return AssessmentImportResult(
        assessment=assessment,
        created=created,
        template_created=template_result.created,
        changed=changed,
        warnings=template_result.warnings,
    )


def _strategy_stage_for(strategy: Strategy, stage_name: str):
    """The strategy's stage that covers the MURC stage of that name, if any."""
    wanted = normalise_words(stage_name)
    codes = [code for code, label in MurcStage.choices if normalise_words(label) == wanted]
    if not codes:
        return None
    for stage in strategy.stages.order_by("number"):
        if codes[0] in stage.murc_stages:
            return stage
    return None


def _next_strategy_locked(assessment: SelfAssessment) -> Strategy:
    """The next year's strategy, locked; refused when it does not exist yet."""
    strategy = (
        Strategy.objects.select_for_update()
        .filter(entity=assessment.entity, year=assessment.year + 1)
        .first()
    )
    if strategy is None:
        raise ValidationError(
            _(
                "Primero cree la estrategia %(year)s: los puntos a fortalecer del autodiagnóstico "
                "%(previous)s se vuelven actividades de esa estrategia."
            )
            % {"year": assessment.year + 1, "previous": assessment.year}
        )
    return strategy


@transaction.atomic
def assessment_point_to_activity(
    *, actor: User | None, score: ItemScore, responsible: Sequence[Office]
) -> Activity:
    """Turns a point to strengthen into an activity of the next year's strategy, and links them."""
    score = (
        ItemScore.objects.select_for_update(of=("self",))
        .select_related("assessment__template", "assessment__entity", "item", "activity")
        .get(pk=score.pk)
    )
    assessment = score.assessment
    threshold = assessment.template.threshold
    if score.score is None or score.score >= threshold:
        raise ValidationError(
            _(
                "Este ítem no es un punto a fortalecer: solo lo son los que tienen un puntaje "
                "menor que %(threshold)s."
            )
            % {"threshold": threshold}
        )
    if score.activity is not None:
        raise ValidationError(
            _("Este punto ya es la actividad %(number)s de la estrategia %(year)s.")
            % {"number": score.activity.number, "year": assessment.year + 1}
        )
    strategy = _next_strategy_locked(assessment)
    number = (
        strategy.activities.order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    activity = strategy_services.activity_create(
        actor=actor,
        strategy=strategy,
        data=strategy_services.ActivityData(
            number=number,
            name=score.item.text,
            target=_(
                "Fortalecer este punto del autodiagnóstico: en %(year)s obtuvo %(score)s de 100 y "
                "el umbral es %(threshold)s."
            )
            % {"year": assessment.year, "score": score.score, "threshold": threshold},
            evidence_expected=_("Autodiagnóstico %(year)s con este punto por encima del umbral.")
            % {"year": strategy.year},
            stage=_strategy_stage_for(strategy, score.item.stage),
            responsible=list(responsible),
            quarters=[1, 2, 3, 4],
        ),
    )
    score.activity = activity
    score.save(update_fields=["activity"])
    audit_record(
        actor=actor,
        action="assessment_point_to_activity",
        target=assessment,
        changes={"item": [None, score.item.number], "activity": [None, str(activity)]},
    )
    return activity
