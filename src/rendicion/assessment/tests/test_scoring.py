"""How scores add up: averages of the parts, weights, unscored items, rounding and levels."""

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from rendicion.assessment.scoring import ScoredItem, level_for, round_score, score_tree

BANDS = [(Decimal("0"), "Inicial"), (Decimal("60"), "Intermedio"), (Decimal("80"), "Avanzado")]


def test_each_level_is_the_average_of_its_parts_not_of_all_items():
    tree = score_tree(
        [
            ScoredItem("A", "x", 100),
            ScoredItem("A", "x", 80),  # category x: 90
            ScoredItem("A", "y", 60),  # category y: 60 → stage A: 75
            ScoredItem("B", "z", 100),  # stage B: 100
        ]
    )
    assert [(c.name, c.score) for c in tree.categories] == [
        ("x", Decimal("90.0")),
        ("y", Decimal("60.0")),
        ("z", Decimal("100.0")),
    ]
    assert [(s.name, s.score) for s in tree.stages] == [
        ("A", Decimal("75.0")),
        ("B", Decimal("100.0")),
    ]
    # The average of the stages (87.5), not of the four items (85).
    assert tree.score == Decimal("87.5")


def test_with_weights_each_part_weighs_the_sum_of_its_item_weights():
    tree = score_tree(
        [
            ScoredItem("A", "x", 100, Decimal("3")),
            ScoredItem("A", "y", 60, Decimal("1")),
            ScoredItem("B", "z", 50, Decimal("4")),
        ]
    )
    assert tree.weighted
    assert [s.score for s in tree.stages] == [Decimal("90.0"), Decimal("50.0")]
    assert tree.score == Decimal("70.0")  # (100·3 + 60·1 + 50·4) / 8


def test_unscored_items_are_left_out_and_an_empty_part_has_no_score():
    tree = score_tree(
        [ScoredItem("A", "x", 80), ScoredItem("A", "x", None), ScoredItem("B", "y", None)]
    )
    assert [(s.name, s.score, s.scored, s.total) for s in tree.stages] == [
        ("A", Decimal("80.0"), 1, 2),
        ("B", None, 0, 1),
    ]
    assert (tree.score, tree.scored, tree.total) == (Decimal("80.0"), 1, 3)
    assert score_tree([ScoredItem("A", "x", None)]).score is None


def test_scores_are_rounded_once_half_up_from_the_exact_value():
    assert round_score(Fraction(18583, 200)) == Decimal("92.9")  # 92.915
    assert round_score(Fraction(1859, 20)) == Decimal("93.0")  # 92.95 goes up
    assert round_score(Fraction(2785, 30)) == Decimal("92.8")  # 92.8333…
    # Parts are not rounded before averaging: stage A is 92.25 (shown 92.3), B is 92, and the
    # whole is 92.125 → 92.1 (averaging the rounded parts would give 92.2).
    tree = score_tree(
        [
            *(ScoredItem("A", "x", score) for score in (92, 92, 92, 93)),
            ScoredItem("B", "y", 92),
        ]
    )
    assert [s.score for s in tree.stages] == [Decimal("92.3"), Decimal("92.0")]
    assert tree.score == Decimal("92.1")


def test_the_level_is_the_band_of_the_rounded_score():
    assert level_for(Decimal("92.9"), BANDS) == "Avanzado"
    assert level_for(Decimal("80.0"), BANDS) == "Avanzado"
    assert level_for(Decimal("79.9"), BANDS) == "Intermedio"
    assert level_for(Decimal("0"), BANDS) == "Inicial"
    assert level_for(None, BANDS) == ""
    assert level_for(Decimal("50"), []) == ""


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["A", "B", "C"]),
            st.sampled_from(["x", "y"]),
            st.one_of(st.none(), st.integers(0, 100)),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_every_score_stays_between_the_lowest_and_highest_item(rows):
    tree = score_tree([ScoredItem(stage, category, score) for stage, category, score in rows])
    scored = [score for _s, _c, score in rows if score is not None]
    if not scored:
        assert tree.score is None
        return
    assert Decimal(min(scored)) <= tree.score <= Decimal(max(scored))
    assert tree.scored == len(scored) and tree.total == len(rows)
    for stage in tree.stages:
        assert sum(c.total for c in stage.categories) == stage.total
