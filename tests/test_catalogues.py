import csv
import itertools
import pathlib
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import strategies

FORCE_QUERIES = {
    "Cleveland": "E23000013",
    "cleveland police": "E23000013",
    "E23000013": "E23000013",
    "the Met": "E23000001",
    "Met Police": "E23000001",
    "Metropolitan Police Service": "E23000001",
    "Devon and Cornwall": "E23000035",
    "Avon & Somerset": "E23000036",
    "City of London": "E23000034",
    "Hampshire Constabulary": "E23000030",
    "dyfed powys": "W15000004",
    "Durham Police": "E23000008",
    "greater-manchester": "E23000005",
}


@pytest.mark.parametrize(("query", "code"), FORCE_QUERIES.items())
def test_force_is_found_by_its_usual_names(query: str, code: str) -> None:
    assert pg.force(query).code == code


def test_there_are_43_forces_with_unique_codes_and_ids() -> None:
    found = pg.forces()
    assert len(found) == 43
    assert len({f.code for f in found}) == 43
    assert len({f.police_uk_id for f in found}) == 43
    assert {f.country for f in found} == {"England", "Wales"}
    assert sum(f.country == "Wales" for f in found) == 4


def test_an_ambiguous_query_names_the_candidates() -> None:
    with pytest.raises(pg.UnknownNameError) as caught:
        pg.force("Yorkshire")
    assert set(caught.value.candidates) == {
        "North Yorkshire Police",
        "West Yorkshire Police",
        "South Yorkshire Police",
    }
    assert "North Yorkshire Police" in str(caught.value)


@pytest.mark.parametrize("query", ["London", "Manchester", "Clevland", "nowhere", "police", ""])
def test_a_miss_never_matches_silently_and_names_the_closest(query: str) -> None:
    with pytest.raises(pg.UnknownNameError) as caught:
        pg.force(query)
    for name in caught.value.candidates:
        assert name in str(caught.value)


def test_a_near_miss_offers_the_force_meant() -> None:
    with pytest.raises(pg.UnknownNameError) as caught:
        pg.force("Clevland")
    assert caught.value.candidates[0] == "Cleveland Police"


@given(strategies.forces(), st.sampled_from(["lower", "upper", "title"]))
def test_every_name_of_every_force_finds_that_force(force: pg.Force, case: str) -> None:
    for name in force.names:
        assert pg.force(getattr(name, case)()) is force


@given(st.text(max_size=30))
def test_any_query_gives_a_force_or_our_error(query: str) -> None:
    try:
        found = pg.force(query)
    except pg.UnknownNameError:
        return
    assert found in pg.forces()


@pytest.mark.parametrize("query", [3, None, ["Cleveland"]])
def test_a_query_that_is_not_text_is_refused(query: object) -> None:
    with pytest.raises(pg.UnknownNameError):
        pg.force(query)  # type: ignore[arg-type]
    with pytest.raises(pg.UnknownNameError):
        pg.framework(query)  # type: ignore[arg-type]


FRAMEWORK_QUERIES = {
    "peel-2021-22": "peel-2021-22",
    "PEEL 2021/22": "peel-2021-22",
    "2021/22": "peel-2021-22",
    "2021": "peel-2021-22",
    "2023–25": "peel-2023-25",
    "2023-25": "peel-2023-25",
    "PEEL 2014": "peel-2014",
    "2018/19": "peel-2018-19",
    "2016": "peel-2016",
}


@pytest.mark.parametrize(("query", "key"), FRAMEWORK_QUERIES.items())
def test_framework_is_found_by_key_name_or_years(query: str, key: str) -> None:
    assert pg.framework(query).key == key


def test_frameworks_are_every_round_oldest_first() -> None:
    found = pg.frameworks()
    assert [f.key for f in found] == [
        "peel-2014",
        "peel-2015",
        "peel-2016",
        "peel-2017",
        "peel-2018-19",
        "peel-2021-22",
        "peel-2023-25",
        "peel-2025-27",
    ]
    assert [f.scale for f in found] == [pg.Scale.FOUR_POINT] * 5 + [pg.Scale.FIVE_POINT] * 3
    assert [f.start_year for f in found] == sorted(f.start_year for f in found)


def test_an_unknown_round_names_the_closest() -> None:
    with pytest.raises(pg.UnknownNameError, match="PEEL 2021/22"):
        pg.framework("2021-23")


@given(strategies.frameworks())
def test_framework_areas_are_consistent(framework: pg.Framework) -> None:
    keys = [a.key for a in framework.areas]
    assert len(keys) == len(set(keys))
    for area in framework.areas:
        assert area.parent is None or area.parent in keys
        for name in area.names:
            assert framework.area(name) is area
        assert framework.area(area) is area
    if framework.scale is pg.Scale.FIVE_POINT:
        assert all(a.parent is None for a in framework.areas)


def test_lineage_points_to_the_round_before() -> None:
    ordered = pg.frameworks()
    for before, after in itertools.pairwise(ordered):
        for area in after.areas:
            if area.renamed_from is not None:
                assert before.area_by_key(area.renamed_from) is not None
                assert after.area_by_key(area.renamed_from) is None


def test_area_aliases_from_the_facts() -> None:
    assert pg.framework("2021/22").area("operational efficiency").key == "good-use-of-resources"
    assert pg.framework("2021/22").area("Crime data integrity").key == "crime-data-integrity"
    # Graded in the pilot and early reports only; never in PEEL 2023–25.
    assert pg.framework("2021/22").area("victim-service").grading is pg.Grading.SOME_FORCES
    assert pg.framework("2023-25").area("victim-service").graded is False
    assert pg.framework("2023-25").area("crime data integrity").grading is pg.Grading.SOME_FORCES
    assert pg.framework("2016").area("leadership").grading is pg.Grading.UNGRADED


@pytest.mark.parametrize("framework", pg.frameworks(), ids=lambda f: f.key)
def test_the_areas_of_the_bundled_facts_are_the_rounds_areas(framework: pg.Framework) -> None:
    path = pathlib.Path(__file__).parent / "facts" / f"grades-{framework.key}.csv"
    with path.open(encoding="utf-8") as handle:
        keys = {row["area"] for row in csv.DictReader(handle)}
    assert keys <= {area.key for area in framework.areas}


def test_an_unknown_area_names_the_closest_areas() -> None:
    with pytest.raises(pg.UnknownNameError) as caught:
        pg.framework("2023-25").area("investigating crimes")
    assert caught.value.candidates[0] == "Investigating crime"


def test_import_reads_no_data_file_and_first_use_does(
    json_files_opened: Callable[[str], tuple[list[str], list[str]]],
) -> None:
    at_import, opened = json_files_opened("pg.force('the Met')")
    assert at_import == []
    assert opened == ["forces.json"]
