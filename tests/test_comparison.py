import datetime
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import Change, Grade, strategies


def _history() -> tuple[pg.Inspection, ...]:
    return pg.fixtures.cleveland()


def _changes(comparison: pg.Comparison) -> dict[str, Change]:
    return {c.area.key: c.change for c in comparison.changes}


def test_cleveland_2017_to_2018_19_declined_on_one_scale() -> None:
    comparison = pg.compare(_history()[3], _history()[4])
    assert comparison.comparable
    effectiveness = comparison.change("effectiveness")
    assert (effectiveness.before_grade, effectiveness.after_grade, effectiveness.change) == (
        Grade.GOOD,
        Grade.INADEQUATE,
        Change.DECLINED,
    )
    assert len(comparison.declined) == 5
    assert comparison.improved == ()
    assert comparison.statement is not None
    assert comparison.statement.comparable
    assert any("designed to provide a year-on-year comparison" in c for c in comparison.caveats)


def test_cleveland_2021_22_to_2023_25_cannot_be_compared_directly() -> None:
    comparison = pg.compare(_history()[5], _history()[6])
    assert not comparison.comparable
    assert comparison.statement is not None
    assert not comparison.statement.comparable
    preventing = comparison.change("preventing crime")
    assert (preventing.before_grade, preventing.after_grade, preventing.change) == (
        Grade.INADEQUATE,
        Grade.GOOD,
        Change.NOT_COMPARABLE,
    )
    assert comparison.improved == comparison.declined == ()
    for name in ("investigating crime", "protecting vulnerable people"):
        change = comparison.change(name)
        assert change.change is Change.NOT_COMPARABLE
        assert change.after_grade is Grade.REQUIRES_IMPROVEMENT
    assert comparison.change("disrupting serious organised crime").change is Change.REMOVED
    assert comparison.caveats[0].startswith(
        "The inspectorate says PEEL 2023–25 grades cannot be compared directly with PEEL 2021/22"
    )
    assert "It isn’t possible to make direct comparisons" in comparison.caveats[0]
    assert comparison.statement.source in comparison.caveats[0]


def test_renamed_areas_are_matched_and_named_in_a_caveat() -> None:
    comparison = pg.compare(_history()[5], _history()[6])
    change = comparison.change("police powers and public treatment")
    assert change.renamed
    assert change.before is not None
    assert change.before.area.key == "treatment-of-the-public"
    assert change.change is Change.NOT_COMPARABLE
    assert any("'Treatment of the public'" in c and "replaced" in c for c in comparison.caveats)
    assert any("not confirmed" in c for c in comparison.caveats)


def test_across_the_scale_change_nothing_rises_or_falls() -> None:
    comparison = pg.compare(_history()[4], _history()[5])
    assert not comparison.comparable
    assert comparison.improved == comparison.declined == ()
    preventing = comparison.change("preventing crime")
    assert preventing.change is Change.NOT_COMPARABLE
    assert "cannot be compared directly" in comparison.caveats[0]
    assert "does not necessarily mean" in comparison.caveats[0]
    assert "cannot be compared directly" in comparison.narrative()
    assert "improved" not in comparison.narrative()


def test_an_unrecorded_grade_is_not_known_not_a_rise_or_a_fall() -> None:
    comparison = pg.compare(_history()[2], _history()[3])
    change = comparison.change("protecting vulnerable people")
    assert change.before is None
    assert change.change is Change.NOT_KNOWN
    assert (change.before_held, change.after_held) == ("not known", "graded")
    assert change in comparison.not_known
    assert change not in comparison.improved + comparison.declined + comparison.not_comparable
    assert any(
        "The data does not know the PEEL 2016 grades for protecting vulnerable people" in c
        for c in comparison.caveats
    )


def test_an_ungraded_side_is_not_a_rise_or_a_fall() -> None:
    peel = pg.framework("2016")
    area = peel.area("effectiveness")

    def one(grade: Grade | None) -> pg.Inspection:
        return pg.Inspection(
            force=pg.force("Durham"),
            framework=peel,
            published=datetime.date(2017, 3, 2),
            grades=[pg.AreaGrade(area=area, grade=grade)],
        )

    assert pg.compare(one(None), one(Grade.GOOD)).changes[0].change is Change.NOT_COMPARABLE
    assert pg.compare(one(Grade.GOOD), one(None)).changes[0].change is Change.NOT_COMPARABLE
    assert pg.compare(one(None), one(None)).changes[0].change is Change.UNCHANGED


def test_two_forces_are_compared_with_a_caveat() -> None:
    table = pg.fixtures.peel_2016_effectiveness()
    comparison = pg.compare(table[12], table[7])  # Cleveland, Durham
    assert comparison.changes[0].change is Change.IMPROVED
    assert any("two forces" in c for c in comparison.caveats)


