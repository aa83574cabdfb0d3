"""Plain-text tables of grades, for terminals and logs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from policegrades._layout import text_table
from policegrades._words import count_of, join, upper_first
from policegrades.across import AreaAcross
from policegrades.assessments import AreaGrade, Inspection
from policegrades.grades import Grade, Scale
from policegrades.histories import one_force
from policegrades.knowledge import Coverage, RoundCoverage
from policegrades.provenance import Basis
from policegrades.rounds import Area

__all__ = [
    "CORRECTED",
    "LEGEND",
    "MARKS",
    "MARK_WORDS",
    "NOT_IN_ROUND",
    "UNGRADED",
    "WEAK",
    "AreaRow",
    "across_table",
    "area_coverage_table",
    "area_rows",
    "coverage_table",
    "grade_table",
    "marked_label",
    "marks_of",
    "short_label",
    "text_table",
]

UNGRADED = "—"
NOT_IN_ROUND = "·"
MARKS = {Basis.DERIVED: "*", Basis.CARRIED_OVER: "^"}
CORRECTED = "!"
WEAK = "?"
MARK_WORDS = {
    MARKS[Basis.DERIVED]: "derived, not read in a source",
    MARKS[Basis.CARRIED_OVER]: "carried over from an earlier inspection",
    CORRECTED: "changed after publication",
    WEAK: "read in a second-hand source",
}
"""What each mark on a grade means: the tables', the charts' and the site's legends say it."""
LEGEND = (
    f"RI: requires improvement. {UNGRADED}: assessed, deliberately ungraded. "
    + " ".join(f"{mark}: {words}." for mark, words in MARK_WORDS.items())
    + f" Blank: grade not known. {NOT_IN_ROUND}: not assessed that round."
)


def short_label(grade: Grade | None) -> str:
    """The grade as a table shows it: its label, "RI" for requires improvement, a dash if ungraded.

    >>> short_label(Grade.REQUIRES_IMPROVEMENT), short_label(Grade.GOOD), short_label(None)
    ('RI', 'good', '—')
    """
    if grade is None:
        return UNGRADED
    return "RI" if grade is Grade.REQUIRES_IMPROVEMENT else grade.label


def marks_of(held: AreaGrade) -> str:
    """The marks of how a grade is known (see `LEGEND`): derived, carried over, changed, weak.

    >>> import policegrades as pg
    >>> marks_of(pg.inspection("Northamptonshire", "2023-25").area_grade("responding to the public"))
    '!'
    """
    marks = MARKS.get(held.basis, "")
    marks += CORRECTED if held.correction is not None else ""
    return marks + (WEAK if held.weak else "")


def marked_label(held: AreaGrade) -> str:
    """The grade as a table shows it, with the marks of how it is known (see `LEGEND`).

    >>> import policegrades as pg
    >>> marked_label(pg.inspection("Northamptonshire", "2023-25").area_grade("responding to the public"))
    'RI!'
    """
    return short_label(held.grade) + marks_of(held)


