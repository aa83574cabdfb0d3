"""Inspections as one CSV table, for spreadsheets, and back, losing nothing.

The table is long: each row is one *record* of one inspection, and every row repeats the
inspection's number, force, round and publication date. An inspection writes, in order, one
``inspection`` row (its note, inspector, monitoring stage and published counts), a ``source``
row per source, a ``grade`` row per area, and a ``finding`` row per finding. Filter on
``record`` = ``grade`` for the classic long table of grades: one row per force, round and area.

Every cell is written one way, as the JSON wire writes it (codes, keys, the inspectorate's
words, ``true`` or ``false``, ISO dates at their precision), and read back only in that way;
an empty cell is ``None``. The one allowance is for spreadsheets: a UTF-8 byte order mark at the
start, and Excel's ``TRUE`` and ``FALSE``, are read as what they are.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import enum
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from policegrades import _dates, _wire
from policegrades.assessments import (
    AreaGrade,
    Inspection,
    Monitoring,
    Recommendation,
    inspections_only,
)
from policegrades.assessments import RecommendationKind as Kind
from policegrades.catalogues import force_by_code, framework_by_key
from policegrades.counts import GradeCounts
from policegrades.errors import InvalidDataError, quote
from policegrades.grades import Grade
from policegrades.police_forces import Force
from policegrades.provenance import Basis, Correction, Precision, Source
from policegrades.rounds import Area, Framework

__all__ = ["COLUMNS", "GRADE_COLUMNS", "RECORDS", "from_csv", "no_field_limit", "rows", "to_csv"]

RECORDS = ("inspection", "source", "grade", "finding")
"""The kinds of row, in the order an inspection writes them."""

_COUNTS = tuple(f"counts_{grade.name.lower()}" for grade in Grade)

GRADE_COLUMNS = (
    "force_code",
    "force_name",
    "round",
    "published",
    "area",
    "area_name",
    "grade",
    "basis",
    "weak",
    "source",
    "note",
    "published_grade",
    "corrected_on",
    "correction_reason",
    "correction_source",
    "other_sources",
)
"""The columns a grade fills: the classic long table, one row per force, round and area.

``other_sources`` holds the keys of further sources of the same grade as a JSON list
(``["bbc"]``), empty when there are none."""

COLUMNS = (
    *GRADE_COLUMNS,
    "record",
    "inspection",
    "key",
    "url",
    "title",
    "publisher",
    "kind",
    "text",
    "inspector",
    "monitoring",
    *_COUNTS,
    "counts_source",
)
"""Every column of the table, in order."""

_FILLS = {
    "inspection": {"note", "inspector", "monitoring", *_COUNTS, "counts_source"},
    "source": {"key", "url", "title", "publisher"},
    "grade": set(GRADE_COLUMNS[4:]),
    "finding": {"area", "area_name", "kind", "text", "source"},
}
_SHARED = {"force_code", "force_name", "round", "published", "record", "inspection"}
_FLAGS = {"true": True, "false": False, "TRUE": True, "FALSE": False}
_NUMBER = re.compile(r"[1-9][0-9]*|0")


def rows(inspections: Iterable[Inspection] | Inspection) -> Iterator[dict[str, Any]]:
    """The grade rows of the table as dictionaries of `GRADE_COLUMNS`, with Python values.

    An ungraded area's grade is ``None``; so is ``published`` when the date is known only to
    the round (``published_precision`` says which), and every correction column of a grade
    the inspectorate did not change.

    >>> import policegrades as pg
    >>> first = next(rows(pg.fixtures.cleveland()[-1]))
    >>> first["round"], first["area"], first["grade"], first["source"]
    ('peel-2023-25', 'victim-service', None, 'hartlepool-mail')
    """
    for inspection in inspections_only(inspections, "rows"):
        for held in inspection.grades:
            yield {**_shared(inspection), **_grade(held)}


def to_csv(inspections: Iterable[Inspection] | Inspection) -> str:
    """The inspections as CSV text: a header, then each inspection's records (see above).

    One inspection may be given alone.

    >>> import policegrades as pg
    >>> text = to_csv(pg.fixtures.peel_2016_effectiveness()[7])
    >>> for line in text.splitlines()[1:]:
    ...     print(line.split(",")[16], line.split(",")[:7])
    inspection ['E23000008', 'Durham Constabulary', 'peel-2016', '2017-03-02', '', '', '']
    source ['E23000008', 'Durham Constabulary', 'peel-2016', '2017-03-02', '', '', '']
    grade ['E23000008', 'Durham Constabulary', 'peel-2016', '2017-03-02', 'effectiveness', 'Effectiveness', 'outstanding']
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for number, inspection in enumerate(inspections_only(inspections, "to_csv"), start=1):
        shared = {**_shared(inspection), "inspection": number}
        shared["published"] = _published_text(shared)
        records = [("inspection", _inspection_cells(inspection))]
        records += [("source", _source(source)) for source in inspection.sources]
        records += [("grade", _grade(held)) for held in inspection.grades]
        records += [("finding", _finding(f)) for f in inspection.recommendations]
        for record, cells in records:
            row = {**shared, **cells, "record": record}
            writer.writerow([_text(row.get(column)) for column in COLUMNS])
    return out.getvalue()


