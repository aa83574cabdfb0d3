import datetime
import io
import itertools
import pathlib
import warnings
from typing import Any

import numpy as np
import pytest
from matplotlib.patches import Rectangle

import policegrades as pg
from policegrades.cli import main
from policegrades.plot import COLOURS, engage_chart, history_chart, rank_chart


def test_history_chart_marks_where_grades_cannot_be_compared() -> None:
    figure = history_chart(pg.fixtures.cleveland())
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_xticklabels()] == [
        "2014",
        "2015",
        "2016",
        "2017",
        "2018/19",
        "2021/22",
        "2023–25",
    ]
    lines = axes.get_lines()
    assert len(lines) == 2  # the scale change, and PEEL 2021/22 against 2023–25
    xs = [np.asarray(line.get_xdata(), dtype=float).tolist() for line in lines]
    assert xs == [[5.0, 5.0], [6.0, 6.0]]
    labels = {t.get_text() for t in axes.texts}
    assert {"← scale", "← HMICFRS"} <= labels
    legend_box = axes.get_legend()
    assert legend_box is not None
    legend = [t.get_text() for t in legend_box.get_texts()]
    assert legend[:5] == [g.label for g in pg.Grade]


def test_rank_chart_lists_forces_in_rank_order() -> None:
    figure = rank_chart(pg.inspections(framework="2016"))
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels[0] == "1  Durham"
    assert labels[-1] == "43  Bedfordshire"


def test_an_unranked_inspection_gets_no_bar() -> None:
    figure = rank_chart(pg.inspections(framework="2018/19"))
    axes = figure.axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels[-1] == "–  Humberside"
    bars = [patch for patch in axes.patches if isinstance(patch, Rectangle)]
    bars_at = {round(bar.get_y() + bar.get_height() / 2) for bar in bars}
    assert len(labels) - 1 not in bars_at
    assert len(labels) - 2 in bars_at


def test_the_palette_is_distinct() -> None:
    assert len(set(COLOURS.values())) == len(pg.Grade)


@pytest.mark.parametrize(("name", "magic"), [("c.png", b"\x89PNG"), ("c.svg", b"<?xml")])
def test_plot_commands_write_files(tmp_path: pathlib.Path, name: str, magic: bytes) -> None:
    target = tmp_path / name
    assert main(["plot", "history", "cleveland", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(magic)
    league = tmp_path / f"league-{name}"
    assert main(["plot", "rank", "2016", "-o", str(league)]) == 0
    assert league.stat().st_size > 1000


def test_plot_refuses_other_formats(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plot", "history", "cleveland", "-o", str(tmp_path / "c.jpg")]) == 1
    assert "charts are written as .png or .svg" in capsys.readouterr().err


def _drawn(figure: Any) -> Any:
    """The renderer of ``figure`` once drawn, to measure where its texts stand."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    return canvas.get_renderer()  # type: ignore[no-untyped-call]


def test_an_empty_chart_is_refused_with_our_error() -> None:
    with pytest.raises(pg.InvalidDataError, match="needs at least one inspection"):
        history_chart([])
    with pytest.raises(pg.InvalidDataError, match="needs at least one inspection"):
        rank_chart([])


def _one_area() -> pg.Inspection:
    """Cleveland's PEEL 2016 inspection with its effectiveness grade only."""
    peel = pg.framework("2016")
    return pg.Inspection(
        force=pg.force("cleveland"),
        framework=peel,
        published=datetime.date(2017, 3, 2),
        grades=[pg.AreaGrade(area=peel.area("effectiveness"), grade=pg.Grade.GOOD)],
    )


def test_drawing_raises_no_warning() -> None:
    one = _one_area()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for figure in (history_chart([one]), history_chart(pg.fixtures.cleveland())):
            figure.savefig(io.BytesIO(), format="png")


def test_the_legend_and_its_notes_do_not_overlap_on_a_one_area_chart() -> None:
    figure = history_chart([_one_area()])
    renderer = _drawn(figure)
    legend = figure.axes[0].get_legend()
    assert legend is not None
    texts = legend.get_texts()
    assert texts[-1].get_text() == "  (HMICFRS)"
    boxes = [text.get_window_extent(renderer) for text in texts]
    for upper, lower in itertools.pairwise(boxes):
        assert upper.y0 >= lower.y1 - 1  # each line sits above the next
    assert all(box.y0 >= 0 for box in boxes)  # all inside the figure


def test_the_round_labels_of_a_long_history_do_not_collide() -> None:
    figure = history_chart(pg.fixtures.cleveland())
    renderer = _drawn(figure)
    boxes = [label.get_window_extent(renderer) for label in figure.axes[0].get_xticklabels()]
    for left, right in itertools.pairwise(boxes):
        assert left.x1 < right.x0


def test_the_engage_chart_has_a_row_per_force_and_an_arrow_for_an_open_period() -> None:
    periods = pg.engage_periods()
    figure = engage_chart(periods)
    axes = figure.axes[0]
    rows = [t.get_text() for t in axes.get_yticklabels()]
    assert rows == list(dict.fromkeys(p.force.short_name for p in periods))
    labels = [t.get_text() for t in axes.texts]
    assert "December 2021? – September 2023?" in labels  # Gloucestershire, both ends weak
    assert (
        "6 December 2024 – still in when last reported, 14 May 2025" in labels
    )  # Lincolnshire, still open
    arrows = [a for a in axes.texts if getattr(a, "arrow_patch", None) is not None]
    assert len(arrows) == sum(p.open for p in periods)


def test_the_engage_chart_labels_do_not_overlap() -> None:
    figure = engage_chart(pg.engage_periods())
    renderer = _drawn(figure)
    boxes = [t.get_window_extent(renderer) for t in figure.axes[0].texts if t.get_text()]
    for upper, lower in itertools.combinations(boxes, 2):
        assert not upper.overlaps(lower)


def test_the_engage_chart_refuses_what_is_not_a_period() -> None:
    with pytest.raises(pg.InvalidDataError, match="needs at least one Engage period"):
        engage_chart([])
    with pytest.raises(
        pg.InvalidDataError,
        match=r"engage_chart takes Engage periods only:\n  \[0\]: expected an EngagePeriod, got Inspection",
    ):
        engage_chart(pg.fixtures.cleveland())  # type: ignore[arg-type]


def test_plot_engage_draws_one_force_or_says_it_has_none(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "engage.png"
    assert main(["plot", "engage", "cleveland", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"\x89PNG")
    assert main(["plot", "engage", "durham", "-o", str(target)]) == 1
    assert "Durham Constabulary: no Engage period in the data" in capsys.readouterr().err
