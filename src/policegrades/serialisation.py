"""Loading and saving every value, through one strict cattrs converter.

The wire format is plain JSON: an inspection names its force by ONS code, its framework by
key and its areas by key (resolved against its framework); grades, kinds and stages are
written as the inspectorate's words; dates are ISO 8601 (``YYYY-MM-DD``). Fields left at
their default are left out. Nothing is coerced: text must be text, a flag must be
``true`` or ``false``, a list must be a list.

Loading runs cattrs' generated functions without bookkeeping; only when that fails is the
document structured again with detailed validation, to explain every problem at once.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import enum
import gc
import json
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from policegrades import catalogues
from policegrades.errors import InvalidDataError, PoliceGradesError, quote
from policegrades.forces import Force
from policegrades.frameworks import Area, Framework
from policegrades.grades import Grade, Scale
from policegrades.inspections import (
    AreaGrade,
    Inspection,
    Monitoring,
    Recommendation,
    RecommendationKind,
)

__all__ = ["converter", "from_dict", "from_json", "load_bundled", "to_dict", "to_json"]

T = TypeVar("T")


class _WireError(ValueError):
    """A problem found while structuring, as (path below the failing place, message) pairs."""

    def __init__(self, *problems: tuple[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(message for _, message in problems))


def _describe(value: object) -> str:
    """What a JSON value is, for "expected X, got Y": its kind, and the value if it is short."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    kinds = {str: "text", bool: "a flag", type(None): "null"}
    kind = kinds.get(type(value), "a number" if isinstance(value, (int, float)) else None)
    return f"{kind} ({quote(value)})" if kind else quote(value)


# -- primitives: no silent coercion ----------------------------------------------------------

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _WireError(("", f"expected text, got {_describe(value)}"))
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _WireError(("", f"expected a whole number, got {_describe(value)}"))
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _WireError(("", f"expected true or false, got {_describe(value)}"))
    return value


def _structure_date(value: object, _: type) -> datetime.date:
    if type(value) is str and _ISO_DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise _WireError(("", f"{quote(value)} is not a date; expected YYYY-MM-DD"))


_GRADES_BY_LABEL = {grade.value: grade for grade in Grade}


def _structure_grade(value: object, _: type) -> Grade:
    exact = _GRADES_BY_LABEL.get(value) if type(value) is str else None
    if exact is not None:
        return exact  # the wire format's own spelling: no need to parse
    if type(value) is str:
        try:
            return Grade.parse(value)
        except PoliceGradesError as error:
            raise _WireError(("", str(error))) from None
    accepted = ", ".join(grade.label for grade in Grade)
    raise _WireError(("", f"{_describe(value)} is not a grade; expected one of: {accepted}"))


def _structure_optional_grade(value: object, _: type) -> Grade | None:
    if value is None:
        return None
    exact = _GRADES_BY_LABEL.get(value) if type(value) is str else None
    return exact if exact is not None else _structure_grade(value, Grade)


def _is_optional_grade(cls: Any) -> bool:
    return set(get_args(cls)) == {Grade, type(None)}


def _enum_hook(cls: type[enum.Enum], what: str) -> Callable[[object, type], enum.Enum]:
    by_value = {member.value: member for member in cls}
    accepted = ", ".join(by_value)

    def structure(value: object, _: type) -> enum.Enum:
        found = by_value.get(value) if type(value) is str else None
        if found is None:
            raise _WireError(("", f"{quote(value)} is not {what}; expected one of: {accepted}"))
        return found

    return structure


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(cls: Any, conv: cattrs.Converter) -> Callable[[object, type], tuple[Any, ...]]:
    item_type = get_args(cls)[0]
    item_hook = conv.get_structure_hook(item_type)

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise _WireError(("", f"expected a list, got {_describe(value)}"))
        if not conv.detailed_validation:
            return tuple([item_hook(item, item_type) for item in value])
        items, errors = [], []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as error:  # noqa: BLE001 - every problem is collected and explained
                note = IterableValidationNote(f"@ index {index}", index, item_type)
                error.__notes__ = [*getattr(error, "__notes__", []), note]  # type: ignore[attr-defined]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {cls!r}", errors, cls)
        return tuple(items)

    return structure