def _shared(inspection: Inspection) -> dict[str, Any]:
    return {
        "force_code": inspection.force.code,
        "force_name": inspection.force.name,
        "round": inspection.framework.key,
        "published": inspection.published,
        "published_precision": inspection.published_precision,
    }


def _inspection_cells(inspection: Inspection) -> dict[str, Any]:
    counts = inspection.published_counts
    cells: dict[str, Any] = {
        "note": inspection.note,
        "inspector": inspection.inspector,
        "monitoring": inspection.monitoring,
        "counts_source": inspection.counts_source,
    }
    for grade, column in zip(Grade, _COUNTS, strict=True):
        cells[column] = None if counts is None or grade not in counts else counts[grade]
    return cells


def _source(source: Source) -> dict[str, Any]:
    return {
        "key": source.key,
        "url": source.url,
        "title": source.title,
        "publisher": source.publisher,
    }


def _grade(held: AreaGrade) -> dict[str, Any]:
    correction = held.correction
    return {
        "area": held.area.key,
        "area_name": held.area.name,
        "grade": held.grade,
        "basis": held.basis,
        "weak": held.weak,
        "source": held.source,
        "note": held.note,
        "published_grade": None if correction is None else correction.published_grade,
        "corrected_on": None if correction is None else correction.date,
        "correction_reason": None if correction is None else correction.reason,
        "correction_source": None if correction is None else correction.source,
        "other_sources": held.other_sources,
    }


def _finding(finding: Recommendation) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "text": finding.text,
        "area": None if finding.area is None else finding.area.key,
        "area_name": None if finding.area is None else finding.area.name,
        "source": finding.source,
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
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False) if value else ""
    return str(value)


def _published_text(row: dict[str, Any]) -> str:
    return _dates.write(row["published"], row["published_precision"]) or ""


# -- reading -----------------------------------------------------------------------------------


def from_csv(text: str) -> tuple[Inspection, ...]:
    r"""Inspections from CSV text as `to_csv` writes it, in the order first met.

    Rows with the same ``inspection`` number make one inspection. Every problem is reported at
    once, each with the first line of its row and its column, in one `InvalidDataError`.

    >>> import policegrades as pg
    >>> every = pg.inspections()
    >>> from_csv(to_csv(every)) == every
    True
    >>> bad = to_csv(pg.fixtures.cleveland()[2]).replace(",good,", ",adequate,", 1)
    >>> from_csv(bad)
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: line 4: grade: 'adequate' is not on the scale of PEEL 2016 (outstanding, good, requires improvement, inadequate)
    """
    if not isinstance(text, str):
        raise InvalidDataError([f"CSV text: expected text, got {type(text).__name__}"])
    text = text.removeprefix("\ufeff")  # the byte order mark Excel writes
    groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for line, record in _records(text):
        groups.setdefault(record["inspection"], []).append((line, record))
    problems: list[str] = []
    built = [_Builder(number, group, problems).build() for number, group in groups.items()]
    if problems:
        raise InvalidDataError(problems)
    return tuple(inspection for inspection in built if inspection is not None)


