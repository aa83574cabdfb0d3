"""The inspectorate's monitoring of forces: its two stages, and the periods a force spent in Engage.

Every force is in Scan, routine monitoring, by default; the inspectorate moves a force into
Engage, enhanced monitoring (the press's "special measures"), when it is not addressing a cause
of concern, and back to Scan when it has improved. An `EngagePeriod` is one such spell, each
end dated no more precisely than a source states it.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Iterator

import attrs

from policegrades import _dates
from policegrades._fields import expect, expect_items, raise_if, to_tuple
from policegrades.errors import InvalidDataError, UnknownNameError
from policegrades.police_forces import Force
from policegrades.provenance import Precision, Source

__all__ = ["EngagePeriod", "Monitoring", "periods_only"]


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


def _texts(items: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(items, "reasons")


def _keys(items: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(items, "sources")


def _sources(items: Iterable[Source]) -> tuple[Source, ...]:
    return to_tuple(items, "sources")


def _exit_precision(period: EngagePeriod) -> Precision | None:
    return None if period.exited is None else Precision.DAY


_DATED = (Precision.DAY, Precision.MONTH, Precision.YEAR)


@attrs.frozen(kw_only=True)
class EngagePeriod:
    """One spell of a force in Engage: when it entered and left, why, and where that is said.

    ``entered`` and ``exited`` are held at their precision (``Precision.DAY``, ``MONTH`` or
    ``YEAR``: a month as its first day, a year as 1 January). ``exited`` is ``None`` while no
    source says the force has left; such an open period names in ``still_in_on`` the latest day
    a source shows the force still in Engage, and in ``still_in_sources`` that source.
    ``reasons`` are the inspectorate's reasons for moving the force in, ``exit_reasons`` the
    improvements it gave for moving it out. ``sources`` are the pages read, cited by key from
    ``entered_sources`` and ``exited_sources``; ``entered_weak`` and ``exited_weak`` say that an
    end rests on a second-hand source only (the press, the force) rather than the inspectorate.

    >>> import policegrades as pg
    >>> period = pg.engage_periods("Cleveland")[0]
    >>> period.entered_text, period.exited_text
    ('2019', 'September 2023')
    >>> str(period)
    'Cleveland Police: in Engage from 2019 to September 2023'
    """

    force: Force = attrs.field(repr=lambda force: f"<Force {force.code} {force.name}>")
    entered: datetime.date
    entered_precision: Precision = Precision.DAY
    exited: datetime.date | None = None
    exited_precision: Precision | None = attrs.field(
        default=attrs.Factory(_exit_precision, takes_self=True)
    )
    reasons: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    exit_reasons: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    entered_sources: tuple[str, ...] = attrs.field(default=(), converter=_keys)
    exited_sources: tuple[str, ...] = attrs.field(default=(), converter=_keys)
    entered_weak: bool = False
    exited_weak: bool = False
    still_in_on: datetime.date | None = None
    still_in_sources: tuple[str, ...] = attrs.field(default=(), converter=_keys)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[str] = []
        expect(problems, "force", self.force, Force, "a Force")
        expect(problems, "entered", self.entered, datetime.date, "a date")
        expect(problems, "entered_precision", self.entered_precision, Precision, "a Precision")
        expect(problems, "exited", self.exited, datetime.date, "a date", optional=True)
        expect(
            problems,
            "exited_precision",
            self.exited_precision,
            Precision,
            "a Precision",
            optional=True,
        )
        for field in ("reasons", "exit_reasons"):
            expect_items(problems, field, getattr(self, field), str, "text")
        expect_items(problems, "sources", self.sources, Source, "a Source")
        for field in ("entered_sources", "exited_sources", "still_in_sources"):
            expect_items(problems, field, getattr(self, field), str, "text")
        expect(problems, "entered_weak", self.entered_weak, bool, "True or False")
        expect(problems, "exited_weak", self.exited_weak, bool, "True or False")
        expect(problems, "still_in_on", self.still_in_on, datetime.date, "a date", optional=True)
        expect(problems, "note", self.note, str, "text", optional=True)
        raise_if(problems)
        raise_if(list(_period_problems(self)))

    def source(self, key: str) -> Source:
        """The source cited as ``key``; a key the period does not list raises `UnknownNameError`.

        >>> import policegrades as pg
        >>> period = pg.engage_periods("Cleveland")[0]
        >>> period.source(period.exited_sources[0]).title
        'Police forces previously in Engage'
        """
        for listed in self.sources:
            if listed.key == key:
                return listed
        keys = ", ".join(listed.key for listed in self.sources) or "none"
        raise UnknownNameError(f"no source is cited as {key!r}; the period lists: {keys}")

    @property
    def open(self) -> bool:
        """Whether no source says the force has left: the period is still running, as known.

        >>> import policegrades as pg
        >>> [p.open for p in pg.engage_periods("Lincolnshire")]
        [True]
        """
        return self.exited is None

    @property
    def entered_between(self) -> tuple[datetime.date, datetime.date]:
        """The first and last days on which the force can have entered Engage."""
        return _dates.bounds(self.entered, self.entered_precision, (0, 0))

    @property
    def exited_between(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and last days on which the force can have left Engage; ``None`` if open."""
        if self.exited is None or self.exited_precision is None:
            return None
        return _dates.bounds(self.exited, self.exited_precision, (0, 0))

    @property
    def entered_text(self) -> str:
        """The day it entered, in words, no more precise than it is known."""
        return _dates.describe(self.entered, self.entered_precision)

    @property
    def exited_text(self) -> str | None:
        """The day it left, in words, no more precise than it is known; ``None`` if open."""
        if self.exited is None or self.exited_precision is None:
            return None
        return _dates.describe(self.exited, self.exited_precision)

    @property
    def left_text(self) -> str:
        """When it left, in words; for an open period, the last day a source shows it still in.

        >>> import policegrades as pg
        >>> [p.left_text for p in pg.engage_periods("Cleveland") + pg.engage_periods("Lincolnshire")]
        ['September 2023', 'still in when last reported, 14 May 2025']
        """
        if self.exited_text is not None:
            return self.exited_text
        if self.still_in_on is None:
            return "not known"
        seen = self.still_in_on
        return f"still in when last reported, {_dates.describe(seen, Precision.DAY)}"

    def certainly_in(self, day: datetime.date | str) -> bool:
        """Whether the force was certainly in Engage on ``day`` (a date or ``YYYY-MM-DD``).

        An entry known only to the year counts from the year's last day, and an exit known
        only to the month from its month's first day; an open period holds up to the latest
        day a source shows the force still in, and no later: an exit is never inferred from
        silence, nor a stay from it either.

        >>> import datetime
        >>> import policegrades as pg
        >>> cleveland = pg.engage_periods("Cleveland")[0]
        >>> cleveland.certainly_in(datetime.date(2019, 6, 1)), cleveland.certainly_in(datetime.date(2020, 1, 1))
        (False, True)
        >>> cleveland.certainly_in("2023-03-17")
        True
        """
        day = _dates.given_day(day, "day")
        if day < self.entered_between[1]:
            return False
        left = self.exited_between
        if left is not None:
            return day < left[0]
        return self.still_in_on is not None and day <= self.still_in_on

    def possibly_in(self, day: datetime.date | str) -> bool:
        """Whether the force may have been in Engage on ``day``: the sources do not rule it out.

        >>> import datetime
        >>> import policegrades as pg
        >>> pg.engage_periods("Cleveland")[0].possibly_in(datetime.date(2019, 6, 1))
        True
        """
        day = _dates.given_day(day, "day")
        left = self.exited_between
        return self.entered_between[0] <= day and (left is None or day <= left[1])

    def __repr__(self) -> str:
        return f"<EngagePeriod {self.force.name}: {self.entered_text} – {self.left_text}>"

    def __str__(self) -> str:
        ends = (
            f"to {self.exited_text}"
            if self.exited_text is not None
            else "and still in, as last known"
        )
        return f"{self.force.name}: in Engage from {self.entered_text} {ends}"


