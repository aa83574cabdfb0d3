"""England and Wales at a glance: the 43 forces as tiles, coloured by a grade or by Engage.

Each force is one equal square of `policegrades.tilemap`, coloured in the charts' palette
(`policegrades.plot.COLOURS`) with the marks of the text tables; a grade not known is set apart
from an ungraded one. Saved as SVG through `svg`, each square carries a title that a browser
shows on hover: the force and what the map says of it. Needs the ``plot`` extra (matplotlib).
"""

from __future__ import annotations

import datetime
import io
import re
import textwrap
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from policegrades import _dates
from policegrades._charts import (
    COLOURS,
    UNGRADED_COLOUR,
    UNRECORDED_COLOUR,
    figure_and_axes,
    legend,
    nothing_to_draw,
)
from policegrades._words import lower_first
from policegrades.across import one_per_force
from policegrades.assessments import AreaGrade, Inspection, inspections_only
from policegrades.catalogues import frameworks
from policegrades.comparison import SCALE_CHANGE_CAVEAT, rounds_caveat
from policegrades.engagement import engage_periods, latest_known_day
from policegrades.errors import InvalidDataError
from policegrades.grades import Grade
from policegrades.monitoring import EngagePeriod, periods_only
from policegrades.provenance import Precision
from policegrades.render import MARK_WORDS, marks_of
from policegrades.rounds import Area, Framework, Grading
from policegrades.tilemap import Tile, tiles

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["engage_map", "grade_map", "grade_maps", "svg"]

_NOT_ASSESSED_COLOUR = "#f4f4f4"
_IN_ENGAGE = "#404040"
_PERHAPS = "#bdbdbd"
_TILE = 0.92  # a tile's side, leaving a gutter between neighbours


def grade_map(inspections: Iterable[Inspection], area: Area | str) -> Figure:
    """One area of one round on the tile map: each force's square in its grade's colour.

    ``inspections`` are of one round (at most one per force: usually ``pg.inspections``
    of that round); a force without one, or without a grade for the area, is "not known".

    >>> import policegrades as pg
    >>> figure = grade_map(pg.inspections(framework="2023-25"), "preventing crime")
    >>> figure.axes[0].get_title()
    'PEEL 2023–25: preventing crime'
    """
    framework, by_code = _round_of(inspections, "grade_map")
    wanted = _graded_area(framework, area)
    figure, axes = figure_and_axes(8.4, 9.6)
    shown = _grade_tiles(axes, framework, wanted, by_code, labels=True)
    axes.set_title(f"{framework.name}: {lower_first(wanted.name)}", fontsize=12)
    _map_legend(axes, framework, shown)
    caption = _caveat(framework)
    if caption:
        _caption(figure, caption)
    return figure