def test_derived_grades_are_named_in_the_caveats() -> None:
    caveats = pg.compare(_history()[5], _history()[6]).caveats
    assert sum("is derived" in c for c in caveats) == 2


def test_each_caveat_is_said_once() -> None:
    same = pg.compare(_history()[5], _history()[5])
    assert len(same.caveats) == len(set(same.caveats))
    assert sum("is derived" in c for c in same.caveats) == 2


def test_an_area_neither_holds_is_our_error() -> None:
    with pytest.raises(pg.UnknownNameError):
        pg.compare(_history()[5], _history()[6]).change("vetting")


def test_the_narrative_reads_as_a_paragraph() -> None:
    text = pg.compare(_history()[3], _history()[4]).narrative()
    assert text.startswith("Between PEEL 2017 (published 22 March 2018) and PEEL 2018/19")
    assert "Cleveland Police declined in five areas" in text
    assert "preventing crime (good to inadequate)" in text
    assert "\n" not in text
    apart = pg.compare(_history()[5], _history()[6]).narrative()
    assert apart.startswith(
        "In PEEL 2021/22 (published 17 March 2023), Cleveland Police was graded"
    )
    assert "These grades are not set against each other as rises or falls." in apart
    assert "improved" not in apart


same_round = strategies.frameworks().flatmap(
    lambda peel: st.tuples(strategies.inspections(peel), strategies.inspections(peel))
)
any_two = st.tuples(strategies.inspections(), strategies.inspections())


@given(strategies.inspections())
def test_compared_with_itself_everything_is_unchanged(inspection: pg.Inspection) -> None:
    comparison = pg.compare(inspection, inspection)
    assert all(c.change is Change.UNCHANGED for c in comparison.changes)
    assert len(comparison.changes) == len(inspection.grades)


@given(st.one_of(same_round, any_two))
def test_compare_the_other_way_is_the_mirror(pair: tuple[pg.Inspection, pg.Inspection]) -> None:
    a, b = pair
    forward = {(c.before, c.after): c.change for c in pg.compare(a, b).changes}
    backward = {(c.after, c.before): c.change.mirror for c in pg.compare(b, a).changes}
    assert forward == backward


@given(any_two)
def test_no_rise_or_fall_across_scales(pair: tuple[pg.Inspection, pg.Inspection]) -> None:
    a, b = pair
    comparison = pg.compare(a, b)
    if a.framework.scale is not b.framework.scale:
        assert not comparison.comparable
        assert comparison.improved == comparison.declined == ()
        assert all(
            c.change is not Change.UNCHANGED or (c.before_grade is None and c.after_grade is None)
            for c in comparison.changes
        )


@given(any_two)
def test_no_rise_or_fall_where_the_inspectorate_says_no_direct_comparison(
    pair: tuple[pg.Inspection, pg.Inspection],
) -> None:
    a, b = pair
    comparison = pg.compare(a, b)
    assert comparison.comparable == a.framework.comparable_with(b.framework)
    assert comparison.comparable == pg.compare(b, a).comparable
    said = comparison.statement
    if said is not None and not said.comparable:
        assert not comparison.comparable
        assert comparison.improved == comparison.declined == ()
        assert said.source in comparison.caveats[0]
    if not comparison.comparable:
        assert comparison.improved == comparison.declined == ()
    elif a.framework != b.framework and said is None:
        assert any(c.startswith("No statement of the inspectorate") for c in comparison.caveats)


@given(same_round)
def test_every_recorded_area_appears_once(pair: tuple[pg.Inspection, pg.Inspection]) -> None:
    a, b = pair
    comparison = pg.compare(a, b)
    befores = [c.before for c in comparison.changes if c.before is not None]
    afters = [c.after for c in comparison.changes if c.after is not None]
    assert sorted(befores, key=id) == sorted(a.grades, key=id)
    assert sorted(afters, key=id) == sorted(b.grades, key=id)
    for change in comparison.changes:
        if change.change in (Change.IMPROVED, Change.DECLINED):
            assert change.before_grade is not None
            assert change.after_grade is not None


def test_two_forces_are_a_difference_not_a_decline() -> None:
    durham, cleveland = pg.inspection("Durham", "2016"), pg.inspection("Cleveland", "2016")
    comparison = pg.compare(durham, cleveland)
    assert comparison.across_forces
    text = comparison.narrative()
    assert "declined" not in text
    assert "improved" not in text
    assert text.startswith(
        "In PEEL 2016, Cleveland Police, against Durham Constabulary, was graded lower in"
    )
    assert comparison.describe(pg.Change.DECLINED) == "lower for Cleveland"


