"""How a self-assessment is scored: pure functions over item scores, no database.

- A category's score is the average of its scored items; a stage's, the average of its categories;
  the overall score, the average of the stages ("the average of the parts").
- When the template gives weights, each part weighs the sum of the weights of its scored items,
  so every level is the weighted average of the items below it.
- Items not scored yet are left out; a part with nothing scored has no score.
- Values are exact until shown: they are rounded once, half-up, to one decimal.
- The level is the band with the highest lower bound not above the rounded score.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

ONE_DECIMAL = Decimal("0.1")


def round_score(value: Fraction | Decimal | int) -> Decimal:
    """Half-up to one decimal, from the exact value (92.95 → 93.0, 92.9166… → 92.9)."""
    value = Fraction(value)
    with localcontext() as context:
        context.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return exact.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def level_for(score: Decimal | None, bands: Iterable[tuple[Decimal, str]]) -> str:
    """The label of the band the score falls in ("" without a score or bands)."""
    if score is None:
        return ""
    label = ""
    for lower, band_label in sorted(bands, key=lambda band: band[0]):
        if lower <= score:
            label = band_label
    return label


@dataclass(frozen=True)
class ScoredItem:
    stage: str
    category: str
    score: int | None
    weight: Decimal | None = None


@dataclass
class _Part:
    name: str
    value: Fraction | None = None
    weight: Fraction = Fraction(0)
    scored: int = 0
    total: int = 0

    @property
    def score(self) -> Decimal | None:
        return None if self.value is None else round_score(self.value)


@dataclass
class CategoryScore(_Part):
    stage: str = ""


@dataclass
class StageScore(_Part):
    categories: list[CategoryScore] = field(default_factory=list)


@dataclass
class ScoreTree:
    stages: list[StageScore]
    value: Fraction | None
    scored: int
    total: int
    weighted: bool

    @property
    def score(self) -> Decimal | None:
        return None if self.value is None else round_score(self.value)

    @property
    def categories(self) -> list[CategoryScore]:
        return [category for stage in self.stages for category in stage.categories]


def _combine(parts: Sequence[_Part], weighted: bool) -> tuple[Fraction | None, Fraction]:
    """The average of the parts that have a value, and the weight the whole carries upwards."""
    scored = [part for part in parts if part.value is not None]
    if not scored:
        return None, Fraction(0)
    if weighted:
        total = sum((part.weight for part in scored), Fraction(0))
        return sum((part.value * part.weight for part in scored), Fraction(0)) / total, total
    return sum((part.value for part in scored), Fraction(0)) / len(scored), Fraction(1)


def score_tree(items: Sequence[ScoredItem]) -> ScoreTree:
    """Category, stage and overall scores; stages and categories keep the items' order."""
    weighted = any(item.weight is not None for item in items)
    stages: dict[str, StageScore] = {}
    categories: dict[tuple[str, str], CategoryScore] = {}
    members: dict[tuple[str, str], list[_Part]] = {}
    for item in items:
        stage = stages.setdefault(item.stage, StageScore(item.stage))
        key = (item.stage, item.category)
        if key not in categories:
            categories[key] = CategoryScore(item.category, stage=item.stage)
            stage.categories.append(categories[key])
            members[key] = []
        category = categories[key]
        category.total += 1
        stage.total += 1
        if item.score is not None:
            weight = Fraction(item.weight) if (weighted and item.weight is not None) else 1
            members[key].append(_Part("", Fraction(item.score), Fraction(weight)))
            category.scored += 1
            stage.scored += 1
    for key, category in categories.items():
        category.value, category.weight = _combine(members[key], weighted)
    for stage in stages.values():
        stage.value, stage.weight = _combine(stage.categories, weighted)
    value, _weight = _combine(list(stages.values()), weighted)
    return ScoreTree(
        stages=list(stages.values()),
        value=value,
        scored=sum(stage.scored for stage in stages.values()),
        total=len(items),
        weighted=weighted,
    )
