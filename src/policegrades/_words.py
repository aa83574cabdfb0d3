"""English for counts and lists, in the press's style."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["count_of", "join", "lower_first", "number", "upper_first"]

_NUMBERS = "no one two three four five six seven eight nine ten eleven twelve".split()


def number(n: int) -> str:
    """A count as a word up to twelve, in digits above.

    >>> number(4), number(12), number(13)
    ('four', 'twelve', '13')
    """
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


def count_of(n: int, noun: str) -> str:
    """A count with its noun, plural where it must be.

    >>> count_of(1, "area"), count_of(3, "area")
    ('one area', 'three areas')
    """
    return f"{number(n)} {noun}{'' if n == 1 else 's'}"


def join(items: Sequence[str]) -> str:
    """Items as a list in a sentence: "a, b and c".

    >>> join(["good", "adequate", "inadequate"])
    'good, adequate and inadequate'
    >>> join(["good"]), join([])
    ('good', '')
    """
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def lower_first(name: str) -> str:
    """A name as it reads inside a sentence: its first letter small, the rest as it is.

    >>> lower_first("Preventing crime"), lower_first("")
    ('preventing crime', '')
    """
    return name[:1].lower() + name[1:]


def upper_first(text: str) -> str:
    """Text as it starts a sentence: its first letter a capital, the rest as it is.

    >>> upper_first("one area of PEEL 2017"), upper_first("")
    ('One area of PEEL 2017', '')
    """
    return text[:1].upper() + text[1:]
