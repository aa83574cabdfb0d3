"""Inspections: one published PEEL assessment of one force, with its grades and findings."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable

import attrs

from policegrades._fields import strings, to_tuple
from policegrades.errors import InvalidDataError, UnknownNameError
from policegrades.forces import Force
from policegrades.frameworks import Area, Framework
from policegrades.grades import Grade

__all__ = [
    "AreaGrade",
    "Inspection",
    "Monitoring",
    "Recommendation",
    "RecommendationKind",
]


class RecommendationKind(enum.Enum):
    """What kind of finding a `Recommendation` is, in the inspectorate's words.

    >>> from policegrades import RecommendationKind
    >>> str(RecommendationKind.AREA_FOR_IMPROVEMENT)
    'area for improvement'
    """

    CAUSE_OF_CONCERN = "cause of concern"
    RECOMMENDATION = "recommendation"
    AREA_FOR_IMPROVEMENT = "area for improvement"

    def __str__(self) -> str:
        return self.value


class Monitoring(enum.Enum):
    """The inspectorate's monitoring stage of a force.

    ``ENGAGE`` is enhanced monitoring, which the press calls "special measures".

    >>> from policegrades import Monitoring
    >>> Monitoring("engage") is Monitoring.ENGAGE
    True
    """

    SCAN = "scan"
    ENGAGE = "engage"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class AreaGrade:
    """The grade an inspection gave one area; ``grade`` is ``None`` when deliberately ungraded.

    A grade that was worked out rather than read in a source is ``derived``, and its ``note``
    says how.

    >>> import policegrades as pg
    >>> area = pg.framework("2016").area("effectiveness")
    >>> pg.AreaGrade(area=area, grade=pg.Grade.GOOD).grade
    <Grade.GOOD: 'good'>
    """

    area: Area = attrs.field(repr=lambda area: f"<Area {area.key}>")
    grade: Grade | None
    derived: bool = False
    note: str | None = None


@attrs.frozen(kw_only=True)
class Recommendation:
    """A finding of an inspection: cause of concern, recommendation or area for improvement.

    ``area`` is the area it concerns, where the source says.

    >>> import policegrades as pg
    >>> finding = pg.Recommendation(
    ...     text="The force should improve how it seeks feedback.",
    ...     kind=pg.RecommendationKind.AREA_FOR_IMPROVEMENT,
    ... )
    >>> finding.kind.value
    'area for improvement'
    """

    text: str
    kind: RecommendationKind
    area: Area | None = attrs.field(
        default=None, repr=lambda area: "None" if area is None else f"<Area {area.key}>"
    )


def _area_grades(items: Iterable[AreaGrade]) -> tuple[AreaGrade, ...]:
    return to_tuple(items)


def _recommendations(items: Iterable[Recommendation]) -> tuple[Recommendation, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class Inspection:
    """One published PEEL assessment of one force under one framework.

    ``grades`` holds the areas whose grade is known; an area whose grade is not known is
    absent, never guessed. ``note`` says what a reader should know about the record itself,
    such as how precise its publication date is. The constructor refuses an area of another framework, the same
    area twice, a grade off the framework's scale, a grade for an area the inspectorate does
    not grade, a derived grade without a note, and a finding about an area of another
    framework, listing every such problem in one `InvalidDataError`.

    >>> import datetime
    >>> import policegrades as pg
    >>> peel = pg.framework("2016")
    >>> inspection = pg.Inspection(
    ...     force=pg.force("Cleveland"),
    ...     framework=peel,
    ...     published=datetime.date(2017, 3, 2),
    ...     grades=[pg.AreaGrade(area=peel.area("effectiveness"), grade=pg.Grade.GOOD)],
    ... )
    >>> inspection.grade("Effectiveness")
    <Grade.GOOD: 'good'>
    >>> pg.Inspection(
    ...     force=pg.force("Cleveland"),
    ...     framework=peel,
    ...     published=datetime.date(2017, 3, 2),
    ...     grades=[pg.AreaGrade(area=peel.area("effectiveness"), grade=pg.Grade.ADEQUATE)],
    ... )
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: grades[0].grade: 'adequate' is not on the scale of PEEL 2016 (outstanding, good, requires improvement, inadequate)
    """

    force: Force = attrs.field(repr=lambda force: f"<Force {force.code} {force.name}>")
    framework: Framework = attrs.field(repr=lambda framework: f"<Framework {framework.key}>")
    published: datetime.date
    grades: tuple[AreaGrade, ...] = attrs.field(converter=_area_grades)
    inspector: str | None = None
    recommendations: tuple[Recommendation, ...] = attrs.field(
        default=(), converter=_recommendations
    )
    monitoring: Monitoring | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=strings)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise InvalidDataError(problems)

    def area_grade(self, area: Area | str) -> AreaGrade:
        """The `AreaGrade` this inspection holds for ``area`` (an `Area`, a key or a name).

        An area of the framework that the inspection holds no grade for, and a name that is
        no area of the framework, raise `UnknownNameError`.

        >>> import policegrades as pg
        >>> latest = pg.fixtures.cleveland()[-1]
        >>> latest.area_grade("victim service").grade is None
        True
        """
        wanted = self.framework.area(area)
        for held in self.grades:
            if held.area.key == wanted.key:
                return held
        raise UnknownNameError(
            f"{self.force.short_name}'s {self.framework.name} inspection records no grade "
            f"for {wanted.name!r}"
        )

    def grade(self, area: Area | str) -> Grade | None:
        """The grade of ``area`` (an `Area`, a key or a name); ``None`` if it was ungraded.

        >>> import policegrades as pg
        >>> latest = pg.fixtures.cleveland()[-1]
        >>> latest.grade("investigating crime")
        <Grade.REQUIRES_IMPROVEMENT: 'requires improvement'>
        """
        return self.area_grade(area).grade

    @property
    def top_level_grades(self) -> tuple[AreaGrade, ...]:
        """The grades of top-level areas: the pillars of a pillar round, all areas from 2021/22.

        >>> import policegrades as pg
        >>> [g.area.key for g in pg.fixtures.cleveland()[2].top_level_grades]
        ['effectiveness', 'efficiency', 'legitimacy', 'leadership']
        """
        return tuple(held for held in self.grades if held.area.parent is None)


def _problems(inspection: Inspection) -> list[str]:
    # Runs for every inspection loaded, so the common case (no problem) is kept lean.
    framework = inspection.framework
    has_area = framework.has_area
    on_scale = framework.scale.grades
    problems: list[str] = []
    seen: set[str] = set()
    for index, held in enumerate(inspection.grades):
        area, grade = held.area, held.grade
        if not has_area(area):
            problems.append(
                f"grades[{index}].area: {area.key!r} is not an area of {framework.name}"
            )
        if area.key in seen:
            problems.append(f"grades[{index}].area: {area.key!r} is graded twice")
        seen.add(area.key)
        if grade is not None:
            if grade not in on_scale:
                scale = ", ".join(g.label for g in on_scale)
                problems.append(
                    f"grades[{index}].grade: {str(grade)!r} is not on the scale of "
                    f"{framework.name} ({scale})"
                )
            if not area.graded:
                problems.append(
                    f"grades[{index}].grade: {area.name!r} is not graded in {framework.name}, "
                    f"yet has the grade {str(grade)!r}"
                )
        if held.derived and not held.note:
            problems.append(f"grades[{index}].note: a derived grade needs a note that says how")
    for index, finding in enumerate(inspection.recommendations):
        if finding.area is not None and not framework.has_area(finding.area):
            problems.append(
                f"recommendations[{index}].area: {finding.area.key!r} "
                f"is not an area of {framework.name}"
            )
    return problems
