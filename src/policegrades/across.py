"""One area across every force of a round, and where one force stands in its round."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from policegrades import _dates
from policegrades._fields import to_tuple
from policegrades._words import count_of, lower_first, number
from policegrades.assessments import AreaGrade, Inspection, inspections_only
from policegrades.bundled import inspections as bundled_inspections
from policegrades.bundled import select
from policegrades.catalogues import force as find_force
from policegrades.catalogues import forces as all_forces
from policegrades.catalogues import framework as find_framework
from policegrades.counts import GradeCounts
from policegrades.engagement import engage_periods
from policegrades.errors import InvalidDataError
from policegrades.grades import Grade
from policegrades.monitoring import EngagePeriod
from policegrades.police_forces import Force
from policegrades.rankings import RankEntry, rank
from policegrades.rounds import Area, Framework

__all__ = ["AreaAcross", "ForceGrade", "Standing", "across_forces", "one_per_force", "standing"]


@attrs.frozen(kw_only=True)
class ForceGrade:
    """One force in an `AreaAcross`: its inspection (if the data holds one) and what it says.

    ``held`` is ``None`` when the data records nothing for the area.
    """

    force: Force = attrs.field(repr=lambda force: f"<Force {force.code} {force.name}>")
    inspection: Inspection | None = attrs.field(repr=False)
    held: AreaGrade | None

    @property
    def grade(self) -> Grade | None:
        """The grade; ``None`` if ungraded or not known (see `known`)."""
        return None if self.held is None else self.held.grade

    @property
    def known(self) -> bool:
        """Whether the data records the area for this force, graded or deliberately not."""
        return self.held is not None

    @property
    def status(self) -> str:
        """The grade in words, "ungraded", or "not known".

        >>> import policegrades as pg
        >>> rows = pg.across_forces("2021/22", "victim service").rows
        >>> [(row.force.short_name, row.status) for row in rows if row.known]
        [('Cleveland', 'ungraded'), ('Northamptonshire', 'adequate'), ('Suffolk', 'requires improvement')]
        """
        if self.held is None:
            return "not known"
        return "ungraded" if self.held.grade is None else self.held.grade.label


def _rows(items: Iterable[ForceGrade]) -> tuple[ForceGrade, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class AreaAcross:
    """One area of one round, across all 43 forces: who got which grade, and who is unknown.

    ``rows`` holds one `ForceGrade` per force, in code order.

    >>> import policegrades as pg
    >>> prevention = pg.across_forces("2021/22", "preventing crime")
    >>> [f.short_name for f in prevention.forces_graded(pg.Grade.INADEQUATE)]
    ['Cleveland']
    >>> len(prevention.unknown)
    19
    """

    framework: Framework = attrs.field(repr=lambda framework: f"<Framework {framework.key}>")
    area: Area = attrs.field(repr=lambda area: f"<Area {area.key}>")
    rows: tuple[ForceGrade, ...] = attrs.field(converter=_rows, repr=False)

    def forces_graded(self, grade: Grade) -> tuple[Force, ...]:
        """The forces given ``grade`` for this area, in code order."""
        return tuple(row.force for row in self.rows if row.held and row.held.grade is grade)

    @property
    def counts(self) -> GradeCounts:
        """How many forces got each grade of the round's scale, best first."""
        return GradeCounts.of((row.grade for row in self.rows), self.framework.scale.grades)

    @property
    def ungraded(self) -> tuple[Force, ...]:
        """The forces for which the area was assessed and deliberately not graded."""
        return tuple(row.force for row in self.rows if row.held and row.held.grade is None)

    @property
    def unknown(self) -> tuple[Force, ...]:
        """The forces for which the data records nothing of the area."""
        return tuple(row.force for row in self.rows if row.held is None)

    def row(self, force: Force | str) -> ForceGrade:
        """The row of ``force``, looked up by any of its names."""
        wanted = force if isinstance(force, Force) else find_force(force)
        return next(row for row in self.rows if row.force == wanted)

    def sentence(self, force: Force | str) -> str:
        """Where ``force`` stands on this area, in the inspectorate's terms.

        >>> import policegrades as pg
        >>> pg.across_forces("2021/22", "preventing crime").sentence("Cleveland")
        'the only force graded inadequate at preventing crime and anti-social behaviour; 19 forces unknown'
        >>> pg.across_forces("2021/22", "preventing crime").sentence("Durham")
        'its grade for preventing crime and anti-social behaviour is not known, nor that of 18 other forces'
        >>> pg.across_forces("2018/19", "legitimacy").sentence("Cleveland")
        'the only force graded inadequate for legitimacy'
        """
        row = self.row(force)
        name = lower_first(self.area.name)
        linked = f"{'at' if name.split()[0].rstrip(',').endswith('ing') else 'for'} {name}"
        if row.held is None:
            others = len(self.unknown) - 1
            said = f"its grade for {name} is not known"
            return said + (f", nor that of {_others(others)}" if others else "")
        if row.held.grade is None:
            said = _among(len(self.ungraded), f"not graded on {name}")
        else:
            graded = len(self.forces_graded(row.held.grade))
            said = _among(graded, f"graded {row.held.grade} {linked}")
        unknown = len(self.unknown)
        return said + (f"; {_words(unknown)} unknown" if unknown else "")


