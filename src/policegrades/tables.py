"""Grades as a long table: one row per force, round and area, for spreadsheets and CSV files.

The table holds each inspection's force, round, publication date and grades, each grade with
its provenance: how it is known, its note, the source it cites and any correction. Findings,
the published counts, the inspector, the monitoring stage, sources no grade cites and notes on
the inspection itself are not part of it: `to_json` keeps the whole record.
"""

from __future__ import annotations

import csv
import datetime
import enum
import io
from collections.abc import Iterable, Iterator
from typing import Any

from policegrades import _dates
from policegrades.assessments import AreaGrade, Inspection
from policegrades.catalogues import force_by_code, framework_by_key
from policegrades.errors import InvalidDataError, quote
from policegrades.grades import Grade
from policegrades.police_forces import Force
from policegrades.provenance import Basis, Correction, Precision, Source
from policegrades.rounds import Framework

__all__ = ["COLUMNS", "from_csv", "rows", "to_csv"]

COLUMNS = (
    "force_code",
    "force_name",
    "round",
    "published",
    "area",
    "area_name",
    "grade",
    "basis",
    "weak",
    "note",
    "source",
    "source_url",
    "source_title",
    "source_publisher",
    "published_grade",
    "corrected_on",
    "correction_reason",
    "correction_source",
)
"""The columns of the long table, in order."""

_FLAGS = {"true": True, "false": False}
_BASES = {basis.value: basis for basis in Basis}


def rows(inspections: Iterable[Inspection]) -> Iterator[dict[str, Any]]:
    """The long table's rows as dictionaries of `COLUMNS`, with Python values.

    An ungraded area's grade is ``None``; so is ``published`` when the date is known only to
    the round, and every source column of a grade that cites no source.

    >>> import policegrades as pg
    >>> first = next(rows(pg.fixtures.cleveland()[-1:]))
    >>> first["round"], first["area"], first["grade"], first["source_publisher"]
    ('peel-2023-25', 'victim-service', None, 'Hartlepool Mail')
    """
    for inspection in inspections:
        for held in inspection.grades:
            source = None if held.source is None else inspection.source(held.source)
            correction = held.correction
            yield {
                "force_code": inspection.force.code,
                "force_name": inspection.force.name,
                "round": inspection.framework.key,
                "published": inspection.published,
                "published_precision": inspection.published_precision,
                "area": held.area.key,
                "area_name": held.area.name,
                "grade": held.grade,
                "basis": held.basis,
                "weak": held.weak,
                "note": held.note,
                "source": held.source,
                "source_url": None if source is None else source.url,
                "source_title": None if source is None else source.title,
                "source_publisher": None if source is None else source.publisher,
                "published_grade": None if correction is None else correction.published_grade,
                "corrected_on": None if correction is None else correction.date,
                "correction_reason": None if correction is None else correction.reason,
                "correction_source": None if correction is None else correction.source,
            }


def _text(value: object) -> str:
    """One cell as the table writes it: the canonical word, or empty for nothing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def to_csv(inspections: Iterable[Inspection]) -> str:
    """The inspections' grades as CSV text: a header, then one row per force, round and area.

    Grades, bases and flags are written as the wire writes them: the inspectorate's words,
    ``true`` or ``false``; an ungraded area has an empty grade, and a date known to the month
    is ``YYYY-MM``, one known only to the round empty.

    >>> import policegrades as pg
    >>> text = to_csv(pg.fixtures.peel_2016_effectiveness()[7:9])
    >>> print(text.splitlines()[1])
    E23000008,Durham Constabulary,peel-2016,2017-03-02,effectiveness,Effectiveness,outstanding,stated,false,,isle-of-wight-radio,http://iwradio.co.uk/2017/03/02/police-effectiveness-what-rating-does-your-force-get-in-hmic-report/,,Isle of Wight Radio,,,,
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows(inspections):
        published = _dates.write(row["published"], row["published_precision"])
        writer.writerow([_text(published if c == "published" else row[c]) for c in COLUMNS])
    return out.getvalue()


