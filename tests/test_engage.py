"""The Engage history: the periods, who was in Engage on a day, and the inspections' agreement."""

import datetime
import pathlib
from importlib import resources

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import Precision, strategies
from policegrades._files import engage_files, read_bundled
from policegrades.engagement import (
    canonical_period_json,
    latest_known_day,
    overlaps,
    period_file_name,
)
from policegrades.period_tables import periods_from_csv, periods_to_csv

PERIODS = pg.engage_periods()
DATA = resources.files("policegrades").joinpath("data").joinpath("engage")


def _names(forces: tuple[pg.Force, ...]) -> set[str]:
    return {f.short_name for f in forces}


# -- the facts the acceptance names ------------------------------------------------------------


def test_cleveland_entered_in_2019_and_left_in_september_2023() -> None:
    (period,) = pg.engage_periods("Cleveland")
    assert (period.entered, period.entered_precision) == (datetime.date(2019, 1, 1), Precision.YEAR)
    assert (period.exited, period.exited_precision) == (datetime.date(2023, 9, 1), Precision.MONTH)
    assert len(period.reasons) == 6
    assert period.reasons[0].startswith(
        "The force doesn’t appropriately prioritise crime prevention"
    )
    assert str(period.source(period.exited_sources[0]).url).endswith(
        "police-forces-previously-in-engage/"
    )


@pytest.mark.parametrize(
    ("force", "entered", "exited"),
    [
        ("Greater Manchester", "December 2020", "October 2022"),
        ("Staffordshire", "June 2022", "21 May 2024"),
        ("Nottinghamshire", "11 March 2024", "22 May 2025"),
        ("Lincolnshire", "6 December 2024", None),
        ("Metropolitan Police", "28 June 2022", "23 January 2025"),
        ("Devon and Cornwall", "14 October 2022", "30 July 2025"),
        ("West Midlands", "24 November 2023", "18 September 2024"),
        ("Wiltshire", "24 June 2022", "21 May 2024"),
        ("Gloucestershire", "December 2021", "September 2023"),
    ],
)
def test_each_period_has_the_dates_its_sources_give(
    force: str, entered: str, exited: str | None
) -> None:
    (period,) = pg.engage_periods(force)
    assert (period.entered_text, period.exited_text) == (entered, exited)


def test_every_period_names_its_sources_and_an_open_one_when_it_was_last_seen() -> None:
    assert len(PERIODS) == 10
    for period in PERIODS:
        assert period.entered_sources
        for key in (*period.entered_sources, *period.exited_sources, *period.still_in_sources):
            source = period.source(key)
            assert source.url is not None
            assert source.url.startswith("https://")
        if period.open:
            assert period.still_in_on is not None
            assert period.still_in_sources
            assert period.note is not None
            assert "none is inferred" in period.note
        else:
            assert period.exited_sources


def test_an_end_read_only_in_the_press_is_marked_weak() -> None:
    weak = {
        (p.force.short_name, end)
        for p in PERIODS
        for end in ("in", "out")
        if getattr(p, f"{'entered' if end == 'in' else 'exited'}_weak")
    }
    assert ("Gloucestershire", "in") in weak
    for period in PERIODS:
        for end, keys, is_weak in (
            ("in", period.entered_sources, period.entered_weak),
            ("out", period.exited_sources, period.exited_weak),
        ):
            publishers = {period.source(k).publisher or "" for k in keys}
            if keys and not any(p.startswith("HMICFRS") for p in publishers):
                assert is_weak, (period.force.short_name, end)


@pytest.mark.parametrize(
    "force", ["Staffordshire", "Wiltshire", "Metropolitan Police", "West Midlands"]
)
def test_an_exit_dated_by_the_inspectorates_letter_is_not_weak(force: str) -> None:
    (period,) = pg.engage_periods(force)
    letter = period.source("hmicfrs-letter")
    assert letter.publisher == "HMICFRS"
    assert "hmicfrs-letter" in period.exited_sources
    assert not period.exited_weak


def test_no_force_has_two_periods_at_once() -> None:
    assert overlaps(PERIODS) == []
    cleveland = pg.engage_periods("Cleveland")[0]
    second = attrs.evolve(
        cleveland, entered=datetime.date(2023, 1, 1), entered_precision=Precision.MONTH
    )
    assert overlaps([cleveland, second]) == [
        "Cleveland Police: the period entered 2019 may still run when the one entered January 2023 begins"
    ]


