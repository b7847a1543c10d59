"""The annual follow-up report (informe de seguimiento a la estrategia), one function per section.

Each function reads other apps through their selectors and returns its typed section;
`annual_report` lists them in the seed's order. The number of queries does not grow with the data.
"""

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from rendicion.assessment.selectors import AssessmentSummary, self_assessment_for_strategy
from rendicion.commitments.selectors import commitments_for_strategy
from rendicion.core.numbers import percent
from rendicion.participation.selectors import evaluation_stats, participation_stats
from rendicion.questions.selectors import (
    proposed_topic_count_for_year,
    proposed_topics_for_year,
    question_counts,
    topics_by_space,
)
from rendicion.spaces.models import Space, SpaceKind, SpaceStatus
from rendicion.spaces.selectors import dialogue_plan_check
from rendicion.stakeholders.selectors import stakeholder_groups_for_report
from rendicion.strategy.models import ActivityStatus, Strategy
from rendicion.strategy.selectors import StrategyDetail, dialogue_plan_get, strategy_detail

from ..common import (
    MemoryItem,
    Shares,
    memory_items,
    published_pieces,
    space_summary_fields,
    spaces_with_counts,
)
from ..narratives import attendance_sentence, narrative_paragraphs, narratives_for
from .sections import (
    ActivityItem,
    AnnualReport,
    ClosingSection,
    CommitmentItem,
    CommitmentsSection,
    CronogramaSection,
    DialogueItem,
    DialoguePlanItem,
    DialoguePlanning,
    DialoguesSection,
    GroupItem,
    HearingItem,
    HearingsSection,
    MostAttended,
    NeedItem,
    PurposeSection,
    QuarterItem,
    QuestionsSection,
    ReadinessSection,
    SelfAssessmentItem,
    SpaceLink,
    StageItem,
    StageOffices,
    StrategySection,
    TeamRoleItem,
    TopicItem,
    TopicMark,
    TopicsSection,
)


def purpose_section(strategy: Strategy) -> PurposeSection:
    return PurposeSection(purpose=strategy.report_purpose)


def _stage_offices(detail: StrategyDetail) -> list[StageOffices]:
    """Each stage with the offices responsible for its activities, in the entity's wording
    where it wrote one, without repeating a name."""
    items = []
    for stage in detail.stages:
        names: list[str] = []
        for row in detail.activities:
            if row.activity.stage_id != stage.pk:
                continue
            written = row.activity.responsible_text
            for name in [written] if written else row.responsible_names:
                if name not in names:
                    names.append(name)
        items.append(StageOffices(stage.number, stage.name, names))
    return items


def strategy_section(detail: StrategyDetail) -> StrategySection:
    return StrategySection(
        objective=detail.strategy.objective,
        challenges=[c.text for c in detail.challenges],
        stages=[
            StageItem(s.number, s.name, [str(label) for label in s.murc_stage_labels], s.items)
            for s in detail.stages
        ],
        stage_offices=_stage_offices(detail),
    )


def _self_assessment_item(summary: AssessmentSummary | None) -> SelfAssessmentItem | None:
    if summary is None:
        return None
    return SelfAssessmentItem(
        year=summary.year,
        score=float(Decimal(summary.score).quantize(Decimal("0.1"), ROUND_HALF_UP)),
        level=summary.level,
        points_to_strengthen=list(summary.points_to_strengthen),
        points=list(summary.points_to_strengthen),
        stages=[[name, float(score)] for name, score in summary.stages],
        categories=[
            [stage, category, float(score)] for stage, category, score in summary.categories
        ],
    )


def readiness_section(detail: StrategyDetail) -> ReadinessSection:
    strategy = detail.strategy
    groups = stakeholder_groups_for_report(entity=strategy.entity)
    return ReadinessSection(
        self_assessment=_self_assessment_item(self_assessment_for_strategy(strategy=strategy)),
        stakeholder_groups=[
            GroupItem(
                g.name,
                g.description,
                list(g.offices),
                [NeedItem(n.topic, n.office, n.channel, n.covered_by) for n in g.needs],
            )
            for g in groups
        ],
        team_roles=[TeamRoleItem(r.name, r.responsibilities) for r in detail.team_roles],
    )


