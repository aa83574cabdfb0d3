"""What one inspection said, in numbers and in the press's own words."""

from __future__ import annotations

import types
from collections.abc import Mapping

import attrs

from policegrades._words import count_of, join, number
from policegrades.frameworks import Area
from policegrades.grades import Grade
from policegrades.inspections import Inspection

__all__ = ["Summary", "summarise"]


@attrs.frozen(kw_only=True)
class Summary:
    """The grades of an inspection's top-level areas, counted.

    Top-level areas are the pillars of a pillar round (PEEL 2014 to 2018/19) and every area
    from PEEL 2021/22. ``counts`` maps each grade of the framework's scale to how many areas
    got it, best grade first; ``graded`` and ``ungraded`` list the areas; ``best`` and
    ``worst`` are the areas with the best and the worst grade given.

    >>> import policegrades as pg
    >>> summary = pg.summarise(pg.fixtures.cleveland()[5])
    >>> [area.name for area in summary.areas_graded(pg.Grade.INADEQUATE)]
    ['Preventing crime and anti-social behaviour', 'Good use of resources']
    """

    inspection: Inspection
    counts: Mapping[Grade, int] = attrs.field(eq=False)
    graded: tuple[Area, ...]
    ungraded: tuple[Area, ...]
    best: tuple[Area, ...]
    worst: tuple[Area, ...]

    def areas_graded(self, grade: Grade) -> tuple[Area, ...]:
        """The top-level areas given ``grade``, in the inspectorate's order.

        >>> import policegrades as pg
        >>> summary = pg.summarise(pg.fixtures.cleveland()[2])
        >>> [area.name for area in summary.areas_graded(pg.Grade.GOOD)]
        ['Effectiveness', 'Efficiency']
        """
        return tuple(held.area for held in self.inspection.top_level_grades if held.grade is grade)

    def headline(self) -> str:
        """The result in a sentence, as the press puts it: best grade first, zero counts left out.

        >>> import policegrades as pg
        >>> pg.summarise(pg.fixtures.cleveland()[5]).headline()
        'good in one area, adequate in four areas, requires improvement in three areas and inadequate in two areas'
        >>> pg.summarise(pg.fixtures.cleveland()[4]).headline()
        'inadequate in all three areas'
        """
        given = [(grade, n) for grade, n in self.counts.items() if n]
        if not given:
            return "no area graded"
        if len(given) == 1:
            grade, n = given[0]
            return f"{grade} in {_every(n, has_ungraded=bool(self.ungraded))}"
        return join([f"{grade} in {count_of(n, 'area')}" for grade, n in given])


def _every(n: int, *, has_ungraded: bool) -> str:
    noun = "graded area" if has_ungraded else "area"
    if n == 1:
        return f"its one {noun}"
    if n == 2:
        return f"both {noun}s"
    return f"all {number(n)} {noun}s"


def summarise(inspection: Inspection) -> Summary:
    """Count an inspection's grades over its top-level areas.

    >>> import policegrades as pg
    >>> summary = pg.summarise(pg.fixtures.cleveland()[-1])
    >>> {str(grade): n for grade, n in summary.counts.items()}
    {'outstanding': 0, 'good': 4, 'adequate': 2, 'requires improvement': 2, 'inadequate': 0}
    >>> summary.headline()
    'good in four areas, adequate in two areas and requires improvement in two areas'
    >>> [area.name for area in summary.ungraded]
    ['Providing a service to victims of crime']
    """
    top = inspection.top_level_grades
    counts = dict.fromkeys(inspection.framework.scale.grades, 0)
    for held in top:
        if held.grade is not None:
            counts[held.grade] += 1
    given = [held for held in top if held.grade is not None]
    best = max((held.grade for held in given if held.grade), default=None)
    worst = min((held.grade for held in given if held.grade), default=None)
    return Summary(
        inspection=inspection,
        counts=types.MappingProxyType(counts),
        graded=tuple(held.area for held in given),
        ungraded=tuple(held.area for held in top if held.grade is None),
        best=tuple(held.area for held in given if held.grade is best),
        worst=tuple(held.area for held in given if held.grade is worst),
    )