def _words(n: int) -> str:
    return count_of(n, "force")


def _others(n: int) -> str:
    return count_of(n, "other force")


def _among(n: int, what: str) -> str:
    return f"the only force {what}" if n == 1 else f"one of {number(n)} forces {what}"


def one_per_force(
    framework: Framework,
    inspections: Iterable[Inspection] | None,
    published_by: datetime.date | str | None,
    what: str,
) -> dict[str, Inspection]:
    """One inspection per force of ``framework``, by force code, refusing a force twice.

    From the bundled data (reading only that round's files) or from ``inspections``; either
    way as they stood on ``published_by``. ``what`` names the caller in the error.

    >>> import policegrades as pg
    >>> len(one_per_force(pg.framework("2016"), pg.fixtures.cleveland(), None, "round_table"))
    1
    """
    if inspections is None:
        chosen = bundled_inspections(framework=framework, published_by=published_by)
    else:
        given = inspections_only(inspections, what)
        chosen = select(given, framework=framework, published_by=published_by)
    by_code: dict[str, Inspection] = {}
    for inspection in chosen:
        if inspection.force.code in by_code:
            raise InvalidDataError(
                [f"{inspection.force.name} is given twice"],
                heading=f"one inspection per force of {framework.name}:",
            )
        by_code[inspection.force.code] = inspection
    return by_code


def across_forces(
    framework: Framework | str,
    area: Area | str,
    *,
    inspections: Iterable[Inspection] | None = None,
    published_by: datetime.date | str | None = None,
) -> AreaAcross:
    """One area of one round across every force: the bundled data, or ``inspections``.

    ``framework`` and ``area`` are looked up by any of their names; ``published_by`` keeps
    the inspections as they stood on that day (see `policegrades.inspections`).

    >>> import policegrades as pg
    >>> table = pg.across_forces("2018/19", "effectiveness")
    >>> {str(grade): n for grade, n in table.counts.items()}
    {'outstanding': 1, 'good': 34, 'requires improvement': 6, 'inadequate': 1}
    >>> [f.short_name for f in table.unknown]
    ['Humberside']
    """
    peel = framework if isinstance(framework, Framework) else find_framework(framework)
    wanted = peel.area(area)
    by_code = one_per_force(peel, inspections, published_by, "across_forces")
    rows = []
    for force in all_forces():
        held_inspection = by_code.get(force.code)
        held = None
        if held_inspection is not None:
            held = next((h for h in held_inspection.grades if h.area.key == wanted.key), None)
        rows.append(ForceGrade(force=force, inspection=held_inspection, held=held))
    return AreaAcross(framework=peel, area=wanted, rows=rows)


def _entries(items: Iterable[RankEntry]) -> tuple[RankEntry, ...]:
    return to_tuple(items)


