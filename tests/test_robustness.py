"""No input, however wrong, breaks the library: only its own errors come out, and they say where.

Valid documents are mutated one way at a time (a key dropped or added, a value of the wrong
type, an unknown label, a date out of range, a list where a mapping belongs, deep nesting,
very long or non-ASCII text, JSON cut short) and handed to the loaders and lookups.
"""

import json
import tempfile
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import html, strategies
from policegrades.checks import fix
from policegrades.export import export

Path = tuple[str | int, ...]

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=25,
)
DEEP = json.loads("[" * 500 + "]" * 500)
WRONG_VALUES = st.one_of(
    JSON_VALUES,
    st.just(DEEP),
    st.just("x" * 10_000),
    st.text(alphabet=st.characters(min_codepoint=0x80), min_size=1, max_size=20),
    st.sampled_from(["not-a-label", "2017-13-45", "0000-01-01", "9999-99-99", "excellent", ""]),
)
VALUE_TYPES = [pg.Inspection, pg.Force, pg.Framework, pg.AreaGrade, pg.Recommendation, pg.Source]


def _paths(data: object, here: Path = ()) -> list[Path]:
    found = [here]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*here, index))
    return found


def _shown(path: Path) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text or "document"


def _replace(data: Any, path: Path, change: Callable[[Any], Any]) -> Any:
    if not path:
        return change(data)
    step = path[0]
    if isinstance(data, dict):
        return {**data, step: _replace(data[step], path[1:], change)}
    assert isinstance(step, int)
    return [*data[:step], _replace(data[step], path[1:], change), *data[step + 1 :]]


_DROP = object()


def _mutate(data: Any, path: Path, how: str, value: object) -> Any:
    if how == "drop":
        parent, key = path[:-1], path[-1]
        return _replace(data, parent, lambda node: {k: v for k, v in node.items() if k != key})
    if how == "add":
        return _replace(data, path, lambda node: {**node, "colour": value})
    if how == "list":
        return _replace(data, path, lambda node: list(node.values()))
    return _replace(data, path, lambda node: value)


def _check_refusal(data: object, cls: type, path: Path) -> None:
    """Loading either works, or fails with our error naming the path and the problem."""
    try:
        loaded: object = pg.from_dict(data, cls)
    except pg.InvalidDataError as error:
        assert error.problems, "an error with no problem listed"
        for problem in error.problems:
            _where, sep, what = problem.partition(": ")
            assert sep, problem
            assert what, problem
        if not path:
            return  # the whole document was replaced: any place in it may be named
        wanted = _shown(path)
        # The model's own checks may name a sibling: a flag set to true asks for a note.
        owner = _shown(path[:-1]) if path and isinstance(path[-1], str) else wanted
        places = [p.partition(": ")[0] for p in error.problems]
        # A source changed or dropped leaves dangling the places that cite it.
        if path[0] == "sources" and any(where.endswith("source") for where in places):
            return
        assert any(
            where.startswith((wanted, owner)) or wanted.startswith(where) for where in places
        ), (wanted, error.problems)
        return
    assert isinstance(loaded, cls)
    assert pg.from_dict(pg.to_dict(loaded), cls) == loaded


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Any, type, Path]:
    cls = pg.Inspection
    value = draw(strategies.inspections(min_areas=1))
    data = pg.to_dict(value)
    path = draw(st.sampled_from(_paths(data)))
    node: Any = data
    for step in path:
        node = node[step]
    kinds = ["value"]
    if isinstance(node, dict):
        kinds += ["add", "list"]
    if path and isinstance(path[-1], str):
        kinds.append("drop")
    how = draw(st.sampled_from(kinds))
    replacement = draw(WRONG_VALUES)
    target = (*path, "colour") if how == "add" else path
    return _mutate(data, path, how, replacement), cls, target


@given(mutated())
def test_one_mutation_gives_a_value_or_our_error_at_its_path(case: tuple[Any, type, Path]) -> None:
    data, cls, path = case
    _check_refusal(data, cls, path)


@given(mutated())
def test_the_same_mutation_through_json_text(case: tuple[Any, type, Path]) -> None:
    data, cls, _path = case
    try:
        text = json.dumps(data)
    except (RecursionError, ValueError):
        return
    try:
        pg.from_json(text, cls)
    except pg.InvalidDataError as error:
        assert error.problems


