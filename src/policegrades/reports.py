"""What the command line and the documentation show of each answer, for people and machines.

Text is for people; records, of the wire's values (codes, keys, labels, flags), for CSV and JSON.

Text may use marks and words for display ("RI", "·", "(derived)"); records never do: a
derived grade is a ``basis`` field, a missing grade an empty cell.
"""

from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Iterable, Sequence

from policegrades import _dates
from policegrades._words import upper_first
from policegrades.across import AreaAcross, Standing
from policegrades.assessments import AreaGrade, Inspection
from policegrades.comparison import Comparison, Held
from policegrades.grades import Grade
from policegrades.histories import HistoryEntry
from policegrades.knowledge import Coverage, Known, RoundCoverage
from policegrades.lineage import same_area
from policegrades.monitoring import EngagePeriod
from policegrades.police_forces import Force
from policegrades.provenance import Basis, Source
from policegrades.rankings import RankEntry, RankTable, counts_over
from policegrades.render import LEGEND, NOT_IN_ROUND, UNGRADED, marked_label, text_table
from policegrades.rounds import Area, Framework
from policegrades.summaries import Counted, summarise

__all__ = [
    "Records",
    "across_records",
    "comparison_records",
    "comparison_text",
    "coverage_records",
    "csv_text",
    "dicts",
    "force_records",
    "history_records",
    "history_text",
    "inspection_text",
    "rank_records",
    "rank_text",
    "round_coverage_records",
    "round_records",
    "source_line",
]

Records = tuple[tuple[str, ...], list[tuple[object, ...]]]
"""A header and its rows: the shape of every machine-readable answer."""

_WIDTH = 100


def csv_text(records: Records) -> str:
    """Records as CSV text: the header, then a row per record; ``None`` is an empty cell.

    >>> print(csv_text((("a", "b"), [(1, None), (True, "x")])), end="")
    a,b
    1,
    true,x
    """
    header, rows = records
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[_cell(value) for value in row] for row in rows])
    return out.getvalue()


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def dicts(records: Records) -> list[dict[str, object]]:
    """Records as a list of dictionaries, for JSON.

    >>> dicts((("a",), [(1,)]))
    [{'a': 1}]
    """
    header, rows = records
    return [dict(zip(header, row, strict=True)) for row in rows]


# -- the catalogues ----------------------------------------------------------------------------


def force_records(forces: Iterable[Force]) -> Records:
    """The forces, a row each.

    >>> import policegrades as pg
    >>> force_records(pg.forces())[1][12]
    ('E23000013', 'Cleveland Police', 'Cleveland', 'cleveland', 'England')
    """
    header = ("code", "name", "short_name", "police_uk_id", "country")
    return header, [(f.code, f.name, f.short_name, f.police_uk_id, f.country) for f in forces]


def round_records(rounds: Iterable[Framework]) -> Records:
    """The PEEL rounds, a row each, with how many areas each assesses and grades.

    >>> import policegrades as pg
    >>> round_records(pg.frameworks())[1][-2]
    ('peel-2023-25', 'PEEL 2023–25', 'five-point', 10, 9)
    """
    header = ("key", "name", "scale", "areas", "graded")
    return header, [
        (p.key, p.name, p.scale.value, len(p.areas), sum(a.graded for a in p.areas)) for p in rounds
    ]


# -- one inspection ----------------------------------------------------------------------------


