"""The promises, tried as a hostile user would: generated and mutated input at every entry point.

Only the library's own errors escape (`PoliceGradesError`), the command line ends with 0, 1 or 2
and never a traceback, and every value that constructs goes through JSON, plain data and CSV and
comes back equal. The size is the profile's: modest in `make test`, large in `make test-thorough`.
"""

import contextlib
import datetime
import io
import json
import pathlib
import tempfile
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policegrades as pg
from policegrades import strategies
from policegrades._names import fold
from policegrades.catalogues import _FORCE_FILLER
from policegrades.cli import main

GARBAGE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["", "good", "Good", "E23000013", "peel-2016", "2017-03-02", "x" * 200]),
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.dates(),
    st.datetimes(),
    st.sampled_from([*pg.Grade, *pg.Basis, *pg.Monitoring, *pg.Precision, *pg.Scale]),
)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=16,
)
VALUES = st.one_of(
    strategies.inspections(),
    strategies.any_area_grades(),
    strategies.recommendations(),
    strategies.sources(),
    strategies.grade_counts(),
    strategies.forces(),
    strategies.frameworks(),
    strategies.areas(),
)


def _round_trips(value: object) -> None:
    """``value`` through JSON, plain data and (for inspections) CSV, equal each time."""
    cls = type(value)
    try:
        text = pg.to_json(value)
    except pg.PoliceGradesError:
        return  # e.g. an inspection of a round edited away from the bundled one: not writable
    assert pg.from_json(text, cls) == value
    assert pg.from_dict(pg.to_dict(value), cls) == value
    assert pg.from_dict(json.loads(json.dumps(pg.to_dict(value))), cls) == value
    if isinstance(value, pg.Inspection):
        assert pg.from_csv(pg.to_csv([value])) == (value,)


# -- constructors -------------------------------------------------------------------------------


@st.composite
def constructor_calls(draw: st.DrawFn) -> tuple[type, dict[str, Any]]:
    """A valid value's fields, some of them replaced by anything at all."""
    value = draw(VALUES)
    cls = type(value)
    if isinstance(value, pg.GradeCounts):
        items: dict[Any, Any] = dict(value)
        if draw(st.booleans()):
            key = draw(
                st.none() | st.text(max_size=4) | st.integers() | st.sampled_from(list(pg.Grade))
            )
            items[key] = draw(GARBAGE)
        return cls, {"counts": items}
    fields = {f.alias: getattr(value, f.name) for f in attrs.fields(cls) if f.init}
    for name in list(fields):
        if draw(st.integers(min_value=0, max_value=4)) == 0:
            fields[name] = draw(GARBAGE)
    if cls is pg.AreaGrade and draw(st.booleans()):
        fields["derived"] = draw(GARBAGE | st.booleans())
    return cls, fields


@given(constructor_calls())
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_every_constructor_builds_a_value_that_round_trips_or_raises_our_error(
    call: tuple[type, dict[str, Any]],
) -> None:
    cls, fields = call
    try:
        value = cls(**fields) if cls is not pg.GradeCounts else cls(fields["counts"])
    except pg.PoliceGradesError:
        return
    _round_trips(value)


@given(st.lists(strategies.inspections(), max_size=4))
def test_any_list_of_inspections_round_trips_through_every_form(
    inspections: list[pg.Inspection],
) -> None:
    for value in inspections:
        _round_trips(value)
    assert pg.from_csv(pg.to_csv(inspections)) == tuple(inspections)
    as_json = pg.to_json(tuple(inspections))
    assert pg.from_json(as_json, tuple[pg.Inspection, ...]) == tuple(inspections)


@given(strategies.inspections(), strategies.inspections())
def test_comparisons_and_their_reports_round_trip(a: pg.Inspection, b: pg.Inspection) -> None:
    comparison = pg.compare(a, b)
    assert pg.from_json(pg.to_json(comparison), pg.Comparison) == comparison
    assert comparison.narrative()


# -- loaders ------------------------------------------------------------------------------------


@st.composite
def mutated_json(draw: st.DrawFn) -> str:
    text = pg.to_json(draw(strategies.inspections()), indent=None)
    how = draw(st.sampled_from(["cut", "splice", "number", "deep", "key"]))
    at = draw(st.integers(min_value=0, max_value=len(text)))
    if how == "cut":
        return text[:at]
    if how == "splice":
        return text[:at] + draw(st.text(max_size=8)) + text[at:]
    if how == "number":
        return text.replace('"grades"', '"x": ' + "9" * 5000 + ', "grades"', 1)
    if how == "deep":
        return "[" * 5000 + text + "]" * 5000
    return text.replace("{", '{"\\u0000": 1, ', 1)


@given(st.one_of(mutated_json(), st.text(max_size=80), JSON.map(json.dumps)))
def test_from_json_gives_a_value_or_our_error(text: str) -> None:
    for cls in (pg.Inspection, tuple[pg.Inspection, ...], pg.Comparison, pg.Framework):
        try:
            pg.from_json(text, cls)
        except pg.InvalidDataError as error:
            assert error.problems