def grade_table(inspections: Iterable[Inspection]) -> str:
    """A force's grades as text: rounds as columns, areas as rows, one block per scale.

    Questions are indented under their pillar; an area renamed between rounds stays on one row,
    under its latest name. Grades on the four-point scale and on the five-point scale are never
    put side by side: the inspectorate says they cannot be compared directly.

    >>> import policegrades as pg
    >>> print(grade_table(pg.fixtures.cleveland()[-2:]))
    PEEL 2021/22 onwards (five-point scale)
    area                                                        2021/22    2023–25
    Providing a service to victims of crime                     —          —
    Recording data about crime                                  good       ·
    Police powers and public treatment (renamed)                adequate   good
    Preventing crime                                            inadequate good
    Responding to the public                                    adequate*  adequate
    Investigating crime                                         RI         RI
    Protecting vulnerable people                                RI         RI
    Managing offenders and suspects                             adequate*  good
    Disrupting serious organised crime                          adequate   ·
    Building, supporting and protecting the workforce (renamed) RI         good
    Leadership and force management (renamed)                   inadequate adequate
    In PEEL 2023–25, 'Treatment of the public' became 'Police powers and public treatment'.
    In PEEL 2023–25, 'Developing a positive workplace' became 'Building, supporting and protecting the workforce'.
    In PEEL 2023–25, 'Good use of resources' became 'Leadership and force management' (inferred from news reports of Cleveland's result; not confirmed by the inspectorate).
    <BLANKLINE>
    RI: requires improvement. —: assessed, deliberately ungraded. *: derived, not read in a source. ^: carried over from an earlier inspection. !: changed after publication. ?: read in a second-hand source. Blank: grade not known. ·: not assessed that round.
    """
    ordered = one_force(inspections, "grade_table")
    blocks = []
    for scale, title in (
        (Scale.FOUR_POINT, "Pillar rounds, PEEL 2014 to 2018/19 (four-point scale)"),
        (Scale.FIVE_POINT, "PEEL 2021/22 onwards (five-point scale)"),
    ):
        chosen = [i for i in ordered if i.framework.scale is scale]
        if chosen:
            blocks.append(_block(title, chosen))
    return "\n\n".join([*blocks, LEGEND])


class AreaRow:
    """One area's grades through several inspections: a row of `grade_table` or of a chart.

    ``cells`` maps a column (an inspection's position) to what it recorded; ``keys`` holds
    every key the area had, renames included; ``area`` is the area under its latest name.
    """

    __slots__ = ("area", "cells", "children", "keys", "renames")

    def __init__(self, area: Area) -> None:
        self.area = area
        self.keys = {area.key}
        self.renames: list[str] = []
        self.cells: dict[int, AreaGrade] = {}
        self.children: list[AreaRow] = []

    @property
    def label(self) -> str:
        """The area's latest name, indented under its pillar, marked if it was renamed."""
        indent = "  " if self.area.parent is not None else ""
        return indent + self.area.name + (" (renamed)" if len(self.keys) > 1 else "")

    def in_round(self, inspection: Inspection) -> bool:
        """Whether ``inspection`` may have assessed this area, under any of its keys.

        See `Inspection.assessed`; in a round whose areas the data knows only in part, an
        area it does not list may have been assessed too.
        """
        if not inspection.framework.areas_complete:
            return True
        areas = (inspection.framework.area_by_key(key) for key in self.keys)
        return any(area is not None and inspection.assessed(area) for area in areas)

    def cell(self, column: int, inspection: Inspection) -> str:
        """The text of one cell: the short grade and its marks, or a mark for a gap."""
        held = self.cells.get(column)
        if held is not None:
            return marked_label(held)
        return "" if self.in_round(inspection) else NOT_IN_ROUND


def area_rows(inspections: Sequence[Inspection]) -> list[AreaRow]:
    """One row per area, renamed areas on their predecessor's row, questions after pillars.

    >>> import policegrades as pg
    >>> [row.label for row in area_rows(pg.fixtures.cleveland()[-2:])][:3]
    ['Providing a service to victims of crime', 'Recording data about crime', 'Police powers and public treatment (renamed)']
    """
    top: list[AreaRow] = []
    by_key: dict[str, AreaRow] = {}
    for column, inspection in enumerate(inspections):
        for held in inspection.grades:
            area = held.area
            row = by_key.get(area.key)
            if row is None and area.renamed_from is not None:
                row = by_key.get(area.renamed_from)
                if row is not None:
                    row.renames.append(_rename(row.area, area, inspection))
            if row is None:
                row = AreaRow(area)
                parent = None if area.parent is None else _parent_row(area, inspection, by_key, top)
                (parent.children if parent is not None else top).append(row)
            row.area = area
            row.keys.add(area.key)
            row.cells[column] = held
            by_key[area.key] = row
    return [row for parent in top for row in (parent, *parent.children)]


def _parent_row(
    area: Area, inspection: Inspection, by_key: dict[str, AreaRow], top: list[AreaRow]
) -> AreaRow | None:
    """The row of ``area``'s pillar, made (with no grade yet) when the pillar is not recorded."""
    assert area.parent is not None
    row = by_key.get(area.parent)
    pillar = inspection.framework.area_by_key(area.parent)
    if row is None and pillar is not None:
        row = by_key[pillar.key] = AreaRow(pillar)
        top.append(row)
    return row


