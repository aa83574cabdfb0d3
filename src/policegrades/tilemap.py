"""England and Wales as a tile map: one equal square per force, neighbours beside each other.

Real boundaries make the Metropolitan Police a speck beside Dyfed-Powys and the City of London
invisible; a tile map gives every force the same square, placed so that a force's tile touches
those of its real neighbours wherever a grid allows. The layout is data
(``data/tiles.json``), with a note of how it was chosen and which borders it cannot keep.
"""

from __future__ import annotations

import functools
from typing import Any, cast

import attrs

from policegrades import _files, _wire
from policegrades._fields import expect, raise_if
from policegrades.catalogues import force as find_force
from policegrades.catalogues import forces as all_forces
from policegrades.errors import InvalidDataError
from policegrades.police_forces import Force

__all__ = ["Tile", "layout_note", "tile", "tiles"]


@attrs.frozen(kw_only=True)
class Tile:
    """One force's square: its ``column`` (west to east) and ``row`` (north to south), from 0.

    ``label`` is the name the map writes on it: the force's short name unless the layout
    gives a shorter one.

    >>> import policegrades as pg
    >>> from policegrades.tilemap import tile
    >>> city = tile(pg.force("City of London"))
    >>> (city.column, city.row, city.label)
    (4, 8, 'City of London')
    """

    force: Force = attrs.field(repr=lambda force: f"<Force {force.code} {force.name}>")
    column: int
    row: int
    label: str

    def __attrs_post_init__(self) -> None:
        problems: list[str] = []
        expect(problems, "force", self.force, Force, "a Force")
        for field in ("column", "row"):
            value = getattr(self, field)
            if expect(problems, field, value, int, "a whole number") and value < 0:
                problems.append(f"{field}: {value} is not a place on the grid; places start at 0")
        expect(problems, "label", self.label, str, "text")
        raise_if(problems)

    def touches(self, other: Tile) -> bool:
        """Whether two tiles meet, across a side or at a corner.

        >>> import policegrades as pg
        >>> tile(pg.force("North Wales")).touches(tile(pg.force("Cheshire")))
        True
        """
        apart = max(abs(self.column - other.column), abs(self.row - other.row))
        return apart == 1


def tiles() -> tuple[Tile, ...]:
    """Every force's tile, in force code order: the 43 of them, no two on one square.

    >>> len(tiles()), tiles()[0].label
    (43, 'Met')
    """
    return _layout()[0]


def tile(force: Force) -> Tile:
    """The tile of ``force``.

    >>> import policegrades as pg
    >>> tile(pg.force("Cleveland")).row
    1
    """
    for held in tiles():
        if held.force == force:
            return held
    raise InvalidDataError([f"force: expected one of the 43 forces, got {force!r}"])


def layout_note() -> str:
    """How the layout was chosen, and which real borders it cannot keep.

    >>> "North Wales lies west of Cheshire" in layout_note()
    True
    """
    return _layout()[1]


@functools.cache
def _layout() -> tuple[tuple[Tile, ...], str]:
    # The bundled layout, checked below as a whole: every force once, no square twice.
    document = cast("dict[str, Any]", _wire.parse_json(_files.read_bundled("tiles.json")))
    problems: list[str] = []
    placed: dict[str, Tile] = {}
    squares: dict[tuple[int, int], str] = {}
    for index, entry in enumerate(document["tiles"]):
        who = find_force(entry["force"])
        made = Tile(
            force=who,
            column=entry["column"],
            row=entry["row"],
            label=entry.get("label", who.short_name),
        )
        if who.code in placed:
            problems.append(f"tiles[{index}]: {who.name} has a tile already")
        square = (made.column, made.row)
        if square in squares:
            problems.append(f"tiles[{index}]: {who.name} is on the square of {squares[square]}")
        placed[who.code] = made
        squares[square] = who.name
    missing = [f.name for f in all_forces() if f.code not in placed]
    if missing:
        problems.append(f"tiles: no tile for {', '.join(missing)}")
    if problems:
        raise InvalidDataError(problems, heading="the bundled file tiles.json is broken:")
    ordered = tuple(placed[f.code] for f in all_forces())
    return ordered, str(document["note"])
