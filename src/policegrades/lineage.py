"""Matching an area across PEEL rounds: by its stable key, then through renames."""

from __future__ import annotations

from collections.abc import Iterable

from policegrades.rounds import Area, Framework

__all__ = ["is_rename", "lineage_keys", "same_area"]


def is_rename(a: Area, b: Area) -> bool:
    """Whether one of ``a`` and ``b`` replaced the other under a new key.

    >>> import policegrades as pg
    >>> old = pg.framework("2021/22").area("treatment of the public")
    >>> new = pg.framework("2023-25").area("police powers and public treatment")
    >>> is_rename(old, new), is_rename(new, old)
    (True, True)
    """
    return a.key != b.key and (a.renamed_from == b.key or b.renamed_from == a.key)


def same_area(a: Area, b: Area) -> bool:
    """Whether ``a`` and ``b`` are one area in two rounds: the same key, or a rename.

    >>> import policegrades as pg
    >>> before = pg.framework("2021/22").area("preventing crime and anti-social behaviour")
    >>> same_area(before, pg.framework("2023-25").area("preventing crime"))
    True
    """
    return a.key == b.key or is_rename(a, b)


def lineage_keys(area: Area, frameworks: Iterable[Framework]) -> frozenset[str]:
    """Every key ``area`` has had or will have across ``frameworks``, following renames.

    >>> import policegrades as pg
    >>> sorted(lineage_keys(pg.framework("2023-25").area("workforce"), pg.frameworks()))
    ['positive-workplace', 'workforce']
    """
    renames = [
        (a.renamed_from, a.key) for f in frameworks for a in f.areas if a.renamed_from is not None
    ]
    keys = {area.key}
    grown = True
    while grown:
        grown = False
        for old, new in renames:
            if (old in keys) != (new in keys):
                keys.update((old, new))
                grown = True
    return frozenset(keys)