def grade_maps(inspections: Iterable[Inspection]) -> Figure:
    """Every graded area of one round, a small tile map each, in the round's order.

    Each square is unlabelled; saved with `svg`, its title names the force and its grade.

    >>> import policegrades as pg
    >>> figure = grade_maps(pg.inspections(framework="2018/19"))
    >>> [axes.get_title() for axes in figure.axes if axes.get_title()]
    ['Effectiveness', 'Efficiency', 'Legitimacy']
    """
    framework, by_code = _round_of(inspections, "grade_maps")
    areas = [a for a in framework.top_level_areas if a.grading is not Grading.UNGRADED]
    columns = min(len(areas), 4)
    rows = -(-len(areas) // columns)
    figure, _ = figure_and_axes(2.3 * columns + 1.9, 2.9 * rows + 0.4)
    figure.clear()
    grid = figure.subplots(rows, columns, squeeze=False)
    shown: set[str] = set()
    for index, axes in enumerate(grid.flat):
        if index >= len(areas):
            axes.set_axis_off()
            continue
        shown |= _grade_tiles(axes, framework, areas[index], by_code, labels=False)
        axes.set_title(textwrap.fill(areas[index].name, 26), fontsize=8)
    _map_legend(figure, framework, shown)
    figure.suptitle(f"{framework.name}: every graded area", fontsize=11)
    return figure


def engage_map(day: datetime.date | str, periods: Iterable[EngagePeriod] | None = None) -> Figure:
    """The forces in Engage on ``day`` (a date or ``YYYY-MM-DD``) on the tile map.

    A force certainly in Engage that day is dark; one the sources cannot place in or out (the
    day it left, inside an end known only to the month or year, or after the last day a source
    shows it in) is grey. ``periods`` are the bundled periods unless given.

    >>> import policegrades as pg
    >>> figure = engage_map("2023-03-17")
    >>> figure.axes[0].get_title()
    'In Engage on 17 March 2023'
    """
    when = _dates.given_day(day, "day")
    chosen = engage_periods() if periods is None else periods_only(periods, "engage_map")
    figure, axes = figure_and_axes(8.4, 9.6)
    for placed in tiles():
        held = [p for p in chosen if p.force == placed.force]
        if any(p.certainly_in(when) for p in held):
            colour, text, state = _IN_ENGAGE, "#ffffff", "in Engage"
        elif any(p.possibly_in(when) for p in held):
            colour, text, state = _PERHAPS, "#000000", "perhaps in Engage"
        else:
            colour, text, state = "#ffffff", "#000000", "not in Engage"
        _tile(axes, placed, colour, f"{placed.force.name}: {state}", placed.label, text, "")
    _frame(axes)
    axes.set_title(f"In Engage on {_dates.describe(when, Precision.DAY)}", fontsize=12)
    legend(
        axes,
        [
            ("certainly in Engage", _IN_ENGAGE, ""),
            ("perhaps: the sources cannot say", _PERHAPS, ""),
            ("not in Engage", "#ffffff", ""),
        ],
        fontsize=7,
        inside=True,
    )
    if chosen:
        latest = latest_known_day(chosen)
        if when > latest:
            note = (
                f"The sources speak of nothing after "
                f"{_dates.describe(latest, Precision.DAY)}: a force moved in since is "
                "not shown."
            )
            _caption(figure, note)
    return figure


def svg(figure: Figure) -> str:
    """The figure as SVG text, its words as text and each tile titled for a browser's hover.

    >>> import policegrades as pg
    >>> text = svg(engage_map("2023-03-17"))
    >>> "<title>Cleveland Police: in Engage</title>" in text
    True
    """
    from matplotlib import rc_context

    titles = {
        patch.get_gid(): str(patch.get_label())
        for axes in figure.axes
        for patch in axes.patches
        if (patch.get_gid() or "").startswith("tile-")
    }
    buffer = io.StringIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "policegrades"}):
        figure.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()

    def titled(match: re.Match[str]) -> str:
        title = titles.get(match.group(1))
        if title is None:
            return match.group(0)
        return f"{match.group(0)}\n   <title>{_xml(title)}</title>"

    return re.sub(r'<g id="(tile-[^"]+)">', titled, text)


# -- drawing -------------------------------------------------------------------------------


def _round_of(
    inspections: Iterable[Inspection], what: str
) -> tuple[Framework, dict[str, Inspection]]:
    chosen = inspections_only(inspections, what)
    if not chosen:
        raise nothing_to_draw(what)
    framework = chosen[0].framework
    return framework, one_per_force(framework, chosen, None, what)


def _graded_area(framework: Framework, area: Area | str) -> Area:
    found = framework.area(area)  # a name that is no area of the round: UnknownNameError
    if found.grading is Grading.UNGRADED:
        raise InvalidDataError([f"area: {framework.name} does not grade {found.name!r}"])
    return found


