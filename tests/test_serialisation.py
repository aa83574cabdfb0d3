import datetime
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import strategies


def _document(**changes: object) -> dict[str, Any]:
    document: dict[str, Any] = {
        "force": "E23000013",
        "framework": "peel-2016",
        "published": "2017-03-02",
        "grades": [
            {"area": "effectiveness", "grade": "good"},
            {"area": "leadership", "grade": None},
        ],
        "inspector": "Michael Cunningham",
    }
    document.update(changes)
    return document


def _problems(data: object, cls: type = pg.Inspection) -> tuple[str, ...]:
    with pytest.raises(pg.InvalidDataError) as caught:
        pg.from_dict(data, cls)
    return caught.value.problems


def test_a_document_loads_with_references_resolved() -> None:
    inspection = pg.from_dict(_document(), pg.Inspection)
    assert inspection.force is pg.force("Cleveland")
    assert inspection.framework is pg.framework("2016")
    assert inspection.published == datetime.date(2017, 3, 2)
    assert inspection.grade("effectiveness") is pg.Grade.GOOD
    assert inspection.grade("leadership") is None


def test_the_wire_format_is_compact() -> None:
    assert pg.to_dict(pg.from_dict(_document(), pg.Inspection)) == _document()


def test_adequate_is_refused_on_the_four_point_scale() -> None:
    text = json.dumps(_document(grades=[{"area": "effectiveness", "grade": "adequate"}]))
    with pytest.raises(pg.InvalidDataError) as caught:
        pg.from_json(text, pg.Inspection)
    assert caught.value.problems == (
        "grades[0].grade: 'adequate' is not on the scale of PEEL 2016 "
        "(outstanding, good, requires improvement, inadequate)",
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"inspector": 7}, "inspector: expected text, got a number (7)"),
        ({"published": 20170302}, "published: 20170302 is not a date; expected YYYY-MM-DD"),
        ({"published": "2017-02-30"}, "published: '2017-02-30' is not a date"),
        ({"published": "20170302"}, "published: '20170302' is not a date"),
        ({"sources": "https://x.org"}, "sources: expected a list, got text"),
        ({"sources": ["https://x.org", 3]}, "sources[1]: expected text, got a number (3)"),
        ({"force": "Atlantis"}, "force: no force is called 'Atlantis'"),
        ({"framework": "peel-2020"}, "framework: no PEEL round is called 'peel-2020'"),
        (
            {"monitoring": "special measures"},
            "monitoring: 'special measures' is not a monitoring stage; expected one of: scan, engage",
        ),
        ({"colour": "blue"}, "colour: unexpected key"),
        (
            {"grades": [{"area": "effectiveness", "grade": "excellent"}]},
            "grades[0].grade: 'excellent' is not a grade; expected one of: outstanding, good, adequate, requires improvement, inadequate",
        ),
        (
            {"grades": [{"area": "effectiveness", "grade": "good", "derived": "no", "note": "x"}]},
            "grades[0].derived: expected true or false, got text ('no')",
        ),
        (
            {"grades": [{"area": "vetting", "grade": "good"}]},
            "grades[0].area: 'vetting' is not an area of PEEL 2016",
        ),
        ({"grades": [{"grade": "good"}]}, "grades[0].area: required, but missing"),
        ({"grades": {"area": "effectiveness"}}, "grades: expected a list, got an object"),
    ],
)
def test_each_problem_is_named_with_its_path(changes: dict[str, object], expected: str) -> None:
    problems = _problems(_document(**changes))
    assert any(problem.startswith(expected) for problem in problems), problems


def test_a_missing_field_is_named() -> None:
    document = _document()
    del document["published"]
    assert _problems(document) == ("published: required, but missing",)


def test_every_problem_is_listed_not_only_the_first() -> None:
    problems = _problems(
        _document(
            inspector=3,
            published="yesterday",
            colour="blue",
            grades=[
                {"area": "effectiveness", "grade": "excellent"},
                {"area": "x", "grade": "good"},
            ],
        )
    )
    assert [p.split(":")[0] for p in problems] == [
        "published",
        "grades[0].grade",
        "grades[1].area",
        "inspector",
        "colour",
    ]


@pytest.mark.parametrize("data", [[], None, 3, "inspection", [_document()]])
def test_a_document_of_the_wrong_shape_is_refused(data: object) -> None:
    assert _problems(data)[0].startswith("document: expected an object (Inspection)")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{", "JSON text, line 1, column 2"),
        ('{"force": }', "JSON text, line 1, column 11"),
        (b"\xff", "JSON text: not UTF-8"),
        ("[" * 100_000, "JSON text: nested too deeply"),
        ("", "JSON text, line 1, column 1"),
    ],
)
def test_malformed_json_is_our_error(text: str | bytes, expected: str) -> None:
    with pytest.raises(pg.InvalidDataError) as caught:
        pg.from_json(text, pg.Inspection)
    assert caught.value.problems[0].startswith(expected)


def test_text_that_is_not_text_is_refused() -> None:
    with pytest.raises(pg.InvalidDataError, match="expected text"):
        pg.from_json(3, pg.Inspection)  # type: ignore[arg-type]


def test_an_inspection_of_an_unbundled_framework_cannot_be_saved() -> None:
    import attrs

    peel = pg.framework("2016")
    changed = attrs.evolve(peel, name="PEEL 2016 (edited)")
    inspection = pg.Inspection(
        force=pg.force("Cleveland"),
        framework=changed,
        published=datetime.date(2017, 3, 2),
        grades=[pg.AreaGrade(area=peel.area("effectiveness"), grade=pg.Grade.GOOD)],
    )
    with pytest.raises(pg.InvalidDataError, match="framework: 'peel-2016' differs"):
        pg.to_dict(inspection)


def test_an_area_key_outside_an_inspection_is_refused() -> None:
    problems = _problems({"area": "effectiveness", "grade": "good"}, pg.AreaGrade)
    assert problems == ("area: the area 'effectiveness' is given by key outside an inspection",)


@given(strategies.inspections())
def test_inspections_round_trip(inspection: pg.Inspection) -> None:
    assert pg.from_json(pg.to_json(inspection), pg.Inspection) == inspection
    assert pg.from_dict(pg.to_dict(inspection), pg.Inspection) == inspection
    assert pg.from_json(pg.to_json(inspection, indent=None), pg.Inspection) == inspection


@given(strategies.forces())
def test_forces_round_trip(force: pg.Force) -> None:
    assert pg.from_json(pg.to_json(force), pg.Force) == force


@given(strategies.frameworks())
def test_frameworks_round_trip(framework: pg.Framework) -> None:
    assert pg.from_json(pg.to_json(framework), pg.Framework) == framework


@given(strategies.frameworks().flatmap(strategies.area_grades))
def test_area_grades_round_trip_on_their_own(held: pg.AreaGrade) -> None:
    assert pg.from_json(pg.to_json(held), pg.AreaGrade) == held


@given(strategies.datasets())
def test_datasets_round_trip(dataset: pg.Dataset) -> None:
    assert pg.from_json(pg.to_json(dataset), pg.Dataset) == dataset


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@given(
    JSON,
    st.sampled_from([pg.Inspection, pg.Force, pg.Framework, pg.AreaGrade, pg.Grade, pg.Dataset]),
)
def test_arbitrary_json_gives_a_value_or_our_error(data: object, cls: type) -> None:
    try:
        pg.from_json(json.dumps(data), cls)
    except pg.InvalidDataError as error:
        assert error.problems
        assert all(": " in problem for problem in error.problems)