@given(strategies.inspections(min_areas=1), WRONG_VALUES, WRONG_VALUES)
def test_every_problem_is_listed_not_only_the_first(
    inspection: pg.Inspection, first: object, second: object
) -> None:
    assume(type(first) is not str and type(second) is not bool)
    data = pg.to_dict(inspection)
    data["published"] = first
    data["grades"] = [{**data["grades"][0], "weak": second}, *data["grades"][1:]]
    try:
        pg.from_dict(data, pg.Inspection)
    except pg.InvalidDataError as error:
        paths = [p.partition(": ")[0] for p in error.problems]
        assert "published" in paths
        assert "grades[0].weak" in paths
    else:
        raise AssertionError("two wrong values were accepted")


@given(strategies.inspections(), st.data())
def test_json_cut_short_is_our_error(inspection: pg.Inspection, data: st.DataObject) -> None:
    text = pg.to_json(inspection, indent=None)
    cut = data.draw(st.integers(min_value=0, max_value=len(text) - 1))
    try:
        pg.from_json(text[:cut], pg.Inspection)
    except pg.InvalidDataError as error:
        assert error.problems[0].startswith("JSON text")
    else:
        raise AssertionError("a cut document was accepted")


@given(JSON_VALUES, st.sampled_from(VALUE_TYPES))
def test_arbitrary_json_values_give_our_error(data: object, cls: type) -> None:
    try:
        pg.from_dict(data, cls)
    except pg.InvalidDataError as error:
        assert all(": " in problem for problem in error.problems)


@given(st.binary(max_size=200) | st.text(max_size=200), st.sampled_from(VALUE_TYPES))
def test_arbitrary_bytes_and_text_give_our_error(text: bytes | str, cls: type) -> None:
    try:
        pg.from_json(text, cls)
    except pg.InvalidDataError as error:
        assert error.problems


LOOKUPS: list[Callable[[Any], object]] = [
    pg.Grade.parse,
    pg.force,
    pg.framework,
    pg.framework("2021/22").area,
    pg.framework("2016").area,
]


@given(
    st.sampled_from(LOOKUPS),
    JSON_VALUES | st.text(alphabet=st.characters(min_codepoint=0x80)) | st.just("x" * 10_000),
)
def test_lookups_give_a_match_or_our_error(lookup: Callable[[Any], object], query: object) -> None:
    try:
        lookup(query)
    except pg.UnknownNameError as error:
        assert len(str(error)) < 1_000


def _history(given: Any) -> object:
    return pg.history(given, "effectiveness")


def _across(given: Any) -> object:
    return pg.across_forces("2016", "effectiveness", inspections=given)


def _standing(given: Any) -> object:
    return pg.standing("Cleveland", "2016", inspections=given)


def _export(given: Any) -> object:
    with tempfile.TemporaryDirectory() as folder:
        return export(folder, given)


CONSUMERS: list[Callable[[Any], object]] = [
    pg.rank,
    pg.coverage,
    pg.to_csv,
    _history,
    _across,
    _standing,
    _export,
    lambda given: html.round_table(pg.framework("2016"), given, pg.forces()),
    lambda given: html.totals_table(pg.framework("2016"), given),
    html.marked_notes,
    html.force_history,
]
BUNDLED_BY_DEFAULT = {pg.coverage, _across, _standing, _export}  # None: the bundled data


@given(
    st.sampled_from(CONSUMERS),
    JSON_VALUES | st.lists(st.sampled_from(pg.fixtures.cleveland()) | JSON_VALUES, max_size=4),
)
def test_what_takes_inspections_refuses_anything_else_with_our_error(
    consumer: Callable[[Any], object], value: object
) -> None:
    assume(not (consumer in BUNDLED_BY_DEFAULT and value is None))
    try:
        consumer(value)
    except pg.InvalidDataError as error:
        assert error.problems
    except pg.UnknownNameError as error:  # no round given names the area followed
        assert consumer is _history
        assert "no area called 'effectiveness' in " in str(error)
    else:
        assert isinstance(value, (list, dict))
        assert all(isinstance(i, pg.Inspection) for i in value)


NOT_PATHS = st.one_of(
    JSON_VALUES.filter(lambda value: not isinstance(value, str)),
    st.binary(max_size=8),
    st.text(max_size=8).map(lambda name: name + "\0"),  # the system refuses it, ValueError
)


@given(NOT_PATHS)
def test_what_is_not_a_path_is_our_error_naming_the_path(value: Any) -> None:
    for takes_a_file in (pg.read, export):
        with pytest.raises(pg.InvalidDataError, match=r"^path: ") as caught:
            takes_a_file(value)
        assert len(caught.value.problems) == 1
    for checks_files in (pg.check, fix):
        problems = checks_files(value)
        assert len(problems) == 1
        assert problems[0].startswith("path: ")


# -- nothing lost ------------------------------------------------------------------------------

unicode_text = st.text(min_size=1, max_size=40)


