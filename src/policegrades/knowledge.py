"""What the data knows, per round and per area, and what it does not."""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable

import attrs

from policegrades._fields import to_tuple
from policegrades._layout import text_table
from policegrades.assessments import Inspection, inspections_only
from policegrades.bundled import inspections as bundled_inspections
from policegrades.catalogues import forces as all_forces
from policegrades.catalogues import framework as find_framework
from policegrades.catalogues import frameworks as all_frameworks
from policegrades.errors import InvalidDataError, UnknownNameError
from policegrades.police_forces import Force
from policegrades.rounds import Area, Framework

__all__ = [
    "COVERAGE_HEADER",
    "AreaCoverage",
    "Coverage",
    "Known",
    "RoundCoverage",
    "coverage",
    "known",
]


class Known(enum.Enum):
    """How much the data knows of one force's inspection in one round.

    ``ALL_GRADES``: the grade of every graded top-level area. ``SOME_GRADES``: some grades, of
    pillars or of questions (with or without the published counts). ``COUNTS_ONLY``: no grade, but the published
    counts. ``NOTHING``: neither, or no inspection at all.

    >>> import policegrades as pg
    >>> str(pg.Known.COUNTS_ONLY)
    'published counts only'
    """

    ALL_GRADES = "every graded area"
    SOME_GRADES = "some areas"
    COUNTS_ONLY = "published counts only"
    NOTHING = "nothing"

    def __str__(self) -> str:
        return self.value


COVERAGE_HEADER = (
    "round",
    *(str(level) for level in Known),
    "with published counts",
    "can be ranked",
)
"""The columns of the coverage table: a round, then how many forces at each level."""


def known(inspection: Inspection | None) -> Known:
    """How much an inspection tells: see `Known`. ``None`` (no inspection) is ``NOTHING``.

    >>> import policegrades as pg
    >>> known(pg.inspection("the Met", "2021/22")), known(None)
    (<Known.SOME_GRADES: 'some areas'>, <Known.NOTHING: 'nothing'>)
    """
    if inspection is None:
        return Known.NOTHING
    if inspection.grades and inspection.complete:
        return Known.ALL_GRADES
    if inspection.grades:
        return Known.SOME_GRADES
    return Known.NOTHING if inspection.published_counts is None else Known.COUNTS_ONLY


@attrs.frozen(kw_only=True)
class AreaCoverage:
    """One area of a round: how many forces' grade (or deliberate absence of one) is known."""

    area: Area
    known: int
    unknown: int


def _forces(items: Iterable[Force]) -> tuple[Force, ...]:
    return to_tuple(items)


def _areas(items: Iterable[AreaCoverage]) -> tuple[AreaCoverage, ...]:
    return to_tuple(items)


