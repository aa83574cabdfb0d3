"""The bundled data: canonical, sourced, and pinned to the facts its sources state."""

import collections
from collections.abc import Callable

import pytest

import policegrades as pg
from policegrades import Grade
from policegrades.catalogues import read_bundled

CLEVELAND = pg.fixtures.cleveland
EVERY_INSPECTION = [
    pytest.param(inspection, id=f"{key}-{index}")
    for key in pg.fixtures.DATASETS
    for index, inspection in enumerate(pg.fixtures.dataset(key).inspections)
]


def _round(name: str) -> pg.Inspection:
    (found,) = [i for i in CLEVELAND() if i.framework is pg.framework(name)]
    return found


def _counts(inspection: pg.Inspection) -> dict[Grade, int]:
    return dict(collections.Counter(h.grade for h in inspection.top_level_grades if h.grade))


# -- canonical form ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", pg.fixtures.DATASETS)
def test_each_dataset_file_is_its_own_canonical_json(key: str) -> None:
    text = read_bundled(f"datasets/{key}.json")
    assert pg.to_json(pg.fixtures.dataset(key)) + "\n" == text


def test_the_catalogue_files_are_canonical_json() -> None:
    assert pg.to_json(pg.forces()) + "\n" == read_bundled("forces.json")
    assert pg.to_json(pg.frameworks()) + "\n" == read_bundled("frameworks.json")


def test_fixtures_are_cached_immutable_tuples() -> None:
    assert isinstance(CLEVELAND(), tuple)
    assert CLEVELAND() is CLEVELAND()
    assert [d.key for d in pg.fixtures.datasets()] == list(pg.fixtures.DATASETS)


def test_an_unknown_dataset_is_our_error() -> None:
    with pytest.raises(pg.UnknownNameError, match="expected one of: cleveland"):
        pg.fixtures.dataset("durham")


# -- every record is sourced and honest ------------------------------------------------------


@pytest.mark.parametrize("inspection", EVERY_INSPECTION)
def test_every_inspection_is_sourced(inspection: pg.Inspection) -> None:
    assert inspection.sources
    assert all(source.startswith(("https://", "http://")) for source in inspection.sources)


@pytest.mark.parametrize("inspection", EVERY_INSPECTION)
def test_every_derived_grade_says_how(inspection: pg.Inspection) -> None:
    for held in inspection.grades:
        if held.derived:
            assert held.note
            assert held.note.startswith("Derived")


@pytest.mark.parametrize("inspection", EVERY_INSPECTION)
def test_every_finding_is_about_an_area_of_its_round(inspection: pg.Inspection) -> None:
    for finding in inspection.recommendations:
        assert finding.area is None or inspection.framework.has_area(finding.area)


@pytest.mark.parametrize("key", pg.fixtures.DATASETS)
def test_dataset_sources_cover_its_inspections(key: str) -> None:
    dataset = pg.fixtures.dataset(key)
    assert dataset.description
    for inspection in dataset.inspections:
        assert set(inspection.sources) <= set(dataset.sources)


# -- Cleveland, pinned to the facts -----------------------------------------------------------


def test_cleveland_has_every_round_oldest_first() -> None:
    history = CLEVELAND()
    assert [i.framework.name for i in history] == [
        "PEEL 2014",
        "PEEL 2015",
        "PEEL 2016",
        "PEEL 2017",
        "PEEL 2018/19",
        "PEEL 2021/22",
        "PEEL 2023–25",
    ]
    assert [i.published for i in history] == sorted(i.published for i in history)
    assert {i.force for i in history} == {pg.force("Cleveland")}


def test_peel_2021_22_matches_the_news_report() -> None:
    inspection = _round("2021/22")
    graded = [h for h in inspection.grades if h.grade is not None]
    assert len(graded) == 10
    assert _counts(inspection) == {
        Grade.GOOD: 1,
        Grade.ADEQUATE: 4,
        Grade.REQUIRES_IMPROVEMENT: 3,
        Grade.INADEQUATE: 2,
    }
    assert inspection.grade("preventing crime and anti-social behaviour") is Grade.INADEQUATE
    assert inspection.grade("operational efficiency") is Grade.INADEQUATE
    assert inspection.grade("investigating crime") is Grade.REQUIRES_IMPROVEMENT
    assert inspection.grade("victim service") is None
    assert inspection.monitoring is pg.Monitoring.ENGAGE
    assert str(inspection.published) == "2023-03-17"


def test_peel_2021_22_marks_exactly_the_two_derived_grades() -> None:
    derived = [h.area.key for h in _round("2021/22").grades if h.derived]
    assert derived == ["responding-to-the-public", "managing-offenders"]
    assert all(
        not h.derived for i in CLEVELAND() if i.framework.key != "peel-2021-22" for h in i.grades
    )


def test_peel_2018_19_is_inadequate_in_every_pillar() -> None:
    inspection = _round("2018/19")
    assert _counts(inspection) == {Grade.INADEQUATE: 3}
    assert inspection.grade("serious and organised crime") is Grade.GOOD
    assert inspection.grade("specialist capabilities") is None
    kinds = collections.Counter(f.kind for f in inspection.recommendations)
    assert kinds[pg.RecommendationKind.CAUSE_OF_CONCERN] == 5
    assert inspection.monitoring is pg.Monitoring.ENGAGE


def test_peel_2016_is_good_good_requires_improvement() -> None:
    inspection = _round("2016")
    assert [inspection.grade(p) for p in ("effectiveness", "efficiency", "legitimacy")] == [
        Grade.GOOD,
        Grade.GOOD,
        Grade.REQUIRES_IMPROVEMENT,
    ]
    assert inspection.grade("leadership") is None
    for unknown in ("protecting vulnerable people", "serious and organised crime"):
        with pytest.raises(pg.UnknownNameError):
            inspection.grade(unknown)


def test_peel_2023_25_counts_and_ungraded_victim_service() -> None:
    inspection = _round("2023-25")
    assert _counts(inspection) == {
        Grade.GOOD: 4,
        Grade.ADEQUATE: 2,
        Grade.REQUIRES_IMPROVEMENT: 2,
    }
    assert inspection.grade("victim service") is None
    assert inspection.inspector == "Michelle Skeer"
    assert len(inspection.recommendations) == 2


def test_unknown_grades_are_absent_not_guessed() -> None:
    for name, unknown in [
        ("2015", "use of resources"),
        ("2018/19", "investigating crime"),
        ("2018/19", "fair treatment of the public"),
    ]:
        with pytest.raises(pg.UnknownNameError):
            _round(name).grade(unknown)
    assert _round("2021/22").inspector is None


# -- every force's PEEL 2016 effectiveness -----------------------------------------------------


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


def test_the_two_datasets_agree_on_cleveland_2016() -> None:
    (cleveland,) = [
        i for i in pg.fixtures.peel_2016_effectiveness() if i.force.short_name == "Cleveland"
    ]
    assert cleveland.grade("effectiveness") == _round("2016").grade("effectiveness")


# -- lazy loading ------------------------------------------------------------------------------


def test_datasets_are_read_only_when_first_asked_for(
    json_files_opened: Callable[[str], tuple[list[str], list[str]]],
) -> None:
    at_import, opened = json_files_opened("pg.fixtures.cleveland()")
    assert at_import == []
    assert sorted(opened) == ["cleveland.json", "forces.json", "frameworks.json"]
