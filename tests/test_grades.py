import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import Grade, Scale, strategies


def test_grades_are_ordered_worse_to_better() -> None:
    assert sorted(Grade) == [
        Grade.INADEQUATE,
        Grade.REQUIRES_IMPROVEMENT,
        Grade.ADEQUATE,
        Grade.GOOD,
        Grade.OUTSTANDING,
    ]


def test_labels_are_the_inspectorates_words() -> None:
    assert [str(g) for g in Grade] == [
        "outstanding",
        "good",
        "adequate",
        "requires improvement",
        "inadequate",
    ]
    assert Grade.REQUIRES_IMPROVEMENT.label == "requires improvement"


@pytest.mark.parametrize(
    "text",
    [
        "requires improvement",
        "Requires Improvement",
        "REQUIRES_IMPROVEMENT",
        "requires-improvement",
        "  requires   improvement ",
        "RI",
        "ri",
    ],
)
def test_parse_accepts_usual_spellings(text: str) -> None:
    assert Grade.parse(text) is Grade.REQUIRES_IMPROVEMENT


@pytest.mark.parametrize("text", ["excellent", "", "good-ish", "requires", 3, None])
def test_parse_refuses_unknown_text_naming_the_grades(text: object) -> None:
    with pytest.raises(pg.UnknownNameError) as caught:
        Grade.parse(text)
    message = str(caught.value)
    assert repr(text) in message
    assert all(g.label in message for g in Grade)
    assert caught.value.candidates == tuple(g.label for g in Grade)


def test_every_grade_has_its_official_definition() -> None:
    assert Grade.OUTSTANDING.definition.startswith("The force has substantially exceeded")
    assert Grade.INADEQUATE.definition.startswith("We have causes for concern")
    assert len({g.definition for g in Grade}) == 5


def test_scales() -> None:
    assert Grade.ADEQUATE not in Scale.FOUR_POINT
    assert Grade.ADEQUATE in Scale.FIVE_POINT
    assert "good" not in Scale.FIVE_POINT
    assert Scale.FIVE_POINT.grades == tuple(sorted(Grade, reverse=True))
    assert set(Scale.FOUR_POINT.grades) == set(Grade) - {Grade.ADEQUATE}


@given(strategies.grades())
def test_parse_reads_back_every_label(grade: Grade) -> None:
    assert Grade.parse(str(grade)) is grade
    assert Grade.parse(grade.name) is grade


@given(strategies.grades(), strategies.grades())
def test_order_is_total_and_matches_rank(a: Grade, b: Grade) -> None:
    assert (a < b) + (a == b) + (a > b) == 1
    assert (a < b) == (a.rank > b.rank)
    assert (a <= b) == (not a > b)


@given(strategies.scales(), st.lists(strategies.grades(), min_size=1))
def test_scale_lists_its_grades_best_first(scale: Scale, found: list[Grade]) -> None:
    assert list(scale.grades) == sorted(scale.grades, reverse=True)
    for grade in found:
        # Only "adequate" is missing from the four-point scale.
        assert (grade in scale) == (grade is not Grade.ADEQUATE or scale is Scale.FIVE_POINT)


@given(st.text())
def test_parse_of_any_text_gives_a_grade_or_our_error(text: str) -> None:
    with contextlib.suppress(pg.UnknownNameError):
        assert isinstance(Grade.parse(text), Grade)


def test_comparing_with_other_types_is_refused() -> None:
    with pytest.raises(TypeError):
        assert Grade.GOOD < 3
