"""Geometry of the year-to-year comparison chart (an SVG drawn by the template; no database).

The chart only repeats the table printed next to it, which is what assistive technology reads.
Colours keep at least 3:1 against white (WCAG 1.4.11); the text is black.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from .selectors import Comparison

PALETTE = ["#004884", "#a34f00", "#1e6b34", "#6a1b9a", "#4a4a4a"]
WIDTH = 640
LEFT = 48  # room for the year beside each bar
PLOT = 500  # pixels for 0–100
BAR = 16
GAP = 4
LABEL = 22  # the category's name above its bars
GROUP_GAP = 14
TOP = 36  # legend
MAX_YEARS = len(PALETTE)


@dataclass
class Bar:
    y: int
    width: float
    color: str
    year: int
    value: Decimal | None

    @property
    def text_y(self) -> int:
        return self.y + BAR - 3

    @property
    def value_x(self) -> float:
        return LEFT + self.width + 6


@dataclass
class Group:
    label: str
    label_y: int
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Chart:
    height: int
    groups: list[Group]
    legend: list[tuple[int, str, int]]  # (x, colour, year)
    ticks: list[tuple[float, int]]  # (x, value)
    axis_y: int = 0  # where the bars end and the scale is written
    width: int = WIDTH
    left: int = LEFT
    plot: int = PLOT
    bar: int = BAR


def comparison_chart(comparison: Comparison) -> Chart | None:
    """Grouped horizontal bars: one group per category, one bar per year (the latest years)."""
    if not comparison.years or not comparison.rows:
        return None
    columns = list(range(len(comparison.years)))[-MAX_YEARS:]
    groups, y = [], TOP
    for row in comparison.rows:
        group = Group(label=f"{row.stage} · {row.category}", label_y=y + 14)
        y += LABEL
        for color, column in zip(PALETTE, columns, strict=False):
            value = row.scores[column]
            width = 0.0 if value is None else round(float(value) * PLOT / 100, 1)
            group.bars.append(Bar(y, width, color, comparison.years[column], value))
            y += BAR + GAP
        groups.append(group)
        y += GROUP_GAP
    legend = [
        (LEFT + index * 90, color, comparison.years[column])
        for index, (color, column) in enumerate(zip(PALETTE, columns, strict=False))
    ]
    ticks = [(LEFT + value * PLOT / 100, value) for value in range(0, 101, 20)]
    return Chart(height=y + 28, groups=groups, legend=legend, ticks=ticks, axis_y=y)
