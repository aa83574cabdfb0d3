import collections
import itertools
from random import Random

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import strategies
from policegrades.rankings import default_order


def _order_of(table: pg.RankTable, inspection: pg.Inspection) -> tuple[int, ...] | None:
    """The order the table ranked ``inspection`` by: whole, or over the table's areas."""
    if table.areas is None:
        return default_order(inspection)
    held = {h.area.key: h.grade for h in inspection.grades}
    if any(area.key not in held for area in table.areas):
        return None
    scale = inspection.framework.scale.grades
    counts = pg.GradeCounts.of([held[area.key] for area in table.areas], scale)
    worst_first = sorted(counts)
    return (*(counts[g] for g in worst_first[:-1]), -counts[worst_first[-1]])


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


def test_a_view_of_one_pillar_is_ranked_over_that_pillar() -> None:
    view = pg.fixtures.peel_2016_effectiveness()
    table = pg.rank(view)
    assert all(e.rank is not None for e in table)
    assert (table[0].rank, table[0].inspection.force.short_name) == (1, "Durham")
    assert [a.key for a in table.areas or ()] == ["effectiveness"]
    assert table.basis == "ranked over effectiveness, the area every inspection here holds"
    # The same order as ranking the pillar's grade by its key: one area, one grade each.
    keyed = pg.rank(view, key=_by_effectiveness)
    assert [(e.rank, e.inspection) for e in table] == [(e.rank, e.inspection) for e in keyed]
    assert keyed.areas is None
    assert keyed.keyed


def test_areas_asked_for_rank_over_those_areas_alone() -> None:
    whole = pg.inspections(framework="2016")
    table = pg.rank(whole, areas=["Legitimacy"])
    assert table.basis == "ranked over legitimacy, the area asked for"
    by_force = {e.inspection.force.short_name: e.rank for e in table}
    assert by_force["Derbyshire"] == by_force["Kent"] == 1  # the two outstanding
    legitimacy = [i.grade("legitimacy") for i in whole]
    assert sum(e.rank == 1 for e in table) == legitimacy.count(pg.Grade.OUTSTANDING)
    cut = pg.rank([attrs.evolve(i, grades=[i.area_grade("legitimacy")]) for i in whole])
    assert [(e.rank, e.inspection.force) for e in table] == [
        (e.rank, e.inspection.force) for e in cut
    ]


def test_an_inspection_missing_an_area_asked_for_is_not_ranked() -> None:
    view = pg.fixtures.peel_2016_effectiveness()
    table = pg.rank([*view[:2], pg.inspection("Durham", "2016")], areas=["efficiency"])
    assert [e.rank for e in table] == [1, None, None]
    assert "efficiency: not known" in str(table)


def test_areas_must_be_graded_areas_of_the_round_named_once() -> None:
    whole = pg.inspections(framework="2016")
    with pytest.raises(pg.UnknownNameError):
        pg.rank(whole, areas=["no such area"])
    with pytest.raises(pg.InvalidDataError, match="PEEL 2016 does not grade 'Leadership'"):
        pg.rank(whole, areas=["leadership"])
    with pytest.raises(pg.InvalidDataError, match="named twice"):
        pg.rank(whole, areas=["efficiency", "Efficiency"])
    with pytest.raises(pg.InvalidDataError, match="a key or areas"):
        pg.rank(whole, key=_by_effectiveness, areas=["efficiency"])
    with pytest.raises(pg.InvalidDataError, match="areas: expected a collection"):
        pg.rank(whole, areas="efficiency")


def test_whole_inspections_are_ranked_whole_and_say_so() -> None:
    table = pg.rank(pg.inspections(framework="2023-25"))
    assert table.areas is None
    assert str(table).endswith(
        "Ranked over each inspection's graded areas, or its published counts where not all "
        "are known."
    )


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
    keys = [_order_of(table, e.inspection) for e in table]
    placed = [key for key in keys if key is not None]
    for entry, key in zip(table, keys, strict=True):
        if key is None:
            assert entry.rank is None
        else:
            assert entry.rank == 1 + sum(other < key for other in placed)
    ranked = [e for e in table if e.rank is not None]
    assert table[: len(ranked)] == tuple(ranked)  # the unranked come last
    for a, b in itertools.pairwise(ranked):
        assert (a.rank == b.rank) == (
            _order_of(table, a.inspection) == _order_of(table, b.inspection)
        )


def test_fewest_inadequate_first_then_fewest_requires_improvement() -> None:
    cleveland = pg.fixtures.cleveland()
    before, after = default_order(cleveland[5]), default_order(cleveland[6])
    assert before == (2, 3, 4, 1, 0)
    assert after == (0, 2, 2, 4, 0)
    assert after < before


def test_rank_on_the_command_line_ranks_over_areas_asked_for(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from policegrades.cli import main

    assert main(["rank", "2016", "--area", "legitimacy", "--area", "efficiency"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("Ranked over legitimacy and efficiency, the areas asked for.")
    assert "legitimacy: good; efficiency: outstanding" in out.splitlines()[1]  # Durham
    assert main(["rank", "2016", "--area", "leadership"]) == 1
    assert capsys.readouterr().err.count("\n") == 1
