"""Engage periods as a CSV table: one row per period, read back exactly.

The dates are written at their precision as the wire writes them (``2019``, ``2023-09``,
``2024-05-21``); lists (reasons, source keys, and the sources themselves) are JSON in their
cells, so that nothing is lost and nothing is split on a comma.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from policegrades import _wire
from policegrades.bundled import strict_converter
from policegrades.catalogues import force_by_code
from policegrades.errors import InvalidDataError, quote
from policegrades.monitoring import EngagePeriod, periods_only
from policegrades.tables import no_field_limit

__all__ = ["LIST_COLUMNS", "PERIOD_COLUMNS", "periods_from_csv", "periods_to_csv"]

LIST_COLUMNS = (
    "reasons",
    "exit_reasons",
    "entered_sources",
    "exited_sources",
    "still_in_sources",
    "sources",
)
"""The columns that hold a JSON list."""

PERIOD_COLUMNS = (
    "force_code",
    "force_name",
    "entered",
    "exited",
    "still_in_on",
    "entered_weak",
    "exited_weak",
    *LIST_COLUMNS,
    "note",
)
"""The columns of the table, in order."""
_FLAGS = {"true": True, "false": False}


def periods_to_csv(periods: Iterable[EngagePeriod]) -> str:
    """The periods as CSV text, a row each.

    >>> import policegrades as pg
    >>> text = periods_to_csv(pg.engage_periods("Cleveland"))
    >>> text.splitlines()[1][:52]
    'E23000013,Cleveland Police,2019,2023-09,,false,false'
    >>> periods_from_csv(text) == pg.engage_periods("Cleveland")
    True
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PERIOD_COLUMNS)
    for period in periods_only(periods, "periods_to_csv"):
        wire = strict_converter().unstructure(period)
        row: dict[str, Any] = {
            "force_code": period.force.code,
            "force_name": period.force.name,
            "entered": wire["entered"],
            "exited": wire.get("exited"),
            "still_in_on": wire.get("still_in_on"),
            "entered_weak": "true" if period.entered_weak else "false",
            "exited_weak": "true" if period.exited_weak else "false",
            "note": period.note,
        }
        for column in LIST_COLUMNS:
            items = wire.get(column, [])
            row[column] = json.dumps(items, ensure_ascii=False) if items else None
        writer.writerow(["" if row[c] is None else row[c] for c in PERIOD_COLUMNS])
    return out.getvalue()


def periods_from_csv(text: str) -> tuple[EngagePeriod, ...]:
    r"""The periods in CSV text as `periods_to_csv` writes it; every problem at once.

    >>> periods_from_csv("force_code\nE23000013\n")
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: line 1: missing columns: force_name, entered, exited, ...
    """
    if not isinstance(text, str):
        raise InvalidDataError([f"CSV text: expected text, got {type(text).__name__}"])
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    with no_field_limit():
        try:
            for row in reader:
                rows.append((reader.line_num, row))
        except csv.Error as error:
            raise InvalidDataError([f"line {reader.line_num}: {error}"]) from None
    if not rows or tuple(rows[0][1]) != PERIOD_COLUMNS:
        got = rows[0][1] if rows else []
        missing = [c for c in PERIOD_COLUMNS if c not in got]
        unexpected = [c for c in got if c not in PERIOD_COLUMNS]
        problems = [f"line 1: missing columns: {', '.join(missing)}"] if missing else []
        problems += [f"line 1: unexpected column {quote(c)}" for c in unexpected]
        expected = ",".join(PERIOD_COLUMNS)
        raise InvalidDataError(problems or [f"line 1: columns out of order; expected {expected}"])
    periods: list[EngagePeriod] = []
    problems = []
    for line, cells in rows[1:]:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(PERIOD_COLUMNS):
            problems.append(f"line {line}: {len(cells)} fields; expected {len(PERIOD_COLUMNS)}")
            continue
        fields = dict(zip(PERIOD_COLUMNS, cells, strict=True))
        found = _period(line, fields, problems)
        if found is not None:
            periods.append(found)
    if problems:
        raise InvalidDataError(problems)
    return tuple(periods)


def _period(line: int, row: dict[str, str], problems: list[str]) -> EngagePeriod | None:
    before = len(problems)
    doc: dict[str, Any] = {"force": row["force_code"], "entered": row["entered"]}
    for column in ("exited", "still_in_on", "note"):
        if row[column]:
            doc[column] = row[column]
    for column in ("entered_weak", "exited_weak"):
        flag = _FLAGS.get(row[column])
        if flag is None:
            problems.append(f"line {line}: {column}: {quote(row[column])} is not true or false")
        elif flag:
            doc[column] = True
    for column in LIST_COLUMNS:
        if not row[column]:
            continue
        try:
            doc[column] = _wire.parse_json(row[column])
        except InvalidDataError as error:
            problems += [f"line {line}: {column}: {p}" for p in error.problems]
    known = force_by_code(row["force_code"])
    if known is not None and row["force_name"] != known.name:
        problems.append(
            f"line {line}: force_name: {quote(row['force_name'])} is not the name of "
            f"{row['force_code']} ({known.name})"
        )
    if len(problems) > before:
        return None
    try:
        return _wire.structure(strict_converter(), doc, EngagePeriod)
    except InvalidDataError as error:
        problems += [f"line {line}: {p}" for p in error.problems]
        return None