@given(JSON, st.sampled_from([pg.Inspection, pg.AreaGrade, pg.Force, pg.Source, pg.GradeCounts]))
def test_from_dict_gives_a_value_or_our_error_even_with_keys_that_are_not_text(
    data: Any, cls: type
) -> None:
    if isinstance(data, dict) and data:
        data = {**data, 3: "x", (1, 2): None}
    try:
        value: object = pg.from_dict(data, cls)
    except pg.InvalidDataError as error:
        assert all(": " in problem for problem in error.problems)
    else:
        _round_trips(value)


@st.composite
def mutated_csv(draw: st.DrawFn) -> str:
    text = pg.to_csv(draw(st.lists(strategies.inspections(min_areas=1), min_size=1, max_size=2)))
    lines = text.split("\n")
    line = draw(st.integers(min_value=0, max_value=len(lines) - 1))
    cells = lines[line].split(",")
    cell = draw(st.integers(min_value=0, max_value=len(cells) - 1))
    cells[cell] = draw(
        st.sampled_from(["", "TRUE", "Good", "20170302", "2017-W09-4", "the Met", '"', "x" * 9])
        | st.text(max_size=6)
    )
    lines[line] = ",".join(cells)
    return draw(st.sampled_from(["", "\ufeff"])) + "\n".join(lines)


@given(st.one_of(mutated_csv(), st.text(max_size=200)))
def test_from_csv_gives_inspections_or_our_error(text: str) -> None:
    try:
        loaded = pg.from_csv(text)
    except pg.InvalidDataError as error:
        assert all(p.startswith(("line ", "CSV text")) for p in error.problems)
    else:
        assert pg.from_csv(pg.to_csv(loaded)) == loaded


@given(st.one_of(mutated_json(), mutated_csv(), st.binary(max_size=40).map(repr)))
def test_read_gives_inspections_or_our_error(content: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in ("mine.json", "mine.csv"):
            path = pathlib.Path(folder) / name
            path.write_text(content, encoding="utf-8")
            try:
                pg.read(path)
            except pg.InvalidDataError as error:
                assert error.problems[0].startswith(str(path))


# -- name lookups -------------------------------------------------------------------------------

NAMES = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        [n for f in pg.forces() for n in f.names] + [f.name for f in pg.frameworks()]
    ).flatmap(
        lambda name: st.sampled_from(
            [name, name.upper(), f" {name} ", name + "✓", name + "!", name.replace(" ", "-")]
        )
    ),
    GARBAGE,
)


@given(NAMES)
def test_a_lookup_finds_the_one_named_or_raises_our_error(query: object) -> None:
    try:
        found = pg.force(query)  # type: ignore[arg-type]
    except pg.UnknownNameError:
        pass
    else:
        assert isinstance(query, str)
        if query != found.code:
            folded = {fold(n, ignore=_FORCE_FILLER) for n in found.names}
            assert fold(query, ignore=_FORCE_FILLER) in folded
    for lookup in (pg.framework, pg.framework("2021/22").area, pg.Grade.parse):
        with contextlib.suppress(pg.UnknownNameError):
            lookup(query)  # type: ignore[arg-type]


# -- the command line ---------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "cleveland",
        "GMP",
        "Cleveland✓",
        "",
        "2016",
        "2021/22",
        "2020",
        "preventing crime",
        "vetting",
        "--json",
        "--csv",
        "--area",
        "--published-by",
        "2023-03-17",
        "yesterday",
        "--data",
        "--fix",
        "-o",
        "--version",
    ]
)
COMMANDS = st.sampled_from(
    ["forces", "rounds", "show", "history", "compare", "rank", "area", "coverage", "check", "bogus"]
)


@given(
    COMMANDS,
    st.lists(WORDS | st.text(max_size=6), max_size=5),
    st.one_of(mutated_json(), mutated_csv(), st.none()),
)
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_command_ends_with_0_1_or_2_and_never_a_traceback(
    command: str, words: list[str], data: str | None
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        argv = [command, *words]
        if data is not None:
            path = pathlib.Path(folder) / "data.json"
            path.write_text(data, encoding="utf-8")
            argv += ["--data", str(path)]
            if command == "check":
                argv = ["check", str(path)]
        argv = [str(pathlib.Path(folder) / "out.png") if w == "-o" else w for w in argv]
        out, err = io.StringIO(), io.StringIO()
        status: object
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as exit:
                status = exit.code  # argparse: a bad command line, or --help and --version
        assert status in (0, 1, 2)
        assert "Traceback" not in err.getvalue()
        if status == 1 and command != "check":
            assert err.getvalue().count("\n") == 1


def test_the_fuzz_reaches_the_date_rules() -> None:
    # A value the constructors must refuse however it is built.
    with pytest.raises(pg.InvalidDataError, match="published: expected a date"):
        pg.Inspection(
            force=pg.force("cleveland"),
            framework=pg.framework("2016"),
            published=datetime.datetime(2017, 3, 2, 12),
            grades=[],
        )
