"""The bundled Engage periods: which forces the inspectorate held in enhanced monitoring, and when.

One canonical JSON file per period, ``data/engage/<force id>-<entered>.json``, read on first use
through the same strict converter as the bundled inspections, and cached.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import json
from collections.abc import Iterable

from policegrades import _dates, _files, _wire
from policegrades.bundled import strict_converter
from policegrades.catalogues import force as find_force
from policegrades.catalogues import forces as all_forces
from policegrades.errors import InvalidDataError
from policegrades.monitoring import EngagePeriod, periods_only
from policegrades.police_forces import Force

__all__ = [
    "canonical_period_json",
    "engage_periods",
    "in_engage",
    "latest_known_day",
    "overlaps",
    "period_file_name",
    "read_period",
]


def engage_periods(force: Force | str | None = None) -> tuple[EngagePeriod, ...]:
    """Every bundled Engage period, oldest entry first, or those of one ``force`` (any name).

    >>> import policegrades as pg
    >>> [p.force.short_name for p in pg.engage_periods()][:3]
    ['Cleveland', 'Greater Manchester', 'Gloucestershire']
    >>> [str(p) for p in pg.engage_periods("GMP")]
    ['Greater Manchester Police: in Engage from December 2020 to October 2022']
    >>> pg.engage_periods("Kent")
    ()
    """
    every = _periods()
    if force is None:
        return every
    who = force if isinstance(force, Force) else find_force(force)
    return tuple(p for p in every if p.force == who)


def in_engage(
    day: datetime.date | str, periods: Iterable[EngagePeriod] | None = None
) -> tuple[Force, ...]:
    """The forces certainly in Engage on ``day`` (a date or ``YYYY-MM-DD``), in code order.

    The rule is that of `policegrades.inspections`' ``published_by``: an entry known only to
    the year counts from the year's last day, an exit known only to the month from its first
    day, and a period still open only up to the latest day a source shows the force in Engage.
    ``periods`` are the bundled periods unless given.

    >>> import policegrades as pg
    >>> [f.short_name for f in pg.in_engage("2023-03-17")]
    ['Metropolitan Police', 'Cleveland', 'Staffordshire', 'Devon & Cornwall', 'Gloucestershire', 'Wiltshire']
    >>> pg.in_engage("17 March 2023")
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: day: '17 March 2023' is not a date; expected YYYY-MM-DD
    """
    when = _dates.given_day(day, "day")
    chosen = _periods() if periods is None else periods_only(periods, "in_engage")
    certain = {p.force.code for p in chosen if p.certainly_in(when)}
    return tuple(f for f in all_forces() if f.code in certain)


def latest_known_day(periods: Iterable[EngagePeriod] | None = None) -> datetime.date:
    """The latest day the sources speak of: the last day anything is known of any period.

    On it, `in_engage` says who was certainly in Engage as last known.

    >>> import policegrades as pg
    >>> str(latest_known_day())
    '2025-07-30'
    """
    chosen = _periods() if periods is None else periods_only(periods, "latest_known_day")
    days = [p.entered_between[1] for p in chosen]
    days += [p.exited_between[0] for p in chosen if p.exited_between is not None]
    days += [p.still_in_on for p in chosen if p.still_in_on is not None]
    if not days:
        raise InvalidDataError(["periods: none given"])
    return max(days)


def overlaps(periods: Iterable[EngagePeriod]) -> list[str]:
    """The pairs of periods of one force that may have run at once, described; none is right.

    >>> import policegrades as pg
    >>> overlaps(pg.engage_periods())
    []
    """
    problems = []
    by_force: dict[str, list[EngagePeriod]] = {}
    for period in periods:
        by_force.setdefault(period.force.code, []).append(period)
    for held in by_force.values():
        ordered = sorted(held, key=lambda p: p.entered_between[0])
        for first, second in itertools.pairwise(ordered):
            left = first.exited_between
            if left is None or left[1] >= second.entered_between[0]:
                problems.append(
                    f"{first.force.name}: the period entered {first.entered_text} may still "
                    f"run when the one entered {second.entered_text} begins"
                )
    return problems


def period_file_name(period: EngagePeriod) -> str:
    """The file a bundled period lies in: the force's id and the entry as the wire writes it.

    >>> import policegrades as pg
    >>> period_file_name(pg.engage_periods("Met")[0])
    'metropolitan-2022-06-28.json'
    """
    return (
        f"{period.force.police_uk_id}-{_dates.write(period.entered, period.entered_precision)}.json"
    )


def read_period(text: str | bytes) -> EngagePeriod:
    """A period from its JSON text, read as strictly as the bundled files are.

    >>> import policegrades as pg
    >>> read_period(canonical_period_json(pg.engage_periods()[0])).force.short_name
    'Cleveland'
    """
    return _wire.structure(strict_converter(), _wire.parse_json(text), EngagePeriod)


def canonical_period_json(period: EngagePeriod) -> str:
    """The one text a bundled period file holds: indented JSON and a final newline.

    >>> import policegrades as pg
    >>> print(canonical_period_json(pg.engage_periods()[0]).splitlines()[2])
      "entered": "2019",
    """
    return json.dumps(strict_converter().unstructure(period), ensure_ascii=False, indent=2) + "\n"


def _misplaced(period: EngagePeriod, *, expected: str) -> str | None:
    held = period_file_name(period)
    return None if held == expected else f"holds the period {held}"


@functools.cache
def _periods() -> tuple[EngagePeriod, ...]:
    found = [
        _files.read_bundled_as(
            f"{_files.ENGAGE}/{name}.json",
            read_period,
            functools.partial(_misplaced, expected=f"{name}.json"),
        )
        for name in _files.engage_files()
    ]
    order = {f.code: n for n, f in enumerate(all_forces())}
    found.sort(key=lambda p: (p.entered_between[0], order[p.force.code]))
    problems = overlaps(found)
    if problems:
        raise InvalidDataError(problems, heading="the bundled Engage periods overlap:")
    return tuple(found)