@contextlib.contextmanager
def no_field_limit() -> Iterator[None]:
    """Lift the csv module's limit on a field's size while we read, then put it back."""
    before = csv.field_size_limit()
    csv.field_size_limit(sys.maxsize)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _records(text: str) -> list[tuple[int, dict[str, str]]]:
    """The table's rows, each with the line it starts on; a malformed table is our error."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    found: list[tuple[int, dict[str, str]]] = []
    ended = 0
    with no_field_limit():
        try:
            header = next(reader, None)
            if header is None:
                raise InvalidDataError(["line 1: empty; expected a header: " + ",".join(COLUMNS)])
            _check_header(header)
            ended = reader.line_num
            for row in reader:
                line, ended = ended + 1, reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(COLUMNS):
                    raise InvalidDataError(
                        [f"line {line}: {len(row)} fields; expected {len(COLUMNS)}"]
                    )
                found.append((line, dict(zip(COLUMNS, row, strict=True))))
        except csv.Error as error:
            raise InvalidDataError([f"line {ended + 1}: {error}"]) from None
    return found


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


def _word(enum_type: type[enum.Enum], text: str) -> enum.Enum | None:
    return next((member for member in enum_type if member.value == text), None)


class _Builder:
    """One inspection from its rows; every problem found goes to ``problems``."""

    def __init__(
        self, number: str, group: list[tuple[int, dict[str, str]]], problems: list[str]
    ) -> None:
        self.number = number
        self.group = group
        self.problems = problems
        self.lines: dict[str, list[int]] = {kind: [] for kind in RECORDS}

    def wrong(self, line: int, column: str, message: str) -> None:
        self.problems.append(f"line {line}: {column}: {message}")

    def build(self) -> Inspection | None:
        before = len(self.problems)
        first_line, first = self.group[0]
        if not _NUMBER.fullmatch(self.number) or self.number == "0":
            self.wrong(first_line, "inspection", f"{quote(self.number)} is not a number from 1")
        found_force = force_by_code(first["force_code"])
        if found_force is None:
            self.wrong(
                first_line, "force_code", f"{quote(first['force_code'])} is not a force's ONS code"
            )
        peel = framework_by_key(first["round"])
        if peel is None:
            self.wrong(first_line, "round", f"{quote(first['round'])} is not a PEEL round's key")
        published: datetime.date | None = None
        precision = Precision.ROUND
        if first["published"]:
            try:
                published, precision = _dates.parse(first["published"])
            except ValueError:
                self.wrong(
                    first_line,
                    "published",
                    f"{quote(first['published'])} is not a date; expected YYYY-MM-DD, or YYYY-MM "
                    "or YYYY when only the month or the year is known (empty when only the round "
                    "is known)",
                )
        if found_force is None or peel is None or len(self.problems) > before:
            return None
        parts = self.parts(found_force, peel)
        if parts is None or len(self.problems) > before:
            return None
        head, sources, grades, findings = parts
        try:
            return Inspection(
                force=found_force,
                framework=peel,
                published=published,
                published_precision=precision,
                grades=grades,
                sources=sources,
                recommendations=findings,
                **head,
            )
        except InvalidDataError as error:
            self.place(error.problems)
            return None

    def parts(
        self, found_force: Force, peel: Framework
    ) -> tuple[dict[str, Any], list[Source], list[AreaGrade], list[Recommendation]] | None:
        heads: list[dict[str, Any]] = []
        sources: list[Source] = []
        grades: list[AreaGrade] = []
        findings: list[Recommendation] = []
        first_line, first = self.group[0]
        for line, row in self.group:
            for column in ("force_code", "round", "published"):
                if row[column] != first[column]:
                    self.wrong(
                        line, column, f"{quote(row[column])} differs from line {first_line}'s"
                    )
            if row["force_name"] != found_force.name:
                self.wrong(
                    line,
                    "force_name",
                    f"{quote(row['force_name'])} is not the name of {found_force.code} "
                    f"({found_force.name})",
                )
            record = row["record"]
            if record not in RECORDS:
                self.wrong(line, "record", f"{quote(record)} is not one of: {', '.join(RECORDS)}")
                continue
            for column in COLUMNS:
                if row[column] and column not in _SHARED and column not in _FILLS[record]:
                    self.wrong(line, column, f"a {record} row leaves this column empty")
            self.lines[record].append(line)
            if record == "inspection":
                heads.append(self.head(line, row, peel))
            elif record == "source":
                sources.append(self.source(row))
            elif record == "grade":
                held = self.grade(line, row, peel)
                if held is not None:
                    grades.append(held)
            else:
                finding = self.finding(line, row, peel)
                if finding is not None:
                    findings.append(finding)
        if len(heads) != 1:
            where = self.lines["inspection"][1] if heads else first_line
            self.wrong(where, "record", f"inspection {self.number} needs one inspection row")
            return None
        return heads[0], sources, grades, findings

    def head(self, line: int, row: dict[str, str], peel: Framework) -> dict[str, Any]:
        monitoring = None
        if row["monitoring"]:
            monitoring = _word(Monitoring, row["monitoring"])
            if monitoring is None:
                values = ", ".join(m.value for m in Monitoring)
                self.wrong(
                    line, "monitoring", f"{quote(row['monitoring'])} is not one of: {values}"
                )
        counts: dict[Grade, int] = {}
        for grade, column in zip(Grade, _COUNTS, strict=True):
            if row[column]:
                if _NUMBER.fullmatch(row[column]):
                    counts[grade] = int(row[column])
                else:
                    self.wrong(line, column, f"{quote(row[column])} is not a whole number")
        return {
            "note": row["note"] or None,
            "inspector": row["inspector"] or None,
            "monitoring": monitoring,
            "published_counts": GradeCounts(counts) if counts else None,
            "counts_source": row["counts_source"] or None,
        }

    def source(self, row: dict[str, str]) -> Source:
        return Source(
            key=row["key"],
            url=row["url"] or None,
            title=row["title"] or None,
            publisher=row["publisher"] or None,
        )

    def area(self, line: int, row: dict[str, str], peel: Framework) -> Area | None:
        area = peel.area_by_key(row["area"])
        if area is None:
            keys = ", ".join(a.key for a in peel.areas)
            self.wrong(
                line,
                "area",
                f"{quote(row['area'])} is not an area of {peel.name}; expected one of: {keys}",
            )
            return None
        if row["area_name"] != area.name:
            self.wrong(
                line,
                "area_name",
                f"{quote(row['area_name'])} is not the name of {area.key} ({area.name})",
            )
        return area

    def grade_word(self, line: int, column: str, text: str) -> Grade | None:
        if not text:
            return None
        found = _word(Grade, text)
        if found is None:
            accepted = ", ".join(g.label for g in Grade)
            self.wrong(line, column, f"{quote(text)} is not a grade; expected one of: {accepted}")
        return found if isinstance(found, Grade) else None

    def grade(self, line: int, row: dict[str, str], peel: Framework) -> AreaGrade | None:
        before = len(self.problems)
        area = self.area(line, row, peel)
        grade = self.grade_word(line, "grade", row["grade"])
        basis = _word(Basis, row["basis"])
        if basis is None:
            values = ", ".join(b.value for b in Basis)
            self.wrong(line, "basis", f"{quote(row['basis'])} is not one of: {values}")
        weak = _FLAGS.get(row["weak"])
        if weak is None:
            self.wrong(line, "weak", f"{quote(row['weak'])} is not true or false")
        correction = self.correction(line, row)
        others = self.keys(line, "other_sources", row["other_sources"])
        if area is None or not isinstance(basis, Basis) or weak is None or others is None:
            return None
        if len(self.problems) > before:
            return None
        try:
            return AreaGrade(
                area=area,
                grade=grade,
                basis=basis,
                source=row["source"] or None,
                weak=weak,
                correction=correction,
                note=row["note"] or None,
                other_sources=others,
            )
        except InvalidDataError as error:
            for problem in error.problems:
                where, _, message = problem.partition(": ")
                self.wrong(line, where, message)
            return None

    def keys(self, line: int, column: str, text: str) -> tuple[str, ...] | None:
        """Source keys written as a JSON list of text; an empty cell is none."""
        if not text:
            return ()
        try:
            found = _wire.parse_json(text)
        except InvalidDataError:
            found = None
        if isinstance(found, list) and found and all(type(key) is str for key in found):
            return tuple(found)
        self.wrong(line, column, f"{quote(text)} is not a JSON list of source keys")
        return None

    def correction(self, line: int, row: dict[str, str]) -> Correction | None:
        columns = ("published_grade", "corrected_on", "correction_reason", "correction_source")
        if not any(row[c] for c in columns):
            return None
        published_grade = self.grade_word(line, "published_grade", row["published_grade"])
        day = _dates.day(row["corrected_on"])
        if day is None:
            self.wrong(
                line,
                "corrected_on",
                f"{quote(row['corrected_on'])} is not a date; expected YYYY-MM-DD",
            )
            return None
        return Correction(
            published_grade=published_grade,
            date=day,
            reason=row["correction_reason"],
            source=row["correction_source"] or None,
        )

    def finding(self, line: int, row: dict[str, str], peel: Framework) -> Recommendation | None:
        kind = _word(Kind, row["kind"])
        if kind is None:
            values = ", ".join(k.value for k in Kind)
            self.wrong(line, "kind", f"{quote(row['kind'])} is not one of: {values}")
        area = None
        if row["area"] or row["area_name"]:
            area = self.area(line, row, peel)
            if area is None:
                return None
        if not isinstance(kind, Kind):
            return None
        return Recommendation(text=row["text"], kind=kind, area=area, source=row["source"] or None)

    def place(self, problems: tuple[str, ...]) -> None:
        """Report the model's problems at the line of the row they concern."""
        for problem in problems:
            where, _, message = problem.partition(": ")
            head, _, column = where.partition(".")
            match = re.fullmatch(r"(grades|sources|recommendations)\[(\d+)\]", head)
            record = {"grades": "grade", "sources": "source", "recommendations": "finding"}
            if match:
                line = self.lines[record[match[1]]][int(match[2])]
                self.wrong(line, column or match[1], message)
            else:
                self.wrong(self.lines["inspection"][0], where, message)