def inspection_text(inspection: Inspection, where: Standing | None = None) -> str:
    """One inspection for a reader, with its grades, headline, findings, note and sources.

    The headline says what it was counted from; ``where``, if given, where the force stands.

    >>> import policegrades as pg
    >>> print(inspection_text(pg.inspection("Cleveland", "2018/19")).splitlines()[0])
    Cleveland Police, PEEL 2018/19, published 27 September 2019
    """
    lines = [
        f"{inspection.force.name}, {inspection.framework.name}, "
        f"published {inspection.published_text}"
    ]
    if inspection.inspector:
        lines.append(f"Inspector: {inspection.inspector}")
    if inspection.monitoring:
        lines.append(f"Monitoring: {inspection.monitoring}")
    rows = [
        (("  " if h.area.parent else "") + h.area.name, _long_label(h), ", ".join(h.sources))
        for h in inspection.grades
    ]
    lines += ["", text_table(("area", "grade", "source"), rows), "", _graded(inspection)]
    if inspection.recommendations:
        lines += ["", "Findings:"]
        for finding in inspection.recommendations:
            about = f" ({finding.area.name})" if finding.area else ""
            lines.append(_item(f"{str(finding.kind).capitalize()}{about}: {finding.text}"))
    if inspection.note:
        lines += ["", textwrap.fill(f"Note: {inspection.note}", width=_WIDTH)]
    if where is not None:
        lines += ["", f"Among the forces in {inspection.framework.name} in the data:"]
        lines += [_item(f"In the library's league table: {where.place()}")]
        monitoring = where.monitoring()
        if monitoring is not None:
            lines += [_item(f"On the day: {monitoring}")]
        lines += [_item(sentence) for sentence in where.areas]
    if inspection.sources:
        lines += ["", "Sources:"]
        lines += [f"  [{s.key}] {source_line(s)}" for s in inspection.sources]
    return "\n".join(lines)


def _item(text: str) -> str:
    return textwrap.fill(f"- {text}", width=_WIDTH, subsequent_indent="  ")


def _long_label(held: AreaGrade) -> str:
    grade = "ungraded" if held.grade is None else held.grade.label
    marks = [str(held.basis)] if held.basis is not Basis.STATED else []
    if held.weak:
        marks.append("weak")
    if held.correction is not None:
        first = held.correction.published_grade
        marks.append(f"published as {'ungraded' if first is None else first}")
    return grade + (f" ({', '.join(marks)})" if marks else "")


def _graded(inspection: Inspection) -> str:
    """The headline, saying what it was counted from."""
    summary = summarise(inspection)
    headline = summary.headline()
    if summary.counted is Counted.ALL_GRADES:
        return f"Graded {headline}."
    if summary.counted is Counted.PUBLISHED_COUNTS:
        return (
            f"Graded {headline}, as the published counts give it; the data names "
            f"{len(summary.graded)} of those {summary.counts.total} grades."
        )
    return f"{upper_first(headline)}. No counts were published; the rest is not known."


def source_line(source: Source) -> str:
    """A source as a line: publisher, title and address.

    >>> import policegrades as pg
    >>> source_line(pg.Source(key="r", url="https://example.org", publisher="HMICFRS"))
    'HMICFRS: https://example.org'
    """
    named = ", ".join(part for part in (source.publisher, source.title) if part)
    if source.url is None:
        return named
    return f"{named}: {source.url}" if named else source.url


# -- one area through the rounds ---------------------------------------------------------------


def history_text(entries: Sequence[HistoryEntry]) -> str:
    """One area's history as a table: round, date, the area's name then, and its grade.

    >>> import policegrades as pg
    >>> print(history_text(pg.history(pg.fixtures.cleveland(), "preventing crime")).splitlines()[-2])
    PEEL 2021/22  17 March 2023      Preventing crime and anti-social behaviour  inadequate   scale changed
    >>> print(history_text(pg.history(pg.fixtures.cleveland(), "preventing crime")).splitlines()[-1])
    PEEL 2023–25  10 April 2025      Preventing crime                            good         not directly comparable
    """
    rows = [
        (
            e.inspection.framework.name,
            e.inspection.published_text,
            e.area.name,
            e.status,
            "scale changed"
            if e.scale_changed
            else ""
            if e.comparable
            else "not directly comparable",
        )
        for e in entries
    ]
    return text_table(("round", "published", "area", "grade", ""), rows)


