"""Forgiving, exact name matching shared by every lookup (grades, forces, frameworks, areas).

A query matches a name when both reduce to the same *folded* form: lower case, "&" read as
"and", the punctuation that joins or separates words (spaces, underscores, hyphens and dashes, slashes,
full stops, commas, apostrophes, brackets, the question mark that ends a question) reduced to
one space, and a few filler words dropped
where the catalogue says so. Any other character ("Cleveland✓", "good!!") changes what the name
says, so such a query matches nothing. Nothing is matched by prefix or substring, so a lookup
never silently picks the wrong thing; near misses are only *offered*, in the error.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

from policegrades.errors import UnknownNameError, quote

__all__ = ["NameIndex", "fold"]

T = TypeVar("T", bound=Hashable)

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_NAME = re.compile(r"[0-9a-z&\s_\-‐‑–—/.,'’()?]*")


def fold(text: str, *, ignore: frozenset[str] = frozenset()) -> str:
    """Reduce ``text`` to the form that lookups compare, dropping the words in ``ignore``.

    Text with a character that is neither a letter or digit nor punctuation between words
    folds to nothing, and so matches no name.

    >>> fold("Avon & Somerset")
    'avon and somerset'
    >>> fold("  Dyfed-Powys  ")
    'dyfed powys'
    >>> fold("The Met Police", ignore=frozenset({"the", "police"}))
    'met'
    >>> fold("Cleveland✓"), fold("good!!")
    ('', '')
    """
    lowered = text.lower()
    if not _NAME.fullmatch(lowered):
        return ""
    return _loosely(lowered, ignore)


def _loosely(text: str, ignore: frozenset[str]) -> str:
    """Every run of characters other than letters and digits read as one space."""
    words = _NOT_WORD.sub(" ", text.lower().replace("&", " and ")).split()
    return " ".join(word for word in words if word not in ignore)


class NameIndex(Generic[T]):
    """Values found by any of their names; a name shared by two values is refused when built.

    Each value is offered in errors under its first name.

    >>> index = NameIndex([("good", ["good", "fine"]), ("bad", ["bad"])], what="word")
    >>> index.find("FINE")
    'good'
    >>> index.find("goo")
    Traceback (most recent call last):
    ...
    policegrades.errors.UnknownNameError: no word is called 'goo'; did you mean: good?
    """

    __slots__ = ("_by_name", "_ignore", "_titles", "_what")

    def __init__(
        self,
        entries: Iterable[tuple[T, Iterable[str]]],
        *,
        what: str,
        ignore: frozenset[str] = frozenset(),
    ) -> None:
        self._what = what
        self._ignore = ignore
        self._by_name: dict[str, T] = {}
        self._titles: dict[T, str] = {}
        for value, names in entries:
            for name in names:
                key = fold(name, ignore=ignore)
                if not key:
                    continue
                held = self._by_name.setdefault(key, value)
                if held != value:
                    raise ValueError(f"the {what} name {name!r} would match two entries")
                self._titles.setdefault(value, name)

    def get(self, query: str) -> T | None:
        """The value named ``query``, or ``None``."""
        return self._by_name.get(fold(query, ignore=self._ignore))

    def find(self, query: object) -> T:
        """The value named ``query``; else `UnknownNameError` offering the nearest names."""
        if not isinstance(query, str):
            raise UnknownNameError(
                f"a {self._what} is looked up by name, not by {type(query).__name__} {quote(query)}"
            )
        key = fold(query, ignore=self._ignore)
        found = self._by_name.get(key)
        if found is not None:
            return found
        padded = f" {key} "
        containing = [v for name, v in self._by_name.items() if key and padded in f" {name} "]
        if len(set(containing)) > 1:
            candidates = self._titles_of(containing)
            raise UnknownNameError(
                f"{quote(query)} could be any of: {', '.join(candidates)}; say which",
                candidates=candidates,
            )
        names = list(self._by_name)
        near = key or _loosely(query, self._ignore)  # what the query would be without its marks
        close = difflib.get_close_matches(near, names, n=15, cutoff=0.6)
        candidates = self._titles_of(containing + [self._by_name[name] for name in close])
        message = f"no {self._what} is called {quote(query)}"
        if candidates:
            raise UnknownNameError(
                f"{message}; did you mean: {', '.join(candidates)}?", candidates=candidates
            )
        weak = difflib.get_close_matches(near, names, n=15, cutoff=0.0)
        candidates = self._titles_of([self._by_name[name] for name in weak], most=3)
        if candidates:
            message += f"; the closest are: {', '.join(candidates)}"
        raise UnknownNameError(message, candidates=candidates)

    def _titles_of(self, values: list[T], most: int = 5) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self._titles[v] for v in values))[:most]
