"""The checks each value's constructor makes of its fields, and the converters to tuples.

Values built in Python obey the rules of values loaded from JSON: text is text, a flag is
``True`` or ``False``, a whole number is not a flag, a date is a date and not a datetime (whose
time would be lost), a collection is not a lone string. A wrong value raises `InvalidDataError`
naming the field; each converter is typed for its items, since a generic one (or
``converter=tuple``) would hide the constructor's parameter types from mypy.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TypeVar

from policegrades.errors import InvalidDataError, quote

__all__ = ["expect", "expect_items", "raise_if", "strings", "to_tuple"]

T = TypeVar("T")

# Types whose subclasses would change what a value says: a flag is no number, a datetime no date.
_EXACT = (bool, int, float, datetime.date)


def _is_a(value: object, kind: type | tuple[type, ...]) -> bool:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return any((type(value) is k) if k in _EXACT else isinstance(value, k) for k in kinds)


def _shown(value: object) -> str:
    return f"{type(value).__name__} {quote(value)}"


def expect(
    problems: list[str],
    field: str,
    value: object,
    kind: type | tuple[type, ...],
    what: str,
    *,
    optional: bool = False,
) -> bool:
    """Add a problem to ``problems`` unless ``value`` is a ``kind`` (or ``None`` if optional).

    Optional text may not be empty: ``None`` says there is none, and one way is enough.

    >>> problems = []
    >>> expect(problems, "derived", "no", bool, "True or False")
    False
    >>> problems
    ["derived: expected True or False, got str 'no'"]
    """
    if optional and value == "" and kind is str:
        problems.append(f"{field}: empty; give None for no value")
        return False
    if (optional and value is None) or _is_a(value, kind):
        return True
    problems.append(
        f"{field}: expected {what}{' or None' if optional else ''}, got {_shown(value)}"
    )
    return False


def expect_items(
    problems: list[str], field: str, values: tuple[object, ...], kind: type, what: str
) -> None:
    """Add a problem for each item of ``values`` that is not a ``kind``.

    >>> problems = []
    >>> expect_items(problems, "sources", (1,), str, "text")
    >>> problems
    ['sources[0]: expected text, got int 1']
    """
    for index, value in enumerate(values):
        expect(problems, f"{field}[{index}]", value, kind, what)


def raise_if(problems: list[str]) -> None:
    """Raise `InvalidDataError` listing ``problems``, if there are any.

    >>> raise_if([])
    """
    if problems:
        raise InvalidDataError(problems)


def to_tuple(items: Iterable[T], field: str = "value") -> tuple[T, ...]:
    """Freeze any collection of items into a tuple, so that values stay immutable.

    A lone string is refused (``tuple("abc")`` would silently split it into letters), and so is
    anything that is not a collection, with `InvalidDataError` naming ``field``.

    >>> to_tuple(["a", "b"])
    ('a', 'b')
    >>> to_tuple(None, "grades")
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: grades: expected a collection, got NoneType None
    """
    if isinstance(items, tuple):
        return items
    if isinstance(items, (str, bytes, dict)) or not isinstance(items, Iterable):
        raise InvalidDataError([f"{field}: expected a collection, got {_shown(items)}"])
    return tuple(items)


def strings(items: Iterable[str]) -> tuple[str, ...]:
    """Freeze a collection of text (aliases); each item is checked by its owner.

    >>> strings(["a"])
    ('a',)
    """
    return to_tuple(items, "aliases")
