import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import strategies
from policegrades.tables import COLUMNS, GRADE_COLUMNS

HEADER = ",".join(COLUMNS)


def _row(**cells: str) -> str:
    """One line of the table: the given cells, every other cell empty."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([cells.get(c, "") for c in COLUMNS])
    return out.getvalue().removesuffix("\n")


SHARED = {
    "force_code": "E23000013",
    "force_name": "Cleveland Police",
    "round": "peel-2016",
    "published": "2017-03-02",
    "inspection": "1",
}
HEAD = _row(**SHARED, record="inspection")
GRADE = {
    **SHARED,
    "record": "grade",
    "area": "effectiveness",
    "area_name": "Effectiveness",
    "grade": "good",
    "basis": "stated",
    "weak": "false",
}


def _table(*lines: str) -> str:
    return "\n".join([HEADER, *lines]) + "\n"


def _problems(text: str) -> tuple[str, ...]:
    with pytest.raises(pg.InvalidDataError) as caught:
        pg.from_csv(text)
    return caught.value.problems


# -- nothing is lost ----------------------------------------------------------------------------


@given(st.lists(strategies.inspections(), max_size=5))
def test_any_list_of_inspections_round_trips(inspections: list[pg.Inspection]) -> None:
    assert pg.from_csv(pg.to_csv(inspections)) == tuple(inspections)


def test_two_inspections_of_one_force_round_and_date_stay_two() -> None:
    one = pg.inspection("cleveland", "2016")
    assert pg.from_csv(pg.to_csv([one, one])) == (one, one)


def test_the_whole_bundled_data_survives_the_table() -> None:
    every = pg.inspections()
    assert pg.from_csv(pg.to_csv(every)) == every


def test_one_inspection_may_be_given_alone() -> None:
    one = pg.inspection("cleveland", "2016")
    assert pg.to_csv(one) == pg.to_csv([one])


def test_a_long_field_survives() -> None:
    inspection = pg.inspection("cleveland", "2016")
    long = inspection.__class__(
        force=inspection.force,
        framework=inspection.framework,
        published=inspection.published,
        grades=inspection.grades,
        sources=inspection.sources,
        note="x" * 200_000,
    )
    previous = csv.field_size_limit(131_072)  # the csv module's default, whatever was set before
    try:
        assert pg.from_csv(pg.to_csv([long])) == (long,)
        assert csv.field_size_limit() == 131_072  # the csv module's own limit is left as it was
    finally:
        csv.field_size_limit(previous)


def test_the_grade_rows_are_the_classic_long_table() -> None:
    text = pg.to_csv(pg.fixtures.cleveland())
    grades = [row for row in csv.DictReader(io.StringIO(text)) if row["record"] == "grade"]
    assert len(grades) == sum(len(i.grades) for i in pg.fixtures.cleveland())
    assert list(grades[0])[: len(GRADE_COLUMNS)] == list(GRADE_COLUMNS)


def test_dates_at_each_precision_survive_the_table() -> None:
    for name, written in (("the Met", "2022-09"), ("Durham", ""), ("Cleveland", "2023-03-17")):
        inspection = pg.inspection(name, "2022" if name != "Durham" else "2019")
        text = pg.to_csv([inspection])
        assert next(csv.DictReader(io.StringIO(text)))["published"] == written
        assert pg.from_csv(text) == (inspection,)


# -- strict: one spelling, the one to_csv writes ------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"grade": "excellent"}, "line 3: grade: 'excellent' is not a grade"),
        ({"grade": "good!!"}, "line 3: grade: 'good!!' is not a grade"),
        ({"grade": "Good"}, "line 3: grade: 'Good' is not a grade"),
        ({"grade": "adequate"}, "line 3: grade: 'adequate' is not on the scale of PEEL 2016"),
        ({"force_code": "E99"}, "line 2: force_code: 'E99' is not a force's ONS code"),
        ({"force_code": "the Met"}, "line 2: force_code: 'the Met' is not a force's ONS code"),
        ({"round": "PEEL 2016"}, "line 2: round: 'PEEL 2016' is not a PEEL round's key"),
        ({"published": "20170302"}, "line 2: published: '20170302' is not a date"),
        ({"published": "2017-W09-4"}, "line 2: published: '2017-W09-4' is not a date"),
        ({"published": "2017-02-30"}, "line 2: published: '2017-02-30' is not a date"),
        ({"area": "vetting"}, "line 3: area: 'vetting' is not an area of PEEL 2016"),
        ({"area_name": "Efficiency"}, "line 3: area_name: 'Efficiency' is not the name of"),
        ({"force_name": "Durham"}, "line 3: force_name: 'Durham' is not the name of E23000013"),
        ({"weak": "no"}, "line 3: weak: 'no' is not true or false"),
        ({"weak": "True"}, "line 3: weak: 'True' is not true or false"),
        ({"basis": "derived"}, "line 3: note: a derived grade needs a note"),
        ({"basis": "Stated"}, "line 3: basis: 'Stated' is not one of"),
        ({"source": "bbc"}, "line 3: source: 'bbc' is not among the inspection's sources"),
        ({"record": "grades"}, "line 3: record: 'grades' is not one of"),
        ({"inspector": "Someone"}, "line 3: inspector: a grade row leaves this column empty"),
        ({"corrected_on": "2017-05"}, "line 3: corrected_on: '2017-05' is not a date"),
        (
            {"corrected_on": "２０１７-05-01"},
            "line 3: corrected_on: '２０１７-05-01' is not a date",
        ),
        ({"published": "２０１７-03-02"}, "line 2: published: '２０１７-03-02' is not a date"),
    ],
)
def test_each_problem_names_its_line_and_column(cells: dict[str, str], expected: str) -> None:
    grade = {**GRADE, **cells}
    head = HEAD
    for column in ("force_code", "round", "published"):
        if column in cells:  # the inspection row carries the same shared cells
            head = _row(**{**SHARED, column: cells[column]}, record="inspection")
    problems = _problems(_table(head, _row(**grade)))
    assert any(p.startswith(expected) for p in problems), problems


def test_excels_bom_and_booleans_are_read_as_what_they_are() -> None:
    text = _table(HEAD, _row(**{**GRADE, "weak": "FALSE"}))
    (loaded,) = pg.from_csv("\ufeff" + text)
    assert loaded.grades[0].weak is False
    (loaded,) = pg.from_csv(_table(HEAD, _row(**{**GRADE, "weak": "TRUE"})))
    assert loaded.grades[0].weak is True


def test_every_problem_is_listed() -> None:
    bad = _row(**{**GRADE, "grade": "excellent"})
    worse = _row(**{**GRADE, "area": "legitimacy", "area_name": "Legitimacy", "grade": "superb"})
    problems = _problems(_table(HEAD, bad, worse))
    assert [p.split(":")[0] for p in problems] == ["line 3", "line 4"]


def test_the_same_area_twice_is_named_by_line() -> None:
    assert _problems(_table(HEAD, _row(**GRADE), "", _row(**GRADE))) == (
        "line 5: area: 'effectiveness' is graded twice",
    )


def test_an_error_names_the_first_line_of_a_record_that_spans_lines() -> None:
    noted = _row(**{**GRADE, "note": "one\ntwo\nthree"})
    bad = _row(**{**GRADE, "area": "legitimacy", "area_name": "Legitimacy", "grade": "superb"})
    assert _problems(_table(HEAD, noted, bad))[0].startswith("line 6: grade: 'superb'")
    noted_bad = _row(**{**GRADE, "note": "one\ntwo", "grade": "superb"})
    assert _problems(_table(HEAD, noted_bad))[0].startswith("line 3: grade: 'superb'")


def test_an_inspection_needs_its_one_inspection_row() -> None:
    assert _problems(_table(_row(**GRADE)))[0] == (
        "line 2: record: inspection 1 needs one inspection row"
    )
    assert _problems(_table(HEAD, HEAD))[0] == (
        "line 3: record: inspection 1 needs one inspection row"
    )


def test_published_counts_are_checked_against_the_grades() -> None:
    head = _row(
        **SHARED,
        record="inspection",
        counts_outstanding="0",
        counts_good="0",
        counts_requires_improvement="1",
        counts_inadequate="0",
    )
    assert _problems(_table(head, _row(**GRADE))) == (
        "line 2: published_counts.good: 1 area is graded good as first published, but the "
        "published counts give 0",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "line 1: empty"),
        ("force_code,force_name\n", "line 1: missing column 'round'"),
        (HEADER + ",colour\n", "line 1: unexpected column 'colour'"),
        (",".join(reversed(COLUMNS)) + "\n", "line 1: columns out of order"),
        (f'{HEADER}\n"unclosed\n', "line 2: unexpected end of data"),
        (
            f"{HEADER}\n{HEAD},extra\n",
            f"line 2: {len(COLUMNS) + 1} fields; expected {len(COLUMNS)}",
        ),
    ],
)
def test_a_bad_table_is_our_error(text: str, expected: str) -> None:
    assert _problems(text)[0].startswith(expected)


@given(st.text(max_size=300))
def test_any_text_gives_inspections_or_our_error(text: str) -> None:
    try:
        pg.from_csv(text)
    except pg.InvalidDataError as error:
        assert all(p.startswith(("line ", "CSV text")) for p in error.problems)


def test_a_header_alone_is_no_inspections() -> None:
    assert pg.from_csv(HEADER + "\n") == ()


@pytest.mark.parametrize("given", [None, 3, "text", [1]])
def test_to_csv_takes_inspections_only(given: object) -> None:
    with pytest.raises(pg.InvalidDataError):
        pg.to_csv(given)  # type: ignore[arg-type]
