"""The data as HTML for the documentation site: round tables, force histories, Engage periods.

Every cell says its grade as a word and carries a colour of the charts' colour-blind-safe
palette (`policegrades.plot.COLOURS`, through the classes of the site's stylesheet); an
unknown grade looks different from an ungraded one; a grade that was derived, carried over,
changed after publication or read second-hand carries its mark, with its note on hover.
Nothing here loads anything from another host.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence

from policegrades.across import across_forces, one_per_force
from policegrades.assessments import AreaGrade, Inspection, inspections_only
from policegrades.comparison import SCALE_CHANGE_CAVEAT, rounds_caveat
from policegrades.errors import InvalidDataError
from policegrades.histories import one_force
from policegrades.knowledge import Coverage, Known
from policegrades.monitoring import EngagePeriod
from policegrades.police_forces import Force
from policegrades.provenance import Source
from policegrades.render import MARK_WORDS, area_rows, marks_of
from policegrades.rounds import Area, Framework
from policegrades.summaries import Counted, summarise

__all__ = [
    "MARK_WORDS",
    "cell",
    "coverage_table",
    "engage_period",
    "engage_table",
    "force_history",
    "grade_class",
    "inline_svg",
    "marked_notes",
    "round_table",
    "sources_list",
    "totals_table",
]

_UNKNOWN_SORT = 9  # an unknown grade sorts after every grade


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def grade_class(held: AreaGrade | None) -> str:
    """The stylesheet's class for a cell: the grade's, or that of ungraded or unknown.

    >>> import policegrades as pg
    >>> grade_class(pg.inspection("Cleveland", "2018/19").area_grade("legitimacy"))
    'g-inadequate'
    >>> grade_class(None)
    'g-unknown'
    """
    if held is None:
        return "g-unknown"
    if held.grade is None:
        return "g-ungraded"
    return "g-" + held.grade.name.lower().replace("_", "-")


def _hover(held: AreaGrade) -> str:
    said = [MARK_WORDS[mark] for mark in marks_of(held)]
    if held.correction is not None:
        first = held.correction.published_grade
        said.append(
            f"published as {'ungraded' if first is None else first}, changed on "
            f"{held.correction.date}: {held.correction.reason}"
        )
    if held.note:
        said.append(held.note)
    return "; ".join(said)


def cell(held: AreaGrade | None, *, tag: str = "td") -> str:
    """One grade as a table cell: its word and marks, its colour, and its notes on hover.

    >>> import policegrades as pg
    >>> print(cell(pg.inspection("Cleveland", "2021/22").area_grade("responding to the public")))
    <td class="g-adequate" data-sort="3" title="derived, not read in a source; Derived: ...">adequate*</td>
    >>> print(cell(None))
    <td class="g-unknown" data-sort="9" title="not known">unknown</td>
    """
    if held is None:
        return f'<{tag} class="g-unknown" data-sort="{_UNKNOWN_SORT}" title="not known">unknown</{tag}>'
    word = "ungraded" if held.grade is None else held.grade.label
    rank = 8 if held.grade is None else held.grade.rank
    hover = _hover(held)
    title = f' title="{_e(hover)}"' if hover else ""
    return (
        f'<{tag} class="{grade_class(held)}" data-sort="{rank}"{title}>'
        f"{_e(word)}{_e(marks_of(held))}</{tag}>"
    )


def _headers(framework: Framework, areas: list[Area]) -> str:
    """One header row, or two where pillars group their questions; the last row sorts."""
    sortable = ['<th data-sort-as="text">force</th>']
    sortable += [f'<th title="{_e(a.question or a.name)}">{_e(a.name)}</th>' for a in areas]
    sortable += [
        '<th data-sort-as="text">published</th>',
        '<th data-sort-as="text">published counts</th>',
    ]
    grouped = any(a.parent for a in areas)
    rows = []
    if grouped:
        top = ["<th></th>"]
        for pillar in framework.top_level_areas:
            width = 1 + sum(1 for a in areas if a.parent == pillar.key)
            top.append(f'<th colspan="{width}" class="pillar">{_e(pillar.name)}</th>')
        top.append('<th colspan="2"></th>')
        rows.append(f"<tr>{''.join(top)}</tr>")
    rows.append(f'<tr class="sort">{"".join(sortable)}</tr>')
    return "".join(rows)


def _ordered_areas(framework: Framework) -> list[Area]:
    """The round's areas with each pillar followed by its questions."""
    ordered = []
    for pillar in framework.top_level_areas:
        ordered.append(pillar)
        ordered += [a for a in framework.areas if a.parent == pillar.key]
    return ordered


