"""The figures of the reports, as plain JSON-ready data computed from the records.

Every renderer (HTML, PDF, DOCX, JSON) and every published snapshot reads this data, so the
numbers are the same everywhere. Aggregates are done by the database; the number of queries does
not grow with the data. No personal data ever enters these dictionaries.
"""

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.assessment.selectors import self_assessment_for_strategy
from rendicion.commitments.selectors import commitments_for_strategy
from rendicion.core.numbers import percent
from rendicion.participation.models import Attendance, Evaluation
from rendicion.participation.rules import AgeGroup, Sex
from rendicion.participation.selectors import evaluation_stats, participation_stats
from rendicion.questions import selectors as question_selectors
from rendicion.spaces.models import Channel, Space, SpaceKind, SpaceStatus
from rendicion.stakeholders.selectors import stakeholder_groups_for_report
from rendicion.strategy.models import ActivityStatus, Strategy
from rendicion.strategy.selectors import strategy_detail


def _shares(counts: dict[str, int], total: int, choices) -> dict[str, dict[str, Any]]:
    return {
        code: {"count": counts[code], "pct": percent(counts[code], total), "label": str(label)}
        for code, label in choices.choices
    }


def _count(model, field: str = "space"):
    return Coalesce(
        Subquery(
            model.objects.filter(**{field: OuterRef("pk")})
            .order_by()
            .values(field)
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def _views():
    return Coalesce(
        Subquery(
            Channel.objects.filter(space=OuterRef("pk"))
            .order_by()
            .values("space")
            .annotate(total=Sum("views"))
            .values("total"),
            output_field=IntegerField(),
        ),
        0,
    )


def spaces_with_counts(spaces):
    """Spaces with attendance, evaluation and view counts, each in one subquery."""
    return (
        spaces.select_related("strategy")
        .prefetch_related("channels", "pieces", "organisers")
        .annotate(
            attendance_count=_count(Attendance),
            evaluation_count=_count(Evaluation),
            views_total=_views(),
        )
        .order_by("starts_at", "pk")
    )


def _local_date(value) -> str:
    return timezone.localtime(value).date().isoformat()


def _space_base(space: Space) -> dict[str, Any]:
    return {
        "slug": space.slug,
        "title": space.title,
        "kind": space.kind,
        "date": _local_date(space.starts_at),
        "starts_at": timezone.localtime(space.starts_at).isoformat(),
        "duration_minutes": space.duration_minutes,
        "modality": space.modality,
        "modality_label": str(space.get_modality_display()),
        "status": space.status,
        "venue": space.venue_name if space.has_venue else "",
        "venue_address": space.venue_address if space.has_venue else "",
        "organisers": [office.name for office in space.organisers.all()],
        "topics": list(space.topics),
        "channels": [
            {"name": c.name, "account": c.account, "url": c.url, "views": c.views}
            for c in space.channels.all()
        ]
        if space.has_channels
        else [],
        "attendance_forms": space.attendance_count,
        "evaluation_forms": space.evaluation_count,
    }


def _pieces(space: Space) -> list[dict[str, Any]]:
    pieces = [p for p in space.pieces.all() if getattr(p, "state", "published") == "published"]
    return [{"title": p.title, "channel": p.channel, "date": p.date.isoformat()} for p in pieces]


def _most_attended(dialogues: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The dialogues attended above the average of the year's dialogues, most attended first."""
    if not dialogues:
        return []
    total = sum(d["attendance_forms"] for d in dialogues)
    above = [d for d in dialogues if d["attendance_forms"] * len(dialogues) > total]
    if not above:  # all equal: every dialogue is as attended as the rest
        above = list(dialogues)
    above.sort(key=lambda d: (-d["attendance_forms"], d["date"], d["slug"]))
    return [
        {"slug": d["slug"], "title": d["title"], "attendances": d["attendance_forms"]}
        for d in above
    ]


def _distinct(values: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen


def annual_report_data(*, strategy: Strategy) -> dict[str, Any]:
    """Everything the annual follow-up report says, in the seed's order of sections."""
    entity = strategy.entity
    detail = strategy_detail(strategy=strategy)
    omitted: list[str] = []
    by_status = {code: 0 for code in ActivityStatus.values}
    for row in detail.activities:
        by_status[row.progress.status] += 1

    # The report tells what happened: spaces held (planned or cancelled ones are not counted).
    held = Space.objects.filter(strategy=strategy, status=SpaceStatus.HELD)
    spaces = list(spaces_with_counts(held))
    topics_by_space = question_selectors.topics_by_space
    topic_counts = topics_by_space(spaces=held) if topics_by_space else {}

    hearings = []
    for space in (s for s in spaces if s.kind == SpaceKind.HEARING):
        item = _space_base(space)
        counts = topic_counts.get(space.pk)
        pieces = _pieces(space)
        item.update(
            {
                "reports_on_year": space.reports_on_year,
                "views": space.views_total,
                "communication_pieces": len(pieces),
                "pieces": pieces,
                "topics_proposed": counts.proposed if counts else 0,
                "topics_included": counts.included if counts else 0,
                "proposed_topics": [{"text": t, "included": inc} for t, inc in counts.topics]
                if counts
                else [],
            }
        )
        hearings.append(item)
    if not hearings:
        omitted.append("hearings")

    dialogue_spaces = [s for s in spaces if s.kind == SpaceKind.DIALOGUE]
    dialogue_items = [
        _space_base(s)
        | {"purpose": s.purpose, "methodology": s.methodology, "structure": list(s.structure)}
        for s in dialogue_spaces
    ]
    stats = participation_stats(spaces=held.filter(kind=SpaceKind.DIALOGUE))
    dialogue_evaluation = evaluation_stats(spaces=held.filter(kind=SpaceKind.DIALOGUE))
    dialogues = {
        "count": len(dialogue_items),
        "attendances": stats.attendances,
        "evaluation_forms": dialogue_evaluation.count,
        "most_attended": _most_attended(dialogue_items),
        "by_sex": _shares(stats.by_sex, stats.attendances, Sex),
        "by_age_group": _shares(stats.by_age_group, stats.attendances, AgeGroup),
        "planning": {
            "purposes": _distinct([d["purpose"] for d in dialogue_items]),
            "modalities": _distinct([d["modality_label"] for d in dialogue_items]),
            "durations_minutes": _distinct([d["duration_minutes"] for d in dialogue_items]),
            "methodologies": _distinct([d["methodology"] for d in dialogue_items]),
            "structures": _distinct([tuple(d["structure"]) for d in dialogue_items]),
            "venues": _distinct([d["venue"] for d in dialogue_items]),
        },
        "items": dialogue_items,
    }
    dialogues["planning"]["structures"] = [list(s) for s in dialogues["planning"]["structures"]]
    if not dialogue_items:
        omitted.append("dialogues")

    data: dict[str, Any] = {
        "year": strategy.year,
        "entity": entity.name,
        "title": _("Informe de seguimiento a la estrategia de rendición de cuentas %(year)s")
        % {"year": strategy.year},
        "purpose": strategy.report_purpose,
        "objective": strategy.objective,
        "challenges": [c.text for c in detail.challenges],
        "stages": [
            {
                "number": s.number,
                "name": s.name,
                "murc_stages": [str(label) for label in s.murc_stage_labels],
                "items": s.items,
            }
            for s in detail.stages
        ],
        "team_roles": [
            {"name": r.name, "responsibilities": r.responsibilities} for r in detail.team_roles
        ],
        "activities": {
            "total": len(detail.activities),
            "by_status": by_status,
            "items": [
                {
                    "number": row.activity.number,
                    "name": row.activity.name,
                    "stage": row.activity.stage.name if row.activity.stage else None,
                    "target": row.activity.target,
                    "evidence": row.activity.evidence_expected,
                    "responsible": row.responsible_names,
                    "quarters": row.activity.quarters,
                    "status": row.progress.status,
                    "status_label": str(ActivityStatus(row.progress.status).label),
                    "progress": row.progress.percent,
                    "achieved": row.progress.achieved,
                    "target_quantity": row.activity.target_quantity,
                    "target_unit": row.activity.target_unit,
                }
                for row in detail.activities
            ],
        },
        "hearings": hearings,
        "dialogues": dialogues,
    }

    assessment = self_assessment_for_strategy
    summary = assessment(strategy=strategy) if assessment else None
    if summary is not None:
        data["self_assessment"] = {
            "year": summary.year,
            "score": float(Decimal(summary.score).quantize(Decimal("0.1"), ROUND_HALF_UP)),
            "level": summary.level,
            "points_to_strengthen": list(summary.points_to_strengthen),
            "points": list(summary.points_to_strengthen),
            "stages": [[name, float(score)] for name, score in summary.stages],
            "categories": [
                [stage, category, float(score)] for stage, category, score in summary.categories
            ],
        }
    else:
        omitted.append("self_assessment")

    groups = stakeholder_groups_for_report
    group_list = groups(entity=entity) if groups else []
    if group_list:
        data["stakeholder_groups"] = [
            {
                "name": g.name,
                "description": g.description,
                "offices": list(g.offices),
                "needs": [
                    {
                        "topic": n.topic,
                        "office": n.office,
                        "channel": n.channel,
                        "covered_by": n.covered_by,
                    }
                    for n in g.needs
                ],
            }
            for g in group_list
        ]
    else:
        omitted.append("stakeholder_groups")

    topics_for_year = question_selectors.proposed_topics_for_year
    topics = topics_for_year(strategy=strategy) if topics_for_year else []
    topic_count = question_selectors.proposed_topic_count_for_year(strategy=strategy)
    data["proposed_topics"] = {
        # Every topic counts; only reviewed texts are listed (they may hold personal data).
        "count": topic_count,
        "items": [
            {
                "text": t.text,
                "state": t.state,
                "state_label": str(t.state_label),
                "office": t.office,
                "included_in": t.included_in,
            }
            for t in topics
        ],
        "pending_review": topic_count - len(topics),
    }
    if not topic_count:
        omitted.append("proposed_topics")

    all_spaces = Space.objects.filter(strategy=strategy)
    counts_fn = question_selectors.question_counts
    if counts_fn:
        # The answers themselves are in each space's report and in its informe de respuestas;
        # the annual report gives the figures, so it stays readable with thousands of questions.
        data["questions"] = {"counts": counts_fn(spaces=all_spaces)}
        if not data["questions"]["counts"].get("received"):
            omitted.append("questions")
    else:
        omitted.append("questions")

    commitments_fn = commitments_for_strategy
    commitments = commitments_fn(strategy=strategy) if commitments_fn else []
    if commitments:
        by_state: dict[str, int] = {}
        for c in commitments:
            by_state[c.state] = by_state.get(c.state, 0) + 1
        data["commitments"] = {
            "count": len(commitments),
            "by_state": by_state,
            "items": [
                {
                    "space": c.space_title,
                    "description": c.description,
                    "office": c.office,
                    "due_date": c.due_date.isoformat() if c.due_date else None,
                    "state": c.state,
                    "state_label": str(c.state_label),
                    "last_progress": c.last_progress,
                }
                for c in commitments
            ],
        }
    else:
        omitted.append("commitments")
    data["sections_omitted"] = omitted
    return data


def _answer(answer) -> dict[str, Any]:
    published = answer.published_on
    return {
        "space": answer.space_slug,
        "space_title": answer.space_title,
        "question": answer.question,
        "answer": answer.answer,
        "office": answer.office,
        "published_on": published.isoformat() if published else None,
    }


def space_report_data(*, space: Space) -> dict[str, Any]:
    """The per-space report (informe de cumplimiento del desarrollo y resultados)."""
    space = spaces_with_counts(Space.objects.filter(pk=space.pk)).get()
    spaces = Space.objects.filter(pk=space.pk)
    stats = participation_stats(spaces=spaces)
    evaluation = evaluation_stats(spaces=spaces)
    item = _space_base(space)
    pieces = _pieces(space)
    item.update(
        {
            "year": space.strategy.year,
            "entity": space.strategy.entity.name,
            "kind_label": str(space.get_kind_display()),
            "title_report": _("Informe de cumplimiento del desarrollo y resultados: %(title)s")
            % {"title": space.title},
            "reports_on_year": space.reports_on_year,
            "purpose": space.purpose,
            "methodology": space.methodology,
            "structure": list(space.structure),
            "views": space.views_total,
            "communication_pieces": len(pieces),
            "pieces": pieces,
            "attendances": stats.attendances,
            "by_sex": _shares(stats.by_sex, stats.attendances, Sex),
            "by_age_group": _shares(stats.by_age_group, stats.attendances, AgeGroup),
            "evaluation": {
                "count": evaluation.count,
                "satisfaction": evaluation.satisfaction,
                "clarity": evaluation.clarity,
                "usefulness": evaluation.usefulness,
                "topic_covered": evaluation.topic_covered,
                "would_return": evaluation.would_return,
            },
        }
    )
    topics_by_space = question_selectors.topics_by_space
    counts = topics_by_space(spaces=spaces).get(space.pk) if topics_by_space else None
    item["topics_proposed"] = counts.proposed if counts else 0
    item["topics_included"] = counts.included if counts else 0
    answers_fn = question_selectors.published_answers
    item["answers"] = [_answer(a) for a in answers_fn(spaces=spaces)] if answers_fn else []
    commitments_fn = commitments_for_strategy
    commitments = commitments_fn(strategy=space.strategy) if commitments_fn else []
    item["commitments"] = [
        {
            "description": c.description,
            "office": c.office,
            "due_date": c.due_date.isoformat() if c.due_date else None,
            "state": c.state,
            "state_label": str(c.state_label),
            "last_progress": c.last_progress,
        }
        for c in commitments
        if c.space_title == space.title
    ]
    return item


def space_reports_published_count(*, strategy: Strategy) -> int:
    """Spaces of the strategy with a published report (the cronograma's activity 10)."""
    from .models import PublishedReport, ReportKind

    return (
        PublishedReport.objects.filter(kind=ReportKind.SPACE, space__strategy=strategy)
        .values("space")
        .distinct()
        .count()
    )


def published_reports(*, entity, year: int | None = None):
    from .models import PublishedReport

    reports = (
        PublishedReport.objects.filter(entity=entity)
        .select_related("space")
        .defer("pdf", "html", "data")
    )
    if year is not None:
        reports = reports.filter(year=year)
    return reports.order_by("-year", "kind", "space__starts_at", "-version")
