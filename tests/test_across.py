"""Questions across forces: coverage, league tables as of a day, one area nationally, standing."""

import datetime
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import Grade, Known, strategies
from policegrades.cli import main
from policegrades.knowledge import known

MARCH_17 = datetime.date(2023, 3, 17)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# -- coverage -----------------------------------------------------------------------------------


def test_every_round_counts_all_43_forces_once() -> None:
    for peel in pg.coverage().rounds:
        assert sum(peel.count(level) for level in Known) == 43
        assert [f.code for f in peel.forces] == [f.code for f in pg.forces()]
        for area in peel.areas:
            assert area.known + area.unknown == 43
        assert peel.rankable >= peel.count(Known.ALL_GRADES)


def test_the_coverage_agrees_with_the_inspections() -> None:
    cover = pg.coverage()
    for peel in cover.rounds:
        held = {i.force.code: i for i in pg.inspections(framework=peel.framework)}
        for force, level in zip(peel.forces, peel.levels, strict=True):
            assert level is known(held.get(force.code))
        assert peel.with_counts == sum(i.published_counts is not None for i in held.values())
        ranked = [e for e in pg.rank(held.values()) if e.rank is not None]
        assert peel.rankable == len(ranked)


def test_what_the_facts_say_is_missing_is_missing() -> None:
    peel = pg.coverage().of("2021/22")
    assert {f.short_name for f in peel.forces_known(Known.NOTHING)} == {
        "Cumbria",
        "Cheshire",
        "North Wales",
        "Dyfed-Powys",
    }
    latest = pg.coverage().of("2023-25")
    assert {f.short_name for f in latest.forces_known(Known.NOTHING)} == {"Norfolk", "Dyfed-Powys"}
    assert pg.coverage().of("2016").count(Known.ALL_GRADES) == 43
    assert peel.with_counts == 30


def test_coverage_of_your_own_inspections() -> None:
    cleveland = pg.fixtures.cleveland()
    mine = pg.coverage(cleveland)
    held = {i.framework for i in cleveland}
    for peel in mine.rounds:
        if peel.framework in held:
            assert peel.count(Known.NOTHING) == 42
            assert peel.level_of(pg.force("Cleveland")) is Known.ALL_GRADES
        else:
            assert peel.count(Known.NOTHING) == 43


def test_coverage_refuses_a_force_twice_in_a_round() -> None:
    cleveland = pg.fixtures.cleveland()
    with pytest.raises(pg.InvalidDataError, match="one inspection per force and round"):
        pg.coverage([*cleveland, cleveland[0]])
    with pytest.raises(pg.InvalidDataError, match="inspections only"):
        pg.coverage(["Cleveland"])  # type: ignore[list-item]


def test_an_unknown_round_is_our_error() -> None:
    with pytest.raises(pg.UnknownNameError, match="no PEEL round is called"):
        pg.coverage().of("2020")


# -- one area across the forces -----------------------------------------------------------------


@pytest.mark.parametrize("framework", pg.frameworks(), ids=lambda f: f.key)
def test_each_area_accounts_for_every_force(framework: pg.Framework) -> None:
    for area in framework.areas:
        across = pg.across_forces(framework, area)
        assert len(across.rows) == 43
        counted = across.counts.total + len(across.ungraded) + len(across.unknown)
        assert counted == 43
        for grade in framework.scale.grades:
            assert len(across.forces_graded(grade)) == across.counts[grade]


def test_which_forces_were_inadequate_in_the_2018_19_pillars() -> None:
    efficiency = pg.across_forces("2018/19", "efficiency")
    assert {f.short_name for f in efficiency.forces_graded(Grade.INADEQUATE)} == {
        "Cleveland",
        *(
            f.short_name
            for f in efficiency.forces_graded(Grade.INADEQUATE)
            if f.code != "E23000013"
        ),
    }
    assert pg.across_forces("2018/19", "legitimacy").forces_graded(Grade.INADEQUATE) == (
        pg.force("Cleveland"),
    )


def test_an_area_named_in_its_round() -> None:
    assert pg.across_forces("2023-25", "workforce").area.key == "workforce"
    with pytest.raises(pg.UnknownNameError, match="could be any of: Ethical and lawful workforce"):
        pg.across_forces("2016", "workforce")
    with pytest.raises(pg.UnknownNameError, match="no area of PEEL 2016 is called 'police powers'"):
        pg.across_forces("2016", "police powers")


def test_the_sentence_is_in_the_inspectorates_terms() -> None:
    legitimacy = pg.across_forces("2018/19", "legitimacy")
    assert legitimacy.sentence("Cleveland") == "the only force graded inadequate for legitimacy"
    effectiveness = pg.across_forces("2018/19", "effectiveness")
    good = len(effectiveness.forces_graded(Grade.GOOD))
    assert effectiveness.sentence("Durham").endswith("; one force unknown")
    assert effectiveness.sentence("Kent") == (
        f"one of {good} forces graded good for effectiveness; one force unknown"
    )
    assert effectiveness.sentence("Humberside") == ("its grade for effectiveness is not known")