def _period_problems(period: EngagePeriod) -> Iterator[str]:
    """What makes a period impossible, or a claim in it unsourced."""
    if period.entered_precision not in _DATED:
        yield "entered_precision: an entry is dated to the day, the month or the year"
        return  # the other checks read the entry's bounds
    problem = _dates.precision_problem("entered", period.entered, period.entered_precision)
    if problem is not None:
        yield problem
    if not period.entered_sources:
        yield "entered_sources: an entry names its source"
    if period.exited is None:
        for field in ("exited_precision", "exited_sources", "exit_reasons"):
            if getattr(period, field):
                yield f"{field}: given, but the period has no exit"
        if period.exited_weak:
            yield "exited_weak: given, but the period has no exit"
    else:
        yield from _exit_problems(period)
    if period.still_in_on is not None:
        if period.exited is not None:
            yield "still_in_on: only an open period says when it was last known to be running"
        elif period.still_in_on < period.entered_between[0]:
            yield f"still_in_on: {period.still_in_on} is before the force entered Engage"
        if not period.still_in_sources:
            yield "still_in_sources: the day last known in Engage names its source"
    elif period.still_in_sources:
        yield "still_in_sources: given, but there is no still_in_on"
    for field in ("reasons", "exit_reasons"):
        for index, text in enumerate(getattr(period, field)):
            if not text:
                yield f"{field}[{index}]: empty"
    yield from _citation_problems(period)