def test_newer_against_older_is_worded_backwards() -> None:
    history = pg.fixtures.cleveland()
    comparison = pg.compare(history[4], history[3])
    assert comparison.backwards
    text = comparison.narrative()
    assert "declined" not in text
    assert "improved" not in text
    assert "so this comparison runs backwards in time" in text
    assert "was graded higher in five areas" in text
    assert comparison.describe(pg.Change.DECLINED) == "lower in the earlier round"
    assert not pg.compare(history[3], history[4]).backwards


def test_a_comparison_loads_back_equal_and_its_changes_must_follow() -> None:
    history = pg.fixtures.cleveland()
    comparison = pg.compare(history[5], history[6])
    data = pg.to_dict(comparison)
    assert pg.from_dict(data, pg.Comparison) == comparison
    data["caveats"] = data["caveats"][1:]
    with pytest.raises(pg.InvalidDataError, match="caveats: do not follow from before and after"):
        pg.from_dict(data, pg.Comparison)


def test_compare_takes_inspections_only() -> None:
    with pytest.raises(pg.InvalidDataError, match="before: expected an Inspection, got NoneType"):
        pg.compare(None, pg.fixtures.cleveland()[0])  # type: ignore[arg-type]


def test_the_tables_and_charts_of_one_force_refuse_several() -> None:
    from policegrades.plot import history_chart
    from policegrades.render import grade_table

    mixed = pg.inspections(framework="2016")
    for draw in (grade_table, history_chart):
        with pytest.raises(pg.InvalidDataError, match="follows one force only"):
            draw(mixed)
        with pytest.raises(pg.InvalidDataError, match="one inspection per round"):
            draw([*pg.fixtures.cleveland(), pg.fixtures.cleveland()[0]])


# -- a grade not known is never not assessed, ungraded or not comparable -----------------------


def _pairs_of_one_round() -> list[tuple[pg.Inspection, pg.Inspection]]:
    return [
        pair
        for peel in pg.frameworks()
        for pair in itertools.permutations(pg.inspections(framework=peel), 2)
    ]


def _what_it_holds(inspection: pg.Inspection, area: pg.Area) -> str:
    """What the data says of ``area`` in ``inspection``, asked of the inspection alone."""
    own = inspection.framework.area_by_key(area.key)
    held = next((h for h in inspection.grades if h.area.key == area.key), None)
    if held is not None:
        return "ungraded" if held.grade is None else "graded"
    if own is None or not inspection.assessed(own):
        return "not assessed"
    return "ungraded" if own.grading is pg.Grading.UNGRADED else "not known"


def test_every_pair_of_one_round_says_not_known_exactly_where_a_grade_is_not_known() -> None:
    pairs = _pairs_of_one_round()
    assert len(pairs) > 10_000
    unknown = 0
    for before, after in pairs:
        comparison = pg.compare(before, after)
        for change in comparison.changes:
            for inspection, held in ((before, change.before_held), (after, change.after_held)):
                assert held == _what_it_holds(inspection, change.area), (before, after)
            sides = change.held
            assert (change.change is Change.NOT_KNOWN) == ("not known" in sides)
            unknown += change.change is Change.NOT_KNOWN
        flagged = comparison.improved + comparison.declined + comparison.not_comparable
        assert not set(comparison.not_known) & set(flagged)
    assert unknown > 1000


@given(st.sampled_from(_pairs_of_one_round()))
def test_the_text_csv_and_json_of_a_comparison_word_an_unknown_grade_as_not_known(
    pair: tuple[pg.Inspection, pg.Inspection],
) -> None:
    from policegrades.reports import comparison_records, comparison_text

    comparison = pg.compare(*pair)
    text = comparison_text(comparison)
    header, rows = comparison_records(comparison)
    document = pg.to_dict(comparison)
    for index, change in enumerate(comparison.changes):
        record = dict(zip(header, rows[index], strict=True))
        assert (record["before_held"], record["after_held"]) == change.held
        assert document["changes"][index]["change"] == change.change.value
        line = next(row for row in text.splitlines() if row.startswith(change.area.name + " "))
        cells = [cell for cell in line[len(change.area.name) :].split("  ") if cell.strip()]
        if change.change is Change.NOT_KNOWN:
            assert record["change"] == "not known"
            assert line.rstrip().endswith("not known")
            assert len(cells) == 2  # one grade, a blank, and the change
            missing = "before" if change.before is None else "after"
            assert document["changes"][index][missing] is None
        else:
            assert "not known" not in line
    if comparison.not_known:
        assert "The data does not know the" in text
        assert "No grade is recorded" not in text
