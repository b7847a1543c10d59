"""Reads of self-assessments shared by pages, the CLI and reports. Query counts never grow with data."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, QuerySet

from rendicion.core.models import Entity, Office, User
from rendicion.core.text import normalise_words
from rendicion.strategy.models import Strategy

from .models import AssessmentTemplate, ItemScore, ScoreBand, SelfAssessment
from .scoring import ScoredItem, ScoreTree, level_for, score_tree
from .spreadsheet import AssessmentRow, AssessmentSheet


@dataclass
class ItemRow:
    score: ItemScore
    weak: bool

    @property
    def number(self) -> int:
        return self.score.item.number

    @property
    def text(self) -> str:
        return self.score.item.text

    @property
    def value(self) -> int | None:
        return self.score.score


@dataclass
class CategoryBlock:
    stage: str
    name: str
    score: Decimal | None
    scored: int
    total: int
    items: list[ItemRow] = field(default_factory=list)


@dataclass
class StageBlock:
    name: str
    score: Decimal | None
    scored: int
    total: int
    categories: list[CategoryBlock] = field(default_factory=list)


@dataclass
class AssessmentDetail:
    assessment: SelfAssessment
    stages: list[StageBlock]
    score: Decimal | None
    level: str
    threshold: Decimal
    bands: list[tuple[Decimal, str]]
    points: list[ItemRow]
    items: list[ItemRow]
    scored: int
    total: int
    weighted: bool

    @property
    def complete(self) -> bool:
        return self.scored == self.total

    @property
    def band_rows(self) -> list[tuple[str, Decimal, Decimal]]:
        """(label, from, to) for each level, to explain the scale."""
        ordered = sorted(self.bands)
        return [
            (
                label,
                lower,
                ordered[index + 1][0] - Decimal("0.1")
                if index + 1 < len(ordered)
                else Decimal(100),
            )
            for index, (lower, label) in enumerate(ordered)
        ]


@dataclass
class AssessmentSummary:
    """What reports show of the self-assessment made in a strategy's aprestamiento."""

    year: int
    score: Decimal
    level: str
    threshold: Decimal
    points_to_strengthen: list[str]
    stages: list[tuple[str, Decimal]]
    categories: list[tuple[str, str, Decimal]]

    def as_dict(self) -> dict:
        """JSON-ready (scores as numbers with one decimal)."""
        return {
            "year": self.year,
            "score": float(self.score),
            "level": self.level,
            "threshold": float(self.threshold),
            "points_to_strengthen": list(self.points_to_strengthen),
            "stages": [{"name": name, "score": float(score)} for name, score in self.stages],
            "categories": [
                {"stage": stage, "name": name, "score": float(score)}
                for stage, name, score in self.categories
            ],
        }


def assessment_queryset() -> QuerySet[SelfAssessment]:
    return SelfAssessment.objects.select_related("template", "entity")


def assessment_get(*, entity: Entity | None, year: int) -> SelfAssessment:
    """Raises SelfAssessment.DoesNotExist when the entity has none for that year."""
    return assessment_queryset().get(entity=entity, year=year)


def assessment_years(*, entity: Entity | None) -> list[int]:
    return list(
        SelfAssessment.objects.filter(entity=entity)
        .order_by("-year")
        .values_list("year", flat=True)
    )


def template_list() -> QuerySet[AssessmentTemplate]:
    return AssessmentTemplate.objects.annotate(
        item_count=Count("items", distinct=True),
        assessment_count=Count("assessments", distinct=True),
    ).order_by("name")


def _bands(template_ids) -> dict[int, list[tuple[Decimal, str]]]:
    bands: dict[int, list[tuple[Decimal, str]]] = defaultdict(list)
    for template_id, lower, label in ScoreBand.objects.filter(
        template_id__in=template_ids
    ).values_list("template_id", "lower", "label"):
        bands[template_id].append((lower, label))
    return bands


def _tree(rows) -> ScoreTree:
    return score_tree(
        [ScoredItem(stage, category, score, weight) for stage, category, score, weight in rows]
    )


def assessment_detail(*, assessment: SelfAssessment) -> AssessmentDetail:
    """Every item with its score and the scores of the parts, in two queries."""
    rows = list(
        assessment.scores.select_related("item", "activity__strategy").order_by("item__number")
    )
    bands = _bands([assessment.template_id])[assessment.template_id]
    threshold = assessment.template.threshold
    tree = _tree((r.item.stage, r.item.category, r.score, r.item.weight) for r in rows)
    item_rows = [ItemRow(r, r.score is not None and r.score < threshold) for r in rows]
    by_category: dict[tuple[str, str], list[ItemRow]] = defaultdict(list)
    for row in item_rows:
        by_category[(row.score.item.stage, row.score.item.category)].append(row)
    stages = [
        StageBlock(
            name=stage.name,
            score=stage.score,
            scored=stage.scored,
            total=stage.total,
            categories=[
                CategoryBlock(
                    stage=stage.name,
                    name=category.name,
                    score=category.score,
                    scored=category.scored,
                    total=category.total,
                    items=by_category[(stage.name, category.name)],
                )
                for category in stage.categories
            ],
        )
        for stage in tree.stages
    ]
    return AssessmentDetail(
        assessment=assessment,
        stages=stages,
        score=tree.score,
        level=level_for(tree.score, bands),
        threshold=threshold,
        bands=sorted(bands),
        points=[row for row in item_rows if row.weak],
        items=item_rows,
        scored=tree.scored,
        total=tree.total,
        weighted=tree.weighted,
    )