def cronograma_section(detail: StrategyDetail) -> CronogramaSection:
    by_status = {code: 0 for code in ActivityStatus.values}
    for row in detail.activities:
        by_status[row.progress.status] += 1
    return CronogramaSection(
        year=detail.strategy.year,
        by_status=by_status,
        items=[
            ActivityItem(
                number=row.activity.number,
                name=row.activity.name,
                stage=row.activity.stage.name if row.activity.stage else None,
                target=row.activity.target,
                evidence=row.activity.evidence_expected,
                responsible=row.responsible_names,
                quarters=row.activity.quarters,
                status=row.progress.status,
                status_label=str(ActivityStatus(row.progress.status).label),
                progress=row.progress.percent,
                achieved=row.progress.achieved,
                target_quantity=row.activity.target_quantity,
                target_unit=row.activity.target_unit,
                responsible_text=row.activity.responsible_text,
            )
            for row in detail.activities
        ],
    )


def hearings_section(
    held: QuerySet[Space], spaces: list[Space], memory: dict[int, MemoryItem]
) -> HearingsSection:
    """The hearings held, each with its figures, the topics citizens proposed for it and its
    memory (results presented, photos, recordings)."""
    topic_counts = topics_by_space(spaces=held)
    items = []
    for space in (s for s in spaces if s.kind == SpaceKind.HEARING):
        counts = topic_counts.get(space.pk)
        pieces = published_pieces(space)
        items.append(
            HearingItem(
                **space_summary_fields(space),
                reports_on_year=space.reports_on_year,
                views=space.views_total,
                communication_pieces=len(pieces),
                pieces=pieces,
                topics_proposed=counts.proposed if counts else 0,
                topics_included=counts.included if counts else 0,
                proposed_topics=[TopicMark(t, inc) for t, inc in counts.topics] if counts else [],
                memory=memory.get(space.pk, MemoryItem()),
            )
        )
    return HearingsSection(items)


