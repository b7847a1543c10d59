"""Small-count suppression: the one rule for every aggregate that open data publishes.

No published cell may describe fewer than 5 people (DESIGN.md section 2). A table is a set of
cells (counts of people) and of lines: equations `sum(parts) == total` that a reader knows, such
as "the sexes of a space add up to its attendance" or "the spaces add up to the year". A count
from 1 to 4 is shown as `<5` (primary suppression; 0 describes nobody and is shown, unless it is
needed to protect another cell: then it is shown as `<5` too, which is true). A reader who knows
the rule knows that a `<5` cell lies in 0..4 and that a cell hidden to protect another
(secondary suppression, shown as `reservado`) is at least 5. Subtracting the published cells of a
line from its total bounds the hidden ones; doing so line after line, as long as any bound
tightens, is the attack. Secondary suppression hides more cells until no `<5` cell is pinned
to a single value by that attack.
"""

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

THRESHOLD = 5
SMALL = "<5"
RESERVED = "reservado"
MISSING_VALUES = ("", SMALL, RESERVED)
INFINITY = float("inf")


@dataclass(frozen=True)
class Line:
    """What a reader knows: the parts add up to the total."""

    parts: tuple[Hashable, ...]
    total: Hashable


@dataclass
class Protected:
    """The cells as published: the count, or SMALL / RESERVED."""

    values: dict[Hashable, int]
    primary: set[Hashable] = field(default_factory=set)
    secondary: set[Hashable] = field(default_factory=set)

    def shown(self, key: Hashable) -> int | str:
        if key in self.primary:
            return SMALL
        if key in self.secondary:
            return RESERVED
        return self.values[key]

    def hidden(self, key: Hashable) -> bool:
        return key in self.primary or key in self.secondary


def _bounds(
    values: Mapping[Hashable, int], primary: set[Hashable], secondary: set[Hashable]
) -> dict[Hashable, list[float]]:
    bounds: dict[Hashable, list[float]] = {}
    for key, value in values.items():
        if key in primary:
            bounds[key] = [0, THRESHOLD - 1]
        elif key in secondary:
            bounds[key] = [THRESHOLD, INFINITY]
        else:
            bounds[key] = [value, value]
    return bounds


def reader_bounds(
    values: Mapping[Hashable, int],
    lines: Iterable[Line],
    primary: set[Hashable],
    secondary: set[Hashable],
) -> dict[Hashable, tuple[float, float]]:
    """The tightest bounds a reader gets by subtracting along the lines until nothing changes."""
    lines = list(lines)
    bounds = _bounds(values, primary, secondary)
    hidden = primary | secondary
    relevant = [line for line in lines if hidden & ({line.total, *line.parts})]
    changed = True
    while changed:
        changed = False
        for line in relevant:
            lows = [bounds[part][0] for part in line.parts]
            highs = [bounds[part][1] for part in line.parts]
            # Sums of finite highs and how many are unbounded: inf - inf would be NaN.
            unbounded = sum(high == INFINITY for high in highs)
            finite_high = sum(high for high in highs if high != INFINITY)
            low_sum = sum(lows)
            high_sum = INFINITY if unbounded else finite_high
            total = bounds[line.total]
            # The total lies between the sums of its parts' bounds.
            new_total = [max(total[0], low_sum), min(total[1], high_sum)]
            if new_total != total:
                bounds[line.total] = new_total
                total = new_total
                changed = True
            for index, part in enumerate(line.parts):
                if part not in hidden:
                    continue
                others_low = low_sum - lows[index]
                if highs[index] == INFINITY:
                    others_high = INFINITY if unbounded > 1 else finite_high
                else:
                    others_high = INFINITY if unbounded else finite_high - highs[index]
                low = max(bounds[part][0], total[0] - others_high)
                high = min(bounds[part][1], total[1] - others_low)
                if [low, high] != bounds[part]:
                    bounds[part] = [low, high]
                    changed = True
    return {key: (low, high) for key, (low, high) in bounds.items()}


def recoverable(
    values: Mapping[Hashable, int],
    lines: Iterable[Line],
    primary: set[Hashable],
    secondary: set[Hashable],
) -> list[Hashable]:
    """The small counts (`<5`) whose value a reader can work out exactly. A cell hidden only to
    protect them may be narrowed down: it describes 5 people or more, and what it lets a reader
    learn of the small ones is already in their bounds."""
    bounds = reader_bounds(values, lines, primary, secondary)
    return [key for key in primary if values[key] and bounds[key][0] == bounds[key][1]]


def _complement(
    line: Line, values: Mapping[Hashable, int], hidden: set[Hashable]
) -> Hashable | None:
    """The published cell of the line that hides the least: the smallest positive part, else
    the total, else a zero (shown as `<5`, which it is)."""
    parts = [p for p in line.parts if p not in hidden and values[p] > 0]
    if parts:
        return min(parts, key=lambda p: (values[p], str(p)))
    if line.total not in hidden and values[line.total] > 0:
        return line.total
    zeros = [p for p in line.parts if p not in hidden]
    return min(zeros, key=str) if zeros else None


def suppress(values: Mapping[Hashable, int], lines: Iterable[Line] = ()) -> Protected:
    """Hides every count of 1 to 4 and as many others as needed so that none can be worked out.

    Every part and total of a line must be a key of `values`.
    """
    lines = list(dict.fromkeys(lines))
    values = dict(values)
    for line in lines:
        missing = [key for key in (*line.parts, line.total) if key not in values]
        if missing:
            raise KeyError(f"a line names cells that are not in the table: {missing[:3]}")
    primary = {key for key, value in values.items() if 0 < value < THRESHOLD}
    secondary: set[Hashable] = set()
    while True:
        exposed = set(recoverable(values, lines, primary, secondary))
        if not exposed:
            break
        added = None
        # Protect through the line that holds an exposed cell and still has something to hide.
        for line in lines:
            if exposed & {line.total, *line.parts}:
                added = _complement(line, values, primary | secondary)
                if added is not None:
                    break
        if added is None:
            # Nothing left to hide in any line around them: hide the smallest published cell.
            rest = {k for k in values if k not in primary | secondary}
            if not rest:
                break
            added = min(rest, key=lambda k: (values[k], str(k)))
        if values[added] == 0:
            primary.add(added)  # a zero is shown as `<5`: true, and it hides what it must
        else:
            secondary.add(added)
    # The greedy choice may have hidden more than needed (a total a reader can add up anyway):
    # publish again, largest first, every complementary cell that protects nothing.
    for key in sorted(secondary, key=lambda k: (-values[k], str(k))):
        secondary.discard(key)
        if recoverable(values, lines, primary, secondary):
            secondary.add(key)
    return Protected(values, primary, secondary)


def table_lines(
    rows: Iterable[Hashable],
    columns: Iterable[Hashable],
    *,
    row_total,
    column_total,
    grand_total,
    cell=lambda row, column: (row, column),
) -> list[Line]:
    """The lines of a two-way table with margins: each row adds up to its total, each column to
    its total, and both margins to the grand total. Cells are keyed cell(row, column); the
    totals row_total(row), column_total(column) and grand_total."""
    rows, columns = list(rows), list(columns)
    lines = [Line(tuple(cell(r, c) for c in columns), row_total(r)) for r in rows]
    lines += [Line(tuple(cell(r, c) for r in rows), column_total(c)) for c in columns]
    lines.append(Line(tuple(row_total(r) for r in rows), grand_total))
    lines.append(Line(tuple(column_total(c) for c in columns), grand_total))
    return lines
