"""The inspectorate's grades and the two scales they come on."""

from __future__ import annotations

import enum
import functools

from policegrades._names import NameIndex
from policegrades.errors import UnknownNameError, quote

__all__ = ["Grade", "Scale"]


@functools.total_ordering
class Grade(enum.Enum):
    """One PEEL grade. Grades are ordered: a better grade is greater.

    The value of each member is the inspectorate's wording, in lower case.

    >>> from policegrades import Grade
    >>> Grade.GOOD > Grade.REQUIRES_IMPROVEMENT
    True
    >>> str(Grade.REQUIRES_IMPROVEMENT)
    'requires improvement'
    >>> max([Grade.ADEQUATE, Grade.OUTSTANDING, Grade.INADEQUATE])
    <Grade.OUTSTANDING: 'outstanding'>
    """

    OUTSTANDING = "outstanding"
    GOOD = "good"
    ADEQUATE = "adequate"
    REQUIRES_IMPROVEMENT = "requires improvement"
    INADEQUATE = "inadequate"

    @property
    def label(self) -> str:
        """The inspectorate's wording in lower case.

        >>> Grade.INADEQUATE.label
        'inadequate'
        """
        return self.value

    @property
    def rank(self) -> int:
        """Position from the top of the five-point scale: 1 for outstanding, 5 for inadequate.

        >>> Grade.ADEQUATE.rank
        3
        """
        return _RANKS[self]

    @property
    def definition(self) -> str:
        """The inspectorate's definition of the grade (PEEL 2023–25 wording).

        >>> Grade.GOOD.definition
        'The force has demonstrated substantially all the characteristics of good performance.'
        """
        return _DEFINITIONS[self]

    @classmethod
    def parse(cls, text: object) -> Grade:
        """Read a grade written any usual way: any case, spaces, hyphens, underscores, or "RI".

        Unknown text raises `UnknownNameError`, naming the grades it accepts.

        >>> Grade.parse("Requires-Improvement")
        <Grade.REQUIRES_IMPROVEMENT: 'requires improvement'>
        >>> Grade.parse(" RI ")
        <Grade.REQUIRES_IMPROVEMENT: 'requires improvement'>
        >>> Grade.parse("excellent")
        Traceback (most recent call last):
        ...
        policegrades.errors.UnknownNameError: 'excellent' is not a grade; expected one of: outstanding, good, adequate, requires improvement, inadequate
        """
        if isinstance(text, Grade):
            return text
        if isinstance(text, str):
            found = _INDEX.get(text)
            if found is not None:
                return found
        accepted = ", ".join(grade.label for grade in cls)
        raise UnknownNameError(
            f"{quote(text)} is not a grade; expected one of: {accepted}",
            candidates=tuple(grade.label for grade in cls),
        )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return _RANKS[self] > _RANKS[other]

    def __str__(self) -> str:
        return self.value


class Scale(enum.Enum):
    """A grading scale: four grades until PEEL 2018/19, five from PEEL 2021/22.

    >>> from policegrades import Grade, Scale
    >>> Grade.ADEQUATE in Scale.FOUR_POINT
    False
    >>> [str(grade) for grade in Scale.FIVE_POINT.grades]
    ['outstanding', 'good', 'adequate', 'requires improvement', 'inadequate']
    """

    FOUR_POINT = "four-point"
    FIVE_POINT = "five-point"

    @property
    def grades(self) -> tuple[Grade, ...]:
        """The grades on this scale, best first.

        >>> len(Scale.FOUR_POINT.grades)
        4
        """
        if self is Scale.FOUR_POINT:
            return _FOUR_POINT
        return _FIVE_POINT

    def __contains__(self, grade: object) -> bool:
        return grade in (_FOUR_POINT if self is Scale.FOUR_POINT else _FIVE_POINT)

    def __str__(self) -> str:
        return self.value


_FIVE_POINT = tuple(Grade)
_FOUR_POINT = tuple(grade for grade in Grade if grade is not Grade.ADEQUATE)
_RANKS = {grade: position for position, grade in enumerate(Grade, start=1)}
_INDEX: NameIndex[Grade] = NameIndex(
    [(grade, [grade.value, grade.name]) for grade in Grade]
    + [(Grade.REQUIRES_IMPROVEMENT, ["RI"])],
    what="grade",
)
_DEFINITIONS = {
    Grade.OUTSTANDING: (
        "The force has substantially exceeded the characteristics of good performance."
    ),
    Grade.GOOD: (
        "The force has demonstrated substantially all the characteristics of good performance."
    ),
    Grade.ADEQUATE: (
        "The force has demonstrated some of the characteristics of good performance, but we "
        "have identified areas where the force should make improvements."
    ),
    Grade.REQUIRES_IMPROVEMENT: (
        "The force has demonstrated few, if any, of the characteristics of good performance "
        "and we have identified a substantial number of areas where the force needs to make "
        "improvements."
    ),
    Grade.INADEQUATE: (
        "We have causes for concern and have made recommendations to the force to address them."
    ),
}
