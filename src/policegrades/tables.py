"""Grades as a long table: one row per force, round and area, for spreadsheets and CSV files.

The table holds each inspection's force, round, publication date and grades. Findings,
sources, the inspector, the monitoring stage and notes on the inspection itself are not part
of it: `to_json` keeps the whole record.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Iterator
from typing import Any

from policegrades.catalogues import force, framework
from policegrades.errors import InvalidDataError, PoliceGradesError, quote
from policegrades.grades import Grade
from policegrades.inspections import AreaGrade, Inspection

__all__ = ["COLUMNS", "from_csv", "rows", "to_csv"]

COLUMNS = (
    "force_code",
    "force_name",
    "round",
    "published",
    "area",
    "area_name",
    "grade",
    "derived",
    "note",
)
"""The columns of the long table, in order."""

_FLAGS = {"true": True, "false": False, "": False}


def rows(inspections: Iterable[Inspection]) -> Iterator[dict[str, Any]]:
    """The long table's rows as dictionaries of `COLUMNS`, with Python values.

    An ungraded area's grade is ``None``.

    >>> import policegrades as pg
    >>> first = next(rows(pg.fixtures.cleveland()[-1:]))
    >>> first["round"], first["area"], first["grade"]
    ('peel-2023-25', 'victim-service', None)
    """
    for inspection in inspections:
        for held in inspection.grades:
            yield {
                "force_code": inspection.force.code,
                "force_name": inspection.force.name,
                "round": inspection.framework.key,
                "published": inspection.published,
                "area": held.area.key,
                "area_name": held.area.name,
                "grade": held.grade,
                "derived": held.derived,
                "note": held.note,
            }


def to_csv(inspections: Iterable[Inspection]) -> str:
    """The inspections' grades as CSV text: a header, then one row per force, round and area.

    Grades are the inspectorate's words; an ungraded area has an empty grade; ``derived``
    is ``true`` or ``false``.

    >>> import policegrades as pg
    >>> print(to_csv(pg.fixtures.peel_2016_effectiveness()[7:9]), end="")
    force_code,force_name,round,published,area,area_name,grade,derived,note
    E23000008,Durham Constabulary,peel-2016,2017-03-02,effectiveness,Effectiveness,outstanding,false,
    E23000009,North Yorkshire Police,peel-2016,2017-03-02,effectiveness,Effectiveness,good,false,
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows(inspections):
        grade = row["grade"]
        writer.writerow(
            [
                row["force_code"],
                row["force_name"],
                row["round"],
                row["published"].isoformat(),
                row["area"],
                row["area_name"],
                "" if grade is None else grade.label,
                "true" if row["derived"] else "false",
                row["note"] or "",
            ]
        )
    return out.getvalue()


def from_csv(text: str) -> tuple[Inspection, ...]:
    r"""Inspections from CSV text in the long format of `to_csv`, in the order first met.

    Rows with the same force, round and publication date make one inspection. Every problem
    is reported at once, each with its line and column, in one `InvalidDataError`.

    >>> import policegrades as pg
    >>> table = pg.fixtures.peel_2016_effectiveness()
    >>> loaded = from_csv(to_csv(table))
    >>> [i.grades for i in loaded] == [i.grades for i in table]
    True
    >>> loaded[0].sources  # the long table holds grades only
    ()
    >>> from_csv("force_code,force_name,round,published,area,area_name,grade,derived,note\n"
    ...          "E23000013,Cleveland Police,peel-2016,2017-03-02,effectiveness,Effectiveness,adequate,false,\n")
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: line 2: grade: 'adequate' is not on the scale of PEEL 2016 (outstanding, good, requires improvement, inadequate)
    """
    if not isinstance(text, str):
        raise InvalidDataError([f"CSV text: expected text, got {type(text).__name__}"])
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise InvalidDataError(["line 1: empty; expected a header: " + ",".join(COLUMNS)])
        _check_header(header)
        groups: dict[tuple[str, str, str], list[tuple[int, dict[str, str]]]] = {}
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            line = reader.line_num
            if len(row) != len(COLUMNS):
                raise InvalidDataError([f"line {line}: {len(row)} fields; expected {len(COLUMNS)}"])
            record = dict(zip(COLUMNS, row, strict=True))
            key = (record["force_code"], record["round"], record["published"])
            groups.setdefault(key, []).append((line, record))
    except csv.Error as error:
        raise InvalidDataError([f"line {reader.line_num}: {error}"]) from None
    problems: list[str] = []
    built = [_inspection(group, problems) for group in groups.values()]
    if problems:
        raise InvalidDataError(problems)
    return tuple(inspection for inspection in built if inspection is not None)


def _check_header(header: list[str]) -> None:
    if tuple(header) == COLUMNS:
        return
    missing = [c for c in COLUMNS if c not in header]
    unexpected = [c for c in header if c not in COLUMNS]
    problems = [f"line 1: missing column {quote(c)}" for c in missing]
    problems += [f"line 1: unexpected column {quote(c)}" for c in unexpected]
    if not problems:
        problems = [f"line 1: columns out of order; expected {','.join(COLUMNS)}"]
    raise InvalidDataError(problems)


def _inspection(group: list[tuple[int, dict[str, str]]], problems: list[str]) -> Inspection | None:
    """Build one inspection from its rows, adding every problem found to ``problems``."""
    first_line, first = group[0]
    before = len(problems)

    def wrong(line: int, column: str, message: str) -> None:
        problems.append(f"line {line}: {column}: {message}")

    try:
        found_force = force(first["force_code"])
    except PoliceGradesError as error:
        wrong(first_line, "force_code", str(error))
        return None
    try:
        peel = framework(first["round"])
    except PoliceGradesError as error:
        wrong(first_line, "round", str(error))
        return None
    try:
        published = datetime.date.fromisoformat(first["published"])
    except ValueError:
        wrong(
            first_line,
            "published",
            f"{quote(first['published'])} is not a date; expected YYYY-MM-DD",
        )
        return None
    held: list[AreaGrade] = []
    lines: list[int] = []
    for line, record in group:
        if record["force_name"] != found_force.name:
            wrong(
                line,
                "force_name",
                f"{quote(record['force_name'])} is not the name of {found_force.code} ({found_force.name})",
            )
        area = peel.area_by_key(record["area"])
        if area is None:
            keys = ", ".join(a.key for a in peel.areas)
            wrong(
                line,
                "area",
                f"{quote(record['area'])} is not an area of {peel.name}; expected one of: {keys}",
            )
            continue
        if record["area_name"] != area.name:
            wrong(
                line,
                "area_name",
                f"{quote(record['area_name'])} is not the name of {area.key} ({area.name})",
            )
        grade: Grade | None = None
        if record["grade"]:
            try:
                grade = Grade.parse(record["grade"])
            except PoliceGradesError as error:
                wrong(line, "grade", str(error))
                continue
        derived = _FLAGS.get(record["derived"])
        if derived is None:
            wrong(line, "derived", f"{quote(record['derived'])} is not true or false")
            continue
        held.append(AreaGrade(area=area, grade=grade, derived=derived, note=record["note"] or None))
        lines.append(line)
    if len(problems) > before:
        return None
    try:
        return Inspection(force=found_force, framework=peel, published=published, grades=held)
    except InvalidDataError as error:
        for problem in error.problems:
            where, _, message = problem.partition(": ")
            index = int(where[len("grades[") : where.index("]")])
            column = where.rpartition(".")[2]
            wrong(lines[index], column, message)
        return None
