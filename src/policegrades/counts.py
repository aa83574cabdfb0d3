"""Counts of grades: how many areas got each grade, best grade first."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import NoReturn

from policegrades.errors import InvalidDataError, quote
from policegrades.grades import Grade

__all__ = ["GradeCounts"]


class GradeCounts(Mapping[Grade, int]):
    """An immutable mapping of grades to how many areas got them, best grade first.

    It holds exactly the grades it is given, zeros included; it is equal to any mapping with
    the same items, and hashable.

    >>> from policegrades import Grade, GradeCounts
    >>> counts = GradeCounts({Grade.INADEQUATE: 2, Grade.GOOD: 1})
    >>> list(counts.items())
    [(<Grade.GOOD: 'good'>, 1), (<Grade.INADEQUATE: 'inadequate'>, 2)]
    >>> counts.total, counts == {Grade.GOOD: 1, Grade.INADEQUATE: 2}
    (3, True)
    """

    __slots__ = ("_counts",)

    _counts: dict[Grade, int]

    def __init__(self, counts: Mapping[Grade, int] | Iterable[tuple[Grade, int]] = ()) -> None:
        pairs = list(counts.items() if isinstance(counts, Mapping) else counts)
        held: dict[Grade, int] = {}
        if all(type(n) is int and n >= 0 and isinstance(g, Grade) for g, n in pairs):
            ordered = sorted(pairs, key=lambda pair: pair[0].rank)
            if len({g.rank for g, _ in ordered}) == len(ordered):
                object.__setattr__(self, "_counts", dict(ordered))
                return
        for grade, n in pairs:
            if not isinstance(grade, Grade):
                raise InvalidDataError([f"{quote(grade)}: expected a Grade"])
            if type(n) is not int or n < 0:
                raise InvalidDataError(
                    [f"{grade.label}: expected a whole number ≥ 0, got {quote(n)}"]
                )
            if grade in held:
                raise InvalidDataError([f"{grade.label}: counted twice"])
            held[grade] = n
        object.__setattr__(self, "_counts", {g: held[g] for g in Grade if g in held})

    @classmethod
    def of(cls, grades: Iterable[Grade | None], scale: Iterable[Grade]) -> GradeCounts:
        """Count ``grades`` (``None`` counts for nothing) against every grade of ``scale``.

        >>> from policegrades import Scale
        >>> GradeCounts.of([Grade.GOOD, None, Grade.GOOD], Scale.FOUR_POINT.grades)
        GradeCounts({'outstanding': 0, 'good': 2, 'requires improvement': 0, 'inadequate': 0})
        """
        counts = dict.fromkeys(scale, 0)
        for grade in grades:
            if grade is not None:
                counts[grade] = counts.get(grade, 0) + 1
        return cls(counts)

    @property
    def total(self) -> int:
        """The number of areas counted.

        >>> GradeCounts({Grade.GOOD: 4, Grade.ADEQUATE: 2}).total
        6
        """
        return sum(self._counts.values())

    def __getitem__(self, grade: Grade) -> int:
        return self._counts[grade]

    def __iter__(self) -> Iterator[Grade]:
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)

    def __hash__(self) -> int:
        return hash(tuple(self._counts.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, GradeCounts):
            return self._counts == other._counts
        return super().__eq__(other)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError("GradeCounts is immutable")

    def __reduce__(self) -> tuple[type[GradeCounts], tuple[dict[Grade, int]]]:
        # Rebuilt through __init__, so pickle and copy never set an attribute of a made value.
        return (GradeCounts, (dict(self._counts),))

    def __repr__(self) -> str:
        return f"GradeCounts({ {g.label: n for g, n in self._counts.items()} })"