def _counts_text(inspection: Inspection) -> str:
    summary = summarise(inspection)
    if summary.counted is not Counted.PUBLISHED_COUNTS:
        return ""
    return "; ".join(f"{grade}: {n}" for grade, n in summary.counts.items() if n)


def round_table(
    framework: Framework, inspections: Sequence[Inspection], forces: Sequence[Force]
) -> str:
    """A round as one table: a row per force, a column per area, pillars grouping questions.

    A force the data holds no inspection of still has its row, every cell unknown. The
    published counts are shown where the areas are not all known.

    >>> import policegrades as pg
    >>> peel = pg.framework("2018/19")
    >>> table = round_table(peel, pg.inspections(framework=peel), pg.forces())
    >>> table.count("<tr data-force"), 'class="g-inadequate"' in table
    (43, True)
    """
    by_code = one_per_force(
        framework, inspections_only(inspections, "round_table"), None, "round_table"
    )
    areas = _ordered_areas(framework)
    body = []
    for force in forces:
        inspection = by_code.get(force.code)
        held = {} if inspection is None else {h.area.key: h for h in inspection.grades}
        link = f'<a href="../forces/{_e(force.police_uk_id)}.html">{_e(force.name)}</a>'
        cells = [f'<th scope="row" data-sort="{_e(force.name)}">{link}</th>']
        for area in areas:
            cells.append(cell(held.get(area.key)))
        published = "" if inspection is None else inspection.published_text
        counts = "" if inspection is None else _counts_text(inspection)
        cells.append(f'<td data-sort="{_e(published)}">{_e(published) or "no inspection"}</td>')
        cells.append(f'<td class="counts" data-sort="{_e(counts)}">{_e(counts)}</td>')
        body.append(f'<tr data-force="{_e(force.name)}">{"".join(cells)}</tr>')
    return (
        f'<table class="peel sortable" data-round="{_e(framework.key)}">'
        f"<thead>{_headers(framework, areas)}</thead><tbody>{''.join(body)}</tbody></table>"
    )