def _levels(items: Iterable[Known]) -> tuple[Known, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class RoundCoverage:
    """What the data knows of one round: each force's `Known`, and each area's count.

    ``forces`` are the forces counted (the 43, in code order), ``levels`` what is known of
    each, in the same order; ``with_counts`` how many have published counts, and
    ``rankable`` how many can be placed in a league table (every grade, or the counts).

    >>> import policegrades as pg
    >>> peel = pg.coverage().of("2018/19")
    >>> peel.count(pg.Known.ALL_GRADES), peel.count(pg.Known.SOME_GRADES)
    (42, 1)
    >>> peel.forces_known(pg.Known.SOME_GRADES)[0].name
    'Humberside Police'
    """

    framework: Framework = attrs.field(repr=lambda framework: f"<Framework {framework.key}>")
    forces: tuple[Force, ...] = attrs.field(converter=_forces, repr=False)
    levels: tuple[Known, ...] = attrs.field(converter=_levels)
    with_counts: int
    rankable: int
    areas: tuple[AreaCoverage, ...] = attrs.field(converter=_areas, repr=False)

    def count(self, level: Known) -> int:
        """How many forces the data knows ``level`` of."""
        return self.levels.count(level)

    def forces_known(self, level: Known) -> tuple[Force, ...]:
        """The forces the data knows ``level`` of, in code order."""
        return tuple(f for f, held in zip(self.forces, self.levels, strict=True) if held is level)

    def level_of(self, force: Force) -> Known:
        """What the data knows of ``force`` in this round.

        >>> import policegrades as pg
        >>> pg.coverage().of("2021/22").level_of(pg.force("Cumbria"))
        <Known.NOTHING: 'nothing'>
        """
        for counted, level in zip(self.forces, self.levels, strict=True):
            if counted == force:
                return level
        raise UnknownNameError(f"{force.name} is not counted in this coverage")

    @property
    def row(self) -> tuple[object, ...]:
        """The round's row of the coverage table (see `COVERAGE_HEADER`).

        >>> import policegrades as pg
        >>> pg.coverage().of("2021/22").row
        ('PEEL 2021/22', 9, 28, 2, 4, 30, 30)
        """
        counts = (self.count(level) for level in Known)
        return (self.framework.name, *counts, self.with_counts, self.rankable)

    def __repr__(self) -> str:
        known = ", ".join(f"{self.count(level)} {level}" for level in Known)
        return f"<RoundCoverage {self.framework.name} of {len(self.forces)} forces: {known}>"


def _rounds(items: Iterable[RoundCoverage]) -> tuple[RoundCoverage, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class Coverage:
    """What the data knows, round by round (see `RoundCoverage`).

    >>> import policegrades as pg
    >>> [r.framework.name for r in pg.coverage().rounds][:2]
    ['PEEL 2014', 'PEEL 2015']
    """

    rounds: tuple[RoundCoverage, ...] = attrs.field(converter=_rounds)

    def __repr__(self) -> str:
        names = [r.framework.name for r in self.rounds]
        span = f"{names[0]} to {names[-1]}" if names else "none"
        return f"<Coverage of {len(self.rounds)} rounds ({span}); print() it for the table>"

    def __str__(self) -> str:
        """The coverage table: a row per round, how many of the forces at each level.

        >>> import policegrades as pg
        >>> print(str(pg.coverage()).splitlines()[6])
        PEEL 2021/22  9                  28          2                      4        30                     30
        """
        return text_table(COVERAGE_HEADER, (r.row for r in self.rounds))

    def _repr_html_(self) -> str:
        """The coverage table as HTML, for a notebook."""
        head = "".join(f"<th>{html.escape(name)}</th>" for name in COVERAGE_HEADER)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in r.row) + "</tr>"
            for r in self.rounds
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def of(self, framework: Framework | str) -> RoundCoverage:
        """The coverage of one round, named as `policegrades.framework` names it."""
        wanted = framework if isinstance(framework, Framework) else find_framework(framework)
        for held in self.rounds:
            if held.framework == wanted:
                return held
        raise UnknownNameError(f"the coverage holds no {wanted.name}")


def coverage(inspections: Iterable[Inspection] | None = None) -> Coverage:
    """What the data knows: per round, per force and per area, over all 43 forces.

    By default over the bundled data; or over ``inspections``, at most one per force and round.

    >>> import policegrades as pg
    >>> peel = pg.coverage().of("2021/22")
    >>> [(str(level), peel.count(level)) for level in pg.Known]
    [('every graded area', 9), ('some areas', 28), ('published counts only', 2), ('nothing', 4)]
    >>> peel.with_counts, peel.rankable
    (30, 30)
    >>> [(a.area.key, a.known) for a in peel.areas][:3]
    [('victim-service', 3), ('crime-data-integrity', 13), ('treatment-of-the-public', 23)]
    """
    pool = (
        bundled_inspections() if inspections is None else inspections_only(inspections, "coverage")
    )
    by_key: dict[tuple[str, str], Inspection] = {}
    for index, inspection in enumerate(pool):
        key = (inspection.framework.key, inspection.force.code)
        if key in by_key:
            raise InvalidDataError(
                [f"[{index}]: {inspection.force.name} in {inspection.framework.name}, twice"],
                heading="coverage takes one inspection per force and round:",
            )
        by_key[key] = inspection
    rounds = [
        _round(peel, [by_key.get((peel.key, f.code)) for f in all_forces()])
        for peel in all_frameworks()
    ]
    return Coverage(rounds=rounds)


def _round(framework: Framework, held: list[Inspection | None]) -> RoundCoverage:
    present = [i for i in held if i is not None]
    levels = [known(i) for i in held]
    areas = []
    for area in framework.areas:
        count = sum(any(h.area.key == area.key for h in i.grades) for i in present)
        areas.append(AreaCoverage(area=area, known=count, unknown=len(held) - count))
    return RoundCoverage(
        framework=framework,
        forces=all_forces(),
        levels=levels,
        with_counts=sum(i.published_counts is not None for i in present),
        rankable=sum(
            level is Known.ALL_GRADES or (i is not None and i.published_counts is not None)
            for i, level in zip(held, levels, strict=True)
        ),
        areas=areas,
    )
