"""The tile map of the 43 forces: one tile each, no two on a square, neighbours beside each other."""

import itertools

import pytest

import policegrades as pg
from policegrades.tilemap import Tile, layout_note, tile, tiles

# Real borders between force areas that the layout keeps: each pair's tiles touch.
NEIGHBOURS = [
    ("Northumbria", "Durham"),
    ("Northumbria", "Cumbria"),
    ("Durham", "Cleveland"),
    ("Durham", "North Yorkshire"),
    ("Durham", "Cumbria"),
    ("Cleveland", "North Yorkshire"),
    ("Cumbria", "Lancashire"),
    ("Lancashire", "North Yorkshire"),
    ("Lancashire", "Merseyside"),
    ("Lancashire", "Greater Manchester"),
    ("Lancashire", "West Yorkshire"),
    ("North Yorkshire", "Humberside"),
    ("North Yorkshire", "West Yorkshire"),
    ("Humberside", "South Yorkshire"),
    ("West Yorkshire", "South Yorkshire"),
    ("West Yorkshire", "Greater Manchester"),
    ("Merseyside", "Cheshire"),
    ("Greater Manchester", "Cheshire"),
    ("Greater Manchester", "Derbyshire"),
    ("South Yorkshire", "Nottinghamshire"),
    ("North Wales", "Cheshire"),
    ("North Wales", "Dyfed-Powys"),
    ("North Wales", "West Mercia"),
    ("Cheshire", "Derbyshire"),
    ("Cheshire", "Staffordshire"),
    ("Cheshire", "West Mercia"),
    ("Derbyshire", "Nottinghamshire"),
    ("Derbyshire", "Staffordshire"),
    ("Derbyshire", "Leicestershire"),
    ("Nottinghamshire", "Lincolnshire"),
    ("Nottinghamshire", "Leicestershire"),
    ("Lincolnshire", "Norfolk"),
    ("Dyfed-Powys", "West Mercia"),
    ("Dyfed-Powys", "South Wales"),
    ("Dyfed-Powys", "Gwent"),
    ("West Mercia", "Staffordshire"),
    ("West Mercia", "West Midlands"),
    ("West Mercia", "Gwent"),
    ("Staffordshire", "West Midlands"),
    ("Staffordshire", "Leicestershire"),
    ("Leicestershire", "Warwickshire"),
    ("Leicestershire", "Northamptonshire"),
    ("Cambridgeshire", "Norfolk"),
    ("Cambridgeshire", "Suffolk"),
    ("Cambridgeshire", "Northamptonshire"),
    ("Norfolk", "Suffolk"),
    ("South Wales", "Gwent"),
    ("Gwent", "Gloucestershire"),
    ("West Midlands", "Warwickshire"),
    ("Warwickshire", "Northamptonshire"),
    ("Warwickshire", "Gloucestershire"),
    ("Warwickshire", "Thames Valley"),
    ("Northamptonshire", "Thames Valley"),
    ("Northamptonshire", "Bedfordshire"),
    ("Suffolk", "Essex"),
    ("Gloucestershire", "Thames Valley"),
    ("Gloucestershire", "Wiltshire"),
    ("Gloucestershire", "Avon and Somerset"),
    ("Thames Valley", "Bedfordshire"),
    ("Thames Valley", "Wiltshire"),
    ("Thames Valley", "Hampshire"),
    ("Bedfordshire", "Hertfordshire"),
    ("Hertfordshire", "Essex"),
    ("Hertfordshire", "Metropolitan Police"),
    ("Essex", "Metropolitan Police"),
    ("Metropolitan Police", "Kent"),
    ("Metropolitan Police", "Surrey"),
    ("Metropolitan Police", "City of London"),
    ("Avon and Somerset", "Wiltshire"),
    ("Avon and Somerset", "Devon and Cornwall"),
    ("Avon and Somerset", "Dorset"),
    ("Wiltshire", "Hampshire"),
    ("Wiltshire", "Dorset"),
    ("Hampshire", "Dorset"),
    ("Hampshire", "Surrey"),
    ("Devon and Cornwall", "Dorset"),
    ("Surrey", "Sussex"),
    ("Kent", "Sussex"),
]


def test_every_force_has_exactly_one_tile_and_no_two_share_a_square() -> None:
    laid = tiles()
    assert [t.force for t in laid] == list(pg.forces())
    squares = [(t.column, t.row) for t in laid]
    assert len(set(squares)) == len(squares) == 43


@pytest.mark.parametrize(("a", "b"), NEIGHBOURS)
def test_real_neighbours_are_tiles_that_touch(a: str, b: str) -> None:
    assert tile(pg.force(a)).touches(tile(pg.force(b)))


def test_the_named_places_of_the_layout() -> None:
    north_wales, cheshire = tile(pg.force("North Wales")), tile(pg.force("Cheshire"))
    assert north_wales.row == cheshire.row
    assert north_wales.column < cheshire.column
    city, met = tile(pg.force("City of London")), tile(pg.force("the Met"))
    assert city.row == met.row
    assert abs(city.column - met.column) == 1
    assert city.label == "City of London"
    for wales in ("North Wales", "Dyfed-Powys", "South Wales", "Gwent"):
        assert tile(pg.force(wales)).column <= 1  # Wales is the west


def test_the_borders_the_grid_cannot_keep_are_named_in_the_note() -> None:
    kept = {frozenset(pair) for pair in NEIGHBOURS}
    lost = [
        ("Gloucestershire", "West Mercia"),
        ("Thames Valley", "Metropolitan Police"),
        ("Bedfordshire", "Cambridgeshire"),
        ("Sussex", "Hampshire"),
        ("Kent", "Surrey"),
        ("South Yorkshire", "Derbyshire"),
    ]
    note = layout_note()
    for a, b in lost:
        assert frozenset((a, b)) not in kept
        assert not tile(pg.force(a)).touches(tile(pg.force(b)))
        named = [pg.force(a).short_name, pg.force(b).short_name]
        assert all(name in note for name in named), (a, b)


def test_touching_is_symmetric_and_never_a_tile_with_itself() -> None:
    laid = tiles()
    for a, b in itertools.product(laid, repeat=2):
        assert a.touches(b) == b.touches(a)
    assert not any(t.touches(t) for t in laid)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("column", -1, "column: -1 is not a place on the grid"),
        ("row", True, "row: expected a whole number, got bool True"),
        ("label", 3, "label: expected text"),
    ],
)
def test_a_tile_refuses_what_is_no_place(field: str, value: object, message: str) -> None:
    fields: dict[str, object] = {"force": pg.force("Durham"), "column": 1, "row": 1}
    fields["label"] = "Durham"
    fields[field] = value
    with pytest.raises(pg.InvalidDataError, match=message):
        Tile(**fields)  # type: ignore[arg-type]