def _sentences(items: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class Standing:
    """Where one force stands in one round: on each top-level area, and in the league table.

    ``areas`` holds one sentence per top-level area the round grades for the force, in the
    inspectorate's terms; ``table`` is the round's league table (`policegrades.rank`) and ``entry`` the
    force's place in it, or ``None`` if the data holds no inspection of the force. ``engage`` is
    the Engage period the force was certainly in on the day (the ``published_by`` day, or the
    day its inspection was published), if any.

    >>> import policegrades as pg
    >>> where = pg.standing("Cleveland", "2018/19")
    >>> where.areas[0]
    'the only force graded inadequate for effectiveness; one force unknown'
    >>> where.place()
    '42nd of the 42 forces that can be ranked, alone; one force cannot be ranked'
    """

    force: Force = attrs.field(repr=lambda force: f"<Force {force.code} {force.name}>")
    framework: Framework = attrs.field(repr=lambda framework: f"<Framework {framework.key}>")
    areas: tuple[str, ...] = attrs.field(converter=_sentences)
    table: tuple[RankEntry, ...] = attrs.field(converter=_entries, repr=False)
    entry: RankEntry | None
    engage: EngagePeriod | None = None

    def __repr__(self) -> str:
        return f"<Standing {self.force.name} in {self.framework.name}: {self.place()}>"

    def __str__(self) -> str:
        """Where the force stands, for a reader: its place, then a line per area.

        >>> import policegrades as pg
        >>> print(str(pg.standing("Cleveland", "2018/19")).splitlines()[0])
        Cleveland Police in PEEL 2018/19: 42nd of the 42 forces that can be ranked, alone; one force cannot be ranked
        """
        lines = [f"{self.force.name} in {self.framework.name}: {self.place()}"]
        on_the_day = self.monitoring()
        if on_the_day is not None:
            lines.append(f"- {on_the_day}")
        lines += [f"- {sentence}" for sentence in self.areas]
        return "\n".join(lines)

    def monitoring(self) -> str | None:
        """The force in Engage on the day, in words; ``None`` where it was not certainly in it.

        >>> import policegrades as pg
        >>> print(pg.standing("Cleveland", "2021/22").monitoring())
        in Engage (enhanced monitoring, the press's "special measures") since 2019
        >>> pg.standing("Cleveland", "2023-25").monitoring() is None
        True
        """
        if self.engage is None:
            return None
        return (
            'in Engage (enhanced monitoring, the press\'s "special measures") since '
            f"{self.engage.entered_text}"
        )

    def place(self) -> str:
        """The force's place in the league table, with its ties and what cannot be ranked.

        The inspectorate publishes no ranking: the order is the library's (see
        `policegrades.rank`).
        """
        ranked = [e for e in self.table if e.rank is not None]
        unranked = len(self.table) - len(ranked)
        cannot = f"; {_words(unranked)} cannot be ranked" if unranked else ""
        if self.entry is None:
            return f"not in the data for {self.framework.name}{cannot}"
        if self.entry.rank is None:
            return (
                f"not ranked: its grades are known only in part, with no published counts{cannot}"
            )
        ties = sum(e.rank == self.entry.rank for e in ranked) - 1
        with_ties = "alone" if not ties else f"with {_others(ties)}"
        return (
            f"{_ordinal(self.entry.rank)} of the {len(ranked)} forces that can be ranked, "
            f"{with_ties}{cannot}"
        )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def standing(
    force: Force | str,
    framework: Framework | str,
    *,
    inspections: Iterable[Inspection] | None = None,
    published_by: datetime.date | str | None = None,
) -> Standing:
    """Where ``force`` stands in ``framework``: the bundled data, or ``inspections``, as of ``published_by``.

    >>> import policegrades as pg
    >>> import datetime
    >>> then = pg.standing("Cleveland", "2021/22", published_by=datetime.date(2023, 3, 17))
    >>> then.place()
    '21st of the 26 forces that can be ranked, alone; two forces cannot be ranked'
    """
    who = force if isinstance(force, Force) else find_force(force)
    peel = framework if isinstance(framework, Framework) else find_framework(framework)
    pool = list(one_per_force(peel, inspections, published_by, "standing").values())
    table = rank(pool)
    entry = next((e for e in table if e.inspection.force == who), None)
    mine = next((i for i in pool if i.force == who), None)
    sentences = []
    for area in peel.top_level_areas:
        if not area.graded or (mine is not None and not mine.assessed(area)):
            continue
        across = across_forces(peel, area, inspections=pool)
        sentences.append(across.sentence(who))
    # The day asked about; else the days the force's inspection may have been published on.
    asked = published_by if type(published_by) is datetime.date else _dates.day(published_by)
    days = [asked] if asked is not None else ([] if mine is None else list(mine.published_between))
    engage = next(
        (p for p in engage_periods(who) if days and all(p.certainly_in(d) for d in days)), None
    )
    return Standing(
        force=who, framework=peel, areas=sentences, table=table, entry=entry, engage=engage
    )
