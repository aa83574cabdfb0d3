"""Pages made from the bundled data when the documentation is built.

A page per round, a page per force, the Engage periods, the coverage and the downloads are
written under
``generated/`` before Sphinx reads its sources, so the site can never disagree with the package
it documents. Set ``POLICEGRADES_DATA`` to inspection files of your own (JSON or CSV, separated
as in ``PATH``) to build the site from the bundled data with them merged in.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import textwrap
from typing import Any

import policegrades as pg
from policegrades import html
from policegrades.comparison import SCALE_CHANGE_CAVEAT
from policegrades.engagement import latest_known_day
from policegrades.export import export
from policegrades.maps import engage_map, grade_maps, svg
from policegrades.period_reports import period_span
from policegrades.plot import engage_chart, history_chart

HERE = pathlib.Path(__file__).resolve().parents[1]
OUT = HERE / "generated"


def _raw(markup: str) -> str:
    return f"```{{raw}} html\n{markup}\n```\n"


def _filter(label: str) -> str:
    return _raw(
        f'<p class="filter"><label>Find a force <input type="search" class="force-filter" '
        f'placeholder="{label}" autocomplete="off"></label></p>'
    )


def _data() -> tuple[pg.Inspection, ...]:
    """The bundled inspections, with the files named in ``POLICEGRADES_DATA`` merged in."""
    named = [p for p in os.environ.get("POLICEGRADES_DATA", "").split(os.pathsep) if p]
    if not named:
        return pg.inspections()
    return pg.merge([found for path in named for found in pg.read(path)])


def _round_page(
    peel: pg.Framework, known: pg.RoundCoverage, pool: tuple[pg.Inspection, ...]
) -> str:
    held = [i for i in pool if i.framework == peel]
    scale = ", ".join(g.label for g in peel.scale.grades)
    levels = "; ".join(f"{level!s}: {known.count(level)}" for level in pg.Known)
    lines = [
        f"# {peel.name}",
        "",
        f"The {peel.scale} scale: {scale}. What the data knows of the 43 forces: {levels}. "
        f"{known.with_counts} have the inspectorate's published counts.",
        "",
        f"> {SCALE_CHANGE_CAVEAT}",
        "",
        *(
            []
            if peel.areas_complete
            else [f"The data knows only some of this round's areas. {peel.note}", ""]
        ),
        *([] if peel.source is None else [f"The round's framework: <{peel.source}>.", ""]),
        *_round_maps(peel, held),
        "Each cell gives the grade in words. *Unknown* means no source was found for it, which is "
        "not the same as *ungraded*: assessed and deliberately not graded. Marks: "
        + "; ".join(f"`{mark}` {words}" for mark, words in html.MARK_WORDS.items())
        + ". Hover over a marked grade for its note. Click a column's heading to sort by it.",
        "",
        _filter("Cleveland"),
        _raw(f'<div class="table-wrap">{html.round_table(peel, held, pg.forces())}</div>'),
        "## Marked grades",
        "",
        _raw(html.marked_notes(held)),
        "## National totals",
        "",
        "How many of the forces the data knows were given each grade, area by area.",
        "",
        _raw(html.totals_table(peel, held)),
        "## Sources",
        "",
    ]
    for inspection in held:
        lines += [
            f"### {inspection.force.name}",
            "",
            _raw(
                html.sources_list(inspection.sources)
                if inspection.sources
                else "<p>None recorded.</p>"
            ),
        ]
    return "\n".join(lines) + "\n"


def _round_maps(peel: pg.Framework, held: list[pg.Inspection]) -> list[str]:
    """Every graded area of the round as a small tile map, above the table."""
    if not held:
        return []
    label = f"{peel.name}: every graded area on a tile map of the 43 forces"
    return [
        "## The round at a glance",
        "",
        "Every force is one square, placed near its neighbours; hover over a square for the force "
        "and its grade. A hatched square is a grade not known.",
        "",
        _raw(f'<div class="maps">{html.inline_svg(svg(grade_maps(held)), label)}</div>'),
        "## Every force, every area",
        "",
    ]


def _force_engage(force: pg.Force) -> list[str]:
    """A force's Engage periods in full, for the Monitoring section of its page."""
    periods = pg.engage_periods(force)
    if not periods:
        return ["No period of this force in Engage is in the data ([every force's](../engage.md))."]
    lines = [
        "Its periods in Engage, the inspectorate's enhanced monitoring "
        "([every force's](../engage.md)):",
        "",
    ]
    for period in periods:
        lines += [f"### In Engage {period_span(period)}", "", _raw(html.engage_period(period))]
    return lines


