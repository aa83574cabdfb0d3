"""Tile maps of the 43 forces: a round's area by grade, and who was in Engage on a day."""

import io
import pathlib
import re
import warnings
from typing import Any

import pytest
from matplotlib.colors import to_hex

import policegrades as pg
from policegrades.cli import main
from policegrades.plot import COLOURS, engage_map, grade_map, grade_maps, svg


def _tiles(axes: Any) -> dict[str, Any]:
    """The squares of a map, by their ids (``tile-…-<force id>``)."""
    return {
        patch.get_gid(): patch
        for patch in axes.patches
        if (patch.get_gid() or "").startswith("tile-")
    }


def _square(axes: Any, force: str) -> Any:
    wanted = pg.force(force).police_uk_id
    (found,) = [p for gid, p in _tiles(axes).items() if gid.endswith(f"-{wanted}")]
    return found


def test_a_grade_map_colours_each_force_by_its_grade() -> None:
    pool = pg.inspections(framework="2023-25")
    figure = grade_map(pool, "preventing crime")
    axes = figure.axes[0]
    assert len(_tiles(axes)) == 43
    assert axes.get_title() == "PEEL 2023–25: preventing crime"
    for inspection in pool:
        held = next((h for h in inspection.grades if h.area.key == "preventing-crime"), None)
        if held is not None and held.grade is not None:
            square = _square(axes, inspection.force.code)
            assert to_hex(square.get_facecolor()) == COLOURS[held.grade]
            assert not square.get_hatch()
    cumbria = _square(axes, "Cumbria")  # no grade known for preventing crime in 2023–25
    assert cumbria.get_hatch()
    assert cumbria.get_label() == "Cumbria Constabulary, Preventing crime: not known"


def test_the_caption_says_where_grades_cannot_be_compared_with_the_round_before() -> None:
    later = grade_map(pg.inspections(framework="2023-25"), "preventing crime")
    assert "cannot be compared directly with PEEL 2021/22" in later.get_supxlabel()
    first_five_point = grade_map(pg.inspections(framework="2021/22"), "preventing crime")
    assert "scale" in first_five_point.get_supxlabel()
    pillar = grade_map(pg.inspections(framework="2016"), "effectiveness")
    assert pillar.get_supxlabel() == ""


def test_ungraded_not_known_and_not_graded_for_the_force_look_different() -> None:
    axes = grade_map(pg.inspections(framework="2021/22"), "victim service").axes[0]
    states = {square.get_label().rsplit(": ", 1)[-1] for square in _tiles(axes).values()}
    assert {"not known", "not graded for this force"} <= states
    colours = {
        state: to_hex(square.get_facecolor())
        for square in _tiles(axes).values()
        for state in [square.get_label().rsplit(": ", 1)[-1]]
    }
    assert colours["not known"] != colours["not graded for this force"]


def test_small_multiples_give_a_map_to_each_graded_area() -> None:
    figure = grade_maps(pg.inspections(framework="2021/22"))
    titled = [axes for axes in figure.axes if axes.get_title()]
    graded = [a for a in pg.framework("2021/22").top_level_areas if a.graded]
    assert len(titled) == len(graded) == 11
    assert all(len(_tiles(axes)) == 43 for axes in titled)


def test_an_engage_map_shows_who_was_in_and_who_perhaps() -> None:
    axes = engage_map("2023-03-17").axes[0]
    assert _square(axes, "Cleveland").get_label() == "Cleveland Police: in Engage"
    assert _square(axes, "Durham").get_label() == "Durham Constabulary: not in Engage"
    later = engage_map("2026-01-01")
    lincolnshire = _square(later.axes[0], "Lincolnshire").get_label()
    assert lincolnshire == "Lincolnshire Police: perhaps in Engage"
    assert "nothing after 30 July 2025" in later.get_supxlabel()


def test_the_svg_titles_every_force_for_a_hover() -> None:
    text = svg(grade_map(pg.inspections(framework="2023-25"), "preventing crime"))
    titles = re.findall(r"<title>([^<]*)</title>", text)
    assert len(titles) == 43
    for force in pg.forces():
        named = force.name.replace("&", "&amp;")
        assert any(title.startswith(f"{named}, ") for title in titles), force.name


@pytest.mark.parametrize(
    ("ask", "error", "message"),
    [
        (
            lambda: grade_map(pg.inspections(framework="2016"), "leadership"),
            pg.InvalidDataError,
            "PEEL 2016 does not grade 'Leadership'",
        ),
        (
            lambda: grade_map(pg.inspections(framework="2016"), "nowhere"),
            pg.UnknownNameError,
            "nowhere",
        ),
        (lambda: grade_map([], "effectiveness"), pg.InvalidDataError, "needs at least one"),
        (lambda: grade_map(pg.fixtures.cleveland(), "effectiveness"), pg.InvalidDataError, "PEEL"),
        (lambda: engage_map("17 March 2023"), pg.InvalidDataError, "is not a date"),
        (
            lambda: engage_map("2023-03-17", periods=3),  # type: ignore[arg-type]
            pg.InvalidDataError,
            "engage_map takes Engage periods:",
        ),
    ],
)
def test_a_bad_request_is_our_error(ask: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=re.escape(message)):
        ask()


def test_drawing_a_map_raises_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for figure in (
            grade_map(pg.inspections(framework="2021/22"), "investigating crime"),
            grade_maps(pg.inspections(framework="2018/19")),
            engage_map("2024-12-06"),
        ):
            figure.savefig(io.BytesIO(), format="png")


def test_plot_map_on_the_command_line(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    png = tmp_path / "map.png"
    assert main(["plot", "map", "2023-25", "preventing crime", "-o", str(png)]) == 0
    assert png.read_bytes().startswith(b"\x89PNG")
    drawn = tmp_path / "map.svg"
    assert main(["plot", "map", "2023-25", "preventing crime", "-o", str(drawn)]) == 0
    text = drawn.read_text(encoding="utf-8")
    assert all(f.name.replace("&", "&amp;") in text for f in pg.forces())
    engage = tmp_path / "engage.svg"
    assert main(["plot", "map", "--engage", "2023-03-17", "-o", str(engage)]) == 0
    assert "<title>Cleveland Police: in Engage</title>" in engage.read_text(encoding="utf-8")
    capsys.readouterr()
    for argv in (
        ["plot", "map", "2023-25", "-o", str(png)],
        ["plot", "map", "2016", "leadership", "-o", str(png)],
        ["plot", "map", "2016", "nowhere", "-o", str(png)],
        ["plot", "map", "2016", "effectiveness", "--engage", "2023-03-17", "-o", str(png)],
        ["plot", "map", "--engage", "someday", "-o", str(png)],
    ):
        assert main(argv) == 1, argv
        err = capsys.readouterr().err
        assert err.startswith("policegrades: error: ")
        assert err.count("\n") == 1