def _grade_tiles(
    axes: Any,
    framework: Framework,
    area: Area,
    by_code: dict[str, Inspection],
    *,
    labels: bool,
) -> set[str]:
    """Draw every force's square for ``area``; return what the squares showed, for the legend."""
    shown: set[str] = set()
    for placed in tiles():
        inspection = by_code.get(placed.force.code)
        held = _held(inspection, area)
        if held is not None and held.grade is not None:
            colour, word = COLOURS[held.grade], held.grade.label
            text = "#ffffff" if held.grade in (Grade.OUTSTANDING, Grade.INADEQUATE) else "#000000"
            shown.add(held.grade.label)
        elif held is not None:
            colour, word, text = UNGRADED_COLOUR, "ungraded", "#000000"
            shown.add("ungraded")
        elif inspection is not None and not inspection.assessed(area):
            colour, word, text = _NOT_ASSESSED_COLOUR, "not graded for this force", "#666666"
            shown.add("not assessed")
        else:
            colour, word, text = UNRECORDED_COLOUR, "not known", "#666666"
            shown.add("not known")
        marks = "" if held is None else marks_of(held)
        title = f"{placed.force.name}, {area.name}: {word}{_mark_words(marks)}"
        gid = f"tile-{area.key}-{placed.force.police_uk_id}"
        hatch = "////" if word == "not known" else ""
        label = placed.label if labels else ""
        _tile(axes, placed, colour, title, label, text, marks, gid=gid, hatch=hatch)
    _frame(axes)
    return shown


def _held(inspection: Inspection | None, area: Area) -> AreaGrade | None:
    if inspection is None:
        return None
    return next((h for h in inspection.grades if h.area.key == area.key), None)


def _tile(
    axes: Any,
    placed: Tile,
    colour: str,
    title: str,
    label: str,
    text: str,
    marks: str,
    *,
    gid: str | None = None,
    hatch: str = "",
) -> None:
    from matplotlib.patches import Rectangle

    square = Rectangle(
        (placed.column, placed.row),
        _TILE,
        _TILE,
        facecolor=colour,
        edgecolor="#444444",
        hatch=hatch,
        lw=0.6,
        label=title,
        gid=gid or f"tile-{placed.force.police_uk_id}",
    )
    axes.add_patch(square)
    # Whole words on each line: a name broken inside a word is misread.
    words = "\n".join(textwrap.wrap(label, 11, break_long_words=False)) + marks if label else ""
    if words:
        middle = _TILE / 2
        # On a hatched square the name sits on a patch of white, to be read through the hatch.
        behind = {"facecolor": "#ffffff", "edgecolor": "none", "pad": 1.0} if hatch else None
        axes.text(
            placed.column + middle,
            placed.row + middle,
            words,
            ha="center",
            va="center",
            fontsize=6.0,
            color=text,
            bbox=behind,
        )


def _caption(figure: Figure, text: str) -> None:
    """A note under the map, with room made for it by the figure's layout."""
    figure.supxlabel(textwrap.fill(text, 130), x=0.01, ha="left", fontsize=6.5)


def _frame(axes: Any) -> None:
    laid = tiles()
    axes.set_xlim(-0.2, max(t.column for t in laid) + 1.1)
    axes.set_ylim(max(t.row for t in laid) + 1.1, -0.2)
    axes.set_aspect("equal")
    axes.set_axis_off()


def _map_legend(where: Any, framework: Framework, shown: set[str]) -> None:
    """The legend of a grade map, on its axes, or beside a figure of several."""
    entries = [(g.label, COLOURS[g], "") for g in framework.scale.grades]
    entries += [
        (label, colour, hatch)
        for state, label, colour, hatch in (
            ("ungraded", "ungraded (—)", UNGRADED_COLOUR, ""),
            ("not known", "not known", UNRECORDED_COLOUR, "////"),
            ("not assessed", "not graded for this force", _NOT_ASSESSED_COLOUR, ""),
        )
        if state in shown
    ]
    notes = [f"{mark} {words}" for mark, words in MARK_WORDS.items()]
    legend(where, entries, notes, fontsize=7, inside=True)


def _caveat(framework: Framework) -> str | None:
    """What the inspectorate says of comparing the round's grades with the round before it."""
    every = list(frameworks())
    position = next((i for i, f in enumerate(every) if f.key == framework.key), 0)
    if position == 0:
        return None
    before = every[position - 1]
    if framework.comparable_with(before):
        return None
    if framework.scale is not before.scale:
        return SCALE_CHANGE_CAVEAT
    return rounds_caveat(before, framework)


def _mark_words(marks: str) -> str:
    said = [MARK_WORDS[mark] for mark in marks if mark in MARK_WORDS]
    return f" ({'; '.join(said)})" if said else ""


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
