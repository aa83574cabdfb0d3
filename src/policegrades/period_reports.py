"""Engage periods for a reader: a table of the periods, one force's in full, and a day's list."""

from __future__ import annotations

import datetime
import textwrap
from collections.abc import Sequence

from policegrades import _dates
from policegrades._words import count_of
from policegrades.engagement import latest_known_day
from policegrades.monitoring import EngagePeriod
from policegrades.provenance import Precision
from policegrades.render import text_table
from policegrades.reports import source_line

__all__ = ["WEAK_MARK", "day_text", "period_lines", "period_span", "periods_text"]

WEAK_MARK = "?"
"""The mark of an end read only in a second-hand source (the press, or the force itself)."""

_WIDTH = 100
_TITLE = "Engage: the inspectorate's enhanced monitoring (the press's \"special measures\")"


def _ends(period: EngagePeriod) -> tuple[str, str]:
    entered = period.entered_text + (f" {WEAK_MARK}" if period.entered_weak else "")
    left = period.left_text + (f" {WEAK_MARK}" if period.exited_weak else "")
    return entered, left


def periods_text(periods: Sequence[EngagePeriod]) -> str:
    """Every period, a row each: the force, when it entered and when it left.

    >>> import policegrades as pg
    >>> print(periods_text(pg.engage_periods()).splitlines()[2])
    force                      entered           left
    """
    rows = [(p.force.name, *_ends(p)) for p in periods]
    legend = (
        f"{WEAK_MARK}: read only in a second-hand source (the press, the force). An open period "
        "is not taken to have ended: it shows the last day a source reports the force in Engage."
    )
    return "\n".join(
        [
            _TITLE,
            "",
            text_table(("force", "entered", "left"), rows),
            "",
            textwrap.fill(legend, width=_WIDTH),
        ]
    )


def period_span(period: EngagePeriod) -> str:
    """A period's dates in one line, marked where an end is read only second-hand.

    >>> import policegrades as pg
    >>> period_span(pg.engage_periods("Lincolnshire")[0])
    'from 6 December 2024; still in when last reported, 14 May 2025'
    """
    entered, left = _ends(period)
    return f"from {entered} to {left}" if period.exited is not None else f"from {entered}; {left}"


def period_lines(period: EngagePeriod) -> list[str]:
    """One period in full: its dates, the inspectorate's reasons, the improvements, the sources.

    >>> import policegrades as pg
    >>> print(period_lines(pg.engage_periods("Cleveland")[0])[0])
    In Engage from 2019 to September 2023
    """
    lines = [f"In Engage {period_span(period)}"]
    for title, items in (
        ("Reasons for the move into Engage:", period.reasons),
        ("Improvements given for the move out:", period.exit_reasons),
    ):
        if items:
            lines += [title]
            lines += [
                textwrap.fill(f"- {item}", width=_WIDTH, subsequent_indent="  ") for item in items
            ]
    if period.note:
        lines += [textwrap.fill(f"Note: {period.note}", width=_WIDTH)]
    lines += ["Sources:"]
    lines += [f"  [{s.key}] {source_line(s)}" for s in period.sources]
    return lines


def day_text(day: datetime.date, periods: Sequence[EngagePeriod]) -> str:
    """The forces certainly in Engage on ``day``, and those perhaps in it, as the sources say.

    A force is perhaps in on the day it left, or on a day inside an end known only to the month
    or the year, or after the last day a source reports it still in; a day after all the
    sources speak of is said to be.

    >>> import datetime
    >>> import policegrades as pg
    >>> print(day_text(datetime.date(2023, 3, 17), pg.engage_periods()).splitlines()[0])
    Certainly in Engage on 17 March 2023: six forces
    >>> print(day_text(datetime.date(2025, 7, 30), pg.engage_periods()))
    Certainly in Engage on 30 July 2025: no forces
    <BLANKLINE>
    Perhaps in Engage that day; the sources cannot say:
    - Devon & Cornwall Police: from 14 October 2022 to 30 July 2025 ?
    - Lincolnshire Police: from 6 December 2024; still in when last reported, 14 May 2025
    """
    running = [p for p in periods if p.certainly_in(day)]
    perhaps = [p for p in periods if p.possibly_in(day) and not p.certainly_in(day)]
    lines = [f"Certainly in Engage on {_day(day)}: {count_of(len(running), 'force')}"]
    if running:
        rows = [(p.force.name, _ends(p)[0]) for p in running]
        lines += ["", text_table(("force", "in Engage since"), rows)]
    if perhaps:
        lines += [
            "",
            "Perhaps in Engage that day; the sources cannot say:",
        ]
        lines += [f"- {p.force.name}: {period_span(p)}" for p in perhaps]
    if periods and day > latest_known_day(periods):
        lines += [
            "",
            textwrap.fill(
                f"The sources speak of nothing after {_day(latest_known_day(periods))}: a force "
                "moved into Engage since is not in the data.",
                width=_WIDTH,
            ),
        ]
    return "\n".join(lines)


def _day(day: datetime.date) -> str:
    return _dates.describe(day, Precision.DAY)
