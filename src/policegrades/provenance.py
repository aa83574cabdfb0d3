"""Where a fact comes from and how it is known: sources, bases, corrections, date precision."""

from __future__ import annotations

import datetime
import enum

import attrs

from policegrades._fields import expect, is_optional_text, raise_if
from policegrades.grades import Grade

__all__ = ["Basis", "Correction", "Precision", "Source"]


class Basis(enum.Enum):
    """How a grade is known.

    ``STATED``: a source states it. ``DERIVED``: no source states it, but it follows from
    facts that are stated (the grade's note gives the reasoning). ``CARRIED_OVER``: the
    inspection reports a grade awarded by an earlier inspection, which it did not repeat.

    >>> from policegrades import Basis
    >>> str(Basis.CARRIED_OVER)
    'carried over'
    """

    STATED = "stated"
    DERIVED = "derived"
    CARRIED_OVER = "carried over"

    def __str__(self) -> str:
        return self.value


class Precision(enum.Enum):
    """How precisely a date is known: to the day, the month or the year, or only the round.

    A date known to the month is held as the first of its month, one known to the year as the
    first of January; ``ROUND`` is for a publication date known only to its round.

    >>> from policegrades import Precision
    >>> [str(p) for p in Precision]
    ['day', 'month', 'year', 'round']
    """

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    ROUND = "round"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Source:
    """A page a fact was read in, cited by its ``key`` within one inspection.

    ``url`` is where it is, ``title`` its title where recorded, and ``publisher`` who
    published it. A source has a URL, a title or both.

    >>> import policegrades as pg
    >>> source = pg.fixtures.cleveland()[4].sources[0]
    >>> source.key, source.publisher
    ('hmicfrs', 'HMICFRS')
    """

    key: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None

    def __attrs_post_init__(self) -> None:
        if isinstance(self.key, str) and all(
            is_optional_text(value) for value in (self.key, self.url, self.title, self.publisher)
        ):
            return
        problems: list[str] = []
        expect(problems, "key", self.key, str, "text")
        for field in ("url", "title", "publisher"):
            expect(problems, field, getattr(self, field), str, "text", optional=True)
        raise_if(problems)

    def __str__(self) -> str:
        label = self.title or self.url or self.key
        return f"{label} ({self.publisher})" if self.publisher else label


@attrs.frozen(kw_only=True)
class Correction:
    """A grade the inspectorate changed after publication: what it first published, and why.

    The `AreaGrade` holds the grade as it stands; ``published_grade`` is the grade as first
    published (``None`` if it was first published ungraded), ``date`` the day of the change
    and ``source`` the key of the source that records it.

    >>> import policegrades as pg
    >>> held = pg.inspection("northamptonshire", "2023-25").area_grade("responding to the public")
    >>> held.grade, held.correction.published_grade, str(held.correction.date)
    (<Grade.REQUIRES_IMPROVEMENT: 'requires improvement'>, <Grade.ADEQUATE: 'adequate'>, '2024-08-08')
    """

    published_grade: Grade | None
    date: datetime.date
    reason: str
    source: str | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[str] = []
        expect(problems, "published_grade", self.published_grade, Grade, "a Grade", optional=True)
        expect(problems, "date", self.date, datetime.date, "a date")
        expect(problems, "reason", self.reason, str, "text")
        expect(problems, "source", self.source, str, "text", optional=True)
        raise_if(problems)
