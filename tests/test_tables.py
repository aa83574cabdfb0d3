import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import strategies
from policegrades.tables import COLUMNS

HEADER = ",".join(COLUMNS)


def _grades_only(inspection: pg.Inspection) -> pg.Inspection:
    return attrs.evolve(
        inspection, inspector=None, recommendations=(), monitoring=None, sources=(), note=None
    )


@given(st.lists(strategies.inspections(min_areas=1), max_size=5))
def test_csv_round_trip_loses_no_grade(inspections: list[pg.Inspection]) -> None:
    keys = {(i.force.code, i.framework.key, i.published) for i in inspections}
    if len(keys) < len(inspections):
        return  # two inspections the table cannot tell apart: covered below
    loaded = pg.from_csv(pg.to_csv(inspections))
    assert loaded == tuple(_grades_only(i) for i in inspections)


def test_the_bundled_history_survives_csv() -> None:
    history = pg.fixtures.cleveland()
    assert pg.from_csv(pg.to_csv(history)) == tuple(_grades_only(i) for i in history)


def test_rows_share_an_inspection_by_force_round_and_date() -> None:
    text = pg.to_csv(pg.fixtures.cleveland()[-1:])
    assert text.count("\n") == 1 + 9
    assert len(pg.from_csv(text)) == 1


def _problems(text: str) -> tuple[str, ...]:
    with pytest.raises(pg.InvalidDataError) as caught:
        pg.from_csv(text)
    return caught.value.problems


ROW = "E23000013,Cleveland Police,peel-2016,2017-03-02,effectiveness,Effectiveness,good,false,"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (ROW.replace("good", "excellent"), "line 2: grade: 'excellent' is not a grade"),
        (
            ROW.replace("good", "adequate"),
            "line 2: grade: 'adequate' is not on the scale of PEEL 2016",
        ),
        (ROW.replace("E23000013", "E99"), "line 2: force_code: no force is called 'E99'"),
        (
            ROW.replace("peel-2016", "peel-2099"),
            "line 2: round: no PEEL round is called 'peel-2099'",
        ),
        (ROW.replace("2017-03-02", "2017-02-30"), "line 2: published: '2017-02-30' is not a date"),
        (
            ROW.replace(",effectiveness,", ",vetting,"),
            "line 2: area: 'vetting' is not an area of PEEL 2016",
        ),
        (
            ROW.replace("Effectiveness", "Efficiency"),
            "line 2: area_name: 'Efficiency' is not the name of effectiveness",
        ),
        (
            ROW.replace("Cleveland Police", "Durham"),
            "line 2: force_name: 'Durham' is not the name of E23000013",
        ),
        (ROW.replace("false", "no"), "line 2: derived: 'no' is not true or false"),
        (ROW.replace("false", "true"), "line 2: note: a derived grade needs a note"),
        (ROW + ",extra", "line 2: 10 fields; expected 9"),
    ],
)
def test_each_problem_names_its_line_and_column(row: str, expected: str) -> None:
    problems = _problems(f"{HEADER}\n{row}\n")
    assert any(p.startswith(expected) for p in problems), problems


def test_every_problem_is_listed() -> None:
    bad = ROW.replace("good", "excellent")
    worse = ROW.replace(",effectiveness,Effectiveness,good", ",legitimacy,Legitimacy,superb")
    problems = _problems(f"{HEADER}\n{bad}\n{worse}\n")
    assert [p.split(":")[0] for p in problems] == ["line 2", "line 3"]


def test_the_same_area_twice_is_named_by_line() -> None:
    assert _problems(f"{HEADER}\n{ROW}\n\n{ROW}\n") == (
        "line 4: area: 'effectiveness' is graded twice",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "line 1: empty"),
        ("force_code,force_name\n", "line 1: missing column 'round'"),
        (HEADER + ",colour\n", "line 1: unexpected column 'colour'"),
        (",".join(reversed(COLUMNS)) + "\n", "line 1: columns out of order"),
        (f'{HEADER}\n"unclosed\n', "line 2: 1 fields; expected 9"),
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
