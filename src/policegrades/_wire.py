"""The wire rules: how plain JSON becomes the library's values, strictly, and failures explained.

This layer knows the model's types but no catalogue: it reads forces, frameworks and areas
written out in full. Naming a force by code or an area by key is the next layer's business
(`policegrades.serialisation`), which adds those references to a converter made here.

Nothing is coerced: text must be text, a flag ``true`` or ``false``, a list a list, and a
grade, kind or stage exactly its canonical word.
"""

from __future__ import annotations

import datetime
import enum
import gc
import json
import re
import types
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from policegrades import _dates
from policegrades.assessments import RecommendationKind
from policegrades.counts import GradeCounts
from policegrades.errors import InvalidDataError, quote
from policegrades.grades import Grade, Scale
from policegrades.monitoring import Monitoring
from policegrades.provenance import Basis, Precision
from policegrades.rounds import Grading

__all__ = [
    "WireError",
    "describe",
    "explain",
    "make",
    "mapping_guard",
    "parse_json",
    "structure",
]

T = TypeVar("T")


class WireError(ValueError):
    """A problem found while structuring, as (path below the failing place, message) pairs."""

    def __init__(self, *problems: tuple[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(message for _, message in problems))


def describe(value: object) -> str:
    """What a JSON value is, for "expected X, got Y": its kind, and the value if it is short.

    >>> describe("3"), describe([1]), describe(None)
    ("text ('3')", 'a list', 'null')
    """
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    kinds = {str: "text", bool: "a flag"}
    kind = kinds.get(type(value), "a number" if isinstance(value, (int, float)) else None)
    return f"{kind} ({quote(value)})" if kind else quote(value)


# -- primitives: no silent coercion ----------------------------------------------------------


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise WireError(("", f"expected text, got {describe(value)}"))
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise WireError(("", f"expected a whole number, got {describe(value)}"))
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise WireError(("", f"expected true or false, got {describe(value)}"))
    return value


def _structure_date(value: object, _: type) -> datetime.date:
    day = _dates.day(value)
    if day is None:
        raise WireError(("", f"{quote(value)} is not a date; expected YYYY-MM-DD"))
    return day


def _enum_hook(cls: type[enum.Enum], what: str) -> Callable[[object, type], enum.Enum]:
    by_value = {member.value: member for member in cls}
    accepted = ", ".join(by_value)

    def structure(value: object, _: type) -> enum.Enum:
        found = by_value.get(value) if type(value) is str else None
        if found is None:
            raise WireError(("", f"{quote(value)} is not {what}; expected one of: {accepted}"))
        return found

    return structure


_structure_grade = _enum_hook(Grade, "a grade")


def _is_optional(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) in (Union, types.UnionType) and len(args) == 2 and type(None) in args


def _optional_hook(cls: Any, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    """``X | None``: ``None``, or X through X's own hook, found once rather than on every call."""
    inner = next(arg for arg in get_args(cls) if arg is not type(None))
    hook = conv.get_structure_hook(inner)

    def structure(value: object, _: type) -> Any:
        return None if value is None else hook(value, inner)

    return structure


_GRADES = {grade.value: grade for grade in Grade}


def _structure_counts(value: object, _: type) -> GradeCounts:
    if not isinstance(value, dict):
        raise WireError(("", f"expected an object of counts by grade, got {describe(value)}"))
    problems: list[tuple[str, str]] = []
    counts: dict[Grade, int] = {}
    for label, n in value.items():
        grade = _GRADES.get(label) if type(label) is str else None
        if grade is None:
            accepted = ", ".join(g.label for g in Grade)
            problems.append((str(label), f"{quote(label)} is not a grade; expected: {accepted}"))
        elif type(n) is not int or n < 0:
            problems.append((label, f"expected a whole number ≥ 0, got {describe(n)}"))
        else:
            counts[grade] = n
    if problems:
        raise WireError(*problems)
    return GradeCounts(counts)


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(cls: Any, conv: cattrs.Converter) -> Callable[[object, type], tuple[Any, ...]]:
    item_type = get_args(cls)[0]
    item_hook = conv.get_structure_hook(item_type)

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise WireError(("", f"expected a list, got {describe(value)}"))
        if not conv.detailed_validation:
            # Go on past a failure, to name every item that fails: only those are explained.
            items, failed = [], []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception:  # noqa: BLE001 - named here, explained by the detailed pass
                    failed.append(index)
            if failed:
                raise _FailedItems(failed)
            return tuple(items)
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


class _FailedItems(ValueError):
    """The places of the items of a list that failed to load, for the detailed pass."""

    def __init__(self, indexes: list[int]) -> None:
        self.indexes = indexes
        super().__init__(f"items {indexes} failed")


def mapping_guard(
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
            raise WireError(("", f"expected an object ({cls.__name__}), got {describe(value)}"))
        return structure(value, cls)

    return guarded


def make() -> cattrs.Converter:
    """A converter with the wire rules, for values written out in full.

    >>> import policegrades as pg
    >>> make().structure({"key": "x", "name": "X", "grading": "ungraded"}, pg.Area).graded
    False
    """
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=False)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    conv.register_structure_hook(Grade, _structure_grade)
    conv.register_structure_hook(GradeCounts, _structure_counts)
    conv.register_unstructure_hook(
        GradeCounts, lambda counts: {grade.label: n for grade, n in counts.items()}
    )
    # Every enum by its exact value; those of the model say what they are in their own words.
    conv.register_structure_hook_factory(
        lambda cls: isinstance(cls, type) and issubclass(cls, enum.Enum),
        lambda cls, _: _enum_hook(cls, f"a {cls.__name__}"),
    )
    for cls, what in (
        (Scale, "a scale"),
        (Monitoring, "a monitoring stage"),
        (RecommendationKind, "a kind of finding"),
        (Basis, "a basis"),
        (Precision, "a precision"),
        (Grading, "a grading"),
    ):
        conv.register_structure_hook(cls, _enum_hook(cls, what))
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple, lambda cls, c: c.gen_unstructure_iterable(cls, unstructure_to=list)
    )
    conv.register_structure_hook_factory(
        attrs.has,
        lambda cls, c: mapping_guard(cls, make_dict_structure_fn(cls, c), c),
    )
    conv.register_structure_hook_factory(_is_optional, _optional_hook)
    return conv


# -- errors ----------------------------------------------------------------------------------


def _join(path: str, below: str) -> str:
    if not below:
        return path
    if not path or below.startswith("["):
        return path + below
    return f"{path}.{below}"


def explain(error: BaseException, path: str = "") -> Iterator[str]:
    """Each problem an error from a converter holds, as "path: what is wrong"."""
    if isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            yield from explain(sub, _join(path, getattr(note, "name", "")))
        for sub in without:
            yield from explain(sub, path)
    elif isinstance(error, IterableValidationError):
        with_index, without = error.group_exceptions()
        for sub, index_note in with_index:
            yield from explain(sub, f"{path}[{index_note.index}]")
        for sub in without:
            yield from explain(sub, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields, key=repr):
            if type(key) is str:
                yield f"{_join(path, key) or 'document'}: unexpected key"
            else:
                yield f"{path or 'document'}: the key {quote(key)} is not text"
    elif isinstance(error, WireError):
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


def structure(conv: cattrs.Converter, data: object, cls: type[T]) -> T:
    """Structure ``data`` fast; on failure, structure again in detail what failed, and explain it.

    Any problem raises `InvalidDataError` listing every problem with its path.
    """
    collecting = gc.isenabled()
    gc.disable()  # a load makes many objects and no cycles: collecting them is wasted work
    failed: list[int] | None = None
    try:
        return conv.structure(data, cls)
    except _FailedItems as error:
        failed = error.indexes
    except Exception:  # noqa: BLE001 - explained, then raised as the library's own error
        pass
    finally:
        if collecting:
            gc.enable()
    raise InvalidDataError(_explained(conv, data, cls, failed))


def _explained(
    conv: cattrs.Converter, data: object, cls: Any, failed: list[int] | None
) -> list[str]:
    """Every problem of ``data``; of a list whose failing items are known, of those items only.

    The fast pass names the items of a list that fail, so the cost of explaining grows with
    the problems, not with the document.
    """
    if failed and isinstance(data, list) and _is_homogeneous_tuple(cls):
        item_type = get_args(cls)[0]
        problems = []
        for index in failed:
            lines = _in_detail(conv, data[index], item_type)
            problems += [f"[{index}]{_below(line)}" for line in lines]
        return problems
    return _in_detail(conv, data, cls)


def _below(line: str) -> str:
    """One problem of an item, its path joined to the item's place in the list."""
    where, _, message = line.partition(": ")
    if where == "document":
        return f": {message}"
    return f"{where}: {message}" if where.startswith("[") else f".{where}: {message}"


def _in_detail(conv: cattrs.Converter, data: object, cls: Any) -> list[str]:
    """Every problem of ``data``, found by structuring it again with detailed validation."""
    explainer = conv.copy(detailed_validation=True)
    try:
        explainer.structure(data, cls)
    except Exception as error:  # noqa: BLE001 - turned into the library's own error
        try:
            return list(dict.fromkeys(explain(error))) or [f"document: {error}"]
        except Exception:  # noqa: BLE001 - a failure to explain must not hide the failure
            return [f"document: cannot be read as {getattr(cls, '__name__', cls)}"]
    return ["document: could not be loaded"]  # pragma: no cover - the fast path failed alone


class _RepeatedKey(ValueError):
    """A key given twice in one JSON object, which ``json`` would silently read as the last."""

    def __init__(self, key: str, keys: list[str]) -> None:
        self.key, self.keys = key, keys
        super().__init__(key)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        keys = [key for key, _ in pairs]
        raise _RepeatedKey(next(k for i, k in enumerate(keys) if k in keys[:i]), keys)
    return found


def parse_json(text: object) -> object:
    """The value of JSON text (or UTF-8 bytes); malformed text raises `InvalidDataError`.

    A key given twice in one object is malformed too: JSON readers disagree on which to keep,
    so neither is kept silently.

    >>> parse_json('{"a": [1]}')
    {'a': [1]}
    >>> parse_json('{"force": "E23000013", "force": "E23000008"}')
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: JSON text: the key 'force' is given twice in one object (its keys: 'force', 'force')
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidDataError([f"JSON text: not UTF-8 ({error.reason})"]) from None
    if not isinstance(text, str):
        raise InvalidDataError([f"JSON text: expected text, got {describe(text)}"])
    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except _RepeatedKey as error:
        keys = ", ".join(quote(key, limit=30) for key in error.keys[:8])
        keys += ", …" if len(error.keys) > 8 else ""
        raise InvalidDataError(
            [
                f"JSON text: the key {quote(error.key)} is given twice in one object (its keys: {keys})"
            ]
        ) from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise InvalidDataError([f"JSON text, {where}: {error.msg}"]) from None
    except RecursionError:
        raise InvalidDataError(["JSON text: nested too deeply"]) from None
    except ValueError as error:  # a number too long for Python to read
        digits = re.search(r"value has (\d+) digits", str(error))
        size = f" ({digits[1]} digits)" if digits else ""
        raise InvalidDataError([f"JSON text: a number too long to read{size}"]) from None
