import datetime

import attrs
import pytest
from hypothesis import given

import policegrades as pg
from policegrades import Grade, strategies

PEEL_2016 = "2016"
TODAY = datetime.date(2017, 3, 2)


def _inspection(framework: str = PEEL_2016, **changes: object) -> pg.Inspection:
    peel = pg.framework(framework)
    fields: dict[str, object] = {
        "force": pg.force("Cleveland"),
        "framework": peel,
        "published": TODAY,
        "grades": [pg.AreaGrade(area=peel.area("effectiveness"), grade=Grade.GOOD)],
    }
    fields.update(changes)
    return pg.Inspection(**fields)  # type: ignore[arg-type]


def test_grade_by_area_key_or_name() -> None:
    peel = pg.framework(PEEL_2016)
    inspection = _inspection(
        grades=[
            pg.AreaGrade(area=peel.area("effectiveness"), grade=Grade.GOOD),
            pg.AreaGrade(area=peel.area("leadership"), grade=None),
        ]
    )
    assert inspection.grade("effectiveness") is Grade.GOOD
    assert inspection.grade("Effectiveness") is Grade.GOOD
    assert inspection.grade(peel.area("effectiveness")) is Grade.GOOD
    assert inspection.grade("leadership") is None


def test_an_absent_area_raises_rather_than_passing_for_ungraded() -> None:
    inspection = _inspection()
    with pytest.raises(pg.UnknownNameError, match="records no grade for 'Efficiency'"):
        inspection.grade("efficiency")
    with pytest.raises(pg.UnknownNameError, match="no area of PEEL 2016"):
        inspection.grade("police powers and public treatment")


def test_an_area_of_another_framework_is_refused() -> None:
    other = pg.framework("2023-25").area("police powers")
    with pytest.raises(
        pg.InvalidDataError, match=r"grades\[0\]\.area: 'police-powers' is not an area of PEEL 2016"
    ):
        _inspection(grades=[pg.AreaGrade(area=other, grade=Grade.GOOD)])


def test_the_same_area_twice_is_refused() -> None:
    area = pg.framework(PEEL_2016).area("effectiveness")
    with pytest.raises(
        pg.InvalidDataError, match=r"grades\[1\]\.area: 'effectiveness' is graded twice"
    ):
        _inspection(
            grades=[
                pg.AreaGrade(area=area, grade=Grade.GOOD),
                pg.AreaGrade(area=area, grade=Grade.GOOD),
            ]
        )


def test_a_grade_off_the_scale_is_refused() -> None:
    area = pg.framework(PEEL_2016).area("effectiveness")
    with pytest.raises(pg.InvalidDataError, match="'adequate' is not on the scale of PEEL 2016"):
        _inspection(grades=[pg.AreaGrade(area=area, grade=Grade.ADEQUATE)])


def test_a_grade_for_an_ungraded_area_is_refused() -> None:
    area = pg.framework(PEEL_2016).area("leadership")
    with pytest.raises(pg.InvalidDataError, match="'Leadership' is not graded in PEEL 2016"):
        _inspection(grades=[pg.AreaGrade(area=area, grade=Grade.GOOD)])


def test_a_derived_grade_needs_a_note() -> None:
    area = pg.framework(PEEL_2016).area("effectiveness")
    with pytest.raises(
        pg.InvalidDataError, match=r"grades\[0\]\.note: a derived grade needs a note"
    ):
        _inspection(grades=[pg.AreaGrade(area=area, grade=Grade.GOOD, derived=True)])


def test_a_finding_about_another_frameworks_area_is_refused() -> None:
    other = pg.framework("2023-25").area("police powers")
    finding = pg.Recommendation(text="x", kind=pg.RecommendationKind.RECOMMENDATION, area=other)
    with pytest.raises(pg.InvalidDataError, match=r"recommendations\[0\]\.area"):
        _inspection(recommendations=[finding])


def test_every_problem_is_listed_at_once() -> None:
    peel = pg.framework(PEEL_2016)
    with pytest.raises(pg.InvalidDataError) as caught:
        _inspection(
            grades=[
                pg.AreaGrade(area=peel.area("effectiveness"), grade=Grade.ADEQUATE),
                pg.AreaGrade(area=peel.area("leadership"), grade=Grade.GOOD, derived=True),
            ]
        )
    assert len(caught.value.problems) == 3
    assert str(caught.value).startswith("3 problems:")


def test_a_text_where_a_collection_belongs_is_not_split_into_letters() -> None:
    with pytest.raises(pg.InvalidDataError, match="sources: expected a collection, got str"):
        _inspection(sources="https://example.org")


@given(strategies.inspections())
def test_inspections_are_immutable_and_equal_by_value(inspection: pg.Inspection) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        inspection.published = TODAY  # type: ignore[misc]
    copy = attrs.evolve(inspection)
    assert copy == inspection
    assert hash(copy) == hash(inspection)
    for held in inspection.grades:
        assert inspection.grade(held.area.key) == held.grade


@given(strategies.inspections(min_areas=1))
def test_top_level_grades_are_the_parentless_ones(inspection: pg.Inspection) -> None:
    top = inspection.top_level_grades
    assert all(held.area.parent is None for held in top)
    assert len(top) == sum(held.area.parent is None for held in inspection.grades)
