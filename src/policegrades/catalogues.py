"""The catalogues of forces and PEEL rounds, read from the package's data on first use.

They are read through a converter of their own, with the wire rules alone: hooks a user adds to
the public converter never change what the catalogues say.
"""

from __future__ import annotations

import functools

import cattrs

from policegrades import _wire
from policegrades._files import read_bundled
from policegrades._names import NameIndex
from policegrades.police_forces import Force
from policegrades.rounds import Framework

__all__ = ["force", "force_by_code", "forces", "framework", "framework_by_key", "frameworks"]

# Words a force's name may carry or drop without naming another force ("Durham Police").
_FORCE_FILLER = frozenset({"the", "police", "constabulary", "service", "force"})


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
    ['PEEL 2014', 'PEEL 2015', 'PEEL 2016', 'PEEL 2017', 'PEEL 2018/19', 'PEEL 2021/22', 'PEEL 2023–25', 'PEEL 2025–27']
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
    >>> pg.framework("2026").name, pg.framework("2025").name
    ('PEEL 2025–27', 'PEEL 2023–25')
    """
    _, by_key, index = _frameworks()
    found = by_key.get(query) if isinstance(query, str) else None
    return found if found is not None else index.find(query)


def force_by_code(code: str) -> Force | None:
    """The force whose ONS code is exactly ``code``, or ``None``: the wire's lookup.

    >>> force_by_code("E23000013").name, force_by_code("cleveland")
    ('Cleveland Police', None)
    """
    return _forces()[1].get(code)


def framework_by_key(key: str) -> Framework | None:
    """The PEEL round whose key is exactly ``key``, or ``None``: the wire's lookup.

    >>> framework_by_key("peel-2016").name, framework_by_key("2016")
    ('PEEL 2016', None)
    """
    return _frameworks()[1].get(key)


@functools.cache
def _converter() -> cattrs.Converter:
    return _wire.make()


@functools.cache
def _forces() -> tuple[tuple[Force, ...], dict[str, Force], NameIndex[Force]]:
    text = _wire.parse_json(read_bundled("forces.json"))
    catalogue = _wire.structure(_converter(), text, tuple[Force, ...])
    index = NameIndex(((f, f.names) for f in catalogue), what="force", ignore=_FORCE_FILLER)
    return catalogue, {f.code: f for f in catalogue}, index


@functools.cache
def _frameworks() -> tuple[tuple[Framework, ...], dict[str, Framework], NameIndex[Framework]]:
    text = _wire.parse_json(read_bundled("frameworks.json"))
    catalogue = _wire.structure(_converter(), text, tuple[Framework, ...])
    index = NameIndex(
        ((f, (f.name, f.key, *f.aliases)) for f in catalogue),
        what="PEEL round",
        ignore=frozenset({"peel"}),
    )
    return catalogue, {f.key: f for f in catalogue}, index
