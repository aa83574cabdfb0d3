"""Loading and saving every value, through one strict cattrs converter.

The wire format is plain JSON: an inspection names its force by ONS code, its framework by
key and its areas by key (resolved against its framework); grades, kinds and stages are
written as the inspectorate's words; dates are ISO 8601, a publication date at its precision
(``YYYY-MM-DD``, ``YYYY-MM`` when known only to the month, left out when known only to the
round). Fields left at their default are left out. Nothing is coerced, and names are exact:
a code, key or label as the wire writes it, never a name a person would type.

`converter` is the library's converter, for users who extend it; `make_converter` makes a
fresh one. The bundled data is read through a converter of its own, so that hooks a user
registers never change what it says.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import json
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from policegrades import _dates, _wire
from policegrades.assessments import AreaGrade, Inspection, Recommendation
from policegrades.catalogues import force, force_by_code, framework, framework_by_key
from policegrades.errors import InvalidDataError, PoliceGradesError, quote
from policegrades.monitoring import EngagePeriod
from policegrades.police_forces import Force
from policegrades.provenance import Precision
from policegrades.rounds import Area, Framework

__all__ = ["converter", "from_dict", "from_json", "make_converter", "to_dict", "to_json"]

T = TypeVar("T")

# -- references: an inspection names its force, framework and areas --------------------------

# The inspection being structured, if any, and its framework if that could be read: areas
# inside an inspection are given by key, and resolved against its framework.
_framework_in_scope: contextvars.ContextVar[tuple[bool, Framework | None]] = contextvars.ContextVar(
    "policegrades_framework_in_scope", default=(False, None)
)


def _exactly(
    exact: Callable[[str], T | None],
    forgiving: Callable[[str], T],
    spell: Callable[[T], str],
    what: str,
) -> Callable[[object, type], T]:
    """A hook that takes only the canonical name, and names it when given a person's name."""

    def structure(value: object, _: type) -> T:
        found = exact(value) if type(value) is str else None
        if found is not None:
            return found
        hint = ""
        if type(value) is str:
            with contextlib.suppress(PoliceGradesError):
                hint = f" ({quote(value)} is written {quote(spell(forgiving(value)))} here)"
        raise _wire.WireError(("", f"{_wire.describe(value)} is not {what}{hint}"))

    return structure


_structure_force = _exactly(
    force_by_code, force, lambda f: f.code, "a force's ONS code such as 'E23000013'"
)
_structure_framework = _exactly(
    framework_by_key, framework, lambda f: f.key, "a PEEL round's key such as 'peel-2016'"
)


def _bundled_code(value: Force) -> str:
    if force_by_code(value.code) != value:
        raise _wire.WireError(
            ("force", f"{value.name!r} differs from the bundled force {value.code}")
        )
    return value.code


def _bundled_key(value: Framework) -> str:
    bundled = framework_by_key(value.key)
    if bundled is not value and bundled != value:
        raise _wire.WireError(("framework", f"{value.key!r} differs from the bundled PEEL round"))
    return value.key


def _structure_area(_: type, conv: cattrs.Converter) -> Callable[[object, type], Area]:
    full = _wire.mapping_guard(Area, make_dict_structure_fn(Area, conv), conv)

    def structure(value: object, cls: type) -> Area:
        if type(value) is not str:
            return full(value, cls)  # type: ignore[no-any-return]
        in_inspection, peel = _framework_in_scope.get()
        if not in_inspection:
            raise _wire.WireError(
                ("", f"the area {quote(value)} is given by key outside an inspection")
            )
        if peel is None:
            raise _wire.WireError(
                ("", f"{quote(value)} cannot be checked: the PEEL round is not known")
            )
        area = peel.area_by_key(value)
        if area is None:
            keys = ", ".join(a.key for a in peel.areas)
            raise _wire.WireError(
                ("", f"{quote(value)} is not an area of {peel.name}; expected one of: {keys}")
            )
        return area

    return structure


def _framework_in_use(value: object, cls: type) -> Framework:
    """The inspection's framework: already read by the inspection's hook, when it could be."""
    peel = _framework_in_scope.get()[1]
    if peel is not None and peel.key == value:
        return peel
    return _structure_framework(value, cls)


# -- publication dates: one wire value for a date and its precision -----------------------------

# ``published`` on the wire gives both the date and, by its form, its precision. The inspection's
# hook hands the precision to the generated function under this key, which no document can use.
_PRECISION_KEY = "\x00published_precision"
_ABSENT = object()


