"""Small-count suppression: no published cell describes fewer than 5 people, and no `<5` cell
can be worked out by subtracting from a row or column total."""

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rendicion.opendata.suppression import (
    RESERVED,
    SMALL,
    Line,
    recoverable,
    suppress,
    table_lines,
)

R, C, G = "fila", "columna", "total"


def _table(grid: list[list[int]]):
    """A two-way table with its margins, keyed as `table_lines` names them."""
    rows, columns = range(len(grid)), range(len(grid[0]))
    values = {(r, c): grid[r][c] for r in rows for c in columns}
    values |= {(R, r): sum(grid[r]) for r in rows}
    values |= {(C, c): sum(grid[r][c] for r in rows) for c in columns}
    values[G] = sum(values[(R, r)] for r in rows)
    lines = table_lines(
        rows,
        columns,
        row_total=lambda r: (R, r),
        column_total=lambda c: (C, c),
        grand_total=G,
    )
    return values, lines


def _shown(values, lines):
    protected = suppress(values, lines)
    return protected, {key: protected.shown(key) for key in values}


def _feasible_values(values, lines, shown, key):
    """Every value the hidden cell `key` can take in a table that publishes the same cells and
    satisfies every line: brute force over the hidden inner cells (the margins follow from
    them), independent of the module."""
    inner = [k for k in values if isinstance(k[0], int)]
    hidden = [k for k in inner if shown[k] in (SMALL, RESERVED)]
    # A hidden cell of 5 or more has no upper bound; the true values plus 3 leave room for
    # every other value a `<5` cell could take.
    top = max(values.values()) + 4
    ranges = [range(0, 5) if shown[k] == SMALL else range(5, top + 1) for k in hidden]

    def fits(cell, value):
        if shown[cell] == SMALL:
            return value < 5
        if shown[cell] == RESERVED:
            return value >= 5
        return value == shown[cell]

    found = set()
    for guess in itertools.product(*ranges):
        table = {k: shown[k] for k in inner if k not in hidden}
        table.update(zip(hidden, guess, strict=True))
        for line in lines:  # inner lines first in table_lines, then the margins' own lines
            if line.total not in table:
                table[line.total] = sum(table[p] for p in line.parts)
        if all(fits(cell, table[cell]) for cell in values) and all(
            sum(table[p] for p in line.parts) == table[line.total] for line in lines
        ):
            found.add(table[key])
            if len(found) > 1:
                break
    return found


def test_a_count_under_five_is_shown_as_less_than_five():
    values, lines = _table([[3, 10], [12, 20]])
    _protected, shown = _shown(values, lines)
    assert shown[(0, 0)] == SMALL
    assert all(v != 3 for v in shown.values() if isinstance(v, int) and v < 5 and v > 0)


def test_four_people_alone_in_their_cells_cannot_be_told_apart():
    values, lines = _table([[1, 1], [1, 1]])
    protected, shown = _shown(values, lines)
    assert set(shown.values()) == {SMALL}
    assert not recoverable(values, lines, protected.primary, protected.secondary)


def test_zero_describes_nobody_and_is_published():
    values, lines = _table([[0, 10], [12, 20]])
    _protected, shown = _shown(values, lines)
    assert shown[(0, 0)] == 0 and shown[G] == 42


def test_a_small_count_cannot_be_recovered_from_its_row_and_column_totals():
    values, lines = _table([[3, 6, 5], [7, 8, 5]])
    _protected, shown = _shown(values, lines)
    assert shown[(0, 0)] == SMALL
    # Its row and its column each hide at least one more cell.
    assert sum(shown[(0, c)] in (SMALL, RESERVED) for c in range(3)) >= 2
    assert sum(shown[(r, 0)] in (SMALL, RESERVED) for r in range(2)) >= 2
    assert _feasible_values(values, lines, shown, (0, 0)) != {3}


def test_two_ones_in_a_row_are_protected_even_though_both_are_hidden():
    # Row total 2 would say "both are 1": the row total itself is under 5 and hidden, and the
    # column totals must not give them away either.
    values, lines = _table([[1, 1], [9, 8]])
    protected, shown = _shown(values, lines)
    assert not recoverable(values, lines, protected.primary, protected.secondary)
    assert len(_feasible_values(values, lines, shown, (0, 0))) > 1


def test_a_line_naming_an_unknown_cell_is_a_programming_error():
    try:
        suppress({"a": 1}, [Line(("a", "b"), "a")])
    except KeyError as error:
        assert "b" in str(error)
    else:
        raise AssertionError("expected a KeyError")


small_grids = st.integers(1, 3).flatmap(
    lambda rows: st.integers(1, 3).flatmap(
        lambda columns: st.lists(
            st.lists(
                st.sampled_from([0, 0, 1, 2, 3, 4, 5, 6, 9, 15]), min_size=columns, max_size=columns
            ),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_grids)
def test_no_published_cell_describes_one_to_four_people(grid):
    values, lines = _table(grid)
    _protected, shown = _shown(values, lines)
    for key, value in values.items():
        if 0 < value < 5:
            assert shown[key] == SMALL, (key, value)
        elif shown[key] == SMALL:
            assert value == 0, (key, value)
        elif shown[key] != RESERVED:
            assert shown[key] == value


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_grids)
def test_no_line_hides_exactly_one_cell(grid):
    """One hidden cell in a line is recovered by plain subtraction from the line's total."""
    values, lines = _table(grid)
    _protected, shown = _shown(values, lines)
    for line in lines:
        cells = [*line.parts, line.total]
        hidden = [k for k in cells if shown[k] == SMALL and values[k] > 0]
        if hidden:
            assert sum(shown[k] in (SMALL, RESERVED) for k in cells) != 1, line


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(1, 2).flatmap(
        lambda rows: st.lists(
            st.lists(st.sampled_from([0, 1, 2, 3, 4, 5, 7]), min_size=2, max_size=2),
            min_size=rows,
            max_size=rows,
        )
    )
)
def test_no_small_count_has_a_single_value_in_the_tables_a_reader_can_rebuild(grid):
    """Every table consistent with what is published and with the lines, found by brute force:
    each `<5` cell takes more than one value across them."""
    values, lines = _table(grid)
    _protected, shown = _shown(values, lines)
    for key in values:
        if shown[key] == SMALL and values[key] > 0:
            assert len(_feasible_values(values, lines, shown, key)) > 1, (key, shown)
