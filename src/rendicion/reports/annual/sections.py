"""The typed sections of the annual follow-up report and the report itself.

Each section says what it holds, which keys it adds to the report's JSON (`as_json`) and which
JSON keys it leaves out for lack of records (`omitted`); `key` names its HTML partial
(templates/reports/sections/annual/<key>.html) and its DOCX writer.
"""

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

from ..common import (
    MemoryItem,
    PieceItem,
    Section,
    Shares,
    SpaceSummary,
    omitted_in_order,
    sections_json,
)

# The order of the keys of `rendicion annual_report --format json` (a contract: add, never move).
JSON_KEYS = (
    "year",
    "entity",
    "title",
    "purpose",
    "objective",
    "challenges",
    "stages",
    "team_roles",
    "activities",
    "hearings",
    "dialogues",
    "self_assessment",
    "stakeholder_groups",
    "proposed_topics",
    "questions",
    "commitments",
    "sections_omitted",
    "narratives",
)


@dataclass
class Narrated:
    """What every section may carry besides its figures: the entity's own paragraphs
    (`narrative`) and a sentence generated from the figures (`generated`)."""

    narrative: list[str] = field(default_factory=list, kw_only=True)
    generated: str = field(default="", kw_only=True)


@dataclass
class PurposeSection(Narrated):
    key: ClassVar[str] = "purpose"
    purpose: str
    omitted: ClassVar[list[str]] = []

    def as_json(self) -> dict[str, Any]:
        return {"purpose": self.purpose}


@dataclass
class StageItem:
    number: int
    name: str
    murc_stages: list[str]
    items: list[str]


@dataclass
class StageOffices:
    """Which offices lead a stage: those responsible for its activities, as the entity wrote
    them where it did («Etapas y dependencias responsables»)."""

    number: int
    name: str
    offices: list[str]


@dataclass
class StrategySection(Narrated):
    key: ClassVar[str] = "strategy"
    objective: str
    challenges: list[str]
    stages: list[StageItem]
    stage_offices: list[StageOffices] = field(default_factory=list, kw_only=True)
    omitted: ClassVar[list[str]] = []

    def as_json(self) -> dict[str, Any]:
        return {
            "objective": self.objective,
            "challenges": self.challenges,
            "stages": [asdict(s) for s in self.stages],
        }


@dataclass
class SelfAssessmentItem:
    year: int
    score: float
    level: str
    points_to_strengthen: list[str]
    points: list[str]
    stages: list[list]
    categories: list[list]


@dataclass
class NeedItem:
    topic: str
    office: str
    channel: str
    covered_by: str


@dataclass
class GroupItem:
    name: str
    description: str
    offices: list[str]
    needs: list[NeedItem]


@dataclass
class TeamRoleItem:
    name: str
    responsibilities: list[str]


@dataclass
class ReadinessSection(Narrated):
    """Aprestamiento: the self-assessment, the stakeholder groups and the leading team."""

    key: ClassVar[str] = "readiness"
    self_assessment: SelfAssessmentItem | None
    stakeholder_groups: list[GroupItem]
    team_roles: list[TeamRoleItem]

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"team_roles": [asdict(r) for r in self.team_roles]}
        if self.self_assessment is not None:
            data["self_assessment"] = asdict(self.self_assessment)
        if self.stakeholder_groups:
            data["stakeholder_groups"] = [asdict(g) for g in self.stakeholder_groups]
        return data

    @property
    def omitted(self) -> list[str]:
        return (["self_assessment"] if self.self_assessment is None else []) + (
            [] if self.stakeholder_groups else ["stakeholder_groups"]
        )


@dataclass
class ActivityItem:
    number: int
    name: str
    stage: str | None
    target: str
    evidence: str
    responsible: list[str]
    quarters: list[int]
    status: str
    status_label: str
    progress: int
    achieved: int | None
    target_quantity: int | None
    target_unit: str
    # The «Responsable» column as the entity wrote it (the office links stay in `responsible`).
    responsible_text: str = ""


@dataclass
class CronogramaSection(Narrated):
    key: ClassVar[str] = "cronograma"
    year: int
    by_status: dict[str, int]
    items: list[ActivityItem]
    omitted: ClassVar[list[str]] = []

    @property
    def total(self) -> int:
        return len(self.items)

    def as_json(self) -> dict[str, Any]:
        return {
            "activities": {
                "total": self.total,
                "by_status": self.by_status,
                "items": [asdict(a) for a in self.items],
            }
        }


@dataclass
class TopicMark:
    text: str
    included: bool


@dataclass
class HearingItem(SpaceSummary):
    reports_on_year: int | None
    views: int
    communication_pieces: int
    pieces: list[PieceItem]
    topics_proposed: int
    topics_included: int
    proposed_topics: list[TopicMark]
    memory: MemoryItem = field(default_factory=MemoryItem, kw_only=True)


@dataclass
class HearingsSection(Narrated):
    key: ClassVar[str] = "hearings"
    items: list[HearingItem]

    def as_json(self) -> dict[str, Any]:
        return {"hearings": [h.as_json() for h in self.items]}

    @property
    def omitted(self) -> list[str]:
        return [] if self.items else ["hearings"]


