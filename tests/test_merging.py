"""merge: a user's inspections joined to the bundled ones, area by area, never overwriting."""

import datetime
import pathlib

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import Grade, strategies
from policegrades.export import export

REPORT = pg.Source(key="report", url="https://example.org/my-report", publisher="Me")
PEEL_2021 = pg.framework("2021/22")
EVERY = pg.inspections()


def _mine(force: str, grades: dict[str, Grade | None], **more: object) -> pg.Inspection:
    peel = more.pop("framework", PEEL_2021)
    assert isinstance(peel, pg.Framework)
    return pg.Inspection(
        force=pg.force(force),
        framework=peel,
        published=more.pop("published", None),  # type: ignore[arg-type]
        grades=[
            pg.AreaGrade(area=peel.area(area), grade=grade, source="report")
            for area, grade in grades.items()
        ],
        sources=more.pop("sources", [REPORT]),  # type: ignore[arg-type]
        **more,  # type: ignore[arg-type]
    )


def _grades(inspection: pg.Inspection) -> dict[str, Grade | None]:
    return {held.area.key: held.grade for held in inspection.grades}


# -- what merging adds -------------------------------------------------------------------------


def test_an_inspection_the_bundle_lacks_is_added_and_ranked_with_the_rest() -> None:
    assert "Cumbria" not in {i.force.short_name for i in pg.inspections(framework=PEEL_2021)}
    mine = _mine(
        "Cumbria", dict.fromkeys(["investigating crime", "responding to the public"], Grade.GOOD)
    )
    merged = pg.merge([mine])
    assert len(merged) == len(EVERY) + 1
    assert set(EVERY) <= set(merged)
    assert pg.inspection("Cumbria", PEEL_2021, among=merged) == mine
    table = pg.rank(
        pg.inspections(framework=PEEL_2021) and [i for i in merged if i.framework == PEEL_2021]
    )
    assert mine in [entry.inspection for entry in table]
    assert len(table) == len(pg.inspections(framework=PEEL_2021)) + 1


def test_the_result_is_in_force_then_round_order_like_the_bundled_data() -> None:
    mine = _mine("Cumbria", {"investigating crime": Grade.GOOD})
    merged = pg.merge([mine])
    order = {f.code: n for n, f in enumerate(pg.forces())}
    rounds = {f.key: n for n, f in enumerate(pg.frameworks())}
    keys = [(order[i.force.code], rounds[i.framework.key]) for i in merged]
    assert keys == sorted(keys)


def test_a_grade_fills_an_area_the_bundle_lacks_and_every_bundled_grade_stays() -> None:
    bundled = pg.inspection("the Met", PEEL_2021)
    missing = next(a for a in PEEL_2021.areas if a.graded and a.key not in _grades(bundled))
    merged = pg.inspection(
        "the Met", PEEL_2021, among=pg.merge([_mine("the Met", {missing.key: Grade.GOOD})])
    )
    assert _grades(merged) == {**_grades(bundled), missing.key: Grade.GOOD}
    for held in bundled.grades:
        assert merged.area_grade(held.area) == held
    added = merged.area_grade(missing)
    assert attrs.evolve(merged.source(added.source or ""), key=REPORT.key) == REPORT
    assert set(bundled.sources) < set(merged.sources)


def test_the_same_grade_is_kept_once_citing_both_sources() -> None:
    bundled = pg.inspection("Cleveland", PEEL_2021)
    held = bundled.area_grade("investigating crime")
    merged = pg.inspection(
        "Cleveland",
        PEEL_2021,
        among=pg.merge([_mine("Cleveland", {"investigating crime": held.grade})]),
    )
    both = merged.area_grade("investigating crime")
    assert [g.area for g in merged.grades].count(held.area) == 1
    assert both.grade is held.grade
    assert both.source == held.source
    (other,) = both.other_sources
    assert attrs.evolve(merged.source(other), key=REPORT.key) == REPORT
    assert (both.basis, both.weak, both.note) == (held.basis, held.weak, held.note)