@given(
    st.sampled_from(pg.frameworks()).flatmap(
        lambda peel: st.tuples(st.just(peel), strategies.areas(peel))
    ),
    st.sampled_from(pg.forces()),
)
def test_every_force_has_a_sentence(case: tuple[pg.Framework, pg.Area], force: pg.Force) -> None:
    framework, area = case
    across = pg.across_forces(framework, area)
    sentence = across.sentence(force)
    row = across.row(force)
    if row.held is None:
        assert sentence.startswith("its grade for")
    elif row.held.grade is None:
        assert "not graded on" in sentence
    else:
        n = len(across.forces_graded(row.held.grade))
        assert sentence.startswith("the only force" if n == 1 else "one of ")
        assert f"graded {row.held.grade} " in sentence


# -- the seed claims, from the data -------------------------------------------------------------


def test_2018_19_cleveland_is_inadequate_in_every_pillar_and_last_alone() -> None:
    table = pg.rank(pg.inspections(framework="2018/19"))
    ranked = [e for e in table if e.rank is not None]
    last = ranked[-1]
    assert last.inspection.force.short_name == "Cleveland"
    assert [e.rank for e in ranked].count(last.rank) == 1
    assert pg.summarise(last.inspection).headline() == "inadequate in all three areas"
    where = pg.standing("Cleveland", "2018/19")
    assert where.place().startswith(f"{last.rank}nd of the {len(ranked)} forces")
    assert ", alone" in where.place()


def test_2021_22_as_it_stood_on_17_march_2023_forces_rank_below_cleveland() -> None:
    that_day = pg.inspections(framework="2021/22", published_by=MARCH_17)
    assert all(i.published_between[1] <= MARCH_17 for i in that_day)
    table = pg.rank(that_day)
    place = {e.inspection.force.short_name: e.rank for e in table}
    cleveland = place["Cleveland"]
    assert cleveland is not None
    below = {name for name, r in place.items() if r is not None and r > cleveland}
    assert {"Greater Manchester", "Devon & Cornwall"} <= below
    for name in ("Greater Manchester", "Devon & Cornwall"):
        inspection = pg.inspection(name, "2021/22")
        assert pg.summarise(inspection).counts[Grade.INADEQUATE] == 3
        assert inspection.published_between[1] < MARCH_17
    assert pg.summarise(pg.inspection("Cleveland", "2021/22")).counts[Grade.INADEQUATE] == 2
    # reports published later are not in the table of that day
    assert "Sussex" not in place
    assert "Sussex" in {
        e.inspection.force.short_name for e in pg.rank(pg.inspections(framework="2021/22"))
    }


def test_standing_as_of_a_day() -> None:
    now = pg.standing("Cleveland", "2021/22")
    then = pg.standing("Cleveland", "2021/22", published_by=MARCH_17)
    assert len(then.table) < len(now.table)
    assert then.entry is not None
    assert then.place().startswith(f"{then.entry.rank}st of")


@given(
    st.sampled_from(pg.frameworks()),
    st.dates(min_value=datetime.date(2014, 1, 1), max_value=datetime.date(2027, 1, 1)),
)
def test_published_by_holds_for_inspections_given_as_for_the_bundled(
    peel: pg.Framework, day: datetime.date
) -> None:
    mine = list(pg.inspections())
    area = peel.top_level_areas[0]
    assert pg.across_forces(peel, area, inspections=mine, published_by=day) == pg.across_forces(
        peel, area, published_by=day
    )
    assert pg.standing("Cleveland", peel, inspections=mine, published_by=day) == pg.standing(
        "Cleveland", peel, published_by=day
    )


def test_standing_of_a_force_the_data_holds_nothing_of() -> None:
    where = pg.standing("Cumbria", "2021/22")
    assert where.entry is None
    assert where.place().startswith("not in the data for PEEL 2021/22")


# -- names users type ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("GMP", "Greater Manchester Police"),
        ("WMP", "West Midlands Police"),
        ("TVP", "Thames Valley Police"),
        ("MPS", "Metropolitan Police Service"),
        ("D&C", "Devon & Cornwall Police"),
        ("Hants", "Hampshire and Isle of Wight Constabulary"),
        ("Notts", "Nottinghamshire Police"),
        ("Lincs", "Lincolnshire Police"),
        ("Leics", "Leicestershire Police"),
        ("Northants", "Northamptonshire Police"),
        ("Cambs", "Cambridgeshire Constabulary"),
        ("Herts", "Hertfordshire Constabulary"),
        ("Beds", "Bedfordshire Police"),
        ("Staffs", "Staffordshire Police"),
        ("Glos", "Gloucestershire Constabulary"),
        ("Wilts", "Wiltshire Police"),
        ("Heddlu Gogledd Cymru", "North Wales Police"),
        ("Heddlu Gwent", "Gwent Police"),
        ("Heddlu De Cymru", "South Wales Police"),
        ("Heddlu Dyfed-Powys", "Dyfed-Powys Police"),
        ("gmp", "Greater Manchester Police"),
    ],
)
def test_the_names_users_type(query: str, name: str) -> None:
    assert pg.force(query).name == name


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("2019", "peel-2018-19"),
        ("2022", "peel-2021-22"),
        ("2024", "peel-2023-25"),
        ("2025", "peel-2023-25"),
        ("2016", "peel-2016"),
        ("2021/22", "peel-2021-22"),
    ],
)
def test_the_years_a_rounds_reports_came_out(query: str, key: str) -> None:
    assert pg.framework(query).key == key