@dataclass
class DialogueItem(SpaceSummary):
    purpose: str
    methodology: str
    structure: list[str]
    memory: MemoryItem = field(default_factory=MemoryItem, kw_only=True)


@dataclass
class MostAttended:
    slug: str
    title: str
    attendances: int


@dataclass
class DialoguePlanning:
    purposes: list[str]
    modalities: list[str]
    durations_minutes: list[int]
    methodologies: list[str]
    structures: list[list[str]]
    venues: list[str]


@dataclass
class DialoguePlanItem:
    """The planteamiento general as the entity recorded it, with its frequency rule."""

    purposes: list[str]
    themes: list[str]
    modalities: list[str]
    duration_minutes: int | None
    methodology: list[str]
    structure: list[str]
    venues: list[str]
    min_per_quarter: int
    from_quarter: int
    frequency_rule: str


@dataclass
class QuarterItem:
    quarter: int
    required: int
    held: int
    planned: int
    ended: bool
    missing: bool


@dataclass
class DialoguesSection(Narrated):
    key: ClassVar[str] = "dialogues"
    items: list[DialogueItem]
    shares: Shares
    evaluation_forms: int
    most_attended: list[MostAttended]
    planning: DialoguePlanning
    plan: DialoguePlanItem | None = field(default=None, kw_only=True)
    plan_check: list[QuarterItem] = field(default_factory=list, kw_only=True)

    @property
    def quarters_missing(self) -> list[QuarterItem]:
        return [q for q in self.plan_check if q.missing]

    @property
    def count(self) -> int:
        return len(self.items)

    def as_json(self) -> dict[str, Any]:
        return {
            "dialogues": {
                "count": self.count,
                "attendances": self.shares.attendances,
                "evaluation_forms": self.evaluation_forms,
                "most_attended": [asdict(m) for m in self.most_attended],
                "by_sex": Shares.share_json(self.shares.by_sex),
                "by_age_group": Shares.share_json(self.shares.by_age_group),
                "planning": asdict(self.planning),
                "items": [d.as_json() for d in self.items],
                "plan": asdict(self.plan) if self.plan else None,
                "plan_check": [asdict(q) for q in self.plan_check],
            }
        }

    @property
    def omitted(self) -> list[str]:
        return [] if self.items else ["dialogues"]


@dataclass
class TopicItem:
    text: str
    state: str
    state_label: str
    office: str | None
    included_in: str | None


@dataclass
class TopicsSection(Narrated):
    """Every topic of the year counts; only the texts staff reviewed are listed (a citizen's
    text may hold personal data)."""

    key: ClassVar[str] = "proposed_topics"
    year: int
    count: int
    items: list[TopicItem]

    @property
    def pending_review(self) -> int:
        return self.count - len(self.items)

    def as_json(self) -> dict[str, Any]:
        return {
            "proposed_topics": {
                "count": self.count,
                "items": [asdict(t) for t in self.items],
                "pending_review": self.pending_review,
            }
        }

    @property
    def omitted(self) -> list[str]:
        return [] if self.count else ["proposed_topics"]


@dataclass
class SpaceLink:
    slug: str
    title: str


@dataclass
class QuestionsSection(Narrated):
    """The figures only: the answers are in each space's report and its informe de respuestas,
    so the annual report stays readable with thousands of questions."""

    key: ClassVar[str] = "questions"
    counts: dict[str, int]
    spaces: list[SpaceLink]

    def as_json(self) -> dict[str, Any]:
        return {"questions": {"counts": self.counts}}

    @property
    def omitted(self) -> list[str]:
        return [] if self.counts.get("received") else ["questions"]


@dataclass
class CommitmentItem:
    space: str
    description: str
    office: str
    due_date: str | None
    state: str
    state_label: str
    last_progress: str


@dataclass
class CommitmentsSection(Narrated):
    key: ClassVar[str] = "commitments"
    items: list[CommitmentItem]

    def as_json(self) -> dict[str, Any]:
        if not self.items:
            return {}
        by_state: dict[str, int] = {}
        for c in self.items:
            by_state[c.state] = by_state.get(c.state, 0) + 1
        return {
            "commitments": {
                "count": len(self.items),
                "by_state": by_state,
                "items": [asdict(c) for c in self.items],
            }
        }

    @property
    def omitted(self) -> list[str]:
        return [] if self.items else ["commitments"]


@dataclass
class ClosingSection(Narrated):
    """The closing page: thanks, and the entity's last word if it wrote one."""

    key: ClassVar[str] = "closing"
    entity: str
    omitted: ClassVar[list[str]] = []

    def as_json(self) -> dict[str, Any]:
        return {}


@dataclass
class AnnualReport:
    year: int
    entity: str
    title: str
    sections: list[Section]

    kind: ClassVar[str] = "annual"

    @property
    def sections_omitted(self) -> list[str]:
        return omitted_in_order(self.sections, JSON_KEYS)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def as_json(self) -> dict[str, Any]:
        header = {"year": self.year, "entity": self.entity, "title": self.title}
        data = sections_json(header, self.sections, JSON_KEYS)
        data["sections_omitted"] = self.sections_omitted
        data["narratives"] = {
            s.key: {"text": s.narrative, "generated": s.generated}
            for s in self.sections
            if s.narrative or s.generated
        }
        return data
