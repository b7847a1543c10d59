"""A space's report (informe de cumplimiento del desarrollo y resultados), one function per section."""

from dataclasses import asdict, dataclass
from typing import Any, ClassVar

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from rendicion.commitments.selectors import commitments_for_strategy
from rendicion.participation.selectors import EvaluationStats, evaluation_stats, participation_stats
from rendicion.questions.selectors import published_answers, topics_by_space
from rendicion.spaces.models import Space

from .common import (
    MemoryItem,
    PieceItem,
    Section,
    Shares,
    SpaceSummary,
    memory_items,
    published_pieces,
    sections_json,
    space_summary_fields,
    spaces_with_counts,
)

# The order of the keys of a space report's JSON, as published since the first version.
JSON_KEYS = (
    *SpaceSummary.__dataclass_fields__,
    "year",
    "entity",
    "kind_label",
    "title_report",
    "reports_on_year",
    "purpose",
    "methodology",
    "structure",
    "views",
    "communication_pieces",
    "pieces",
    "attendances",
    "by_sex",
    "by_age_group",
    "evaluation",
    "topics_proposed",
    "topics_included",
    "answers",
    "commitments",
)


@dataclass
class OverviewSection:
    """What, when and where: the space itself, its channels and its communication pieces."""

    key: ClassVar[str] = "overview"
    space: SpaceSummary
    kind_label: str
    reports_on_year: int | None
    purpose: str
    methodology: str
    structure: list[str]
    views: int
    pieces: list[PieceItem]
    omitted: ClassVar[list[str]] = []

    def as_json(self) -> dict[str, Any]:
        return self.space.as_json() | {
            "kind_label": self.kind_label,
            "reports_on_year": self.reports_on_year,
            "purpose": self.purpose,
            "methodology": self.methodology,
            "structure": self.structure,
            "views": self.views,
            "communication_pieces": len(self.pieces),
            "pieces": [asdict(p) for p in self.pieces],
        }


@dataclass
class AttendanceSection:
    key: ClassVar[str] = "attendance"
    shares: Shares
    omitted: ClassVar[list[str]] = []

    def as_json(self) -> dict[str, Any]:
        return {
            "attendances": self.shares.attendances,
            "by_sex": Shares.share_json(self.shares.by_sex),
            "by_age_group": Shares.share_json(self.shares.by_age_group),
        }


@dataclass
class EvaluationSection:
    key: ClassVar[str] = "evaluation"
    stats: EvaluationStats
    omitted: ClassVar[list[str]] = []

    def as_json(self) -> dict[str, Any]:
        return {"evaluation": asdict(self.stats)}


@dataclass
class SpaceTopicsSection:
    key: ClassVar[str] = "topics"
    proposed: int
    included: int
    omitted: ClassVar[list[str]] = []

    def as_json(self) -> dict[str, Any]:
        return {"topics_proposed": self.proposed, "topics_included": self.included}


@dataclass
class AnswerItem:
    space: str
    space_title: str
    question: str
    answer: str
    office: str
    published_on: str | None


@dataclass
class AnswersSection:
    key: ClassVar[str] = "answers"
    items: list[AnswerItem]
    omitted: ClassVar[list[str]] = []

    def as_json(self) -> dict[str, Any]:
        return {"answers": [asdict(a) for a in self.items]}


@dataclass
class SpaceCommitmentItem:
    description: str
    office: str
    due_date: str | None
    state: str
    state_label: str
    last_progress: str


@dataclass
class SpaceCommitmentsSection:
    key: ClassVar[str] = "commitments"
    items: list[SpaceCommitmentItem]
    omitted: ClassVar[list[str]] = []

    def as_json(self) -> dict[str, Any]:
        return {"commitments": [asdict(c) for c in self.items]}


@dataclass
class MemorySection:
    """The results presented in the space, its photos and recordings."""

    key: ClassVar[str] = "memory"
    memory: MemoryItem
    is_hearing: bool
    omitted: ClassVar[list[str]] = []

    def as_json(self) -> dict[str, Any]:
        return {"memory": asdict(self.memory)} if self.memory else {}


@dataclass
class SpaceReport:
    year: int
    entity: str
    title: str
    sections: list[Section]

    kind: ClassVar[str] = "space"

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def as_json(self) -> dict[str, Any]:
        header = {"year": self.year, "entity": self.entity, "title_report": self.title}
        return sections_json(header, self.sections, JSON_KEYS)


def overview_section(space: Space) -> OverviewSection:
    return OverviewSection(
        space=SpaceSummary(**space_summary_fields(space)),
        kind_label=str(space.get_kind_display()),
        reports_on_year=space.reports_on_year,
        purpose=space.purpose,
        methodology=space.methodology,
        structure=list(space.structure),
        views=space.views_total,
        pieces=published_pieces(space),
    )


def space_topics_section(spaces: QuerySet[Space], space: Space) -> SpaceTopicsSection:
    counts = topics_by_space(spaces=spaces).get(space.pk)
    return SpaceTopicsSection(counts.proposed if counts else 0, counts.included if counts else 0)


def answers_section(spaces: QuerySet[Space]) -> AnswersSection:
    return AnswersSection(
        [
            AnswerItem(
                a.space_slug,
                a.space_title,
                a.question,
                a.answer,
                a.office,
                a.published_on.isoformat() if a.published_on else None,
            )
            for a in published_answers(spaces=spaces)
        ]
    )


def space_commitments_section(space: Space) -> SpaceCommitmentsSection:
    return SpaceCommitmentsSection(
        [
            SpaceCommitmentItem(
                description=c.description,
                office=c.office,
                due_date=c.due_date.isoformat() if c.due_date else None,
                state=c.state,
                state_label=str(c.state_label),
                last_progress=c.last_progress,
            )
            for c in commitments_for_strategy(strategy=space.strategy)
            if c.space_title == space.title
        ]
    )


def space_report(*, space: Space) -> SpaceReport:
    """The per-space report, in the seed's order of sections."""
    spaces = Space.objects.filter(pk=space.pk)
    space = spaces_with_counts(spaces).get()
    return SpaceReport(
        year=space.strategy.year,
        entity=space.strategy.entity.name,
        title=_("Informe de cumplimiento del desarrollo y resultados: %(title)s")
        % {"title": space.title},
        sections=[
            overview_section(space),
            MemorySection(memory_items([space])[space.pk], space.kind == "hearing"),
            AttendanceSection(Shares.of(participation_stats(spaces=spaces))),
            EvaluationSection(evaluation_stats(spaces=spaces)),
            space_topics_section(spaces, space),
            answers_section(spaces),
            space_commitments_section(space),
        ],
    )
