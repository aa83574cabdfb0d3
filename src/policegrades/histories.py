"""One area's grade through a force's PEEL rounds."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from policegrades.assessments import AreaGrade, Inspection, chronological
from policegrades.errors import InvalidDataError, UnknownNameError, quote
from policegrades.grades import Grade
from policegrades.lineage import lineage_keys
from policegrades.rounds import Area, Framework

__all__ = ["HistoryEntry", "history"]


@attrs.frozen(kw_only=True)
class HistoryEntry:
    """The area in one round: as that round names it, what was recorded, and the scale.

    ``held`` is ``None`` when the round assesses the area but no grade is recorded;
    ``scale_changed`` is true when a change of scale lies between this entry and the one
    before, so the two grades cannot be compared directly.

    >>> import policegrades as pg
    >>> entry = pg.history(pg.fixtures.cleveland(), "preventing crime")[-1]
    >>> entry.inspection.framework.name, entry.grade, entry.scale_changed
    ('PEEL 2023–25', <Grade.GOOD: 'good'>, False)
    """

    inspection: Inspection
    area: Area
    held: AreaGrade | None
    scale_changed: bool

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
        """What the round recorded, in words: a grade, "ungraded" or "not recorded".

        >>> import policegrades as pg
        >>> [e.status for e in pg.history(pg.fixtures.cleveland(), "managing offenders")]
        ['adequate (derived)', 'good']
        """
        if self.held is None:
            return "not recorded"
        if self.held.grade is None:
            return "ungraded"
        return self.held.grade.label + (" (derived)" if self.held.derived else "")

    def __str__(self) -> str:
        return f"{self.inspection.framework.name}: {self.status}"


def history(inspections: Iterable[Inspection], area: Area | str) -> tuple[HistoryEntry, ...]:
    """One area's grade through a force's rounds, oldest first, following renames.

    ``area`` is an `Area`, or a key or name in any of the rounds. Rounds that do not assess
    the area are left out; a round that does but records no grade has an entry saying so.

    >>> import policegrades as pg
    >>> for entry in pg.history(pg.fixtures.cleveland(), "preventing crime"):
    ...     print(entry, "(scale changed)" if entry.scale_changed else "")
    PEEL 2015: requires improvement
    PEEL 2016: good
    PEEL 2017: good
    PEEL 2018/19: inadequate
    PEEL 2021/22: inadequate (scale changed)
    PEEL 2023–25: good
    """
    ordered = sorted(inspections, key=chronological)
    forces = {i.force.code: i.force.name for i in ordered}
    if len(forces) > 1:
        raise InvalidDataError(
            [f"forces given: {', '.join(sorted(forces.values()))}"],
            heading="history follows one force only:",
        )
    frameworks = list(dict.fromkeys(i.framework for i in ordered))
    keys = lineage_keys(_resolve(area, frameworks), frameworks)
    entries: list[HistoryEntry] = []
    for inspection in ordered:
        found = next((a for a in inspection.framework.areas if a.key in keys), None)
        if found is None:
            continue
        held = next((h for h in inspection.grades if h.area.key == found.key), None)
        changed = bool(entries) and (
            entries[-1].inspection.framework.scale is not inspection.framework.scale
        )
        entries.append(
            HistoryEntry(inspection=inspection, area=found, held=held, scale_changed=changed)
        )
    return tuple(entries)


def _resolve(area: Area | str, frameworks: list[Framework]) -> Area:
    for framework in reversed(frameworks):
        try:
            return framework.area(area)
        except UnknownNameError:
            continue
    if isinstance(area, Area):
        return area
    rounds = ", ".join(f.name for f in frameworks) or "no round"
    raise UnknownNameError(f"no area called {quote(area)} in {rounds}")