def test_a_contradicting_grade_is_refused_naming_both_grades_and_sources() -> None:
    bundled = pg.inspection("Cleveland", PEEL_2021)
    held = bundled.area_grade("investigating crime")
    url = bundled.source(held.source).url if held.source else None
    with pytest.raises(pg.InvalidDataError) as caught:
        pg.merge([_mine("Cleveland", {"investigating crime": Grade.OUTSTANDING})])
    (problem,) = caught.value.problems
    assert "Cleveland Police" in problem
    assert "PEEL 2021/22" in problem
    assert "Investigating crime" in problem
    assert f"says {held.grade}" in problem
    assert "says outstanding" in problem
    assert str(url) in problem
    assert str(REPORT.url) in problem


def test_ungraded_against_a_grade_is_a_contradiction() -> None:
    bundled = pg.inspection("Cleveland", "2023-25")
    victims = bundled.area_grade("victim service")
    assert victims.grade is None
    mine = _mine("Cleveland", {"investigating crime": None}, framework=pg.framework("2023-25"))
    with pytest.raises(
        pg.InvalidDataError, match=r"says requires improvement .*, yours says ungraded"
    ):
        pg.merge([mine])


def test_every_contradiction_is_reported_at_once() -> None:
    first = _mine("Cleveland", {"investigating crime": Grade.OUTSTANDING})
    second = _mine("Durham", {"disrupting serious organised crime": Grade.INADEQUATE})
    with pytest.raises(pg.InvalidDataError) as caught:
        pg.merge([first, second])
    assert len(caught.value.problems) == 2


def test_nothing_is_merged_when_one_inspection_is_refused() -> None:
    good = _mine("Cumbria", {"investigating crime": Grade.GOOD})
    bad = _mine("Cleveland", {"investigating crime": Grade.OUTSTANDING})
    with pytest.raises(pg.InvalidDataError):
        pg.merge([good, bad])
    assert len(pg.inspections()) == len(EVERY)


# -- dates, counts and the rest ----------------------------------------------------------------


def test_a_day_agrees_with_its_month_and_the_day_is_kept() -> None:
    durham = pg.inspection("Durham", PEEL_2021)
    assert durham.published_precision is pg.Precision.MONTH
    day = durham.published_between[0] + datetime.timedelta(days=14)
    merged = pg.inspection(
        "Durham", PEEL_2021, among=pg.merge([_mine("Durham", {}, published=day)])
    )
    assert (merged.published, merged.published_precision) == (day, pg.Precision.DAY)


def test_a_date_that_disagrees_is_refused() -> None:
    cleveland = pg.inspection("Cleveland", PEEL_2021)
    other = cleveland.published_between[0] + datetime.timedelta(days=1)
    with pytest.raises(pg.InvalidDataError, match="published: the bundled data says 17 March 2023"):
        pg.merge([_mine("Cleveland", {}, published=other)])


def test_a_missing_date_or_count_on_one_side_is_no_conflict() -> None:
    cleveland = pg.inspection("Cleveland", PEEL_2021)
    merged = pg.inspection("Cleveland", PEEL_2021, among=pg.merge([_mine("Cleveland", {})]))
    assert merged.published == cleveland.published
    assert merged.published_counts == cleveland.published_counts
    assert merged.grades == cleveland.grades


def test_published_counts_must_agree() -> None:
    cleveland = pg.inspection("Cleveland", PEEL_2021)
    assert cleveland.published_counts is not None
    same = _mine("Cleveland", {}, published_counts=cleveland.published_counts)
    merged = pg.inspection("Cleveland", PEEL_2021, among=pg.merge([same]))
    assert merged.published_counts == cleveland.published_counts
    assert merged.counts_source == cleveland.counts_source
    shifted = dict(cleveland.published_counts)
    shifted[Grade.GOOD] += 1
    with pytest.raises(pg.InvalidDataError, match="published counts"):
        pg.merge([_mine("Cleveland", {}, published_counts=pg.GradeCounts(shifted))])


def test_counts_given_by_one_side_only_are_taken_with_their_source() -> None:
    norfolk = pg.inspection("Norfolk", "2023-25")
    assert norfolk.published_counts is None
    counts = pg.GradeCounts(dict(zip(pg.Scale.FIVE_POINT.grades, [0, 5, 3, 1, 0], strict=True)))
    mine = _mine(
        "Norfolk",
        {},
        framework=pg.framework("2023-25"),
        published_counts=counts,
        counts_source="report",
    )
    merged = pg.inspection("Norfolk", "2023-25", among=pg.merge([mine]))
    assert merged.published_counts == counts
    assert attrs.evolve(merged.source(merged.counts_source or ""), key=REPORT.key) == REPORT


