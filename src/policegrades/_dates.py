"""Dates at their precision: written, read, shown and bounded.

A date known to the day is written ``YYYY-MM-DD``, one known to the month ``YYYY-MM`` and one
known to the year ``YYYY`` (ISO 8601's reduced precisions), and one known only to the round is
not written at all. In memory a month-precise date is the first day of its month and a
year-precise one the first of January, which their precision says is not a real day.
"""

from __future__ import annotations

import datetime
import re

from policegrades.errors import InvalidDataError, quote
from policegrades.provenance import Precision

__all__ = ["bounds", "day", "describe", "parse", "precision_problem", "write"]

# [0-9], not \d: \d matches any script's digits, and int() reads them ("２０１７" is 2017).
_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_YEAR = re.compile(r"[0-9]{4}")


def parse(text: str) -> tuple[datetime.date, Precision]:
    """The date and precision of ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; else a ValueError.

    >>> parse("2022-09")
    (datetime.date(2022, 9, 1), <Precision.MONTH: 'month'>)
    >>> parse("2023-03-17")[1], parse("2019")[1]
    (<Precision.DAY: 'day'>, <Precision.YEAR: 'year'>)
    """
    day = _DAY.fullmatch(text)
    if day:
        return datetime.date(*map(int, day.groups())), Precision.DAY
    month = _MONTH.fullmatch(text)
    if month:
        return datetime.date(int(month[1]), int(month[2]), 1), Precision.MONTH
    if _YEAR.fullmatch(text) and text != "0000":
        return datetime.date(int(text), 1, 1), Precision.YEAR
    raise ValueError(text)


def precision_problem(field: str, date: datetime.date, precision: Precision) -> str | None:
    """What is wrong with a date given more precisely than its precision, if anything.

    >>> precision_problem("entered", datetime.date(2019, 4, 1), Precision.YEAR)
    'entered: 2019-04-01 is more precise than its precision: a date known to the year is given as 1 January'
    """
    if precision is Precision.MONTH and date.day != 1:
        return (
            f"{field}: {date} is more precise than its precision: a date known to the month "
            "is given as its first day"
        )
    if precision is Precision.YEAR and (date.month, date.day) != (1, 1):
        return (
            f"{field}: {date} is more precise than its precision: a date known to the year "
            "is given as 1 January"
        )
    return None


def day(value: object) -> datetime.date | None:
    """The day of a ``YYYY-MM-DD`` text; ``None`` for anything else, a month alone included.

    >>> day("2023-03-17"), day("2023-03"), day("2023-02-30"), day(20230317)
    (datetime.date(2023, 3, 17), None, None, None)
    """
    if type(value) is not str:
        return None
    try:
        found, precision = parse(value)
    except ValueError:
        return None
    return found if precision is Precision.DAY else None


def given_day(value: object, field: str) -> datetime.date:
    """A day given by a caller as a date or ``YYYY-MM-DD``; our error naming ``field`` if neither.

    >>> given_day("2023-03-17", "day")
    datetime.date(2023, 3, 17)
    >>> given_day("17 March 2023", "day")
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: day: '17 March 2023' is not a date; expected YYYY-MM-DD
    """
    found = value if type(value) is datetime.date else day(value)
    if found is None:
        raise InvalidDataError([f"{field}: {quote(value)} is not a date; expected YYYY-MM-DD"])
    return found


def write(date: datetime.date | None, precision: Precision) -> str | None:
    """The date as the wire writes it at its precision; ``None`` when known only to the round.

    >>> write(datetime.date(2022, 9, 1), Precision.MONTH), write(None, Precision.ROUND)
    ('2022-09', None)
    """
    if date is None or precision is Precision.ROUND:
        return None
    if precision is Precision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    if precision is Precision.YEAR:
        return f"{date.year:04d}"
    return date.isoformat()


def describe(date: datetime.date | None, precision: Precision) -> str:
    """The date in words, no more precise than it is known.

    >>> describe(datetime.date(2023, 3, 17), Precision.DAY)
    '17 March 2023'
    >>> describe(datetime.date(2022, 9, 1), Precision.MONTH)
    'September 2022'
    >>> describe(None, Precision.ROUND)
    'date not known'
    """
    if date is None or precision is Precision.ROUND:
        return "date not known"
    if precision is Precision.MONTH:
        return f"{date:%B %Y}"
    if precision is Precision.YEAR:
        return str(date.year)
    return f"{date.day} {date:%B %Y}"


def bounds(
    date: datetime.date | None, precision: Precision, years: tuple[int, int]
) -> tuple[datetime.date, datetime.date]:
    """The first and last days the date could be, given the round's ``years``.

    >>> bounds(datetime.date(2022, 9, 1), Precision.MONTH, (2021, 2023))
    (datetime.date(2022, 9, 1), datetime.date(2022, 9, 30))
    >>> bounds(None, Precision.ROUND, (2019, 2020))
    (datetime.date(2019, 1, 1), datetime.date(2020, 12, 31))
    """
    if date is None or precision is Precision.ROUND:
        return datetime.date(years[0], 1, 1), datetime.date(years[1], 12, 31)
    if precision is Precision.MONTH:
        first = date.replace(day=1)
        following = (first + datetime.timedelta(days=31)).replace(day=1)
        return first, following - datetime.timedelta(days=1)
    if precision is Precision.YEAR:
        return datetime.date(date.year, 1, 1), datetime.date(date.year, 12, 31)
    return date, date
