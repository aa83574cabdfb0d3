"""Charts: a force's history, a league table, the Engage timeline, and tile maps of the forces.

Needs the ``plot`` extra (matplotlib), imported only when a chart is drawn. The colours are
ColorBrewer's red-yellow-blue scheme, which readers with the common forms of colour blindness
can tell apart; the legend uses the inspectorate's words.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, cast

from policegrades._charts import (
    COLOURS,
    UNGRADED_COLOUR,
    UNRECORDED_COLOUR,
    figure_and_axes,
    grade_legend,
    legend,
    nothing_to_draw,
)
from policegrades.assessments import Inspection
from policegrades.grades import Grade
from policegrades.histories import one_force
from policegrades.maps import engage_map, grade_map, grade_maps, svg
from policegrades.monitoring import EngagePeriod, periods_only
from policegrades.rankings import rank
from policegrades.render import MARK_WORDS, area_rows, marks_of
from policegrades.summaries import summarise

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# How many legend lines fit in an inch of height, and the inches of a chart's title and axis.
_LINES_PER_INCH = 4.5
_FRAME = 1.4

__all__ = [
    "COLOURS",
    "engage_chart",
    "engage_map",
    "grade_map",
    "grade_maps",
    "history_chart",
    "rank_chart",
    "svg",
]


def history_chart(inspections: Iterable[Inspection]) -> Figure:
    """A force's grades as a heat map: rounds as columns, areas as rows.

    A thick line marks where grades cannot be compared directly: the 2021 change of scale, and
    rounds of which the inspectorate says so (PEEL 2021/22 and 2023–25); a grade carries the marks of how it is known, as the text
    tables do (see `policegrades.render.LEGEND`).

    >>> import policegrades as pg
    >>> figure = history_chart(pg.fixtures.cleveland())
    >>> [label.get_text() for label in figure.axes[0].get_xticklabels()][-2:]
    ['2021/22', '2023–25']
    """
    from matplotlib.patches import Rectangle

    ordered = one_force(inspections, "history_chart")
    if not ordered:
        raise nothing_to_draw("history_chart")
    rows = area_rows(ordered)
    legend_lines = len(Grade) + 11
    height = _FRAME + max(0.32 * len(rows), legend_lines / _LINES_PER_INCH)
    figure, axes = figure_and_axes(3.5 + 1.25 * len(ordered), height)
    for y, row in enumerate(rows):
        for x, inspection in enumerate(ordered):
            held = row.cells.get(x)
            if held is None and not row.in_round(inspection):
                continue  # the round does not assess the area: left blank
            if held is None:
                colour, edge, text = UNRECORDED_COLOUR, "#bbbbbb", ""
            elif held.grade is None:
                colour, edge, text = UNGRADED_COLOUR, "#ffffff", "—" + marks_of(held)
            else:
                colour, edge, text = COLOURS[held.grade], "#ffffff", marks_of(held)
            axes.add_patch(Rectangle((x, y), 1, 1, facecolor=colour, edgecolor=edge, lw=1.5))
            if text:
                axes.text(x + 0.5, y + 0.5, text, ha="center", va="center", fontsize=9)
    for x in range(1, len(ordered)):
        earlier, later = ordered[x - 1].framework, ordered[x].framework
        if later.comparable_with(earlier):
            continue
        # A short label that fits its column; the legend says what the line means.
        axes.axvline(x, color="#000000", lw=3)
        axes.text(
            x + 0.05,
            len(rows) + 0.15,
            "← scale" if later.scale is not earlier.scale else "← HMICFRS",
            ha="left",
            va="top",
            fontsize=8,
        )
    axes.set_xlim(0, len(ordered))
    axes.set_ylim(len(rows) + 1, 0)
    axes.set_xticks([x + 0.5 for x in range(len(ordered))])
    axes.set_xticklabels([i.framework.name.removeprefix("PEEL ") for i in ordered], fontsize=8)
    axes.xaxis.tick_top()
    axes.set_yticks([y + 0.5 for y in range(len(rows))])
    axes.set_yticklabels([row.label for row in rows], fontsize=8)
    axes.tick_params(length=0)
    for spine in axes.spines.values():
        spine.set_visible(False)
    axes.set_title(f"{ordered[0].force.name}: PEEL grades by round", pad=12)
    grade_legend(
        axes,
        [("ungraded (—)", UNGRADED_COLOUR), ("grade not known", UNRECORDED_COLOUR)],
        notes=[
            *(f"{mark} {words}" for mark, words in MARK_WORDS.items()),
            "blank: not assessed that round",
            "thick line: the grades either side cannot",
            "  be compared directly: the scale changed",
            "  (scale), or the inspectorate says so",
            "  (HMICFRS)",
        ],
    )
    return figure


def rank_chart(
    inspections: Iterable[Inspection], key: Callable[[Inspection], Any] | None = None
) -> Figure:
    """A league table as a chart: one bar per force, in rank order, split by grade.

    An inspection that could not be ranked is listed last, marked "–", with no bar.

    >>> import policegrades as pg
    >>> figure = rank_chart(pg.inspections(framework="2018/19"))
    >>> labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    >>> labels[0], labels[-1]
    ('1  Durham', '–  Humberside')
    """
    table = rank(inspections, key=key)
    if not table:
        raise nothing_to_draw("rank_chart")
    height = _FRAME + max(0.26 * len(table), (len(Grade) + 1) / _LINES_PER_INCH)
    figure, axes = figure_and_axes(8.0, height)
    for y, entry in enumerate(table):
        if entry.rank is None:
            continue
        counts = summarise(entry.inspection).counts
        left = 0
        for grade in sorted(counts, reverse=True):
            if counts[grade]:
                axes.barh(y, counts[grade], left=left, color=COLOURS[grade], edgecolor="#444444")
                left += counts[grade]
    axes.set_yticks(range(len(table)))
    axes.set_yticklabels(
        [f"{'–' if e.rank is None else e.rank}  {e.inspection.force.short_name}" for e in table],
        fontsize=8,
    )
    axes.invert_yaxis()
    axes.set_xlabel("top-level areas, by grade")
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.set_title(f"{table[0].inspection.framework.name}: forces ranked, best first")
    notes = ["–: not ranked, grades known in part"] if any(e.rank is None for e in table) else []
    grade_legend(axes, notes=notes)
    return figure


# The Engage timeline needs no hue to be read: solid for the days certainly in Engage, hatched
# for an end known only to the month or the year, a dashed arrow for a period still open.
_CERTAIN = "#404040"
_UNCERTAIN = "#bdbdbd"


def engage_chart(periods: Iterable[EngagePeriod]) -> Figure:
    """The Engage periods as a timeline: a row per force, a labelled bar per period.

    A bar is solid over the days the force was certainly in Engage, hatched over an end known
    only to the month or the year, and an open period runs on as a dashed arrow from the last
    day a source reports the force in Engage. An end read only second-hand is marked "?".

    >>> import policegrades as pg
    >>> figure = engage_chart(pg.engage_periods())
    >>> [label.get_text() for label in figure.axes[0].get_yticklabels()][:2]
    ['Cleveland', 'Greater Manchester']
    """
    from matplotlib.patches import Rectangle

    date2num = _date_numbers()

    chosen = periods_only(periods, "engage_chart")
    if not chosen:
        raise nothing_to_draw("engage_chart", "Engage period")
    rows = list(dict.fromkeys(p.force for p in chosen))
    last = max(
        [p.exited_between[1] for p in chosen if p.exited_between is not None]
        + [p.still_in_on for p in chosen if p.still_in_on is not None]
        + [p.entered_between[1] for p in chosen]
    )
    end = datetime.date(last.year + 1, 1, 1) + datetime.timedelta(days=180)
    figure, axes = figure_and_axes(11, _FRAME + 0.55 * len(rows) + 0.4)
    for period in chosen:
        y = rows.index(period.force)
        first, certain_from = period.entered_between
        left = period.exited_between
        certain_to = left[0] if left is not None else (period.still_in_on or certain_from)
        spans = [(first, certain_from, _UNCERTAIN, "////")]
        spans.append((certain_from, certain_to, _CERTAIN, ""))
        if left is not None:
            spans.append((left[0], left[1], _UNCERTAIN, "////"))
        for start, stop, colour, hatch in spans:
            if stop > start:
                axes.add_patch(
                    Rectangle(
                        (date2num(start), y - 0.18),
                        date2num(stop) - date2num(start),
                        0.36,
                        facecolor=colour,
                        edgecolor=_CERTAIN,
                        hatch=hatch,
                        lw=0.6,
                    )
                )
        if period.open:
            axes.annotate(
                "",
                xy=(date2num(end), y),
                xytext=(date2num(certain_to), y),
                arrowprops={"arrowstyle": "->", "linestyle": "--", "color": _CERTAIN, "lw": 1.2},
            )
        axes.text(date2num(first), y - 0.24, _bar_label(period), ha="left", va="bottom", fontsize=8)
    axes.set_ylim(len(rows) - 0.4, -0.9)
    axes.set_xlim(date2num(min(p.entered_between[0] for p in chosen)) - 90, date2num(end))
    axes.xaxis_date()
    axes.set_yticks(range(len(rows)))
    axes.set_yticklabels([f.short_name for f in rows], fontsize=9)
    axes.tick_params(axis="y", length=0)
    axes.grid(axis="x", color="#e0e0e0", lw=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.set_title("Forces in Engage (enhanced monitoring), as the sources date it", pad=10)
    legend(
        axes,
        [
            ("certainly in Engage", _CERTAIN, ""),
            ("an end known only to the month or year", _UNCERTAIN, "////"),
        ],
        ["- - > still in when last reported", "? read only second-hand"],
    )
    return figure


def _date_numbers() -> Callable[[datetime.date], float]:
    # matplotlib's date2num is untyped; this gives it the one signature used here.
    from matplotlib.dates import date2num

    return cast("Callable[[datetime.date], float]", date2num)


def _bar_label(period: EngagePeriod) -> str:
    entered = period.entered_text + ("?" if period.entered_weak else "")
    return f"{entered} – {period.left_text}" + ("?" if period.exited_weak else "")
