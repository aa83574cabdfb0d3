"""Converters for attrs fields that freeze collections into tuples.

Each field gets a converter typed for its items: a generic one (or ``converter=tuple``)
would hide the constructor's parameter types from mypy.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

__all__ = ["strings", "to_tuple"]

T = TypeVar("T")


def to_tuple(items: Iterable[T]) -> tuple[T, ...]:
    """Freeze any iterable of items into a tuple, so that values stay immutable.

    A lone string is refused: ``tuple("abc")`` would silently split it into letters.

    >>> to_tuple(["a", "b"])
    ('a', 'b')
    """
    if isinstance(items, (str, bytes)):
        raise TypeError(f"expected a collection of items, got the text {items!r}")
    return items if isinstance(items, tuple) else tuple(items)


def strings(items: Iterable[str]) -> tuple[str, ...]:
    """Freeze a collection of text.

    >>> strings(["a"])
    ('a',)
    """
    return to_tuple(items)
