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


NON_ASCII_DIGITS = st.characters(categories=["Nd"]).filter(lambda c: not "0" <= c <= "9")


@given(st.dates(), st.sampled_from([True, False]), st.data())
def test_a_date_in_another_scripts_digits_is_refused(
    day: datetime.date, to_the_day: bool, data: st.DataObject
) -> None:
    text = day.isoformat() if to_the_day else day.isoformat()[:7]
    at = data.draw(st.sampled_from([i for i, c in enumerate(text) if c.isdigit()]))
    foreign = text[:at] + data.draw(NON_ASCII_DIGITS) + text[at + 1 :]
    document = {**pg.to_dict(pg.fixtures.cleveland()[2]), "published": foreign}
    with pytest.raises(pg.InvalidDataError, match=r"published: .* is not a date"):
        pg.from_dict(document, pg.Inspection)
    with pytest.raises(pg.InvalidDataError, match=r"published_by: .* is not a date"):
        pg.inspections("cleveland", published_by=foreign)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"inspector": 7}, "inspector: expected text, got a number (7)"),
        ({"published": 20170302}, "published: 20170302 is not a date; expected YYYY-MM-DD"),
        ({"published": "2017-02-30"}, "published: '2017-02-30' is not a date"),
        ({"published": "20170302"}, "published: '20170302' is not a date"),
        ({"published": "2017-3"}, "published: '2017-3' is not a date"),
        ({"published": "２０１７-03-02"}, "published: '２０１７-03-02' is not a date"),
        ({"published": None}, "published: null is not a date"),
        ({"sources": "https://x.org"}, "sources: expected a list, got text"),
        (
            {"sources": [{"key": "a", "url": "https://x.org"}, 3]},
            "sources[1]: expected an object (Source), got a number (3)",
        ),
        ({"sources": [{"key": "a", "url": 3}]}, "sources[0].url: expected text, got a number (3)"),
        ({"force": "Atlantis"}, "force: text ('Atlantis') is not a force's ONS code"),
        (
            {"force": "the Met"},
            "force: text ('the Met') is not a force's ONS code such as 'E23000013' "
            "('the Met' is written 'E23000001' here)",
        ),
        ({"framework": "peel-2020"}, "framework: text ('peel-2020') is not a PEEL round's key"),
        ({"framework": "2016"}, "framework: text ('2016') is not a PEEL round's key"),
        ({"published_precision": "month"}, "published_precision: unexpected key"),
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
            {"grades": [{"area": "effectiveness", "grade": "Good"}]},
            "grades[0].grade: 'Good' is not a grade",
        ),
        (
            {"grades": [{"area": "effectiveness", "grade": "good", "weak": "no"}]},
            "grades[0].weak: expected true or false, got text ('no')",
        ),
        (
            {"grades": [{"area": "effectiveness", "grade": "good", "derived": True}]},
            "grades[0].derived: unexpected key",
        ),
        (
            {"grades": [{"area": "effectiveness", "grade": "good", "basis": "guessed"}]},
            "grades[0].basis: 'guessed' is not a basis; expected one of: stated, derived, carried over",
        ),
        (
            {"grades": [{"area": "effectiveness", "grade": "good", "source": "bbc"}]},
            "grades[0].source: 'bbc' is not among the inspection's sources",
        ),
        (
            {"published_counts": {"good": 1}},
            "published_counts: expected a count for each grade of PEEL 2016",
        ),
        (
            {"published_counts": {"good": "1"}},
            "published_counts.good: expected a whole number ≥ 0, got text ('1')",
        ),
        (
            {
                "published_counts": {
                    "outstanding": 0,
                    "good": 0,
                    "requires improvement": 1,
                    "inadequate": 0,
                }
            },
            "published_counts.good: 1 area is graded good as first published, but the published counts give 0",
        ),
        ({"counts_source": "bbc"}, "counts_source: given, but there are no published counts"),
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
    del document["grades"]
    assert _problems(document) == ("grades: required, but missing",)