def _with_precision(value: dict[str, Any]) -> dict[str, Any]:
    raw = value.get("published", _ABSENT)
    precision = Precision.ROUND
    if type(raw) is str:
        precision = Precision.DAY  # what a bad date is read as, until its hook refuses it
        with contextlib.suppress(ValueError):
            precision = _dates.parse(raw)[1]
    return {**value, "published": raw, _PRECISION_KEY: precision}


_AT_PRECISION = "YYYY-MM-DD, or YYYY-MM or YYYY when only the month or the year is known"


def _date_at_precision(value: object, expected: str = _AT_PRECISION) -> datetime.date:
    """The date of a ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` text; our error for anything else."""
    if type(value) is str:
        with contextlib.suppress(ValueError):
            return _dates.parse(value)[0]
    shown = "null" if value is None else quote(value)
    raise _wire.WireError(("", f"{shown} is not a date; expected {expected}"))


def _structure_published(value: object, _: type) -> datetime.date | None:
    if value is _ABSENT:
        return None
    return _date_at_precision(value, f"{_AT_PRECISION} (left out when only the round is known)")


def _structure_inspection(_: type, conv: cattrs.Converter) -> Callable[[object, type], Inspection]:
    generated = _wire.mapping_guard(
        Inspection,
        make_dict_structure_fn(
            Inspection,
            conv,
            force=override(struct_hook=_structure_force),
            framework=override(struct_hook=_framework_in_use),
            published=override(struct_hook=_structure_published),
            published_precision=override(rename=_PRECISION_KEY, struct_hook=lambda v, _: v),
        ),
        conv,
    )

    def structure(value: object, cls: type) -> Inspection:
        # The framework is read first: the generated function does not structure the fields
        # in order, and the areas inside grades and findings are resolved against it.
        peel = None
        if isinstance(value, dict):
            # A bad key is reported by the generated function, with any other problem.
            with contextlib.suppress(_wire.WireError):
                peel = _structure_framework(value.get("framework"), Framework)
            if _PRECISION_KEY not in value:
                value = _with_precision(value)
        token = _framework_in_scope.set((True, peel))
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
    generated = make_dict_unstructure_fn(
        Inspection,
        conv,
        omit,
        force=override(unstruct_hook=_bundled_code),
        framework=override(unstruct_hook=_bundled_key),
        published=override(omit=True),
        published_precision=override(omit=True),
        grades=override(unstruct_hook=lambda grades: [area_grade(g) for g in grades]),
        recommendations=override(unstruct_hook=lambda found: [finding(f) for f in found]),
    )

    def unstructure(inspection: Inspection) -> dict[str, Any]:
        data = generated(inspection)
        written = _dates.write(inspection.published, inspection.published_precision)
        if written is None:
            return data
        # ``published`` keeps its place, after the force and the framework.
        head = {k: data.pop(k) for k in ("force", "framework")}
        return {**head, "published": written, **data}

    return unstructure


# -- Engage periods: dates at their precision, the force by code ------------------------------

# As with ``published``, a date's text gives its precision; the hook hands each precision to
# the generated function under a key that no document can use.
_ENTERED_PRECISION = "\x00entered_precision"
_EXITED_PRECISION = "\x00exited_precision"


def _dated_precision(raw: object) -> Precision | None:
    if type(raw) is not str:
        return None
    try:
        return _dates.parse(raw)[1]
    except ValueError:
        return None


def _structure_period(_: type, conv: cattrs.Converter) -> Callable[[object, type], EngagePeriod]:
    generated = _wire.mapping_guard(
        EngagePeriod,
        make_dict_structure_fn(
            EngagePeriod,
            conv,
            force=override(struct_hook=_structure_force),
            entered=override(struct_hook=lambda v, _: _date_at_precision(v)),
            exited=override(struct_hook=lambda v, _: None if v is None else _date_at_precision(v)),
            entered_precision=override(rename=_ENTERED_PRECISION, struct_hook=lambda v, _: v),
            exited_precision=override(rename=_EXITED_PRECISION, struct_hook=lambda v, _: v),
        ),
        conv,
    )

    def structure(value: object, cls: type) -> EngagePeriod:
        if isinstance(value, dict) and _ENTERED_PRECISION not in value:
            value = {
                **value,
                _ENTERED_PRECISION: _dated_precision(value.get("entered")) or Precision.DAY,
                _EXITED_PRECISION: _dated_precision(value.get("exited")),
            }
        return generated(value, cls)  # type: ignore[no-any-return]

    return structure