def _block(title: str, inspections: Sequence[Inspection]) -> str:
    rows = area_rows(inspections)
    table = [["area", *(i.framework.name.removeprefix("PEEL ") for i in inspections)]]
    table += [[row.label, *(row.cell(c, i) for c, i in enumerate(inspections))] for row in rows]
    widths = [max(len(line[column]) for line in table) for column in range(len(table[0]))]
    lines = [
        " ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)) for line in table
    ]
    renames = [rename for row in rows for rename in row.renames]
    return "\n".join([title, *(line.rstrip() for line in lines), *renames])


def _rename(before: Area, after: Area, inspection: Inspection) -> str:
    note = f" ({after.lineage_note})" if after.lineage_note else ""
    return f"In {inspection.framework.name}, {before.name!r} became {after.name!r}{note}."


def coverage_table(coverage: Coverage) -> str:
    """What the data knows, a row per round, over the 43 forces.

    The columns count the forces the data knows every grade of, some, only the counts, or
    nothing of; those with published counts; and those that can be ranked.

    >>> import policegrades as pg
    >>> print(coverage_table(pg.coverage()))
    round         every graded area  some areas  published counts only  nothing  with published counts  can be ranked
    PEEL 2014     40                 1           0                      2        0                      40
    PEEL 2015     43                 0           0                      0        0                      43
    PEEL 2016     43                 0           0                      0        0                      43
    PEEL 2017     41                 2           0                      0        0                      41
    PEEL 2018/19  42                 1           0                      0        0                      42
    PEEL 2021/22  9                  28          2                      4        30                     30
    PEEL 2023–25  17                 20          4                      2        33                     36
    PEEL 2025–27  0                  0           0                      43       0                      0
    """
    return str(coverage)


def area_coverage_table(peel: RoundCoverage) -> str:
    """One round's areas, each with how many forces' grade the data knows, and which it lacks.

    >>> import policegrades as pg
    >>> print(area_coverage_table(pg.coverage().of("2018/19")).splitlines()[1])
    Effectiveness                    42     1
    """
    rows = [
        (
            ("  " if held.area.parent else "") + held.area.name,
            held.known,
            held.unknown,
        )
        for held in peel.areas
    ]
    return text_table(("area", "known", "unknown"), rows)


def across_table(across: AreaAcross) -> str:
    """One area across the forces: a row per force with its grade, then the count in words.

    >>> import policegrades as pg
    >>> text = across_table(pg.across_forces("2018/19", "legitimacy"))
    >>> print(text.splitlines()[15])
    Cleveland Police                          inadequate
    >>> print(text.splitlines()[-1])
    Outstanding for one force, good for 35, requires improvement for six and inadequate for one; 43 forces known.
    """
    rows = [
        (row.force.name, "not known" if row.held is None else _long_label(row.held))
        for row in across.rows
    ]
    given = [(grade, n) for grade, n in across.counts.items() if n]
    parts = [f"{grade} for {_count(n, first=i == 0)}" for i, (grade, n) in enumerate(given)]
    if across.ungraded:
        parts.append(f"ungraded for {_count(len(across.ungraded), first=not parts)}")
    said = join(parts) if parts else "no force known"
    known = len(across.rows) - len(across.unknown)
    tail = f"{count_of(known, 'force')} known"
    if across.unknown:
        tail += f", {len(across.unknown)} not known"
    title = f"{across.area.name}, {across.framework.name}"
    return "\n".join(
        [
            title,
            "",
            text_table(("force", "grade"), rows),
            "",
            f"{upper_first(said)}; {tail}.",
        ]
    )


def _count(n: int, *, first: bool) -> str:
    return count_of(n, "force") if first else count_of(n, "force").rsplit(" ", 1)[0]


def _long_label(held: AreaGrade) -> str:
    label = "ungraded" if held.grade is None else held.grade.label
    marks = marks_of(held)
    return label + (f" {marks}" if marks else "")
