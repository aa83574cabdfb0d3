"""One area's grade through a force's PEEL rounds."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from policegrades._fields import expect, expect_items, raise_if, to_tuple
from policegrades.assessments import AreaGrade, Inspection, chronological, inspections_only
from policegrades.errors import InvalidDataError, UnknownNameError, quote
from policegrades.grades import Grade
from policegrades.lineage import lineage_keys
from policegrades.rounds import Area, Framework

__all__ = ["History", "HistoryEntry", "history", "one_force"]


@attrs.frozen(kw_only=True)
class HistoryEntry:
    """The area in one round: as that round names it, what was recorded, and the scale.

    ``held`` is ``None`` when the round assesses the area but no grade is recorded;
    ``scale_changed`` is true when a change of scale lies between this entry and the one
    before; ``comparable`` is false when the two grades cannot be compared directly, across a
    change of scale or where the inspectorate says so of the two rounds.

    >>> import policegrades as pg
    >>> entry = pg.history(pg.fixtures.cleveland(), "preventing crime")[-1]
    >>> entry.inspection.framework.name, entry.grade, entry.scale_changed, entry.comparable
    ('PEEL 2023–25', <Grade.GOOD: 'good'>, False, False)
    """

    inspection: Inspection
    area: Area
    held: AreaGrade | None
    scale_changed: bool
    comparable: bool = True

    def __attrs_post_init__(self) -> None:
        problems: list[str] = []
        expect(problems, "inspection", self.inspection, Inspection, "an Inspection")
        expect(problems, "area", self.area, Area, "an Area")
        expect(problems, "held", self.held, AreaGrade, "an AreaGrade", optional=True)
        expect(problems, "scale_changed", self.scale_changed, bool, "True or False")
        expect(problems, "comparable", self.comparable, bool, "True or False")
        raise_if(problems)
        if self.scale_changed and self.comparable:
            problems.append("comparable: grades across a change of scale cannot be compared")
        if not self.inspection.framework.has_area(self.area):
            problems.append(
                f"area: {self.area.key!r} is not an area of {self.inspection.framework.name}"
            )
        recorded = next((h for h in self.inspection.grades if h.area == self.area), None)
        if self.held != recorded:
            problems.append("held: is not what the inspection records for the area")
        raise_if(problems)

    @property
    def grade(self) -> Grade | None:
        """The grade; ``None`` if ungraded or not recorded (see `recorded`)."""
        return None if self.held is None else self.held.grade

    @property
    def recorded(self) -> bool:
        """Whether a grade (or a deliberate absence of one) is recorded for this round."""
        return self.held is not None

    @property
    def status(self) -> str:
        """What the round recorded, in words: a grade, "ungraded" or "not known".

        >>> import policegrades as pg
        >>> [e.status for e in pg.history(pg.fixtures.cleveland(), "managing offenders")]
        ['adequate (derived)', 'good']
        """
        if self.held is None:
            return "not known"
        if self.held.grade is None:
            return "ungraded"
        return self.held.grade.label + (" (derived)" if self.held.derived else "")

    def __str__(self) -> str:
        return f"{self.inspection.framework.name}: {self.status}"

    def __repr__(self) -> str:
        return (
            f"<HistoryEntry {self.inspection.force.name}, {self.inspection.framework.name}, "
            f"{self.area.name}: {self.status}>"
        )


class History(tuple[HistoryEntry, ...]):
    """One area of one force through the rounds: the tuple of `HistoryEntry`, oldest first.

    ``str()`` gives a line per round.

    >>> import policegrades as pg
    >>> history = pg.history(pg.fixtures.cleveland(), "preventing crime")
    >>> history
    <History Cleveland Police, Preventing crime: 6 rounds>
    >>> print(str(history).splitlines()[-1])
    PEEL 2023–25: good
    """

    __slots__ = ()

    def __new__(cls, entries: Iterable[HistoryEntry] = ()) -> History:
        held = to_tuple(entries, "entries")
        problems: list[str] = []
        expect_items(problems, "entries", held, HistoryEntry, "a HistoryEntry")
        raise_if(problems)
        return super().__new__(cls, held)

    def __repr__(self) -> str:
        if not self:
            return "<History: empty>"
        last = self[-1]
        rounds = "round" if len(self) == 1 else "rounds"
        return f"<History {last.inspection.force.name}, {last.area.name}: {len(self)} {rounds}>"

    def __str__(self) -> str:
        return "\n".join(str(entry) for entry in self)


def one_force(inspections: Iterable[Inspection], what: str) -> list[Inspection]:
    """One force's inspections, oldest first; several forces, or a round twice, are refused.

    ``what`` names the caller in the error, which lists what was given.

    >>> import policegrades as pg
    >>> len(one_force(pg.fixtures.cleveland(), "history"))
    7
    >>> one_force(pg.inspections(framework="2016")[:2], "history")
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: history follows one force only: forces given: Cumbria Constabulary, Metropolitan Police Service
    """
    chosen = inspections_only(inspections, what)
    forces = {i.force.code: i.force.name for i in chosen}
    if len(forces) > 1:
        raise InvalidDataError(
            [f"forces given: {', '.join(sorted(forces.values()))}"],
            heading=f"{what} follows one force only:",
        )
    rounds: dict[str, int] = {}
    twice = []
    for index, inspection in enumerate(chosen):
        first = rounds.setdefault(inspection.framework.key, index)
        if first != index:
            twice.append(f"[{index}]: {inspection.framework.name} is already at [{first}]")
    if twice:
        raise InvalidDataError(twice, heading=f"{what} takes one inspection per round:")
    return sorted(chosen, key=chronological)


def history(inspections: Iterable[Inspection], area: Area | str) -> History:
    """One area's grade through a force's rounds, oldest first, following renames.

    ``area`` is an `Area`, or a key or name in any of the rounds. Rounds that do not assess
    the area are left out; a round that does but records no grade has an entry saying so.

    >>> import policegrades as pg
    >>> for entry in pg.history(pg.fixtures.cleveland(), "preventing crime"):
    ...     print(entry, "" if entry.comparable else "(not directly comparable with the one before)")
    PEEL 2015: requires improvement
    PEEL 2016: good
    PEEL 2017: good
    PEEL 2018/19: inadequate
    PEEL 2021/22: inadequate (not directly comparable with the one before)
    PEEL 2023–25: good (not directly comparable with the one before)
    """
    ordered = one_force(inspections, "history")
    frameworks = list(dict.fromkeys(i.framework for i in ordered))
    keys = lineage_keys(_resolve(area, frameworks), frameworks)
    entries: list[HistoryEntry] = []
    for inspection in ordered:
        found = next((a for a in inspection.framework.areas if a.key in keys), None)
        if found is None:
            continue
        held = next((h for h in inspection.grades if h.area.key == found.key), None)
        before = entries[-1].inspection.framework if entries else inspection.framework
        entries.append(
            HistoryEntry(
                inspection=inspection,
                area=found,
                held=held,
                scale_changed=before.scale is not inspection.framework.scale,
                comparable=before.comparable_with(inspection.framework),
            )
        )
    return History(entries)


def _resolve(area: Area | str, frameworks: list[Framework]) -> Area:
    for framework in reversed(frameworks):
        try:
            return framework.area(area)
        except UnknownNameError:
            continue
    rounds = ", ".join(f.name for f in frameworks) or "no round"
    if isinstance(area, Area):
        raise UnknownNameError(f"the area {area.name!r} ({area.key}) is not an area of {rounds}")
    raise UnknownNameError(f"no area called {quote(area)} in {rounds}")