def _exit_problems(period: EngagePeriod) -> Iterator[str]:
    assert period.exited is not None
    if period.exited_precision not in _DATED:
        yield "exited_precision: an exit is dated to the day, the month or the year"
        return
    problem = _dates.precision_problem("exited", period.exited, period.exited_precision)
    if problem is not None:
        yield problem
    if not period.exited_sources:
        yield "exited_sources: an exit names its source"
    left = period.exited_between
    if left is not None and left[1] < period.entered_between[0]:
        yield f"exited: {period.exited_text} is before the force entered, {period.entered_text}"


def _citation_problems(period: EngagePeriod) -> Iterator[str]:
    listed: set[str] = set()
    for index, source in enumerate(period.sources):
        if not source.key:
            yield f"sources[{index}].key: empty"
        elif source.key in listed:
            yield f"sources[{index}].key: {source.key!r} is listed twice"
        listed.add(source.key)
        if not source.url and not source.title:
            yield f"sources[{index}]: a source needs a URL or a title"
    for field in ("entered_sources", "exited_sources", "still_in_sources"):
        for index, key in enumerate(getattr(period, field)):
            if key not in listed:
                yield f"{field}[{index}]: {key!r} is not among the period's sources"


def periods_only(given: object, what: str) -> list[EngagePeriod]:
    """``given`` as a list of Engage periods, or an error naming each item that is not one.

    ``what`` names the caller in the error, as `policegrades.assessments.inspections_only`
    does.

    >>> import policegrades as pg
    >>> periods_only([pg.engage_periods()[0], "Cleveland"], "in_engage")
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: in_engage takes Engage periods only: [1]: expected an EngagePeriod, got str
    """
    if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
        raise InvalidDataError(
            [f"expected Engage periods, got {type(given).__name__}"],
            heading=f"{what} takes Engage periods:",
        )
    chosen = list(given)
    wrong = [
        f"[{index}]: expected an EngagePeriod, got {type(item).__name__}"
        for index, item in enumerate(chosen)
        if not isinstance(item, EngagePeriod)
    ]
    if wrong:
        raise InvalidDataError(wrong, heading=f"{what} takes Engage periods only:")
    return chosen