def history_records(entries: Sequence[HistoryEntry]) -> Records:
    """One area's history, a row per round, in the wire's values.

    >>> import policegrades as pg
    >>> history_records(pg.history(pg.fixtures.cleveland(), "managing offenders"))[1][0]
    ('peel-2021-22', '2023-03-17', 'managing-offenders', True, 'adequate', 'derived', False, False, True)
    """
    header = (
        "round",
        "published",
        "area",
        "recorded",
        "grade",
        "basis",
        "weak",
        "scale_changed",
        "comparable",
    )
    rows: list[tuple[object, ...]] = [
        (
            e.inspection.framework.key,
            _published(e.inspection),
            e.area.key,
            e.recorded,
            _label(e.grade),
            None if e.held is None else e.held.basis.value,
            None if e.held is None else e.held.weak,
            e.scale_changed,
            e.comparable,
        )
        for e in entries
    ]
    return header, rows


def _published(inspection: Inspection) -> str | None:
    return _dates.write(inspection.published, inspection.published_precision)


def _label(grade: Grade | None) -> str | None:
    return None if grade is None else grade.label


# -- two inspections ---------------------------------------------------------------------------


def comparison_text(comparison: Comparison, periods: Iterable[EngagePeriod] = ()) -> str:
    """A comparison for a reader: each area's two grades and the change, the narrative, the caveats.

    The change is in the words that fit the comparison (see `Comparison.describe`); with
    ``periods``, the narrative says where a force was in Engage (see `Comparison.narrative`).

    >>> import policegrades as pg
    >>> history = pg.fixtures.cleveland()
    >>> print(comparison_text(pg.compare(history[5], history[6])).splitlines()[0])
    Cleveland Police: PEEL 2021/22 → PEEL 2023–25
    """
    before, after = comparison.before, comparison.after
    if comparison.across_forces:
        title = (
            f"{before.force.name} ({before.framework.name}) → "
            f"{after.force.name} ({after.framework.name})"
        )
    else:
        title = f"{after.force.name}: {before.framework.name} → {after.framework.name}"
    rows = [
        (
            c.area.name,
            _side_label(c.before, c.before_held),
            _side_label(c.after, c.after_held),
            comparison.describe(c.change),
        )
        for c in comparison.changes
    ]
    body = [
        title,
        "",
        text_table(("area", "before", "after", "change"), rows),
        "",
        textwrap.fill(comparison.narrative(periods), width=_WIDTH),
    ]
    if comparison.caveats:
        body += ["", "Caveats:", *(_item(caveat) for caveat in comparison.caveats)]
    return "\n".join([*body, "", textwrap.fill(LEGEND, width=_WIDTH)])


def _side_label(held: AreaGrade | None, what: Held) -> str:
    """One side of a compared area as the tables show it: blank if its grade is not known."""
    if held is not None:
        return marked_label(held)
    return {"not assessed": NOT_IN_ROUND, "ungraded": UNGRADED}.get(what, "")


def comparison_records(comparison: Comparison) -> Records:
    """A comparison, a row per area, in the wire's values (empty where a side holds nothing).

    >>> import policegrades as pg
    >>> history = pg.fixtures.cleveland()
    >>> comparison_records(pg.compare(history[5], history[6]))[1][1]
    ('treatment-of-the-public', 'police-powers', 'adequate', 'good', 'not comparable', True, 'graded', 'graded')
    """
    header = (
        "before_area",
        "after_area",
        "before_grade",
        "after_grade",
        "change",
        "renamed",
        "before_held",
        "after_held",
    )
    before, after = comparison.before.framework, comparison.after.framework
    rows: list[tuple[object, ...]] = [
        (
            _area_key(c.before, c.before_held, before, c.area),
            _area_key(c.after, c.after_held, after, c.area),
            _label(c.before_grade),
            _label(c.after_grade),
            c.change.value,
            c.renamed,
            c.before_held,
            c.after_held,
        )
        for c in comparison.changes
    ]
    return header, rows


def _area_key(held: AreaGrade | None, what: Held, framework: Framework, area: Area) -> str | None:
    """The side's area key: its own, or its round's where it records nothing of an assessed area."""
    if held is not None:
        return held.area.key
    if what == "not assessed":
        return None
    return next((a.key for a in framework.areas if same_area(a, area)), None)


