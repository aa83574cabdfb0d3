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

__all__ = [
    "expect",
    "expect_items",
    "is_optional_text",
    "is_text",
    "raise_if",
    "strings",
    "to_tuple",
]

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
    if isinstance(value, str) and _is_a(value, kind):
        return _valid_text(problems, field, value)
    if (optional and value is None) or _is_a(value, kind):
        return True
    problems.append(
        f"{field}: expected {what}{' or None' if optional else ''}, got {_shown(value)}"
    )
    return False


def is_text(value: object) -> bool:
    r"""Whether ``value`` is text a value may hold: a string, not empty, valid Unicode.

    The one fast test of a constructor's common case; `expect` says what is wrong otherwise.

    >>> is_text("Cleveland"), is_text(""), is_text("\udc80"), is_text(3)
    (True, False, False, False)
    """
    if not isinstance(value, str) or value == "":
        return False
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_optional_text(value: object) -> bool:
    """`is_text`, or ``None``.

    >>> is_optional_text(None), is_optional_text("")
    (True, False)
    """
    return value is None or is_text(value)


def _valid_text(problems: list[str], field: str, text: str) -> bool:
    r"""Text must be valid Unicode: a lone surrogate would break writing it to a UTF-8 file later.

    >>> problems = []
    >>> _valid_text(problems, "note", "fine"), _valid_text(problems, "note", "bad \ud800")
    (True, False)
    >>> problems
    ['note: not valid Unicode text: a lone surrogate (U+D800) at character 4']
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        problems.append(
            f"{field}: not valid Unicode text: a lone surrogate "
            f"(U+{ord(text[error.start]):04X}) at character {error.start}"
        )
        return False
    return True


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