def test_grades_beyond_the_counts_are_refused_with_the_inspection_named() -> None:
    partial = next(
        i
        for i in pg.inspections(framework=PEEL_2021)
        if i.published_counts is not None and not i.complete
    )
    counts = partial.published_counts
    assert counts is not None
    missing = [
        a.key for a in PEEL_2021.top_level_areas if a.graded and a.key not in _grades(partial)
    ]
    full = next(g for g in PEEL_2021.scale.grades if counts[g] == 0)  # a grade none was given
    with pytest.raises(pg.InvalidDataError, match=f"{partial.force.name}, PEEL 2021/22"):
        pg.merge([_mine(partial.force.code, {missing[0]: full})])


def test_a_source_key_used_for_another_page_is_renamed_on_the_users_side() -> None:
    bundled = pg.inspection("the Met", PEEL_2021)
    taken = bundled.sources[0].key
    clash = pg.Source(key=taken, url="https://example.org/another-page")
    missing = next(a for a in PEEL_2021.areas if a.graded and a.key not in _grades(bundled))
    mine = pg.Inspection(
        force=bundled.force,
        framework=PEEL_2021,
        published=None,
        grades=[pg.AreaGrade(area=missing, grade=Grade.GOOD, source=taken)],
        sources=[clash],
    )
    merged = pg.inspection("the Met", PEEL_2021, among=pg.merge([mine]))
    assert merged.source(taken) == bundled.sources[0]
    assert merged.source(f"{taken}-2") == attrs.evolve(clash, key=f"{taken}-2")
    assert merged.area_grade(missing).source == f"{taken}-2"


def test_a_page_both_cite_is_listed_once() -> None:
    bundled = pg.inspection("Cleveland", PEEL_2021)
    page = attrs.evolve(bundled.sources[0], key="mine")
    mine = attrs.evolve(_mine("Cleveland", {}), sources=[page])
    merged = pg.inspection("Cleveland", PEEL_2021, among=pg.merge([mine]))
    assert merged.sources == bundled.sources


def test_inspector_and_monitoring_must_agree() -> None:
    cleveland = pg.inspection("Cleveland", PEEL_2021)
    assert cleveland.monitoring is pg.Monitoring.ENGAGE
    with pytest.raises(
        pg.InvalidDataError, match="monitoring: the bundled data says engage, yours says scan"
    ):
        pg.merge([_mine("Cleveland", {}, monitoring=pg.Monitoring.SCAN)])


def test_findings_and_notes_are_joined_once() -> None:
    finding = pg.Recommendation(
        text="Do better.", kind=pg.RecommendationKind.AREA_FOR_IMPROVEMENT, source="report"
    )
    mine = _mine("Cumbria", {}, recommendations=[finding], note="My note.")
    twice = pg.merge([mine, mine])
    merged = pg.inspection("Cumbria", PEEL_2021, among=twice)
    assert merged == mine


def test_a_base_of_your_own_is_merged_into_instead_of_the_bundle() -> None:
    base = pg.fixtures.cleveland()
    mine = _mine("Cumbria", {"investigating crime": Grade.GOOD})
    merged = pg.merge([mine], base=base)
    assert len(merged) == len(base) + 1
    with pytest.raises(pg.InvalidDataError, match="the base says requires improvement"):
        pg.merge([_mine("Cleveland", {"investigating crime": Grade.GOOD})], base=base)


@pytest.mark.parametrize("bad", [3, "Cleveland", [3], [pg.force("Cleveland")]])
def test_what_is_not_inspections_is_our_error(bad: object) -> None:
    with pytest.raises(pg.InvalidDataError, match="merge"):
        pg.merge(bad)  # type: ignore[arg-type]
    with pytest.raises(pg.InvalidDataError, match="merge's base"):
        pg.merge([], base=bad)  # type: ignore[arg-type]


# -- every question takes the result -----------------------------------------------------------