# -- references: an inspection names its force, framework and areas --------------------------

# The inspection being structured, if any, and its framework if that could be read: areas
# inside an inspection are given by key, and resolved against its framework.
_framework_in_scope: contextvars.ContextVar[tuple[bool, Framework | None]] = contextvars.ContextVar(
    "policegrades_framework_in_scope", default=(False, None)
)


def _by_name(lookup: Callable[[str], T], what: str) -> Callable[[object, type], T]:
    def structure(value: object, _: type) -> T:
        if type(value) is not str:
            raise _WireError(("", f"expected {what}, got {_describe(value)}"))
        try:
            return lookup(value)
        except PoliceGradesError as error:
            raise _WireError(("", str(error))) from None

    return structure


_force_by_code = _by_name(catalogues.force, "a force's code")
_framework_by_key = _by_name(catalogues.framework, "a PEEL round's key")


def _bundled_code(force: Force) -> str:
    if catalogues.force(force.code) != force:
        raise _WireError(("force", f"{force.name!r} differs from the bundled force {force.code}"))
    return force.code


def _bundled_key(framework: Framework) -> str:
    bundled = catalogues.framework(framework.key)
    if bundled is not framework and bundled != framework:
        raise _WireError(("framework", f"{framework.key!r} differs from the bundled PEEL round"))
    return framework.key


# -- attrs classes ---------------------------------------------------------------------------


def _mapping_guard(
    cls: type, structure: Callable[[Any, type], Any], conv: cattrs.Converter
) -> Callable[[Any, type], Any]:
    """Explain a value that is not an object, when explaining; the fast path needs no check.

    Without the check a generated function still fails on anything but a mapping, and the
    failure sends the document to the detailed converter, which explains it.
    """
    if not conv.detailed_validation:
        return structure

    def guarded(value: object, _: type) -> Any:
        if not isinstance(value, dict):
            raise _WireError(("", f"expected an object ({cls.__name__}), got {_describe(value)}"))
        return structure(value, cls)

    return guarded


def _structure_area(_: type, conv: cattrs.Converter) -> Callable[[object, type], Area]:
    full = _mapping_guard(Area, make_dict_structure_fn(Area, conv), conv)

    def structure(value: object, cls: type) -> Area:
        if type(value) is not str:
            return full(value, cls)  # type: ignore[no-any-return]
        in_inspection, framework = _framework_in_scope.get()
        if not in_inspection:
            raise _WireError(("", f"the area {quote(value)} is given by key outside an inspection"))
        if framework is None:
            raise _WireError(("", f"{quote(value)} cannot be checked: the PEEL round is not known"))
        area = framework.area_by_key(value)
        if area is None:
            keys = ", ".join(a.key for a in framework.areas)
            raise _WireError(
                ("", f"{quote(value)} is not an area of {framework.name}; expected one of: {keys}")
            )
        return area

    return structure


def _framework_in_use(value: object, cls: type) -> Framework:
    """The inspection's framework: already read by the inspection's hook, when it could be."""
    framework = _framework_in_scope.get()[1]
    if framework is not None and framework.key == value:
        return framework
    return _framework_by_key(value, cls)