def test_the_periods_are_oldest_first() -> None:
    firsts = [p.entered_between[0] for p in PERIODS]
    assert firsts == sorted(firsts)


# -- who was in Engage on a day ----------------------------------------------------------------


def test_on_17_march_2023_cleveland_was_in_engage_and_greater_manchester_was_not() -> None:
    held = _names(pg.in_engage("2023-03-17"))
    assert "Cleveland" in held
    assert "Greater Manchester" not in held


@pytest.mark.parametrize(
    ("day", "forces", "source"),
    [
        (
            "2022-06-30",
            {
                "Metropolitan Police",
                "Greater Manchester",
                "Cleveland",
                "Gloucestershire",
                "Staffordshire",
                "Wiltshire",
            },
            "https://hellorayo.co.uk/greatest-hits/teesside/news/cleveland-police-special-measures",
        ),
        (
            "2023-11-24",
            {
                "West Midlands",
                "Metropolitan Police",
                "Devon & Cornwall",
                "Wiltshire",
                "Staffordshire",
            },
            "https://loveworlduk.org/west-midlands-police-to-be-placed-under-special-measures/",
        ),
        (
            "2024-12-06",
            {"Lincolnshire", "Devon & Cornwall", "Nottinghamshire", "Metropolitan Police"},
            "https://www.lbc.co.uk/news/lincolnshire-police-moved-to-special-measures-over-significant-service-failures/",
        ),
    ],
)
def test_the_timeline_gives_the_dated_lists_the_press_published(
    day: str, forces: set[str], source: str
) -> None:
    assert source.startswith("https://")
    assert _names(pg.in_engage(day)) == forces


def test_an_entry_known_to_the_year_counts_from_the_years_end() -> None:
    assert "Cleveland" not in _names(pg.in_engage("2019-12-30"))
    assert "Cleveland" in _names(pg.in_engage("2019-12-31"))
    assert "Cleveland" in _names(pg.in_engage("2023-08-31"))
    assert "Cleveland" not in _names(pg.in_engage("2023-09-01"))  # the exit's month begins


def test_an_open_period_holds_only_to_the_day_last_seen() -> None:
    (lincolnshire,) = pg.engage_periods("Lincolnshire")
    assert lincolnshire.still_in_on == datetime.date(2025, 5, 14)
    assert "Lincolnshire" in _names(pg.in_engage("2025-05-14"))
    assert "Lincolnshire" not in _names(pg.in_engage("2025-05-15"))
    assert lincolnshire.possibly_in(datetime.date(2026, 12, 4))


def test_the_latest_day_known_and_who_was_in_engage_then() -> None:
    assert latest_known_day() == datetime.date(2025, 7, 30)
    assert pg.in_engage(latest_known_day()) == ()


@pytest.mark.parametrize("bad", ["17 March 2023", "2023-02-30", "２０２３-03-17", 20230317, None])
def test_a_bad_day_is_our_error(bad: object) -> None:
    with pytest.raises(pg.InvalidDataError, match="is not a date"):
        pg.in_engage(bad)  # type: ignore[arg-type]


def test_a_bad_force_is_our_error() -> None:
    with pytest.raises(pg.UnknownNameError, match="nowhere"):
        pg.engage_periods("nowhere")
    with pytest.raises(pg.InvalidDataError, match="expected an EngagePeriod"):
        pg.in_engage("2023-03-17", periods=["Cleveland"])  # type: ignore[list-item]
    comparison = pg.compare(*pg.fixtures.cleveland()[-2:])
    with pytest.raises(pg.InvalidDataError, match="narrative takes Engage periods:"):
        comparison.narrative(3)  # type: ignore[arg-type]


# -- the inspections agree with the timeline ---------------------------------------------------


def test_every_inspection_in_engage_lies_inside_one_of_its_forces_periods() -> None:
    checked = 0
    for inspection in pg.inspections():
        first, last = inspection.published_between
        periods = pg.engage_periods(inspection.force)
        if inspection.monitoring is pg.Monitoring.ENGAGE:
            assert any(p.possibly_in(first) or p.possibly_in(last) for p in periods), inspection
            checked += 1
        elif inspection.monitoring is pg.Monitoring.SCAN:
            assert not any(p.certainly_in(first) and p.certainly_in(last) for p in periods), (
                inspection
            )
    assert checked >= 10


