"""What one inspection said, in numbers and in the press's own words."""

from __future__ import annotations

import enum

import attrs

from policegrades._words import count_of, join, number
from policegrades.assessments import Inspection
from policegrades.counts import GradeCounts
from policegrades.errors import InvalidDataError
from policegrades.grades import Grade
from policegrades.rounds import Area

__all__ = ["Counted", "Summary", "summarise"]


class Counted(enum.Enum):
    """What a `Summary` counted.

    ``ALL_GRADES``: the grade of every graded top-level area is known, and those were
    counted. ``PUBLISHED_COUNTS``: some grades are not known, so the inspectorate's published
    counts were used. ``SOME_GRADES``: neither is available, so only the grades known were
    counted, and the counts are incomplete.

    >>> import policegrades as pg
    >>> pg.summarise(pg.inspection("the Met", "2021/22")).counted
    <Counted.PUBLISHED_COUNTS: 'published counts'>
    """

    ALL_GRADES = "all grades"
    PUBLISHED_COUNTS = "published counts"
    SOME_GRADES = "some grades"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Summary:
    """The grades of an inspection's top-level areas, counted.

    Top-level areas are the pillars of a pillar round (PEEL 2014 to 2018/19) and every area
    from PEEL 2021/22. ``counts`` maps each grade of the framework's scale to how many areas
    got it, best grade first, and ``counted`` says what was counted (`Counted`): every
    grade, the published counts, or only the grades known. ``graded`` and ``ungraded`` list
    the areas whose grade is known; ``best`` and ``worst`` are the known areas with the best
    and the worst grade given.

    >>> import policegrades as pg
    >>> summary = pg.summarise(pg.fixtures.cleveland()[5])
    >>> [area.name for area in summary.areas_graded(pg.Grade.INADEQUATE)]
    ['Preventing crime and anti-social behaviour', 'Good use of resources']
    """

    inspection: Inspection
    counts: GradeCounts
    counted: Counted
    graded: tuple[Area, ...]
    ungraded: tuple[Area, ...]
    best: tuple[Area, ...]
    worst: tuple[Area, ...]

    def __repr__(self) -> str:
        inspection = self.inspection
        return f"<Summary {inspection.force.name}, {inspection.framework.name}: {self.headline()}>"

    def __str__(self) -> str:
        """The headline (see `headline`)."""
        return self.headline()

    def areas_graded(self, grade: Grade) -> tuple[Area, ...]:
        """The top-level areas given ``grade``, in the inspectorate's order.

        >>> import policegrades as pg
        >>> summary = pg.summarise(pg.fixtures.cleveland()[2])
        >>> [area.name for area in summary.areas_graded(pg.Grade.GOOD)]
        ['Effectiveness', 'Efficiency']
        """
        return tuple(held.area for held in self.inspection.top_level_grades if held.grade is grade)

    @property
    def complete(self) -> bool:
        """Whether the counts cover every graded top-level area (see `Counted`)."""
        return self.counted is not Counted.SOME_GRADES

    def headline(self) -> str:
        """The result in a sentence, as the press puts it: best grade first, zero counts left out.

        Counts of only the grades known say so.

        >>> import policegrades as pg
        >>> pg.summarise(pg.fixtures.cleveland()[5]).headline()
        'good in one area, adequate in four areas, requires improvement in three areas and inadequate in two areas'
        >>> pg.summarise(pg.fixtures.cleveland()[4]).headline()
        'inadequate in all three areas'
        >>> pg.summarise(pg.inspection("the Met", "2021/22")).headline()
        'good in one area, adequate in two areas, requires improvement in five areas and inadequate in one area'
        >>> pg.summarise(pg.inspection("Surrey", "2021/22")).headline()
        'of the grades known: outstanding in one area, good in three areas and requires improvement in one area'
        """
        given = [(grade, n) for grade, n in self.counts.items() if n]
        if not given:
            return "no area graded" if self.complete else "no grade known"
        if not self.complete:
            listed = join([f"{grade} in {count_of(n, 'area')}" for grade, n in given])
            return f"of the grades known: {listed}"
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

    When every graded top-level area's grade is known, those grades are counted (as they
    stand, after any correction); otherwise the inspectorate's published counts are used
    where known, and failing those only the grades known, which ``counted`` says.

    >>> import policegrades as pg
    >>> summary = pg.summarise(pg.fixtures.cleveland()[-1])
    >>> {str(grade): n for grade, n in summary.counts.items()}
    {'outstanding': 0, 'good': 4, 'adequate': 2, 'requires improvement': 2, 'inadequate': 0}
    >>> summary.headline(), str(summary.counted)
    ('good in four areas, adequate in two areas and requires improvement in two areas', 'all grades')
    >>> [area.name for area in summary.ungraded]
    ['Providing a service to victims of crime']
    """
    if not isinstance(inspection, Inspection):
        raise InvalidDataError(
            [f"expected an Inspection, got {type(inspection).__name__}"],
            heading="summarise takes one inspection:",
        )
    top = inspection.top_level_grades
    scale = inspection.framework.scale.grades
    if inspection.complete:
        counts, counted = GradeCounts.of((h.grade for h in top), scale), Counted.ALL_GRADES
    elif inspection.published_counts is not None:
        counts, counted = inspection.published_counts, Counted.PUBLISHED_COUNTS
    else:
        counts, counted = GradeCounts.of((h.grade for h in top), scale), Counted.SOME_GRADES
    given = [held for held in top if held.grade is not None]
    best = max((held.grade for held in given if held.grade), default=None)
    worst = min((held.grade for held in given if held.grade), default=None)
    return Summary(
        inspection=inspection,
        counts=counts,
        counted=counted,
        graded=tuple(held.area for held in given),
        ungraded=tuple(held.area for held in top if held.grade is None),
        best=tuple(held.area for held in given if held.grade is best),
        worst=tuple(held.area for held in given if held.grade is worst),
    )