def _structure_inspection(_: type, conv: cattrs.Converter) -> Callable[[object, type], Inspection]:
    generated = _mapping_guard(
        Inspection,
        make_dict_structure_fn(
            Inspection,
            conv,
            force=override(struct_hook=_force_by_code),
            framework=override(struct_hook=_framework_in_use),
        ),
        conv,
    )

    def structure(value: object, cls: type) -> Inspection:
        # The framework is read first: the generated function does not structure the fields
        # in order, and the areas inside grades and findings are resolved against it.
        framework = None
        if isinstance(value, dict):
            # A bad key is reported by the generated function, with any other problem.
            with contextlib.suppress(_WireError):
                framework = _framework_by_key(value.get("framework"), Framework)
        token = _framework_in_scope.set((True, framework))
        try:
            return generated(value, cls)  # type: ignore[no-any-return]
        finally:
            _framework_in_scope.reset(token)

    return structure


def _unstructure_inspection(
    _: type, conv: cattrs.Converter
) -> Callable[[Inspection], dict[str, Any]]:
    by_key = override(unstruct_hook=lambda area: None if area is None else area.key)
    omit = conv.omit_if_default
    area_grade = make_dict_unstructure_fn(AreaGrade, conv, omit, area=by_key)
    finding = make_dict_unstructure_fn(Recommendation, conv, omit, area=by_key)
    return make_dict_unstructure_fn(
        Inspection,
        conv,
        omit,
        force=override(unstruct_hook=_bundled_code),
        framework=override(unstruct_hook=_bundled_key),
        grades=override(unstruct_hook=lambda grades: [area_grade(g) for g in grades]),
        recommendations=override(unstruct_hook=lambda found: [finding(f) for f in found]),
    )


def _configure(conv: cattrs.Converter) -> cattrs.Converter:
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    conv.register_structure_hook(Grade, _structure_grade)
    conv.register_structure_hook_func(_is_optional_grade, _structure_optional_grade)
    for cls, what in (
        (Scale, "a scale"),
        (Monitoring, "a monitoring stage"),
        (RecommendationKind, "a kind of finding"),
    ):
        conv.register_structure_hook(cls, _enum_hook(cls, what))
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple, lambda cls, c: c.gen_unstructure_iterable(cls, unstructure_to=list)
    )
    conv.register_structure_hook_factory(
        attrs.has,
        lambda cls, c: _mapping_guard(cls, make_dict_structure_fn(cls, c), c),
    )
    # Factories, not hooks, so that a copy with detailed validation generates its own.
    conv.register_structure_hook_factory(lambda cls: cls is Area, _structure_area)
    conv.register_structure_hook_factory(lambda cls: cls is Inspection, _structure_inspection)
    conv.register_unstructure_hook_factory(lambda cls: cls is Inspection, _unstructure_inspection)
    return conv


converter: cattrs.Converter = _configure(
    cattrs.Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=False)
)
"""The library's converter, for users who extend it: register hooks for your own types here."""


# -- errors ----------------------------------------------------------------------------------


def _join(path: str, below: str) -> str:
    if not below:
        return path
    if not path or below.startswith("["):
        return path + below
    return f"{path}.{below}"