def _distinct(values: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen


def _most_attended(dialogues: list[DialogueItem]) -> list[MostAttended]:
    """The dialogues attended above the average of the year's dialogues, most attended first."""
    if not dialogues:
        return []
    total = sum(d.attendance_forms for d in dialogues)
    above = [d for d in dialogues if d.attendance_forms * len(dialogues) > total]
    if not above:  # all equal: every dialogue is as attended as the rest
        above = list(dialogues)
    above.sort(key=lambda d: (-d.attendance_forms, d.date, d.slug))
    return [MostAttended(d.slug, d.title, d.attendance_forms) for d in above]


def _planning(items: list[DialogueItem]) -> DialoguePlanning:
    return DialoguePlanning(
        purposes=_distinct([d.purpose for d in items]),
        modalities=_distinct([d.modality_label for d in items]),
        durations_minutes=_distinct([d.duration_minutes for d in items]),
        methodologies=_distinct([d.methodology for d in items]),
        structures=[list(s) for s in _distinct([tuple(d.structure) for d in items])],
        venues=_distinct([d.venue for d in items]),
    )


def _plan_item(strategy: Strategy) -> DialoguePlanItem | None:
    plan = dialogue_plan_get(strategy=strategy)
    if plan is None:
        return None
    return DialoguePlanItem(
        purposes=list(plan.purposes),
        themes=list(plan.themes),
        modalities=list(plan.modalities),
        duration_minutes=plan.duration_minutes,
        methodology=list(plan.methodology),
        structure=list(plan.structure),
        venues=list(plan.venues),
        min_per_quarter=plan.min_per_quarter,
        from_quarter=plan.from_quarter,
        frequency_rule=str(plan.frequency_rule),
    )


def dialogues_section(
    strategy: Strategy, held: QuerySet[Space], spaces: list[Space], memory: dict[int, MemoryItem]
) -> DialoguesSection:
    items = [
        DialogueItem(
            **space_summary_fields(s),
            purpose=s.purpose,
            methodology=s.methodology,
            structure=list(s.structure),
            memory=memory.get(s.pk, MemoryItem()),
        )
        for s in spaces
        if s.kind == SpaceKind.DIALOGUE
    ]
    dialogues = held.filter(kind=SpaceKind.DIALOGUE)
    shares = Shares.of(participation_stats(spaces=dialogues))
    return DialoguesSection(
        items=items,
        shares=shares,
        evaluation_forms=evaluation_stats(spaces=dialogues).count,
        most_attended=_most_attended(items),
        planning=_planning(items),
        plan=_plan_item(strategy),
        plan_check=[
            QuarterItem(q.quarter, q.required, q.held, q.planned, q.ended, q.missing)
            for q in dialogue_plan_check(strategy=strategy)
        ],
        generated=attendance_sentence(shares.by_sex, shares.by_age_group),
    )


def topics_section(strategy: Strategy) -> TopicsSection:
    return TopicsSection(
        year=strategy.year,
        count=proposed_topic_count_for_year(strategy=strategy),
        items=[
            TopicItem(t.text, t.state, str(t.state_label), t.office, t.included_in)
            for t in proposed_topics_for_year(strategy=strategy)
        ],
    )


def questions_section(strategy: Strategy, held_spaces: list[Space]) -> QuestionsSection:
    return QuestionsSection(
        counts=question_counts(spaces=Space.objects.filter(strategy=strategy)),
        spaces=[
            SpaceLink(s.slug, s.title)
            for kind in (SpaceKind.HEARING, SpaceKind.DIALOGUE)
            for s in held_spaces
            if s.kind == kind
        ],
    )


def commitments_section(strategy: Strategy) -> CommitmentsSection:
    return CommitmentsSection(
        [
            CommitmentItem(
                space=c.space_title,
                description=c.description,
                office=c.office,
                due_date=c.due_date.isoformat() if c.due_date else None,
                state=c.state,
                state_label=str(c.state_label),
                last_progress=c.last_progress,
            )
            for c in commitments_for_strategy(strategy=strategy)
        ]
    )


def annual_report(*, strategy: Strategy) -> AnnualReport:
    """Everything the annual follow-up report says, in the seed's order of sections."""
    detail = strategy_detail(strategy=strategy)
    # The report tells what happened: spaces held (planned or cancelled ones are not counted).
    held = Space.objects.filter(strategy=strategy, status=SpaceStatus.HELD)
    spaces = list(spaces_with_counts(held))
    memory = memory_items(spaces)
    report = AnnualReport(
        year=strategy.year,
        entity=strategy.entity.name,
        title=_("Informe de seguimiento a la estrategia de rendición de cuentas %(year)s")
        % {"year": strategy.year},
        sections=[
            purpose_section(strategy),
            strategy_section(detail),
            readiness_section(detail),
            cronograma_section(detail),
            hearings_section(held, spaces, memory),
            dialogues_section(strategy, held, spaces, memory),
            topics_section(strategy),
            questions_section(strategy, spaces),
            commitments_section(strategy),
            ClosingSection(entity=strategy.entity.name),
        ],
    )
    _narrate(report, narratives_for(strategy=strategy))
    return report


def _narrate(report: AnnualReport, texts: dict[str, str]) -> None:
    """Puts the entity's paragraphs into their sections and the sentences the figures allow."""
    for section in report.sections:
        section.narrative = narrative_paragraphs(texts.get(section.key, ""))
        if not section.generated:
            section.generated = _generated(section)


def _generated(section) -> str:
    if section.key == "cronograma" and section.total:
        done = section.by_status.get("done", 0)
        return _(
            "Se cumplieron %(done)s de las %(total)s actividades del cronograma (%(pct)s %%)."
        ) % {"done": done, "total": section.total, "pct": percent(done, section.total)}
    if section.key == "readiness" and section.self_assessment and section.self_assessment.stages:
        name, score = min(section.self_assessment.stages, key=lambda item: item[1])
        return _(
            "La calificación más baja del autodiagnóstico fue la de «%(stage)s»: %(score)s "
            "puntos sobre 100."
        ) % {"stage": name, "score": _score(score)}
    if section.key == "hearings" and section.items:
        attendances = sum(h.attendance_forms for h in section.items)
        views = sum(h.views for h in section.items)
        if views:
            return _(
                "Las audiencias públicas tuvieron %(a)s registros de asistencia y %(v)s "
                "visualizaciones en los canales de transmisión."
            ) % {"a": attendances, "v": views}
        return _("Las audiencias públicas tuvieron %(a)s registros de asistencia.") % {
            "a": attendances
        }
    if section.key == "questions" and section.counts.get("received"):
        received = section.counts["received"]
        answered = section.counts.get("answered", 0)
        return _("El %(pct)s %% de las preguntas recibidas tiene respuesta.") % {
            "pct": percent(answered, received)
        }
    return ""


def _score(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")
