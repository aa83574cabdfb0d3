import re

import attrs
import pytest
from hypothesis import given

import policegrades as pg
from policegrades import Grade, strategies
from policegrades._words import number

HEADLINES = {
    "2021/22": "good in one area, adequate in four areas, requires improvement in three areas and inadequate in two areas",
    "2018/19": "inadequate in all three areas",
    "2016": "good in two areas and requires improvement in one area",
    "2023-25": "good in four areas, adequate in two areas and requires improvement in two areas",
}


def _round(name: str) -> pg.Inspection:
    (found,) = [i for i in pg.fixtures.cleveland() if i.framework is pg.framework(name)]
    return found


@pytest.mark.parametrize(("name", "headline"), HEADLINES.items())
def test_headlines_of_the_bundled_rounds(name: str, headline: str) -> None:
    assert pg.summarise(_round(name)).headline() == headline


def test_the_seed_reports_inadequate_areas() -> None:
    summary = pg.summarise(_round("2021/22"))
    assert [a.key for a in summary.areas_graded(Grade.INADEQUATE)] == [
        "preventing-crime",
        "good-use-of-resources",
    ]
    assert [a.key for a in summary.worst] == ["preventing-crime", "good-use-of-resources"]
    assert [a.key for a in summary.best] == ["crime-data-integrity"]
    assert [a.key for a in summary.ungraded] == ["victim-service"]
    assert len(summary.graded) == 10


def test_counts_are_best_first_on_the_frameworks_scale() -> None:
    assert list(pg.summarise(_round("2016")).counts) == list(pg.Scale.FOUR_POINT.grades)
    assert list(pg.summarise(_round("2021/22")).counts) == list(pg.Scale.FIVE_POINT.grades)


def test_counts_cannot_be_changed() -> None:
    summary = pg.summarise(_round("2016"))
    with pytest.raises(TypeError):
        summary.counts[Grade.GOOD] = 9  # type: ignore[index]


def test_pillar_rounds_count_pillars_only() -> None:
    summary = pg.summarise(_round("2017"))
    assert sum(summary.counts.values()) == 3
    assert pg.summarise(_round("2014")).headline() == "good in its one graded area"


def test_no_graded_area_says_so() -> None:
    peel = pg.framework("2014")
    inspection = pg.Inspection(
        force=pg.force("Durham"),
        framework=peel,
        published=_round("2014").published,
        grades=[pg.AreaGrade(area=area, grade=None) for area in peel.top_level_areas],
    )
    assert pg.summarise(inspection).headline() == "no area graded"
    assert pg.summarise(inspection).best == ()
    partial = attrs.evolve(inspection, grades=inspection.grades[:1])
    assert pg.summarise(partial).headline() == "no grade known"


def test_an_inspection_known_by_its_counts_has_the_press_headline() -> None:
    summary = pg.summarise(pg.inspection("Hertfordshire", "2021/22"))
    assert summary.counted is pg.Counted.PUBLISHED_COUNTS
    assert summary.graded == ()
    assert summary.headline() == (
        "good in two areas, adequate in five areas and requires improvement in one area"
    )


def test_the_counts_are_the_grades_as_they_stand_when_all_are_known() -> None:
    summary = pg.summarise(pg.inspection("Northamptonshire", "2023-25"))
    assert summary.counted is pg.Counted.ALL_GRADES
    assert summary.counts[pg.Grade.REQUIRES_IMPROVEMENT] == 2  # one changed after publication


def test_only_inspections_are_summarised() -> None:
    with pytest.raises(pg.InvalidDataError, match="summarise takes one inspection"):
        pg.summarise(None)  # type: ignore[arg-type]


def test_numbers_are_words_to_twelve() -> None:
    assert [number(n) for n in (1, 2, 12, 13, 100)] == ["one", "two", "twelve", "13", "100"]


_WORD_VALUES = {number(n): n for n in range(13)}


@given(strategies.inspections())
def test_counts_add_up_to_the_graded_top_level_areas(inspection: pg.Inspection) -> None:
    summary = pg.summarise(inspection)
    graded = [h for h in inspection.top_level_grades if h.grade is not None]
    assert len(graded) == len(summary.graded)
    assert len(summary.graded) + len(summary.ungraded) == len(inspection.top_level_grades)
    if summary.counted is pg.Counted.PUBLISHED_COUNTS:
        assert summary.counts == inspection.published_counts
        assert not inspection.complete
    else:
        assert summary.counts.total == len(graded)
        assert summary.counted is (
            pg.Counted.ALL_GRADES if inspection.complete else pg.Counted.SOME_GRADES
        )
        for grade, n in summary.counts.items():
            assert len(summary.areas_graded(grade)) == n
    if graded:
        assert {h.grade for h in graded if h.area in summary.best} == {
            max(h.grade for h in graded if h.grade)
        }


@given(strategies.inspections())
def test_the_headlines_numbers_are_the_summarys_counts(inspection: pg.Inspection) -> None:
    summary = pg.summarise(inspection)
    headline = summary.headline()
    given_counts = {g: n for g, n in summary.counts.items() if n}
    if not given_counts:
        assert headline == ("no area graded" if summary.complete else "no grade known")
        return
    if not summary.complete:
        assert headline.startswith("of the grades known: ")
        headline = headline.removeprefix("of the grades known: ")
    if len(given_counts) == 1:
        ((grade, n),) = given_counts.items()
        assert headline.startswith(f"{grade} in ")
        if n > 2 and summary.complete:
            assert number(n) in headline
        return
    found = re.findall(
        r"(outstanding|good|adequate|requires improvement|inadequate) in (\w+) areas?", headline
    )
    assert [(Grade.parse(g), _WORD_VALUES.get(w) or int(w)) for g, w in found] == list(
        given_counts.items()
    )