@st.composite
def unusual_inspections(draw: st.DrawFn) -> pg.Inspection:
    """Inspections carrying unicode text everywhere text may go, and edge-case collections."""
    inspection = draw(strategies.inspections())
    grades = tuple(
        attrs.evolve(held, note=draw(st.none() | unicode_text)) if not held.derived else held
        for held in inspection.grades
    )
    findings = tuple(
        attrs.evolve(finding, text=draw(unicode_text)) for finding in inspection.recommendations
    )
    return attrs.evolve(
        inspection,
        grades=grades,
        inspector=draw(st.none() | unicode_text),
        recommendations=findings,
        sources=tuple(
            attrs.evolve(source, title=draw(unicode_text)) for source in inspection.sources
        ),
        note=draw(st.none() | unicode_text),
    )


@given(unusual_inspections())
def test_nothing_is_lost_in_a_round_trip(inspection: pg.Inspection) -> None:
    assert pg.from_json(pg.to_json(inspection), pg.Inspection) == inspection
    assert pg.from_dict(pg.to_dict(inspection), pg.Inspection) == inspection
    assert pg.from_json(pg.to_json(inspection).encode("utf-8"), pg.Inspection) == inspection


@given(strategies.inspections())
def test_ungraded_derived_and_empty_survive(inspection: pg.Inspection) -> None:
    empty = attrs.evolve(inspection, grades=(), recommendations=(), sources=(), counts_source=None)
    assert pg.from_json(pg.to_json(empty), pg.Inspection) == empty
    loaded = pg.from_json(pg.to_json(inspection), pg.Inspection)
    for held, back in zip(inspection.grades, loaded.grades, strict=True):
        assert (held.grade, held.basis, held.note) == (back.grade, back.basis, back.note)


@given(
    st.sampled_from(
        [
            *pg.Grade,
            *pg.Scale,
            *pg.Monitoring,
            *pg.RecommendationKind,
            *pg.Basis,
            *pg.Precision,
            *pg.Grading,
        ]
    )
)
def test_enums_round_trip(value: Any) -> None:
    assert pg.from_json(pg.to_json(value), type(value)) is value


def test_strategies_refuse_what_they_cannot_draw() -> None:
    with pytest.raises(pg.InvalidDataError, match="not an area of PEEL 2016"):
        strategies.area_grades(pg.framework("2016"), pg.framework("2023-25").area("workforce"))
    with pytest.raises(pg.InvalidDataError, match="min_areas: 99 is more than the 12 areas"):
        strategies.inspections(pg.framework("2016"), min_areas=99)
    with pytest.raises(pg.InvalidDataError, match="max_areas: 1 is fewer than min_areas 3"):
        strategies.inspections(min_areas=3, max_areas=1)


def _text_leaves(value: Any, path: Path = ()) -> list[Path]:
    """The paths of every text in a wire document."""
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _text_leaves(item, (*path, key))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _text_leaves(item, (*path, index))]
    return []


def _with_text(document: Any, path: Path, text: str) -> Any:
    if not path:
        return text
    copied = dict(document) if isinstance(document, dict) else list(document)
    copied[path[0]] = _with_text(document[path[0]], path[1:], text)  # type: ignore[index]
    return copied


@given(
    st.one_of(strategies.inspections(), strategies.engage_periods()),
    st.sampled_from(["\ud800", "\udfff", "a\udc80b"]),
    st.data(),
)
def test_text_that_is_not_valid_unicode_is_refused_at_its_path(
    value: pg.Inspection | pg.EngagePeriod, lone: str, data: st.DataObject
) -> None:
    document = pg.to_dict(value)
    path = data.draw(st.sampled_from(_text_leaves(document)))
    broken = _with_text(document, path, lone)
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    with pytest.raises(pg.InvalidDataError) as raised:
        pg.from_dict(broken, type(value))
    assert f"{where}:" in str(raised.value)
    with pytest.raises(pg.InvalidDataError):
        pg.from_json(json.dumps(broken), type(value))


@pytest.mark.parametrize(
    "build",
    [
        lambda: pg.Source(key="report", title="x\ud800"),
        lambda: attrs.evolve(pg.inspection("Cleveland", "2021/22"), note="\udfff"),
        lambda: attrs.evolve(pg.engage_periods()[0], reasons=("fine", "\ud800")),
        lambda: attrs.evolve(pg.force("Durham"), name="Durham \udc80"),
    ],
)
def test_a_value_built_with_a_lone_surrogate_is_refused_naming_it(
    build: Callable[[], object],
) -> None:
    with pytest.raises(pg.InvalidDataError, match=r"not valid Unicode text: a lone surrogate"):
        build()