@pytest.mark.parametrize(
    ("written", "date", "precision"),
    [
        ("2017-03-02", datetime.date(2017, 3, 2), pg.Precision.DAY),
        ("2017-03", datetime.date(2017, 3, 1), pg.Precision.MONTH),
        (None, None, pg.Precision.ROUND),
    ],
)
def test_the_form_of_the_date_gives_its_precision(
    written: str | None, date: datetime.date | None, precision: pg.Precision
) -> None:
    document = _document()
    if written is None:
        del document["published"]
    else:
        document["published"] = written
    inspection = pg.from_dict(document, pg.Inspection)
    assert (inspection.published, inspection.published_precision) == (date, precision)
    assert pg.to_dict(inspection) == document


def test_a_document_with_provenance_loads_and_saves_unchanged() -> None:
    document = _document(
        grades=[
            {
                "area": "effectiveness",
                "grade": "good",
                "basis": "carried over",
                "source": "report",
                "weak": True,
                "correction": {
                    "published_grade": "requires improvement",
                    "date": "2017-05-01",
                    "reason": "A correction.",
                    "source": "report",
                },
                "note": "Carried over.",
            }
        ],
        sources=[{"key": "report", "url": "https://example.org/report", "publisher": "HMICFRS"}],
    )
    document["published_counts"] = {
        "outstanding": 0,
        "good": 0,
        "requires improvement": 2,
        "inadequate": 0,
    }
    document["counts_source"] = "report"
    inspection = pg.from_dict(document, pg.Inspection)
    held = inspection.area_grade("effectiveness")
    assert held.basis is pg.Basis.CARRIED_OVER
    assert held.published_grade is pg.Grade.REQUIRES_IMPROVEMENT
    assert inspection.source("report").publisher == "HMICFRS"
    assert pg.to_dict(inspection) == {
        k: document[k]
        for k in (
            "force",
            "framework",
            "published",
            "grades",
            "published_counts",
            "counts_source",
            "inspector",
            "sources",
        )
    }


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


@given(strategies.sources())
def test_sources_round_trip(source: pg.Source) -> None:
    assert pg.from_json(pg.to_json(source), pg.Source) == source


@given(strategies.grade_counts())
def test_grade_counts_round_trip(counts: pg.GradeCounts) -> None:
    assert pg.from_json(pg.to_json(counts), pg.GradeCounts) == counts


def test_a_fresh_converter_is_independent_of_the_public_one() -> None:
    mine = pg.make_converter()
    mine.register_unstructure_hook(pg.Grade, lambda grade: grade.name)
    assert mine.unstructure(pg.Grade.GOOD) == "GOOD"
    assert pg.to_dict(pg.Grade.GOOD) == "good"
    assert pg.make_converter().unstructure(pg.Grade.GOOD) == "good"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@given(
    JSON,
    st.sampled_from(
        [pg.Inspection, pg.Force, pg.Framework, pg.AreaGrade, pg.Grade, pg.Source, pg.GradeCounts]
    ),
)
def test_arbitrary_json_gives_a_value_or_our_error(data: object, cls: type) -> None:
    try:
        pg.from_json(json.dumps(data), cls)
    except pg.InvalidDataError as error:
        assert error.problems
        assert all(": " in problem for problem in error.problems)


def test_a_long_list_with_one_bad_item_explains_that_item_only() -> None:
    from unittest import mock

    from policegrades import _wire

    good = pg.to_dict(pg.inspection("cleveland", "2021/22"))
    documents = [good] * 300 + [{**good, "inspector": 3}] + [good] * 300
    with mock.patch.object(_wire, "_in_detail", wraps=_wire._in_detail) as detailed:
        problems = _problems(documents, tuple[pg.Inspection, ...])
    assert problems == ("[300].inspector: expected text, got a number (3)",)
    assert detailed.call_count == 1
    assert detailed.call_args.args[1] == documents[300]


def test_every_bad_item_of_a_list_is_named_with_its_place() -> None:
    good = pg.to_dict(pg.inspection("cleveland", "2021/22"))
    problems = _problems([good, 3, {**good, "note": ""}], tuple[pg.Inspection, ...])
    assert problems == (
        "[1]: expected an object (Inspection), got a number (3)",
        "[2].note: empty; give None for no value",
    )