def _explain(error: BaseException, path: str) -> Iterator[str]:
    if isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            yield from _explain(sub, _join(path, getattr(note, "name", "")))
        for sub in without:
            yield from _explain(sub, path)
    elif isinstance(error, IterableValidationError):
        with_index, without = error.group_exceptions()
        for sub, index_note in with_index:
            yield from _explain(sub, f"{path}[{index_note.index}]")
        for sub in without:
            yield from _explain(sub, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield f"{_join(path, key) or 'document'}: unexpected key"
    elif isinstance(error, _WireError):
        for below, message in error.problems:
            yield f"{_join(path, below) or 'document'}: {message}"
    elif isinstance(error, InvalidDataError):  # the model refused the value it was given
        for problem in error.problems:
            below, _, message = problem.partition(": ")
            yield f"{_join(path, below) or 'document'}: {message}"
    elif isinstance(error, KeyError):
        yield f"{path or 'document'}: required, but missing"
    elif isinstance(error, RecursionError):
        yield f"{path or 'document'}: nested too deeply"
    else:
        yield f"{path or 'document'}: {error}"


def _problems_of(data: object, cls: Any) -> list[str]:
    explainer = converter.copy(detailed_validation=True)
    try:
        explainer.structure(data, cls)
    except Exception as error:  # noqa: BLE001 - turned into the library's own error below
        return list(dict.fromkeys(_explain(error, ""))) or [f"document: {error}"]
    return ["document: could not be loaded"]  # pragma: no cover - the fast path failed


# -- public functions ------------------------------------------------------------------------


def from_dict(data: object, cls: type[T]) -> T:
    """Build a value of type ``cls`` from plain data (dicts, lists, strings, numbers).

    Any problem raises `InvalidDataError` listing every problem with its path.

    >>> import policegrades as pg
    >>> pg.from_dict({"key": "x", "name": "Example area"}, pg.Area).name
    'Example area'
    >>> pg.from_dict({"area": {"key": "x", "name": "X"}, "grade": "excellent"}, pg.AreaGrade)
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: grade: 'excellent' is not a grade; expected one of: outstanding, good, adequate, requires improvement, inadequate
    """
    collecting = gc.isenabled()
    gc.disable()  # a load makes many objects and no cycles: collecting them is wasted work
    try:
        return converter.structure(data, cls)
    except Exception:  # noqa: BLE001 - explained, then raised as the library's own error
        pass
    finally:
        if collecting:
            gc.enable()
    raise InvalidDataError(_problems_of(data, cls))


def to_dict(value: object) -> Any:
    """The plain data (dicts, lists, strings, numbers) that `from_dict` turns back into ``value``.

    >>> import policegrades as pg
    >>> pg.to_dict(pg.Grade.REQUIRES_IMPROVEMENT)
    'requires improvement'
    >>> pg.to_dict(pg.fixtures.cleveland()[4])["grades"][0]
    {'area': 'effectiveness', 'grade': 'inadequate'}
    """
    try:
        return converter.unstructure(value)
    except _WireError as error:
        raise InvalidDataError([f"{path}: {message}" for path, message in error.problems]) from None


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Build a value of type ``cls`` from JSON text.

    Malformed JSON and data that does not fit raise `InvalidDataError`, listing every problem.

    >>> import policegrades as pg
    >>> pg.from_json('"good"', pg.Grade)
    <Grade.GOOD: 'good'>
    >>> pg.from_json('{"force": "E23000013", "framework": "peel-2016", '
    ...              '"published": "2017-03-02", '
    ...              '"grades": [{"area": "effectiveness", "grade": "adequate"}]}', pg.Inspection)
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: grades[0].grade: 'adequate' is not on the scale of PEEL 2016 (outstanding, good, requires improvement, inadequate)
    """
    return from_dict(_parse_json(text), cls)


def to_json(value: object, *, indent: int | None = 2) -> str:
    """JSON text that `from_json` turns back into ``value``; ``indent=None`` for one line.

    >>> import policegrades as pg
    >>> print(pg.to_json(pg.framework("2023-25").areas[0]))
    {
      "key": "victim-service",
      "name": "Providing a service to victims of crime",
      "graded": false,
      "aliases": [
        "victim service"
      ]
    }
    """
    return json.dumps(to_dict(value), ensure_ascii=False, indent=indent)


def load_bundled(name: str, cls: type[T]) -> T:
    """Load one of the package's data files through the public converter.

    >>> import policegrades as pg
    >>> len(load_bundled("forces.json", tuple[pg.Force, ...]))
    43
    """
    return from_json(catalogues.read_bundled(name), cls)


def _parse_json(text: object) -> object:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidDataError([f"JSON text: not UTF-8 ({error.reason})"]) from None
    if not isinstance(text, str):
        raise InvalidDataError([f"JSON text: expected text, got {_describe(text)}"])
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise InvalidDataError([f"JSON text, {where}: {error.msg}"]) from None
    except RecursionError:
        raise InvalidDataError(["JSON text: nested too deeply"]) from None
