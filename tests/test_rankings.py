import collections
import itertools
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import strategies
from policegrades.rankings import default_order


def _by_effectiveness(inspection: pg.Inspection) -> int:
    grade = inspection.grade("effectiveness")
    assert grade is not None
    return grade.rank


def test_the_2016_effectiveness_league_table() -> None:
    table = pg.rank(pg.fixtures.peel_2016_effectiveness(), key=_by_effectiveness)
    by_force = {e.inspection.force.short_name: e.rank for e in table}
    assert by_force["Durham"] == 1
    assert by_force["Cleveland"] == 2
    assert by_force["Bedfordshire"] == 43
    assert collections.Counter(e.rank for e in table) == {1: 1, 2: 28, 30: 13, 43: 1}
    ranks = [e.rank for e in table if e.rank is not None]
    assert ranks == sorted(ranks)
    assert len(ranks) == 43


def test_one_pillar_alone_is_not_enough_for_the_default_order() -> None:
    table = pg.rank(pg.fixtures.peel_2016_effectiveness())
    assert {e.rank for e in table} == {None}
    assert [e.inspection.force.code for e in table] == sorted(f.code for f in pg.forces())


def test_the_whole_2016_round_ranks_every_force() -> None:
    table = pg.rank(pg.inspections(framework="2016"))
    assert all(e.rank is not None for e in table)
    assert (table[0].rank, table[0].inspection.force.short_name) == (1, "Durham")
    assert (table[-1].rank, table[-1].inspection.force.short_name) == (43, "Bedfordshire")


def test_an_inspection_known_in_part_is_listed_last_unranked() -> None:
    table = pg.rank(pg.inspections(framework="2018/19"))
    assert [(e.rank, e.inspection.force.short_name) for e in table[-2:]] == [
        (42, "Cleveland"),
        (None, "Humberside"),
    ]
    assert [e for e in table if e.rank == 42] == [table[-2]]


def test_ranks_from_published_counts_when_grades_are_missing() -> None:
    table = pg.rank(pg.inspections(framework="2021/22"))
    ranked = {e.inspection.force.short_name for e in table if e.rank is not None}
    assert "Metropolitan Police" in ranked  # six grades known, counts published
    assert "Surrey" not in ranked  # five grades known, no counts
    assert all(pg.summarise(e.inspection).complete == (e.rank is not None) for e in table)


def test_ties_are_listed_by_force_code() -> None:
    table = pg.rank(pg.fixtures.peel_2016_effectiveness(), key=_by_effectiveness)
    tied = [e.inspection.force.code for e in table if e.rank == 2]
    assert tied == sorted(tied)


def test_a_key_of_the_callers_own() -> None:
    table = pg.rank(pg.fixtures.peel_2016_effectiveness(), key=lambda i: i.force.name)
    assert [e.rank for e in table] == list(range(1, 44))
    assert table[0].inspection.force.name == "Avon and Somerset Constabulary"


def test_different_rounds_are_refused() -> None:
    with pytest.raises(pg.InvalidDataError, match="one PEEL round only"):
        pg.rank(pg.fixtures.cleveland())


def test_two_of_one_force_are_refused() -> None:
    table = pg.fixtures.peel_2016_effectiveness()
    with pytest.raises(
        pg.InvalidDataError, match=r"\[43\]: Metropolitan Police Service is already at \[0\]"
    ):
        pg.rank([*table, table[0]])


def test_non_inspections_are_refused() -> None:
    with pytest.raises(pg.InvalidDataError, match=r"\[0\]: expected an Inspection, got str"):
        pg.rank(["Cleveland"])  # type: ignore[list-item]


def test_a_key_that_is_not_a_function_is_refused() -> None:
    with pytest.raises(pg.InvalidDataError, match="key: expected a function of an inspection"):
        pg.rank(pg.fixtures.peel_2016_effectiveness(), key="effectiveness")  # type: ignore[arg-type]


def test_nothing_to_rank_is_an_empty_table() -> None:
    assert pg.rank([]) == ()


leagues = strategies.frameworks().flatmap(
    lambda peel: st.lists(
        strategies.inspections(peel), max_size=8, unique_by=lambda i: i.force.code
    )
)


@given(leagues, st.randoms())
def test_rank_does_not_depend_on_the_input_order(
    inspections: list[pg.Inspection], random: Random
) -> None:
    shuffled = list(inspections)
    random.shuffle(shuffled)
    assert pg.rank(shuffled) == pg.rank(inspections)


@given(leagues)
def test_ranks_are_standard_competition_ranks(inspections: list[pg.Inspection]) -> None:
    table = pg.rank(inspections)
    assert len(table) == len(inspections)
    keys = [default_order(e.inspection) for e in table]
    placed = [key for key in keys if key is not None]
    for entry, key in zip(table, keys, strict=True):
        if key is None:
            assert entry.rank is None
        else:
            assert entry.rank == 1 + sum(other < key for other in placed)
    ranked = [e for e in table if e.rank is not None]
    assert table[: len(ranked)] == tuple(ranked)  # the unranked come last
    for a, b in itertools.pairwise(ranked):
        assert (a.rank == b.rank) == (default_order(a.inspection) == default_order(b.inspection))


def test_fewest_inadequate_first_then_fewest_requires_improvement() -> None:
    cleveland = pg.fixtures.cleveland()
    before, after = default_order(cleveland[5]), default_order(cleveland[6])
    assert before == (2, 3, 4, 1, 0)
    assert after == (0, 2, 2, 4, 0)
    assert after < before