# -- across the forces -------------------------------------------------------------------------


def rank_text(table: Sequence[RankEntry]) -> str:
    """A league table for a reader: rank, force, round, the grades ranked by, and its basis.

    >>> import policegrades as pg
    >>> print(rank_text(pg.rank(pg.inspections(framework="2018/19"))).splitlines()[1])
    1     Durham Constabulary                       PEEL 2018/19  outstanding in two areas and good in one area
    """
    return str(table if isinstance(table, RankTable) else RankTable(table))


def rank_records(table: Sequence[RankEntry]) -> Records:
    """A league table, a row per force, with the counts it was ranked by and what they were.

    ``ranked_over`` names the areas a table ranked over (see `RankTable.areas`), blank where
    each inspection was ranked whole: its counts are then those of `summarise`.

    >>> import policegrades as pg
    >>> rank_records(pg.rank(pg.inspections(framework="2018/19")))[1][-1]
    (None, 'E23000012', 'peel-2018-19', 'some grades', 0, 2, None, 0, 0, None)
    >>> rank_records(pg.rank(pg.fixtures.peel_2016_effectiveness()))[1][0]
    (1, 'E23000008', 'peel-2016', 'areas ranked over', 1, 0, None, 0, 0, 'effectiveness')
    """
    over = table.areas if isinstance(table, RankTable) else None
    header = (
        "rank",
        "force_code",
        "round",
        "counted",
        *(f"counts_{grade.name.lower()}" for grade in Grade),
        "ranked_over",
    )
    rows: list[tuple[object, ...]] = []
    for entry in table:
        inspection = entry.inspection
        if over is None:
            summary = summarise(inspection)
            counted: str | None = summary.counted.value
            counts: list[int | None] = [summary.counts.get(grade) for grade in Grade]
        else:
            of = counts_over(inspection, over)
            counted = None if of is None else "areas ranked over"
            counts = [None if of is None else of.get(grade) for grade in Grade]
        rows.append(
            (
                entry.rank,
                inspection.force.code,
                inspection.framework.key,
                counted,
                *counts,
                None if over is None else " ".join(area.key for area in over),
            )
        )
    return header, rows


def across_records(across: AreaAcross) -> Records:
    """One area across the forces, a row per force, in the wire's values.

    >>> import policegrades as pg
    >>> across_records(pg.across_forces("2018/19", "legitimacy"))[1][12]
    ('E23000013', 'Cleveland Police', True, 'inadequate', 'stated', False, False)
    """
    header = ("force_code", "force_name", "known", "grade", "basis", "weak", "corrected")
    rows: list[tuple[object, ...]] = [
        (
            row.force.code,
            row.force.name,
            row.known,
            _label(row.grade),
            None if row.held is None else row.held.basis.value,
            None if row.held is None else row.held.weak,
            None if row.held is None else row.held.correction is not None,
        )
        for row in across.rows
    ]
    return header, rows


def coverage_records(coverage: Coverage) -> Records:
    """What the data knows, a row per round.

    >>> import policegrades as pg
    >>> coverage_records(pg.coverage())[1][5]
    ('peel-2021-22', 9, 28, 2, 4, 30, 30)
    """
    header = ("round", *(level.name.lower() for level in Known), "with_counts", "rankable")
    rows: list[tuple[object, ...]] = [
        (r.framework.key, *(r.count(level) for level in Known), r.with_counts, r.rankable)
        for r in coverage.rounds
    ]
    return header, rows


def round_coverage_records(peel: RoundCoverage) -> Records:
    """What the data knows of each area of one round.

    >>> import policegrades as pg
    >>> round_coverage_records(pg.coverage().of("2018/19"))[1][0]
    ('effectiveness', 42, 1)
    """
    rows: list[tuple[object, ...]] = [(a.area.key, a.known, a.unknown) for a in peel.areas]
    return ("area", "known", "unknown"), rows