def totals_table(framework: Framework, inspections: Sequence[Inspection]) -> str:
    """The round's national totals: for each area, how many forces got each grade.

    >>> import policegrades as pg
    >>> peel = pg.framework("2015")
    >>> "<td>24</td>" in totals_table(peel, pg.inspections(framework=peel))
    True
    """
    chosen = inspections_only(inspections, "totals_table")
    grades = framework.scale.grades
    head = "".join(f"<th>{_e(g)}</th>" for g in grades)
    rows = []
    for area in _ordered_areas(framework):
        across = across_forces(framework, area, inspections=chosen)
        counts = across.counts
        cells = "".join(f"<td>{counts[g]}</td>" for g in grades)
        name = ("— " if area.parent else "") + area.name
        rows.append(
            f'<tr><th scope="row">{_e(name)}</th>{cells}<td>{len(across.ungraded)}</td>'
            f"<td>{len(across.unknown)}</td></tr>"
        )
    return (
        f'<table class="totals"><thead><tr><th>area</th>{head}<th>ungraded</th>'
        f"<th>unknown</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def marked_notes(inspections: Iterable[Inspection]) -> str:
    """A list of every marked grade of ``inspections``, with what its mark means and its note.

    >>> import policegrades as pg
    >>> "changed after publication" in marked_notes(pg.inspections(framework="2023-25"))
    True
    """
    items = []
    for inspection in inspections_only(inspections, "marked_notes"):
        for held in inspection.grades:
            marks = marks_of(held)
            if marks or held.correction is not None:
                word = "ungraded" if held.grade is None else held.grade.label
                items.append(
                    f"<li><strong>{_e(inspection.force.name)}</strong>, {_e(held.area.name)}: "
                    f"{_e(word)}{_e(marks)} ({_e(_hover(held))})</li>"
                )
    if not items:
        return "<p>No grade of this round is derived, carried over, changed or second-hand.</p>"
    return f'<ul class="marked">{"".join(items)}</ul>'


def sources_list(sources: Sequence[Source]) -> str:
    """An inspection's sources as a list of links.

    >>> import policegrades as pg
    >>> print(sources_list(pg.inspection("Durham", "2016").sources[:1])[:60])
    <ul class="sources"><li><code>hmicfrs</code> HMICFRS: <a hre
    """
    items = []
    for source in sources:
        named = ", ".join(_e(part) for part in (source.publisher, source.title) if part)
        link = f'<a href="{_e(source.url)}">{_e(source.url)}</a>' if source.url else ""
        items.append(
            f"<li><code>{_e(source.key)}</code> {named}{': ' if named and link else ''}{link}</li>"
        )
    return f'<ul class="sources">{"".join(items)}</ul>'


def force_history(inspections: Sequence[Inspection]) -> str:
    """A force's grades round by round: one table per scale, areas as rows, renames on one row.

    >>> import policegrades as pg
    >>> text = force_history(pg.fixtures.cleveland())
    >>> text.count("<table"), "Police powers and public treatment (renamed)" in text
    (2, True)
    """
    blocks = []
    for scale_rounds in _by_scale(one_force(inspections, "force_history")):
        rows = area_rows(scale_rounds)
        head = "".join(
            f"<th>{_e(i.framework.name.removeprefix('PEEL '))}</th>" for i in scale_rounds
        )
        body = []
        for row in rows:
            cells = []
            for column, inspection in enumerate(scale_rounds):
                held = row.cells.get(column)
                if held is None and not row.in_round(inspection):
                    cells.append('<td class="g-none" title="not assessed that round">·</td>')
                else:
                    cells.append(cell(held))
            name = ("— " if row.area.parent else "") + row.area.name
            renamed = " (renamed)" if len(row.keys) > 1 else ""
            body.append(f'<tr><th scope="row">{_e(name + renamed)}</th>{"".join(cells)}</tr>')
        notes = "".join(
            f'<p class="caveat">{_e(rounds_caveat(earlier.framework, later.framework))}</p>'
            for earlier, later in itertools.pairwise(scale_rounds)
            if not later.framework.comparable_with(earlier.framework)
        )
        blocks.append(
            f'<table class="history"><thead><tr><th>area</th>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>{notes}"
        )
    return f'<p class="caveat">{_e(SCALE_CHANGE_CAVEAT)}</p>'.join(blocks)


def _by_scale(inspections: Sequence[Inspection]) -> list[list[Inspection]]:
    groups: dict[object, list[Inspection]] = {}
    for inspection in inspections:
        groups.setdefault(inspection.framework.scale, []).append(inspection)
    return list(groups.values())


def coverage_table(coverage: Coverage) -> str:
    """What the data knows, a row per round, with links to the rounds' pages.

    >>> import policegrades as pg
    >>> "<td>43</td>" in coverage_table(pg.coverage())
    True
    """
    head = "".join(f"<th>{_e(level)}</th>" for level in Known)
    rows = []
    for peel in coverage.rounds:
        link = f'<a href="rounds/{_e(peel.framework.key)}.html">{_e(peel.framework.name)}</a>'
        cells = "".join(f"<td>{peel.count(level)}</td>" for level in Known)
        rows.append(
            f'<tr><th scope="row">{link}</th>{cells}<td>{peel.with_counts}</td>'
            f"<td>{peel.rankable}</td></tr>"
        )
    return (
        f'<table class="coverage"><thead><tr><th>round</th>{head}<th>with published counts</th>'
        f"<th>can be ranked</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


_WEAK = (
    '<abbr class="weak" title="read only in a second-hand source (the press, the force)">?</abbr>'
)


def _period_end(text: str | None, weak: bool) -> str:
    return _e(text) + (f" {_WEAK}" if weak and text is not None else "")


def engage_table(periods: Sequence[EngagePeriod]) -> str:
    """The Engage periods as one sortable table: a row per period, linked to its force's page.

    A period no source ends says when the force was last reported still in; an end read only
    in a second-hand source is marked "?", with its meaning on hover.

    >>> import policegrades as pg
    >>> table = engage_table(pg.engage_periods())
    >>> table.count("<tr data-force"), "still in when last reported, 14 May 2025" in table
    (10, True)
    """
    rows = []
    for period in periods:
        force = period.force
        link = f'<a href="forces/{_e(force.police_uk_id)}.html">{_e(force.name)}</a>'
        first, _ = period.entered_between
        left = period.exited_between
        gone = (
            _period_end(period.exited_text, period.exited_weak)
            if period.exited_text is not None
            else f"<em>{_e(period.left_text)}</em>"
        )
        rows.append(
            f'<tr data-force="{_e(force.name)}">'
            f'<th scope="row" data-sort="{_e(force.name)}">{link}</th>'
            f'<td data-sort="{first.isoformat()}">'
            f"{_period_end(period.entered_text, period.entered_weak)}</td>"
            f'<td data-sort="{"9999" if left is None else left[0].isoformat()}">{gone}</td>'
            f"<td>{len(period.reasons) or '–'}</td><td>{len(period.exit_reasons) or '–'}</td>"
            f"<td>{', '.join(f'<code>{_e(s.key)}</code>' for s in period.sources)}</td></tr>"
        )
    head = "".join(
        f"<th>{_e(name)}</th>"
        for name in (
            "force",
            "entered",
            "left",
            "reasons given",
            "improvements named",
            "sources",
        )
    )
    return (
        f'<table class="engage sortable"><thead><tr class="sort">{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def engage_period(period: EngagePeriod) -> str:
    """One Engage period in full: its dates, the reasons and improvements, the note, the sources.

    >>> import policegrades as pg
    >>> text = engage_period(pg.engage_periods("Cleveland")[0])
    >>> text.count("<li>") > 10, "September 2023" in text
    (True, True)
    """
    gone = (
        _period_end(period.exited_text, period.exited_weak)
        if period.exited_text is not None
        else _e(period.left_text)
    )
    parts = [
        f'<p class="period"><strong>Entered</strong> '
        f"{_period_end(period.entered_text, period.entered_weak)}; "
        f"<strong>left</strong> {gone}.</p>"
    ]
    for title, items, missing in (
        ("The inspectorate's reasons for the move into Engage", period.reasons, True),
        ("The improvements named for the move out", period.exit_reasons, False),
    ):
        if items:
            parts.append(
                f"<p>{_e(title)}:</p><ul>{''.join(f'<li>{_e(item)}</li>' for item in items)}</ul>"
            )
        elif missing:
            parts.append(f"<p>{_e(title)}: <em>not found</em>.</p>")
    if period.note:
        parts.append(f'<p class="note">{_e(period.note)}</p>')
    parts.append(sources_list(period.sources))
    return "".join(parts)


def inline_svg(svg: str, label: str) -> str:
    """An SVG document as markup to put in a page: its prolog dropped, scaled to the page.

    ``label`` names the picture for screen readers.

    >>> inline_svg('<?xml version="1.0"?> <svg width="10pt"><rect/></svg>', "A map")
    '<svg class="tilemap" role="img" aria-label="A map" width="10pt"><rect/></svg>'
    """
    start = svg.find("<svg")
    if start < 0:
        raise InvalidDataError(["svg: no <svg> element in the text given"])
    opening = f'<svg class="tilemap" role="img" aria-label="{_e(label)}"'
    return opening + svg[start + len("<svg") :].rstrip()
