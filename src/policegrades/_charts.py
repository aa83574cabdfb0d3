"""What every chart shares: the palette, a figure made without pyplot, the legend of grades."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from policegrades.errors import InvalidDataError, PoliceGradesError
from policegrades.grades import Grade

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "COLOURS",
    "UNGRADED_COLOUR",
    "UNRECORDED_COLOUR",
    "figure_and_axes",
    "grade_legend",
    "legend",
    "nothing_to_draw",
]

COLOURS = {
    Grade.OUTSTANDING: "#2c7bb6",
    Grade.GOOD: "#abd9e9",
    Grade.ADEQUATE: "#ffffbf",
    Grade.REQUIRES_IMPROVEMENT: "#fdae61",
    Grade.INADEQUATE: "#d7191c",
}
"""The colour of each grade (ColorBrewer RdYlBu, safe for colour-blind readers)."""
UNGRADED_COLOUR = "#bdbdbd"
UNRECORDED_COLOUR = "#ffffff"


def figure_and_axes(width: float, height: float) -> tuple[Figure, Any]:
    """A new figure and its axes, made without pyplot, so that nothing global is touched.

    The layout is matplotlib's constrained one, which makes room for the labels and the
    legend without warnings.
    """
    try:
        from matplotlib.figure import Figure
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise PoliceGradesError(
            'charts need matplotlib: pip install "policegrades[plot]"'
        ) from error
    figure = Figure(figsize=(width, height), layout="constrained")
    return figure, figure.subplots()


def legend(
    where: Any,
    entries: Iterable[tuple[str, str, str]],
    notes: Iterable[str] = (),
    *,
    fontsize: float = 8,
    inside: bool = False,
) -> int:
    """One column of swatches, then the notes, beside a chart (or ``inside`` its north-west).

    Each entry is a label, a colour and a hatch (``""`` for none). The notes are entries of the
    legend, so that nothing can be drawn over them. Beside a figure of several charts, the
    legend stands outside them, at the right. Returns how many lines the legend takes.

    >>> figure, axes = figure_and_axes(4, 3)
    >>> legend(axes, [("good", COLOURS[Grade.GOOD], "")], ["* derived"])
    2
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=colour, edgecolor="#444444", hatch=hatch, label=label)
        for label, colour, hatch in entries
    ]
    handles += [Patch(facecolor="none", edgecolor="none", label=note) for note in notes]
    style = {"frameon": False, "fontsize": fontsize, "handlelength": 1.2}
    if isinstance(where, Figure):
        where.legend(handles=handles, loc="outside right upper", **style)
    else:
        anchor = (0.0, 1.0) if inside else (1.01, 1.0)
        where.legend(handles=handles, loc="upper left", bbox_to_anchor=anchor, **style)
    return len(handles)


def grade_legend(
    axes: Any, extra: Iterable[tuple[str, str]] = (), notes: Iterable[str] = ()
) -> int:
    """The grades in the inspectorate's words, any extra swatches, then the notes (`legend`).

    >>> figure, axes = figure_and_axes(4, 3)
    >>> grade_legend(axes, [("ungraded", UNGRADED_COLOUR)])
    6
    """
    swatches = [(g.label, COLOURS[g], "") for g in Grade]
    swatches += [(label, colour, "") for label, colour in extra]
    return legend(axes, swatches, notes)


def nothing_to_draw(what: str, thing: str = "inspection") -> PoliceGradesError:
    """Our error for a chart asked to draw nothing.

    >>> print(nothing_to_draw("history_chart"))
    history_chart needs at least one inspection; none was given
    """
    return InvalidDataError([f"{what} needs at least one {thing}; none was given"])