def _unstructure_period(
    _: type, conv: cattrs.Converter
) -> Callable[[EngagePeriod], dict[str, Any]]:
    generated = make_dict_unstructure_fn(
        EngagePeriod,
        conv,
        conv.omit_if_default,
        force=override(unstruct_hook=_bundled_code),
        entered=override(omit=True),
        entered_precision=override(omit=True),
        exited=override(omit=True),
        exited_precision=override(omit=True),
    )

    def unstructure(period: EngagePeriod) -> dict[str, Any]:
        data = generated(period)
        dates = {"entered": _dates.write(period.entered, period.entered_precision)}
        if period.exited is not None and period.exited_precision is not None:
            dates["exited"] = _dates.write(period.exited, period.exited_precision)
        return {"force": data.pop("force"), **dates, **data}

    return unstructure


def _typed_tuple(cls: object) -> type | None:
    """The item type of a tuple subclass of one item type (``class T(tuple[X, ...])``)."""
    if not isinstance(cls, type) or not issubclass(cls, tuple) or cls is tuple:
        return None
    for base in getattr(cls, "__orig_bases__", ()):
        if typing.get_origin(base) is tuple:
            args = typing.get_args(base)
            if len(args) == 2 and args[1] is Ellipsis and isinstance(args[0], type):
                return args[0]
    return None


def _unstructure_items(cls: type, conv: cattrs.Converter) -> Callable[[Any], list[Any]]:
    item = _typed_tuple(cls)

    def unstructure(value: tuple[Any, ...]) -> list[Any]:
        return [conv.unstructure(each, unstructure_as=item) for each in value]

    return unstructure


def _structure_items(cls: type, conv: cattrs.Converter) -> Callable[[object, type], Any]:
    item = _typed_tuple(cls)

    def structure(value: object, _: type) -> Any:
        return cls(conv.structure(value, tuple[item, ...]))  # type: ignore[valid-type]

    return structure


def make_converter() -> cattrs.Converter:
    """A fresh converter with the library's rules, for values of every public type.

    Hooks registered on it change only it: neither `converter` nor the bundled data.

    >>> import policegrades as pg
    >>> mine = pg.make_converter()
    >>> mine.unstructure(pg.fixtures.cleveland()[4])["grades"][0]
    {'area': 'effectiveness', 'grade': 'inadequate', 'source': 'hmicfrs'}
    """
    conv = _wire.make()
    # Factories, not hooks, so that a copy with detailed validation generates its own.
    conv.register_structure_hook_factory(lambda cls: cls is Area, _structure_area)
    conv.register_structure_hook_factory(lambda cls: cls is Inspection, _structure_inspection)
    conv.register_unstructure_hook_factory(lambda cls: cls is Inspection, _unstructure_inspection)
    conv.register_structure_hook_factory(lambda cls: cls is EngagePeriod, _structure_period)
    conv.register_unstructure_hook_factory(lambda cls: cls is EngagePeriod, _unstructure_period)
    # A tuple of one item type with a name of its own (a league table) is the list of its items.
    typed = _typed_tuple
    conv.register_unstructure_hook_factory(lambda cls: typed(cls) is not None, _unstructure_items)
    conv.register_structure_hook_factory(lambda cls: typed(cls) is not None, _structure_items)
    return conv


converter: cattrs.Converter = make_converter()
"""The library's converter, for users who extend it: register hooks for your own types here."""


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
    return _wire.structure(converter, data, cls)


def to_dict(value: object) -> Any:
    """The plain data (dicts, lists, strings, numbers) that `from_dict` turns back into ``value``.

    >>> import policegrades as pg
    >>> pg.to_dict(pg.Grade.REQUIRES_IMPROVEMENT)
    'requires improvement'
    >>> pg.to_dict(pg.fixtures.cleveland()[4])["grades"][0]
    {'area': 'effectiveness', 'grade': 'inadequate', 'source': 'hmicfrs'}
    """
    try:
        return converter.unstructure(value)
    except _wire.WireError as error:
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
    return from_dict(_wire.parse_json(text), cls)


def to_json(value: object, *, indent: int | None = 2) -> str:
    """JSON text that `from_json` turns back into ``value``; ``indent=None`` for one line.

    >>> import policegrades as pg
    >>> print(pg.to_json(pg.framework("2023-25").areas[0]))
    {
      "key": "victim-service",
      "name": "Providing a service to victims of crime",
      "grading": "ungraded",
      "aliases": [
        "victim service"
      ]
    }
    """
    return json.dumps(to_dict(value), ensure_ascii=False, indent=indent)