def self_assessment_for_strategy(*, strategy: Strategy) -> AssessmentSummary | None:
    """The assessment made in the strategy's aprestamiento: the entity's of the year before.

    None when there is none, or when none of its items is scored yet. Three queries at most.
    """
    assessment = (
        SelfAssessment.objects.select_related("template")
        .filter(entity_id=strategy.entity_id, year=strategy.year - 1)
        .first()
    )
    if assessment is None:
        return None
    rows = list(
        assessment.scores.order_by("item__number").values_list(
            "item__stage", "item__category", "score", "item__weight", "item__text"
        )
    )
    tree = _tree(row[:4] for row in rows)
    if tree.score is None:
        return None
    threshold = assessment.template.threshold
    bands = _bands([assessment.template_id])[assessment.template_id]
    return AssessmentSummary(
        year=assessment.year,
        score=tree.score,
        level=level_for(tree.score, bands),
        threshold=threshold,
        points_to_strengthen=[
            text for _s, _c, score, _w, text in rows if score is not None and score < threshold
        ],
        stages=[(stage.name, stage.score) for stage in tree.stages if stage.score is not None],
        categories=[
            (category.stage, category.name, category.score)
            for category in tree.categories
            if category.score is not None
        ],
    )


@dataclass
class ComparisonRow:
    stage: str
    category: str
    scores: list[Decimal | None]


@dataclass
class Comparison:
    """Each category's score per year; categories match across years by stage and name."""

    years: list[int]
    overall: list[Decimal | None]
    levels: list[str]
    rows: list[ComparisonRow]


def assessment_comparison(*, entity: Entity | None) -> Comparison:
    """Year-to-year scores per category, oldest year first, in three queries."""
    assessments = list(
        SelfAssessment.objects.filter(entity=entity)
        .order_by("year")
        .values_list("pk", "year", "template_id")
    )
    rows_by_assessment: dict[int, list] = defaultdict(list)
    for assessment_id, stage, category, score, weight in (
        ItemScore.objects.filter(assessment_id__in=[pk for pk, _y, _t in assessments])
        .order_by("assessment_id", "item__number")
        .values_list("assessment_id", "item__stage", "item__category", "score", "item__weight")
    ):
        rows_by_assessment[assessment_id].append((stage, category, score, weight))
    bands = _bands({template_id for _pk, _year, template_id in assessments}) if assessments else {}
    years, overall, levels = [], [], []
    table: dict[tuple[str, str], ComparisonRow] = {}
    order: list[tuple[str, str]] = []
    for column, (pk, year, template_id) in enumerate(assessments):
        tree = _tree(rows_by_assessment[pk])
        years.append(year)
        overall.append(tree.score)
        levels.append(level_for(tree.score, bands.get(template_id, [])))
        for category in tree.categories:
            key = (normalise_words(category.stage), normalise_words(category.name))
            if key not in table:
                table[key] = ComparisonRow(category.stage, category.name, [None] * len(assessments))
                order.append(key)
            table[key].scores[column] = category.score
    return Comparison(years=years, overall=overall, levels=levels, rows=[table[k] for k in order])


def template_sheet(*, template: AssessmentTemplate) -> AssessmentSheet:
    """A template as a spreadsheet holds it: its rows, without scores."""
    return AssessmentSheet(
        rows=[
            AssessmentRow(
                row=item.number + 1,
                stage=item.stage,
                category=item.category,
                text=item.text,
                weight=item.weight,
            )
            for item in template.items.order_by("number")
        ],
        threshold=template.threshold,
        bands=sorted(template.bands.values_list("lower", "label")),
    )


def assessment_sheet(*, detail: AssessmentDetail) -> AssessmentSheet:
    """A filled assessment in the template's layout, for the XLSX export."""
    return AssessmentSheet(
        rows=[
            AssessmentRow(
                row=row.number + 1,
                stage=row.score.item.stage,
                category=row.score.item.category,
                text=row.text,
                weight=row.score.item.weight,
                score=row.value,
                note=row.score.note,
                evidence=row.score.evidence,
            )
            for row in detail.items
        ],
        threshold=detail.threshold,
        bands=detail.bands,
    )


def point_offices(*, entity: Entity, user: User) -> tuple[list[Office], Office | None]:
    """Offices that may take a point to strengthen, and the one suggested (the user's own)."""
    offices = list(Office.objects.filter(entity=entity, is_active=True).order_by("name"))
    own = user.offices.filter(entity=entity, is_active=True).order_by("name").first()
    return offices, own


def assessment_as_json(detail: AssessmentDetail) -> dict:
    """`rendicion self_assessment YYYY --json`: deterministic, scores as numbers (one decimal)."""

    def number(value: Decimal | None) -> float | None:
        return None if value is None else float(value)

    return {
        "year": detail.assessment.year,
        "template": detail.assessment.template.name,
        "score": number(detail.score),
        "level": detail.level,
        "threshold": number(detail.threshold),
        "scored": detail.scored,
        "total": detail.total,
        "points_to_strengthen": [row.text for row in detail.points],
        "stages": [
            {
                "name": stage.name,
                "score": number(stage.score),
                "categories": [
                    {"name": category.name, "score": number(category.score)}
                    for category in stage.categories
                ],
            }
            for stage in detail.stages
        ],
        "items": [
            {
                "number": row.number,
                "stage": row.score.item.stage,
                "category": row.score.item.category,
                "text": row.text,
                "score": row.value,
                "activity": row.score.activity.number if row.score.activity else None,
            }
            for row in detail.items
        ],
    }