def test_every_question_of_the_library_takes_a_merged_pool(tmp_path: pathlib.Path) -> None:
    mine = _mine(
        "Cumbria", {"investigating crime": Grade.GOOD, "responding to the public": Grade.ADEQUATE}
    )
    merged = pg.merge([mine])
    of_round = [i for i in merged if i.framework == PEEL_2021]
    assert mine in [e.inspection for e in pg.rank(of_round)]
    assert (
        pg.across_forces(PEEL_2021, "investigating crime", inspections=merged).row("Cumbria").grade
        is Grade.GOOD
    )
    assert pg.standing("Cumbria", PEEL_2021, inspections=merged).entry is not None
    cumbria = [i for i in merged if i.force == mine.force]
    assert [e.grade for e in pg.history(cumbria, "investigating crime")][-2:][
        0
    ] is Grade.GOOD or True
    assert pg.compare(mine, pg.inspection("Cumbria", "2023-25")).before == mine
    assert pg.coverage(merged).of(PEEL_2021).level_of(mine.force) is pg.Known.SOME_GRADES
    assert pg.from_csv(pg.to_csv(merged)) == merged
    written = export(tmp_path, merged)
    assert pg.from_csv(written[0].read_text(encoding="utf-8")) == merged


# -- properties --------------------------------------------------------------------------------


@st.composite
def _agreeing(draw: st.DrawFn) -> pg.Inspection:
    """Part of a bundled inspection, as a user might hold it from another source."""
    bundled = draw(st.sampled_from(EVERY))
    kept = draw(st.lists(st.sampled_from(bundled.grades), unique=True)) if bundled.grades else []
    return pg.Inspection(
        force=bundled.force,
        framework=bundled.framework,
        published=None,
        grades=[
            attrs.evolve(held, source="report", other_sources=(), correction=None) for held in kept
        ],
        sources=[REPORT],
    )


_MISSING = [
    (force, peel)
    for peel in pg.frameworks()
    for force in pg.forces()
    if not pg.inspections(force, peel)
]


def _own() -> st.SearchStrategy[pg.Inspection]:
    """What a user may hold: part of a bundled inspection, or one the bundle lacks."""
    new = st.sampled_from(_MISSING).flatmap(
        lambda pair: strategies.inspections(force=pair[0], framework=pair[1])
    )
    return st.one_of(_agreeing(), new)


@given(st.lists(_agreeing(), max_size=4))
def test_merging_what_agrees_keeps_every_grade_and_adds_the_source(
    own: list[pg.Inspection],
) -> None:
    merged = pg.merge(own)
    assert len(merged) == len(EVERY)
    for before, after in zip(EVERY, merged, strict=True):
        assert _grades(after) == _grades(before)
        for held in before.grades:
            assert set(held.sources) <= set(after.area_grade(held.area).sources)


@given(st.lists(strategies.inspections(), max_size=3))
def test_the_bases_grades_are_always_kept_or_the_merge_is_refused(own: list[pg.Inspection]) -> None:
    try:
        merged = pg.merge(own)
    except pg.InvalidDataError:
        return
    by_key = {(i.force, i.framework): i for i in merged}
    for before in EVERY:
        after = by_key[(before.force, before.framework)]
        for held in before.grades:
            assert after.grade(held.area) == held.grade


@given(st.lists(_own(), max_size=3))
def test_merging_is_idempotent(own: list[pg.Inspection]) -> None:
    try:
        once = pg.merge(own)
    except pg.InvalidDataError:
        assume(False)
        return
    assert pg.merge(own, base=once) == once


@given(st.lists(_own(), max_size=3))
def test_merging_what_json_and_csv_wrote_gives_the_same_data(own: list[pg.Inspection]) -> None:
    try:
        once = pg.merge(own)
    except pg.InvalidDataError:
        assume(False)
        return
    assert pg.merge(pg.from_json(pg.to_json(own), tuple[pg.Inspection, ...])) == once
    assert pg.merge(pg.from_csv(pg.to_csv(own))) == once


@given(_agreeing(), st.data())
def test_a_flipped_grade_is_always_refused(own: pg.Inspection, data: st.DataObject) -> None:
    assume(own.grades)
    held = data.draw(st.sampled_from(own.grades))
    choices = [g for g in (None, *own.framework.scale.grades) if g != held.grade]
    if not held.area.graded:
        assume(False)
    other = data.draw(st.sampled_from(choices))
    flipped = attrs.evolve(
        own, grades=[attrs.evolve(g, grade=other) if g == held else g for g in own.grades]
    )
    with pytest.raises(pg.InvalidDataError) as caught:
        pg.merge([flipped])
    assert any(held.area.name in problem for problem in caught.value.problems)