def _force_page(
    force: pg.Force, held: tuple[pg.Inspection, ...], chart: str, pool: tuple[pg.Inspection, ...]
) -> str:
    lines = [
        f"# {force.name}",
        "",
        f"ONS code {force.code}; data.police.uk id `{force.police_uk_id}`; {force.country}.",
        "",
        "## Grades, round by round",
        "",
    ]
    if not held:
        return "\n".join([*lines, "The data holds no inspection of this force.", ""])
    lines += [
        _raw(html.force_history(held)),
        f"![{force.name}'s PEEL grades by round]({chart})",
        "",
    ]
    lines += ["## Where it stood in each round", ""]
    lines += [
        "Its place in the library's league table (the inspectorate publishes no ranking), and, "
        "area by area, how many forces got the same grade.",
        "",
    ]
    for inspection in held:
        where = pg.standing(force, inspection.framework, inspections=pool)
        lines += [f"### {inspection.framework.name}", "", f"- {where.place()}"]
        lines += [f"- {sentence}" for sentence in where.areas]
        lines.append("")
    lines += ["## Monitoring", "", "The monitoring stage on the day each report was published:", ""]
    for inspection in held:
        stage = "not recorded" if inspection.monitoring is None else str(inspection.monitoring)
        lines.append(
            f"- {inspection.framework.name} (published {inspection.published_text}): {stage}"
        )
    lines += ["", *_force_engage(force), "", "## Sources", ""]
    for inspection in held:
        lines += [f"### {inspection.framework.name} sources", ""]
        if inspection.sources:
            lines.append(_raw(html.sources_list(inspection.sources)))
        else:
            lines += ["None recorded.", ""]
    return "\n".join(lines) + "\n"


def _engage_page(chart: str) -> str:
    periods = pg.engage_periods()
    latest = latest_known_day()
    certain = pg.in_engage(latest)
    still = [p for p in periods if p.open]
    last = f"{latest.day} {latest:%B %Y}"
    lines = [
        "# Engage: forces under enhanced monitoring",
        "",
        "The inspectorate monitors every force in two stages: Scan, and Engage, the enhanced "
        'monitoring of a force with serious concerns that the press calls "special measures". '
        "Below is every period a force spent in Engage that a source dates, with the reasons the "
        "inspectorate gave, the improvements it named when it moved the force out, and the "
        "sources. A date is as precise as its source; `?` marks an end read only in a "
        "second-hand source (the press, the force). An open period is never taken to have ended: "
        "it shows the last day a source reports the force still in.",
        "",
        "## As last known",
        "",
        f"The sources speak of nothing after {last}. On that day "
        + (
            "no force was certainly in Engage"
            if not certain
            else ", ".join(f.name for f in certain) + " certainly in Engage"
        )
        + "."
        + "".join(
            f" {p.force.name} was in Engage {period_span(p)}; no source of its leaving was found."
            for p in still
        ),
        "",
        _raw(
            '<div class="maps">'
            + html.inline_svg(
                svg(engage_map(latest)), f"The forces in Engage on {last}, on a tile map"
            )
            + "</div>"
        ),
        "",
        f"![The Engage periods as a timeline, a row per force]({chart})",
        "",
        "## Every period",
        "",
        "Click a column's heading to sort by it.",
        "",
        _raw(f'<div class="table-wrap">{html.engage_table(periods)}</div>'),
        "",
        "## Reasons and sources",
        "",
    ]
    for period in periods:
        lines += [
            f"### {period.force.name}, {period.entered_text}",
            "",
            f"[{period.force.name}'s page](forces/{period.force.police_uk_id}.md).",
            "",
            _raw(html.engage_period(period)),
        ]
    return "\n".join(lines) + "\n"


def _coverage_page(cover: pg.Coverage) -> str:
    downloads = [
        ("inspections.csv", "the long CSV table: every record of every inspection"),
        ("grades-wide.csv", "a wide CSV: one row per inspection, one column per area"),
        ("areas.csv", "the wide table's companion: each round's areas, parents and scale"),
        ("inspections.json", "the inspections as JSON, in the library's wire format"),
        ("engage.csv", "the Engage periods: every force's stays in enhanced monitoring"),
        ("datapackage.json", "a Frictionless Data Package describing the four tables"),
    ]
    items = "\n".join(
        f"- {{download}}`{name} <downloads/{name}>`: {what}" for name, what in downloads
    )
    return (
        textwrap.dedent(
            """\
        # Coverage and downloads

        What the data knows, round by round: how many of the 43 forces it knows every graded
        area of, some areas, only the inspectorate's published counts, or nothing of.

        """
        )
        + _raw(html.coverage_table(cover))
        + (
            "\n## Downloads\n\nThe whole dataset, made by `policegrades export DIR`:\n\n"
            + items
            + "\n"
        )
    )


def generate(app: Any = None) -> None:
    """Write every generated page, chart and download under ``generated/``."""
    if OUT.exists():
        shutil.rmtree(OUT)
    (OUT / "rounds").mkdir(parents=True)
    (OUT / "forces").mkdir()
    pool = _data()
    cover = pg.coverage(pool)
    for peel in pg.frameworks():
        page = _round_page(peel, cover.of(peel), pool)
        (OUT / "rounds" / f"{peel.key}.md").write_text(page, encoding="utf-8")
    for force in pg.forces():
        chart = f"{force.police_uk_id}.png"
        held = tuple(i for i in pool if i.force == force)
        if held:
            history_chart(held).savefig(OUT / "forces" / chart, dpi=90, bbox_inches="tight")
        page = _force_page(force, held, chart, pool)
        (OUT / "forces" / f"{force.police_uk_id}.md").write_text(page, encoding="utf-8")
    engage_chart(pg.engage_periods()).savefig(OUT / "engage.png", dpi=90, bbox_inches="tight")
    (OUT / "engage.md").write_text(_engage_page("engage.png"), encoding="utf-8")
    export(OUT / "downloads", pool)
    (OUT / "coverage.md").write_text(_coverage_page(cover), encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", generate)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
