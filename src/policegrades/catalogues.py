"""The catalogues of forces and PEEL rounds, read from the package's data on first use."""

from __future__ import annotations

import functools

from policegrades._names import NameIndex
from policegrades.forces import Force
from policegrades.frameworks import Framework

__all__ = ["force", "forces", "framework", "frameworks", "read_bundled"]

# Words a force's name may carry or drop without naming another force ("Durham Police").
_FORCE_FILLER = frozenset({"the", "police", "constabulary", "service", "force"})


def read_bundled(name: str) -> str:
    """The text of a file under the package's ``data/`` folder.

    >>> read_bundled("forces.json")[:1]
    '['
    """
    from importlib import resources  # here, not at the top: most imports never read data

    package = resources.files("policegrades")
    return package.joinpath("data").joinpath(name).read_text(encoding="utf-8")


def forces() -> tuple[Force, ...]:
    """The 43 territorial police forces of England and Wales, in ONS code order.

    >>> import policegrades as pg
    >>> len(pg.forces()), pg.forces()[0].name
    (43, 'Metropolitan Police Service')
    """
    return _forces()[0]


def force(query: str) -> Force:
    """The force named ``query``: its ONS code, name, short name, data.police.uk id or an alias.

    Case, punctuation, "&" against "and", and the words "the", "police", "constabulary" and
    "service" do not matter. A query that names no force, or could name several, raises
    `UnknownNameError` that offers the closest forces; nothing is matched by a part of a name.

    >>> import policegrades as pg
    >>> pg.force("the Met").code
    'E23000001'
    >>> pg.force("avon & somerset").name
    'Avon and Somerset Constabulary'
    >>> pg.force("Yorkshire")
    Traceback (most recent call last):
    ...
    policegrades.errors.UnknownNameError: 'Yorkshire' could be any of: North Yorkshire Police, West Yorkshire Police, South Yorkshire Police; say which
    >>> pg.force("Clevland")
    Traceback (most recent call last):
    ...
    policegrades.errors.UnknownNameError: no force is called 'Clevland'; did you mean: Cleveland Police?
    """
    _, by_code, index = _forces()
    found = by_code.get(query) if isinstance(query, str) else None
    return found if found is not None else index.find(query)


def frameworks() -> tuple[Framework, ...]:
    """Every PEEL round, oldest first.

    >>> import policegrades as pg
    >>> [peel.name for peel in pg.frameworks()]
    ['PEEL 2014', 'PEEL 2015', 'PEEL 2016', 'PEEL 2017', 'PEEL 2018/19', 'PEEL 2021/22', 'PEEL 2023–25']
    """
    return _frameworks()[0]


def framework(query: str) -> Framework:
    """The PEEL round named ``query``: its key, its name, or its years.

    >>> import policegrades as pg
    >>> pg.framework("peel-2021-22").name
    'PEEL 2021/22'
    >>> pg.framework("2023-25").key
    'peel-2023-25'
    >>> pg.framework("2021/22").scale
    <Scale.FIVE_POINT: 'five-point'>
    """
    _, by_key, index = _frameworks()
    found = by_key.get(query) if isinstance(query, str) else None
    return found if found is not None else index.find(query)


@functools.cache
def _forces() -> tuple[tuple[Force, ...], dict[str, Force], NameIndex[Force]]:
    # Imported here, not at the top: the converter resolves force codes through this
    # catalogue, and the catalogue is read through that same converter.
    from policegrades.serialisation import load_bundled

    catalogue = load_bundled("forces.json", tuple[Force, ...])
    index = NameIndex(((f, f.names) for f in catalogue), what="force", ignore=_FORCE_FILLER)
    return catalogue, {f.code: f for f in catalogue}, index


@functools.cache
def _frameworks() -> tuple[tuple[Framework, ...], dict[str, Framework], NameIndex[Framework]]:
    from policegrades.serialisation import load_bundled

    catalogue = load_bundled("frameworks.json", tuple[Framework, ...])
    index = NameIndex(
        ((f, (f.name, f.key, *f.aliases)) for f in catalogue),
        what="PEEL round",
        ignore=frozenset({"peel"}),
    )
    return catalogue, {f.key: f for f in catalogue}, index