@pytest.mark.parametrize("query", ["GM", "Wales", "2020", "Heddlu", "Beds and Herts"])
def test_never_a_wrong_match(query: str) -> None:
    lookup = pg.framework if query.isdigit() else pg.force
    with pytest.raises(pg.UnknownNameError):
        lookup(query)


# -- the command line, round first --------------------------------------------------------------


def test_coverage_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "coverage")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("round  ")
    assert [line.split("  ")[0] for line in lines[1:]] == [f.name for f in pg.frameworks()]
    _, out, _ = _run(capsys, "coverage", "--json")
    rows = json.loads(out)
    assert all(sum(row[level.name.lower()] for level in Known) == 43 for row in rows)
    _, out, _ = _run(capsys, "coverage", "2021/22")
    assert "Recording data about crime" in out


def test_rank_lists_the_ranked_then_the_unranked(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "rank", "2021/22", "--json")
    assert status == 0
    entries = json.loads(out)
    ranks = [e["rank"] for e in entries]
    ranked = [r for r in ranks if r is not None]
    assert ranks == ranked + [None] * (len(ranks) - len(ranked))
    assert ranked == sorted(ranked)
    assert len(entries) == len(pg.inspections(framework="2021/22"))


def test_rank_as_it_stood_on_a_day(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "rank", "2022", "--published-by", "2023-03-17", "--csv")
    codes = [line.split(",")[1] for line in out.splitlines()[1:]]
    assert pg.force("Cleveland").code in codes
    assert pg.force("Sussex").code not in codes


def test_area_lists_every_forces_grade(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "area", "preventing crime", "2021/22")
    assert status == 0
    body = out.splitlines()
    rows = body[3 : 3 + 43]
    assert [row.split("  ")[0] for row in rows] == [f.name for f in pg.forces()]
    assert "Cleveland Police                          inadequate" in rows
    assert "not known" in out
    _, out, _ = _run(capsys, "area", "preventing crime", "2021/22", "--json")
    data = json.loads(out)
    assert len(data["forces"]) == 43
    assert {row["grade"] for row in data["forces"]} >= {"inadequate", None}
    assert {row["known"] for row in data["forces"]} == {True, False}


def test_show_says_where_the_force_stands(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "show", "durham", "2021/22")
    assert "Among the forces in PEEL 2021/22 in the data:" in out
    assert "In the library's league table: 3rd of the 30 forces that can be ranked" in out


def test_own_data_alone_for_the_new_commands(
    capsys: pytest.CaptureFixture[str], tmp_path: pytest.TempPathFactory
) -> None:
    mine = tmp_path / "mine.json"  # type: ignore[operator]
    mine.write_text(pg.to_json(list(pg.inspections(framework="2018/19")[:3])))
    _, out, _ = _run(capsys, "rank", "--data", str(mine), "--only", "--csv")
    assert len(out.splitlines()) == 1 + 3
    _, out, _ = _run(capsys, "area", "legitimacy", "--data", str(mine), "--only", "--json")
    assert sum(row["known"] for row in json.loads(out)["forces"]) == 3
    _, out, _ = _run(capsys, "coverage", "--data", str(mine), "--only", "--json")
    assert json.loads(out)[4]["all_grades"] == 3


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["area", "vetting", "2016"], "no area of PEEL 2016 is called 'vetting'"),
        (["area", "preventing crime", "2020"], "no PEEL round is called '2020'"),
        (["rank", "Yorkshire"], "no PEEL round is called 'Yorkshire'"),
        (["rank", "2016", "--published-by", "yesterday"], "'yesterday' is not a date"),
        (["coverage", "peel-2099"], "no PEEL round is called 'peel-2099'"),
        (["show", "Heddlu", "2016"], "'Heddlu' could be any of: North Wales Police, Gwent Police"),
        (["rank"], "name a PEEL round"),
    ],
)
def test_bad_names_are_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    status, out, err = _run(capsys, *argv)
    assert status == 1
    assert out == ""
    assert expected in err
    assert err.count("\n") == 1


def test_rank_refuses_a_mix_of_rounds_or_a_force_twice(
    capsys: pytest.CaptureFixture[str], tmp_path: pytest.TempPathFactory
) -> None:
    mixed = tmp_path / "mixed.json"  # type: ignore[operator]
    mixed.write_text(pg.to_json(list(pg.fixtures.cleveland()[:2])))
    status, _, err = _run(capsys, "rank", "--data", str(mixed))
    assert status == 1
    assert "name a PEEL round; the --data files hold: PEEL 2014, PEEL 2015" in err
