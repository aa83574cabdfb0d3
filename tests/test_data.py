"""The bundled data: canonical, sourced, and pinned to the facts its sources state."""

import collections
import csv
import datetime
import pathlib
from collections.abc import Callable
from importlib import resources

import pytest

import policegrades as pg
from policegrades import Basis, Grade, Monitoring, Precision
from policegrades._files import inspection_files, read_bundled
from policegrades.bundled import canonical_json

FACTS = pathlib.Path(__file__).parent / "facts"
ROUNDS = [f.key for f in pg.frameworks()]
CLEVELAND = "E23000013"
DATA = resources.files("policegrades").joinpath("data").joinpath("inspections")
FILES = [
    pytest.param(round_key, force_id, id=f"{round_key}/{force_id}")
    for round_key, ids in inspection_files().items()
    for force_id in ids
]


def _facts(name: str) -> list[dict[str, str]]:
    with (FACTS / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _grade(text: str) -> Grade | None:
    return None if text == "ungraded" else Grade.parse(text)


def _round(name: str) -> pg.Inspection:
    return pg.inspection("cleveland", name)


def _counts(inspection: pg.Inspection) -> dict[Grade, int]:
    return dict(collections.Counter(h.grade for h in inspection.top_level_grades if h.grade))


def _national(round_key: str, area: str) -> collections.Counter[Grade | None]:
    return collections.Counter(
        i.grade(area)
        for i in pg.inspections(framework=round_key)
        if any(h.area.key == area for h in i.grades)
    )


# -- layout and canonical form ------------------------------------------------------------------


@pytest.mark.parametrize(("round_key", "force_id"), FILES)
def test_each_file_is_its_own_canonical_json(round_key: str, force_id: str) -> None:
    text = read_bundled(f"inspections/{round_key}/{force_id}.json")
    assert canonical_json(pg.inspection(force_id, round_key)) == text


def test_every_bundled_file_passes_the_public_check() -> None:
    paths = [
        pathlib.Path(str(DATA.joinpath(round_key).joinpath(f"{force_id}.json")))
        for round_key, ids in inspection_files().items()
        for force_id in ids
    ]
    assert len(paths) == len(pg.inspections())
    assert pg.check(*paths, canonical=True) == ()


def test_the_folders_are_the_rounds_and_the_files_the_forces() -> None:
    # A round with no bundled inspection yet (PEEL 2025–27) has no folder: git keeps no empty one.
    assert list(inspection_files()) == [key for key in ROUNDS if pg.inspections(framework=key)]
    force_ids = {f.police_uk_id for f in pg.forces()}
    for ids in inspection_files().values():
        assert set(ids) <= force_ids


def test_the_catalogue_files_are_canonical_json() -> None:
    assert pg.to_json(pg.forces()) + "\n" == read_bundled("forces.json")
    assert pg.to_json(pg.frameworks()) + "\n" == read_bundled("frameworks.json")


def test_one_inspection_per_force_per_round_in_force_then_round_order() -> None:
    every = pg.inspections()
    keys = [(i.force.code, i.framework.start_year) for i in every]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_the_2018_19_round_holds_every_force() -> None:
    assert len(pg.inspections(framework="2018/19")) == 43


# -- every grade row of the facts, and nothing else ---------------------------------------------


@pytest.mark.parametrize("round_key", ROUNDS)
def test_each_round_holds_exactly_its_facts_table(round_key: str) -> None:
    facts = {
        (row["ons_code"], row["area"]): (_grade(row["grade"]), row["source_url"])
        for row in _facts(f"grades-{round_key}.csv")
    }
    if round_key == "peel-2016":
        for row in _facts("peel-2016-effectiveness.csv"):
            if row["ons_code"] != CLEVELAND:
                facts[(row["ons_code"], "effectiveness")] = (
                    Grade.parse(row["effectiveness_grade"]),
                    "http://iwradio.co.uk/2017/03/02/police-effectiveness-what-rating-does-your-force-get-in-hmic-report/",
                )
    bundled = {
        (i.force.code, h.area.key): (h.grade, i.source(h.source).url if h.source else None)
        for i in pg.inspections(framework=round_key)
        if i.force.code != CLEVELAND
        for h in i.grades
    }
    assert bundled == facts


@pytest.mark.parametrize("round_key", ROUNDS)
def test_cleveland_holds_exactly_its_facts_in_each_round(round_key: str) -> None:
    facts = {
        row["area"]: (_grade(row["grade"]), Basis(row["basis"]))
        for row in _facts("cleveland.csv")
        if row["round"] == round_key
    }
    found = pg.inspections("cleveland", round_key)
    held = {h.area.key: (h.grade, h.basis) for i in found for h in i.grades}
    assert held == facts


@pytest.mark.parametrize("round_key", ["peel-2021-22", "peel-2023-25"])
def test_each_inspection_holds_its_published_facts(round_key: str) -> None:
    for row in _facts(f"inspections-{round_key}.csv"):
        try:
            found = pg.inspection(row["ons_code"], round_key)
        except pg.UnknownNameError:
            assert not row["published"]
            assert row["counts_complete"] != "yes"
            assert not row["engage"]
            continue
        written = pg.to_dict(found).get("published", "")
        assert written == row["published"]
        assert str(found.published_precision) == (row["published_precision"] or "round")
        if row["counts_complete"] == "yes":
            labels = [g.label for g in Grade]
            columns = [c.replace(" ", "_") for c in labels]
            assert found.published_counts == {
                Grade(label): int(row[column])
                for label, column in zip(labels, columns, strict=True)
            }
            if row["count_source_url"] and found.counts_source is not None:
                assert found.source(found.counts_source).url == row["count_source_url"]
        else:
            assert found.published_counts is None
        expected = {"yes": Monitoring.ENGAGE, "no": Monitoring.SCAN, "": None}[row["engage"]]
        if row["ons_code"] != CLEVELAND:
            assert found.monitoring is expected


# -- the national totals the sources give -------------------------------------------------------


def test_peel_2015_effectiveness_totals() -> None:
    assert _national("peel-2015", "effectiveness") == {
        Grade.OUTSTANDING: 1,
        Grade.GOOD: 24,
        Grade.REQUIRES_IMPROVEMENT: 18,
    }
    (durham,) = [
        i.force.short_name
        for i in pg.inspections(framework="2015")
        if i.grade("effectiveness") is Grade.OUTSTANDING
    ]
    assert durham == "Durham"


def test_peel_2016_legitimacy_totals() -> None:
    assert _national("peel-2016", "legitimacy") == {
        Grade.OUTSTANDING: 2,
        Grade.GOOD: 36,
        Grade.REQUIRES_IMPROVEMENT: 5,
    }


def test_peel_2017_legitimacy_by_force() -> None:
    by_grade = collections.defaultdict(set)
    for i in pg.inspections(framework="2017"):
        by_grade[i.grade("legitimacy")].add(i.force.short_name)
    assert by_grade[Grade.OUTSTANDING] == {"Kent"}
    assert by_grade[Grade.REQUIRES_IMPROVEMENT] == {
        "Northamptonshire",
        "Cleveland",
        "London, City of",
        "West Midlands",
        "Warwickshire",
        "West Mercia",
    }
    assert by_grade[None] == {"Greater Manchester"}
    assert len(by_grade[Grade.GOOD]) == 43 - 8


def test_peel_2014_efficiency_totals_of_the_forces_found() -> None:
    assert _national("peel-2014", "efficiency") == {
        Grade.OUTSTANDING: 5,
        Grade.GOOD: 32,
        Grade.REQUIRES_IMPROVEMENT: 3,
    }
    graded = {
        i.force.short_name
        for i in pg.inspections(framework="2014")
        if any(h.area.key == "efficiency" for h in i.grades)
    }
    assert len(graded) == 40
    assert {"Cumbria", "Merseyside", "Lincolnshire"}.isdisjoint(graded)


def test_peel_2016_effectiveness_table() -> None:
    table = pg.fixtures.peel_2016_effectiveness()
    assert [i.force for i in table] == list(pg.forces())
    assert all(i.framework is pg.framework("2016") for i in table)
    assert all(len(i.grades) == 1 and i.grades[0].area.key == "effectiveness" for i in table)
    counts = collections.Counter(i.grade("effectiveness") for i in table)
    assert counts == {
        Grade.OUTSTANDING: 1,
        Grade.GOOD: 28,
        Grade.REQUIRES_IMPROVEMENT: 13,
        Grade.INADEQUATE: 1,
    }
    by_grade = {i.grade("effectiveness"): i.force.short_name for i in table}
    assert by_grade[Grade.OUTSTANDING] == "Durham"
    assert by_grade[Grade.INADEQUATE] == "Bedfordshire"
    assert all(i.sources == (i.source(i.grades[0].source or ""),) for i in table)


def test_the_effectiveness_table_is_drawn_from_the_national_data() -> None:
    for cut in pg.fixtures.peel_2016_effectiveness():
        whole = pg.inspection(cut.force, "2016")
        assert cut.grades == (whole.area_grade("effectiveness"),)
        assert cut.published == whole.published


# -- the special cases the facts show -----------------------------------------------------------


def test_greater_manchester_2017_efficiency_and_legitimacy_were_not_graded() -> None:
    gmp = pg.inspection("Greater Manchester", "2017")
    assert gmp.grade("efficiency") is None
    assert gmp.grade("legitimacy") is None
    assert gmp.grade("effectiveness") is not None


def test_the_pilot_and_early_2021_22_forces_graded_their_victim_service() -> None:
    assert pg.inspection("Suffolk", "2021/22").grade("victim service") is Grade.REQUIRES_IMPROVEMENT
    northants = pg.inspection("Northamptonshire", "2021/22").area_grade("victim service")
    assert northants.grade is Grade.ADEQUATE
    assert northants.weak
    # Gloucestershire's inadequate victim service is in its published count only.
    gloucestershire = pg.inspection("Gloucestershire", "2021/22")
    with pytest.raises(pg.UnknownNameError):
        gloucestershire.grade("victim service")
    assert gloucestershire.published_counts is not None
    assert gloucestershire.published_counts[Grade.INADEQUATE] == 6


def test_seventeen_forces_are_graded_on_crime_data_in_2023_25() -> None:
    graded = [
        i
        for i in pg.inspections(framework="2023-25")
        if any(h.area.key == "crime-data-integrity" for h in i.grades)
    ]
    assert len(graded) == 17
    assert pg.framework("2023-25").area("crime data integrity").grading is pg.Grading.SOME_FORCES


def test_northamptonshire_2023_25_keeps_the_grade_it_was_published_with() -> None:
    inspection = pg.inspection("Northamptonshire", "2023-25")
    held = inspection.area_grade("responding to the public")
    assert held.grade is Grade.REQUIRES_IMPROVEMENT
    assert held.correction is not None
    assert held.correction.published_grade is Grade.ADEQUATE
    assert held.correction.date == datetime.date(2024, 8, 8)
    assert held.correction.source == held.source
    assert inspection.published_counts == {
        Grade.OUTSTANDING: 1,
        Grade.GOOD: 1,
        Grade.ADEQUATE: 6,
        Grade.REQUIRES_IMPROVEMENT: 1,
        Grade.INADEQUATE: 0,
    }
    assert _counts(inspection) == {
        Grade.OUTSTANDING: 1,
        Grade.GOOD: 1,
        Grade.ADEQUATE: 5,
        Grade.REQUIRES_IMPROVEMENT: 2,
    }
    assert [h.area.key for i in pg.inspections() for h in i.grades if h.correction] == [
        "responding-to-the-public"
    ]


def test_the_grades_carried_over_are_marked_so() -> None:
    carried = {
        (i.force.short_name, i.framework.key, h.area.key)
        for i in pg.inspections()
        for h in i.grades
        if h.basis is Basis.CARRIED_OVER
    }
    assert ("Essex", "peel-2021-22", "crime-data-integrity") in carried
    assert ("Norfolk", "peel-2018-19", "use-of-resources") in carried
    assert ("Cleveland", "peel-2017", "investigating-crime") in carried
    rows = {
        (row["ons_code"], round_key, row["area"])
        for round_key in ROUNDS
        for row in _facts(f"grades-{round_key}.csv")
        if "carried" in row["evidence"].lower()
    }
    codes = {i.force.code: i.force.short_name for i in pg.inspections()}
    assert {(codes[c], r, a) for c, r, a in rows} <= carried
    assert len(carried) == len(rows) + 3


def test_the_weak_rows_are_marked_so() -> None:
    weak = {
        (i.force.short_name, i.framework.key, h.area.key)
        for i in pg.inspections()
        for h in i.grades
        if h.weak
    }
    for force in ("Metropolitan Police", "Northamptonshire", "Hampshire"):
        assert (force, "peel-2014", "efficiency") in weak
    assert ("Northamptonshire", "peel-2021-22", "victim-service") in weak
    assert ("Bedfordshire", "peel-2016", "preventing-crime") in weak
    assert ("Cleveland", "peel-2014", "financial-position") in weak
    # A pillar read on the inspectorate's own page is not weak.
    assert ("Durham", "peel-2016", "effectiveness") not in weak


def test_dates_are_kept_at_their_precision() -> None:
    met = pg.inspection("the Met", "2021/22")
    assert (met.published, met.published_precision) == (datetime.date(2022, 9, 1), Precision.MONTH)
    assert met.published_text == "September 2022"
    for inspection in pg.inspections(framework="2018/19"):
        if inspection.force.short_name == "Cleveland":
            assert inspection.published == datetime.date(2019, 9, 27)
        else:
            assert inspection.published is None
            assert inspection.published_precision is Precision.ROUND
    for inspection in pg.inspections():
        if inspection.published_precision is Precision.MONTH:
            assert inspection.published is not None
            assert inspection.published.day == 1


def test_every_grade_names_a_source_that_is_a_page_or_a_titled_release() -> None:
    for inspection in pg.inspections():
        for held in inspection.grades:
            assert held.source is not None
            source = inspection.source(held.source)
            assert source.url is not None
            assert source.url.startswith(("https://", "http://"))
        for source in inspection.sources:
            assert source.url or source.title


def test_every_derived_grade_says_how() -> None:
    derived = [h for i in pg.inspections() for h in i.grades if h.derived]
    assert len(derived) == 2
    assert all(h.note and h.note.startswith("Derived") for h in derived)


# -- Cleveland, pinned to the seed facts --------------------------------------------------------


def test_cleveland_has_every_round_oldest_first() -> None:
    history = pg.fixtures.cleveland()
    # Every round to PEEL 2023–25: no PEEL 2025–27 report of Cleveland is in the sources yet.
    assert [i.framework.name for i in history] == [f.name for f in pg.frameworks()][:-1]
    assert {i.force for i in history} == {pg.force("Cleveland")}
    assert history == pg.inspections("cleveland")


def test_peel_2021_22_matches_the_news_report() -> None:
    inspection = _round("2021/22")
    assert _counts(inspection) == {
        Grade.GOOD: 1,
        Grade.ADEQUATE: 4,
        Grade.REQUIRES_IMPROVEMENT: 3,
        Grade.INADEQUATE: 2,
    }
    assert inspection.published_counts == {Grade.OUTSTANDING: 0, **_counts(inspection)}
    assert inspection.grade("operational efficiency") is Grade.INADEQUATE
    assert inspection.monitoring is Monitoring.ENGAGE
    assert inspection.published == datetime.date(2023, 3, 17)
    assert inspection.complete


def test_peel_2018_19_is_inadequate_in_every_pillar() -> None:
    inspection = _round("2018/19")
    assert _counts(inspection) == {Grade.INADEQUATE: 3}
    kinds = collections.Counter(f.kind for f in inspection.recommendations)
    assert kinds[pg.RecommendationKind.CAUSE_OF_CONCERN] == 5
    assert all(f.source == "engage" for f in inspection.recommendations)
    assert inspection.monitoring is Monitoring.ENGAGE
    others = [i for i in pg.inspections(framework="2018/19") if i.force.short_name != "Cleveland"]
    assert max(_counts(i).get(Grade.INADEQUATE, 0) for i in others) <= 1


def test_peel_2023_25_counts_and_ungraded_victim_service() -> None:
    inspection = _round("2023-25")
    assert _counts(inspection) == {Grade.GOOD: 4, Grade.ADEQUATE: 2, Grade.REQUIRES_IMPROVEMENT: 2}
    assert inspection.grade("victim service") is None
    assert inspection.inspector == "Michelle Skeer"
    assert len(inspection.recommendations) == 2


def test_unknown_grades_are_absent_not_guessed() -> None:
    for name, unknown in [
        ("2015", "use of resources"),
        ("2016", "protecting vulnerable people"),
        ("2018/19", "investigating crime"),
    ]:
        with pytest.raises(pg.UnknownNameError):
            _round(name).grade(unknown)
    assert _round("2021/22").inspector is None


def test_the_cleveland_2016_effectiveness_grade_exists_once() -> None:
    (row,) = [r for r in _facts("peel-2016-effectiveness.csv") if r["ons_code"] == CLEVELAND]
    assert _round("2016").grade("effectiveness") is Grade.parse(row["effectiveness_grade"])
    (cut,) = [i for i in pg.fixtures.peel_2016_effectiveness() if i.force.code == CLEVELAND]
    assert cut.area_grade("effectiveness") == _round("2016").area_grade("effectiveness")


# -- the whole data through the tables ----------------------------------------------------------


def test_the_csv_of_every_inspection_gives_back_the_same_grades() -> None:
    every = pg.inspections()
    loaded = pg.from_csv(pg.to_csv(every))
    assert [h for i in loaded for h in i.grades] == [h for i in every for h in i.grades]
    assert loaded == every


# -- read by the library alone, lazily ----------------------------------------------------------


def test_nothing_is_read_at_import_and_a_force_reads_its_own_files(
    json_files_opened: Callable[[str], tuple[list[str], list[str]]],
) -> None:
    at_import, opened = json_files_opened("pg.fixtures.cleveland()")
    assert at_import == []
    assert sorted(opened) == sorted(["forces.json", "frameworks.json", *["cleveland.json"] * 7])


def test_a_users_hooks_never_change_the_bundled_data(
    json_files_opened: Callable[[str], tuple[list[str], list[str]]],
) -> None:
    code = """
def shout(value, _):
    if type(value) is not str:
        raise ValueError("not text")
    return value.upper()
pg.converter.register_structure_hook(str, shout)
assert pg.forces()[0].name == "Metropolitan Police Service", pg.forces()[0].name
assert pg.inspection("cleveland", "2021/22").note.startswith("Fieldwork")
assert len(pg.fixtures.cleveland()) == 7
"""
    json_files_opened(code)  # raises if the script fails


@pytest.mark.parametrize(
    ("text", "heading"),
    [("{", "is broken:"), (None, "is misplaced:")],
)
def test_a_bundled_file_that_is_broken_or_misplaced_is_named(
    monkeypatch: pytest.MonkeyPatch, text: str | None, heading: str
) -> None:
    from policegrades import _files, bundled

    durham = _files.read_bundled("inspections/peel-2016/durham.json")
    monkeypatch.setattr(_files, "read_bundled", lambda name: durham if text is None else text)
    bundled._read.cache_clear()
    try:
        with pytest.raises(pg.InvalidDataError) as raised:
            bundled._read("peel-2016", "kent")
    finally:
        bundled._read.cache_clear()
    assert raised.value.heading == f"the bundled file inspections/peel-2016/kent.json {heading}"
    if text is None:
        assert raised.value.problems == ("holds durham in peel-2016",)