# -- files, wire and tables --------------------------------------------------------------------


@pytest.mark.parametrize("name", engage_files())
def test_each_period_file_is_canonical_and_named_for_its_force_and_entry(name: str) -> None:
    text = read_bundled(f"engage/{name}.json")
    (period,) = [p for p in PERIODS if period_file_name(p) == f"{name}.json"]
    assert canonical_period_json(period) == text
    path = pathlib.Path(str(DATA.joinpath(f"{name}.json")))
    assert pg.check(path, canonical=True) == ()


def test_a_misnamed_period_file_is_reported(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "engage"
    folder.mkdir()
    wrong = folder / "kent-2019.json"
    wrong.write_text(canonical_period_json(PERIODS[0]), encoding="utf-8")
    (problem,) = pg.check(wrong, canonical=True)
    assert "whose file is 'cleveland-2019.json'" in problem


@given(strategies.engage_periods())
def test_a_period_round_trips_through_json_dict_and_csv(period: pg.EngagePeriod) -> None:
    assert pg.from_json(pg.to_json(period), pg.EngagePeriod) == period
    assert pg.from_dict(pg.to_dict(period), pg.EngagePeriod) == period
    assert periods_from_csv(periods_to_csv([period])) == (period,)


def test_every_bundled_period_round_trips_through_csv() -> None:
    assert periods_from_csv(periods_to_csv(PERIODS)) == PERIODS


@given(
    strategies.engage_periods(),
    st.dates(min_value=datetime.date(2013, 1, 1), max_value=datetime.date(2032, 12, 31)),
)
def test_certain_means_possible_and_both_lie_within_the_bounds(
    period: pg.EngagePeriod, day: datetime.date
) -> None:
    if period.certainly_in(day):
        assert period.possibly_in(day)
        assert period.entered_between[1] <= day
    if period.possibly_in(day):
        assert period.entered_between[0] <= day
        if period.exited_between is not None:
            assert day <= period.exited_between[1]
    assert pg.in_engage(day, periods=[period]) == (
        (period.force,) if period.certainly_in(day) else ()
    )


# -- bad periods are refused cleanly -----------------------------------------------------------


def _base() -> dict[str, object]:
    return {
        "force": pg.force("Kent"),
        "entered": datetime.date(2024, 1, 1),
        "entered_precision": Precision.YEAR,
        "sources": [pg.Source(key="r", url="https://example.org/r")],
        "entered_sources": ["r"],
    }


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"entered": datetime.date(2024, 4, 1)},
            "entered: 2024-04-01 is more precise than its precision",
        ),
        (
            {"entered_precision": Precision.ROUND},
            "entered_precision: an entry is dated to the day, the month or the year",
        ),
        ({"entered_sources": []}, "entered_sources: an entry names its source"),
        ({"entered_sources": ["x"]}, "entered_sources[0]: 'x' is not among the period's sources"),
        (
            {"exited": datetime.date(2023, 1, 1)},
            "exited: 1 January 2023 is before the force entered, 2024",
        ),
        ({"exited": datetime.date(2025, 1, 1)}, "exited_sources: an exit names its source"),
        ({"exit_reasons": ["better"]}, "exit_reasons: given, but the period has no exit"),
        (
            {"still_in_on": datetime.date(2025, 1, 1)},
            "still_in_sources: the day last known in Engage names its source",
        ),
        ({"reasons": "crime"}, "reasons: expected a collection"),
        ({"entered_weak": "no"}, "entered_weak: expected True or False"),
        ({"force": "Kent"}, "force: expected a Force"),
    ],
)
def test_an_impossible_period_is_refused_saying_why(
    change: dict[str, object], expected: str
) -> None:
    with pytest.raises(pg.InvalidDataError) as caught:
        pg.EngagePeriod(**{**_base(), **change})  # type: ignore[arg-type]
    assert any(expected in problem for problem in caught.value.problems), caught.value.problems


