import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import Grade, strategies
from policegrades.assessments import chronological


def test_preventing_crime_through_clevelands_rounds() -> None:
    entries = pg.history(pg.fixtures.cleveland(), "preventing crime")
    assert [(e.inspection.framework.key, e.grade) for e in entries] == [
        ("peel-2015", Grade.REQUIRES_IMPROVEMENT),
        ("peel-2016", Grade.GOOD),
        ("peel-2017", Grade.GOOD),
        ("peel-2018-19", Grade.INADEQUATE),
        ("peel-2021-22", Grade.INADEQUATE),
        ("peel-2023-25", Grade.GOOD),
    ]
    assert [e.scale_changed for e in entries] == [False, False, False, False, True, False]


def test_a_renamed_area_is_followed() -> None:
    entries = pg.history(pg.fixtures.cleveland(), "police powers and public treatment")
    assert [(e.area.key, e.grade) for e in entries] == [
        ("treatment-of-the-public", Grade.ADEQUATE),
        ("police-powers", Grade.GOOD),
    ]
    older_name = pg.history(pg.fixtures.cleveland(), "developing a positive workplace")
    assert [e.area.key for e in older_name] == ["positive-workplace", "workforce"]


def test_unrecorded_and_ungraded_are_told_apart() -> None:
    entries = {
        e.inspection.framework.key: e
        for e in pg.history(pg.fixtures.cleveland(), "protecting vulnerable people")
    }
    assert not entries["peel-2016"].recorded
    assert str(entries["peel-2016"]) == "PEEL 2016: not known"
    victims = pg.history(pg.fixtures.cleveland(), "victim service")
    assert [str(e) for e in victims] == ["PEEL 2021/22: ungraded", "PEEL 2023–25: ungraded"]
    managing = pg.history(pg.fixtures.cleveland(), "managing offenders and suspects")
    assert str(managing[0]) == "PEEL 2021/22: adequate (derived)"


def test_an_unknown_area_is_our_error() -> None:
    with pytest.raises(pg.UnknownNameError, match="no area called 'vetting'"):
        pg.history(pg.fixtures.cleveland(), "vetting")


def test_one_force_only() -> None:
    with pytest.raises(pg.InvalidDataError, match="one force only"):
        pg.history(pg.fixtures.peel_2016_effectiveness(), "effectiveness")


@given(
    st.lists(
        strategies.inspections(force=pg.force("Cleveland")),
        max_size=6,
        unique_by=lambda i: i.framework.key,
    ),
    strategies.areas(),
)
def test_history_is_oldest_first_and_marks_scale_changes(
    inspections: list[pg.Inspection], area: pg.Area
) -> None:
    try:
        entries = pg.history(inspections, area)
    except pg.UnknownNameError:
        return
    order = [chronological(e.inspection) for e in entries]
    assert order == sorted(order)
    for before, after in itertools.pairwise(entries):
        assert after.scale_changed == (
            before.inspection.framework.scale is not after.inspection.framework.scale
        )
    if entries:
        assert not entries[0].scale_changed
    for entry in entries:
        assert entry.inspection.framework.has_area(entry.area)
        assert entry.held is None or entry.held.area == entry.area


def test_a_round_twice_is_refused() -> None:
    history = pg.fixtures.cleveland()
    with pytest.raises(pg.InvalidDataError, match="one inspection per round"):
        pg.history([*history, history[0]], "effectiveness")


def test_an_area_of_no_round_given_is_refused_like_its_name() -> None:
    latest = pg.fixtures.cleveland()[-2:]
    pillar = pg.framework("2016").area("effectiveness")
    with pytest.raises(pg.UnknownNameError, match="is not an area of PEEL 2021/22, PEEL 2023–25"):
        pg.history(latest, pillar)
    with pytest.raises(pg.UnknownNameError, match="no area called 'Effectiveness'"):
        pg.history(latest, "Effectiveness")


def test_history_entries_load_back_equal() -> None:
    entries = pg.history(pg.fixtures.cleveland(), "preventing crime")
    assert pg.from_json(pg.to_json(entries), tuple[pg.HistoryEntry, ...]) == entries


def test_an_entry_must_say_what_its_inspection_records() -> None:
    entry = pg.history(pg.fixtures.cleveland(), "preventing crime")[-1]
    with pytest.raises(pg.InvalidDataError, match="held: is not what the inspection records"):
        attrs.evolve(entry, held=None)