def from_csv(text: str) -> tuple[Inspection, ...]:
    r"""Inspections from CSV text in the long format of `to_csv`, in the order first met.

    Rows with the same force, round and publication date make one inspection. Every cell must
    be as `to_csv` writes it. Every problem is reported at once, each with its line and
    column, in one `InvalidDataError`.

    >>> import policegrades as pg
    >>> table = pg.fixtures.peel_2016_effectiveness()
    >>> loaded = from_csv(to_csv(table))
    >>> [i.grades for i in loaded] == [i.grades for i in table]
    True
    >>> header = ",".join(COLUMNS)
    >>> from_csv(header + "\n"
    ...          "E23000013,Cleveland Police,peel-2016,2017-03-02,effectiveness,Effectiveness,"
    ...          "adequate,stated,false,,,,,,,,,\n")
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
    built = [_Builder(group, problems).build() for group in groups.values()]
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


class _Builder:
    """One inspection from its rows; every problem found goes to ``problems``."""

    def __init__(self, group: list[tuple[int, dict[str, str]]], problems: list[str]) -> None:
        self.group = group
        self.problems = problems
        self.sources: dict[str, tuple[int, Source]] = {}

    def wrong(self, line: int, column: str, message: str) -> None:
        self.problems.append(f"line {line}: {column}: {message}")

    def build(self) -> Inspection | None:
        before = len(self.problems)
        first_line, first = self.group[0]
        found_force = force_by_code(first["force_code"])
        if found_force is None:
            self.wrong(
                first_line, "force_code", f"{quote(first['force_code'])} is not a force's ONS code"
            )
        peel = framework_by_key(first["round"])
        if peel is None:
            self.wrong(first_line, "round", f"{quote(first['round'])} is not a PEEL round's key")
        published, precision = None, Precision.ROUND
        if first["published"]:
            try:
                published, precision = _dates.parse(first["published"])
            except ValueError:
                self.wrong(
                    first_line,
                    "published",
                    f"{quote(first['published'])} is not a date; expected YYYY-MM-DD, or "
                    "YYYY-MM when only the month is known (empty when only the round is known)",
                )
        if found_force is None or peel is None or len(self.problems) > before:
            return None
        held: list[AreaGrade] = []
        lines: list[int] = []
        for line, record in self.group:
            area_grade = self.area_grade(line, record, found_force, peel)
            if area_grade is not None:
                held.append(area_grade)
                lines.append(line)
        if len(self.problems) > before:
            return None
        try:
            return Inspection(
                force=found_force,
                framework=peel,
                published=published,
                published_precision=precision,
                grades=held,
                sources=[source for _, source in self.sources.values()],
            )
        except InvalidDataError as error:
            for problem in error.problems:
                where, _, message = problem.partition(": ")
                if where.startswith("grades["):
                    index = int(where[len("grades[") : where.index("]")])
                    self.wrong(lines[index], where.rpartition(".")[2], message)
                else:
                    self.wrong(first_line, where, message)
            return None

    def area_grade(
        self, line: int, record: dict[str, str], found_force: Force, peel: Framework
    ) -> AreaGrade | None:
        before = len(self.problems)
        if record["force_name"] != found_force.name:
            self.wrong(
                line,
                "force_name",
                f"{quote(record['force_name'])} is not the name of {found_force.code} "
                f"({found_force.name})",
            )
        area = peel.area_by_key(record["area"])
        if area is None:
            keys = ", ".join(a.key for a in peel.areas)
            self.wrong(
                line,
                "area",
                f"{quote(record['area'])} is not an area of {peel.name}; expected one of: {keys}",
            )
            return None
        if record["area_name"] != area.name:
            self.wrong(
                line,
                "area_name",
                f"{quote(record['area_name'])} is not the name of {area.key} ({area.name})",
            )
        grade = self.grade(line, "grade", record["grade"])
        basis = _BASES.get(record["basis"])
        if basis is None:
            self.wrong(
                line, "basis", f"{quote(record['basis'])} is not one of: {', '.join(_BASES)}"
            )
        weak = _FLAGS.get(record["weak"])
        if weak is None:
            self.wrong(line, "weak", f"{quote(record['weak'])} is not true or false")
        source = self.source(line, record)
        correction = self.correction(line, record)
        if len(self.problems) > before or basis is None or weak is None:
            return None
        return AreaGrade(
            area=area,
            grade=grade,
            basis=basis,
            source=source,
            weak=weak,
            correction=correction,
            note=record["note"] or None,
        )

    def grade(self, line: int, column: str, text: str) -> Grade | None:
        if not text:
            return None
        found = next((g for g in Grade if g.value == text), None)
        if found is None:
            accepted = ", ".join(g.label for g in Grade)
            self.wrong(line, column, f"{quote(text)} is not a grade; expected one of: {accepted}")
        return found

    def source(self, line: int, record: dict[str, str]) -> str | None:
        key = record["source"] or None
        details = [record[c] for c in ("source_url", "source_title", "source_publisher")]
        if key is None:
            if any(details):
                self.wrong(line, "source", "a source's details are given, but not its key")
            return None
        made = Source(
            key=key,
            url=details[0] or None,
            title=details[1] or None,
            publisher=details[2] or None,
        )
        seen = self.sources.setdefault(key, (line, made))
        if seen[1] != made:
            self.wrong(line, "source", f"{quote(key)} differs from its details on line {seen[0]}")
        return key

    def correction(self, line: int, record: dict[str, str]) -> Correction | None:
        columns = ("published_grade", "corrected_on", "correction_reason", "correction_source")
        if not any(record[c] for c in columns):
            return None
        published_grade = self.grade(line, "published_grade", record["published_grade"])
        try:
            day, precision = _dates.parse(record["corrected_on"])
        except ValueError:
            day, precision = None, None
        if day is None or precision is not Precision.DAY:
            self.wrong(
                line,
                "corrected_on",
                f"{quote(record['corrected_on'])} is not a date; expected YYYY-MM-DD",
            )
            return None
        source = record["correction_source"] or None
        if (
            source is not None
            and source not in self.sources
            and not any(r["source"] == source for _, r in self.group)
        ):
            self.wrong(
                line,
                "correction_source",
                f"{quote(source)} is no grade's source in this inspection",
            )
        return Correction(
            published_grade=published_grade,
            date=day,
            reason=record["correction_reason"],
            source=source,
        )