def test_a_period_on_the_wire_refuses_a_bad_date_with_its_path() -> None:
    text = canonical_period_json(PERIODS[0]).replace('"entered": "2019"', '"entered": "2019-13"')
    with pytest.raises(
        pg.InvalidDataError, match=r"entered: '2019-13' is not a date; expected YYYY-MM-DD"
    ):
        pg.from_json(text, pg.EngagePeriod)


# -- the command line --------------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from policegrades.cli import main

    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_engage_on_a_day_lists_the_forces_certainly_in_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = _run(capsys, "engage", "--on", "2023-03-17")
    assert status == 0
    assert out.startswith("Certainly in Engage on 17 March 2023: six forces")
    assert "Cleveland Police" in out
    assert "Greater Manchester" not in out
    status, out, _ = _run(capsys, "engage", "--on", "2023-03-17", "--json")
    assert {p.force.short_name for p in pg.from_json(out, tuple[pg.EngagePeriod, ...])} == _names(
        pg.in_engage("2023-03-17")
    )
    status, out, _ = _run(capsys, "engage", "--on", "2023-03-17", "--csv")
    assert periods_from_csv(out) == tuple(
        p for p in PERIODS if p.certainly_in(datetime.date(2023, 3, 17))
    )


def test_engage_on_a_day_names_apart_the_forces_the_sources_cannot_place(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = _run(capsys, "engage", "--on", "2019-06-01")
    certain, _, perhaps = out.partition("Perhaps in Engage that day")
    assert "no forces" in certain
    assert "Cleveland Police: from 2019 to September 2023" in perhaps  # entered some day in 2019
    assert "nothing after" not in out
    _, out, _ = _run(capsys, "engage", "--on", "2026-01-01")
    certain, _, perhaps = out.partition("Perhaps in Engage that day")
    assert "Lincolnshire" not in certain
    assert "Lincolnshire Police: from 6 December 2024; still in when last reported" in perhaps
    assert "The sources speak of nothing after 30 July 2025" in out


def test_engage_lists_every_period_or_one_forces_in_full(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = _run(capsys, "engage")
    assert out.count("\n") >= len(PERIODS) + 3
    assert "Lincolnshire Police" in out
    _, out, _ = _run(capsys, "engage", "cleveland")
    assert "In Engage from 2019 to September 2023" in out
    assert "Reasons for the move into Engage:" in out
    assert "police-forces-previously-in-engage" in out
    _, out, _ = _run(capsys, "engage", "kent")
    assert out == "Kent Police: no Engage period in the data\n"
    _, out, _ = _run(capsys, "engage", "--json")
    assert pg.from_json(out, tuple[pg.EngagePeriod, ...]) == PERIODS


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["engage", "--on", "2023-13-01"], "--on: '2023-13-01' is not a date; expected YYYY-MM-DD"),
        (["engage", "--on", "yesterday"], "--on: 'yesterday' is not a date"),
        (["engage", "nowhere"], "no force is called 'nowhere'"),
    ],
)
def test_engage_with_bad_input_is_one_line_and_exits_1(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    status, out, err = _run(capsys, *argv)
    assert (status, out) == (1, "")
    assert expected in err
    assert err.count("\n") == 1


def test_show_history_and_compare_say_where_a_force_was_in_engage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = _run(capsys, "show", "cleveland", "2021/22")
    assert (
        'On the day: in Engage (enhanced monitoring, the press\'s "special measures") since 2019'
        in out
    )
    assert (
        "- from 2019 to September 2023\nThe reasons and sources: policegrades engage cleveland"
        in out
    )
    _, out, _ = _run(capsys, "history", "cleveland")
    assert "- from 2019 to September 2023" in out
    _, out, _ = _run(capsys, "compare", "cleveland", "2021/22", "2023-25")
    assert (
        "Cleveland Police was in Engage (enhanced monitoring), as it had been since 2019"
        in out.replace("\n", " ")
    )
    _, out, _ = _run(capsys, "show", "kent")
    assert "Engage" not in out


@pytest.mark.parametrize("day", ["17 March 2023", "2023-03", 20230317, None])
def test_a_period_asked_about_a_day_that_is_not_one_says_so(day: object) -> None:
    period = pg.engage_periods("Cleveland")[0]
    for question in (period.certainly_in, period.possibly_in):
        with pytest.raises(
            pg.InvalidDataError, match=r"^day: .* is not a date; expected YYYY-MM-DD"
        ):
            question(day)  # type: ignore[arg-type]
