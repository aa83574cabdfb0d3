import policegrades as pg
from policegrades.render import LEGEND, grade_table, short_label


def test_scales_are_kept_apart() -> None:
    table = grade_table(pg.fixtures.cleveland())
    pillar, flat, legend = table.split("\n\n")
    assert pillar.startswith("Pillar rounds")
    assert "2021/22" not in pillar
    assert flat.startswith("PEEL 2021/22 onwards")
    assert "2018/19" not in flat.splitlines()[1]
    assert legend == LEGEND


def _cells(block: str, label: str) -> list[str]:
    """The cells of the row called ``label``, cut at the header's column offsets."""
    lines = block.splitlines()
    header = lines[1]
    starts = [header.index(name) for name in header.split()[1:]]
    (line,) = [line for line in lines[2:] if line.strip().startswith(label + " ")]
    line = line.ljust(len(header) + 12)
    ends = [*starts[1:], len(line)]
    return [line[a:b].strip() for a, b in zip(starts, ends, strict=True)]


def test_marks_for_ungraded_unknown_derived_and_absent() -> None:
    pillar, flat, _ = grade_table(pg.fixtures.cleveland()).split("\n\n")
    assert _cells(pillar, "Effectiveness") == ["—", "RI", "good", "good", "inadequate"]
    # 2014 had no such question; 2016 and 2018/19 did, but the grade is not known. The 2015
    # grade was read in a newspaper, not on the inspectorate's pages.
    assert _cells(pillar, "Protecting vulnerable people") == ["·", "RI?", "", "RI", ""]
    assert _cells(pillar, "Investigating crime") == ["·", "good?", "good", "good^", ""]
    assert _cells(flat, "Responding to the public") == ["adequate*", "adequate"]
    # Graded for some forces in PEEL 2023–25; Cleveland's complete inspection does not hold it.
    assert _cells(flat, "Recording data about crime") == ["good", "·"]


def test_a_changed_grade_is_marked() -> None:
    table = grade_table([pg.inspection("Northamptonshire", "2023-25")])
    assert _cells(table.split("\n\n")[0], "Responding to the public") == ["RI!"]


def test_renamed_areas_share_a_row_and_say_so() -> None:
    table = grade_table(pg.fixtures.cleveland()[-2:])
    assert "Police powers and public treatment (renamed)" in table
    assert "'Treatment of the public' became 'Police powers and public treatment'" in table
    assert "not confirmed by the inspectorate" in table


def test_short_labels() -> None:
    assert [short_label(g) for g in pg.Scale.FIVE_POINT.grades] == [
        "outstanding",
        "good",
        "adequate",
        "RI",
        "inadequate",
    ]
    assert short_label(None) == "—"


def test_an_empty_history_is_only_the_legend() -> None:
    assert grade_table([]) == LEGEND
