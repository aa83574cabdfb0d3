"""The bundled inspections: one canonical JSON file per force per round, read on first use.

The files are ``data/inspections/<round key>/<force id>.json`` (the force id is its
data.police.uk id). They are read through a strict converter of the library's own, which
accepts only the canonical form, so hooks a user registers on `policegrades.converter` never
change what the bundled data says. Each file is read once and cached; the values are
immutable, so every caller shares them safely.
"""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Iterable

import cattrs

from policegrades import _dates, _files, _wire
from policegrades.assessments import Inspection
from policegrades.catalogues import force as find_force
from policegrades.catalogues import forces as all_forces
from policegrades.catalogues import framework as find_framework
from policegrades.catalogues import frameworks as all_frameworks
from policegrades.errors import UnknownNameError
from policegrades.police_forces import Force
from policegrades.rounds import Framework
from policegrades.serialisation import make_converter

__all__ = [
    "as_of",
    "canonical_json",
    "inspection",
    "inspections",
    "read_inspection",
    "strict_converter",
]


@functools.cache
def strict_converter() -> cattrs.Converter:
    """The converter the bundled data is read and written with: the library's rules alone.

    >>> strict_converter() is strict_converter()
    True
    """
    return make_converter()


def read_inspection(text: str | bytes) -> Inspection:
    """An inspection from its JSON text, read as strictly as the bundled files are.

    >>> import policegrades as pg
    >>> read_inspection(canonical_json(pg.fixtures.cleveland()[0])).framework.key
    'peel-2014'
    """
    return _wire.structure(strict_converter(), _wire.parse_json(text), Inspection)


def canonical_json(inspection: Inspection) -> str:
    """The one text a bundled file holds for ``inspection``: indented JSON and a final newline.

    >>> import policegrades as pg
    >>> print(canonical_json(pg.inspection("durham", "2016")).splitlines()[1])
      "force": "E23000008",
    """
    return (
        json.dumps(strict_converter().unstructure(inspection), ensure_ascii=False, indent=2) + "\n"
    )


def inspections(
    force: Force | str | None = None,
    framework: Framework | str | None = None,
    *,
    published_by: datetime.date | str | None = None,
) -> tuple[Inspection, ...]:
    """Every bundled inspection that matches, in force order (ONS code) then round order.

    ``force`` and ``framework`` are looked up by any of their names, as `policegrades.force`
    and `policegrades.framework` do. With ``published_by`` (a date, or ``YYYY-MM-DD`` text),
    only the inspections certainly published on or before that day: one whose date is known
    only to the month counts from the last day of its month, and one known only to the round
    from the last day of the round's last year.

    >>> import policegrades as pg
    >>> len(pg.inspections(framework="2018/19"))
    43
    >>> [i.framework.name for i in pg.inspections("cleveland")][-2:]
    ['PEEL 2021/22', 'PEEL 2023–25']
    >>> import datetime
    >>> len(pg.inspections(framework="2021/22", published_by=datetime.date(2022, 1, 1)))
    4
    """
    chosen_forces = all_forces() if force is None else (_force(force),)
    rounds = all_frameworks() if framework is None else (_framework(framework),)
    files = _files.inspection_files()
    found = [
        _read(peel.key, who.police_uk_id)
        for who in chosen_forces
        for peel in rounds
        if who.police_uk_id in files.get(peel.key, ())
    ]
    return tuple(found) if published_by is None else as_of(found, published_by)


def as_of(inspections: Iterable[Inspection], day: datetime.date | str) -> tuple[Inspection, ...]:
    """The ``inspections`` certainly published on or before ``day`` (a date or ``YYYY-MM-DD``).

    A date known only to the month counts from the last day of its month; one known only to
    the round, from the last day of the round's last year.

    >>> import policegrades as pg
    >>> durham = pg.inspection("Durham", "2021/22")  # known to the month: October 2021
    >>> as_of([durham], "2021-10-30"), len(as_of([durham], "2021-10-31"))
    ((), 1)
    """
    cutoff = _dates.given_day(day, "published_by")
    return tuple(i for i in inspections if i.published_between[1] <= cutoff)


def inspection(
    force: Force | str,
    framework: Framework | str,
    *,
    among: Iterable[Inspection] | None = None,
) -> Inspection:
    """The bundled inspection of ``force`` in ``framework``, both looked up by any name.

    With ``among``, the one among the inspections given instead. When the data holds none, `UnknownNameError` says which rounds it holds for that force.

    >>> import policegrades as pg
    >>> pg.inspection("Cleveland", "2018/19").grade("legitimacy")
    <Grade.INADEQUATE: 'inadequate'>
    >>> pg.inspection("Cumbria", "2021/22")
    Traceback (most recent call last):
    ...
    policegrades.errors.UnknownNameError: the data holds no PEEL 2021/22 inspection of Cumbria Constabulary; it holds: PEEL 2015, PEEL 2016, PEEL 2017, PEEL 2018/19, PEEL 2023–25
    """
    who, peel = _force(force), _framework(framework)
    if among is None and who.police_uk_id in _files.inspection_files().get(peel.key, ()):
        return _read(peel.key, who.police_uk_id)
    of_force = inspections(who) if among is None else select(among, force=who)
    found = [i for i in of_force if i.framework == peel]
    if len(found) == 1:
        return found[0]
    if found:
        raise UnknownNameError(f"the data holds {len(found)} {peel.name} inspections of {who.name}")
    held = ", ".join(i.framework.name for i in of_force) or "nothing"
    raise UnknownNameError(
        f"the data holds no {peel.name} inspection of {who.name}; it holds: {held}",
        candidates=tuple(i.framework.name for i in of_force),
    )


def select(
    among: Iterable[Inspection],
    force: Force | str | None = None,
    framework: Framework | str | None = None,
    *,
    published_by: datetime.date | str | None = None,
) -> tuple[Inspection, ...]:
    """The inspections among those given that match, in the order given.

    They are chosen as `inspections` chooses from the bundled data.

    >>> import policegrades as pg
    >>> [i.framework.key for i in select(pg.fixtures.cleveland(), framework="2019")]
    ['peel-2018-19']
    """
    who = None if force is None else _force(force)
    peel = None if framework is None else _framework(framework)
    chosen = [
        i
        for i in among
        if (who is None or i.force == who) and (peel is None or i.framework == peel)
    ]
    return tuple(chosen) if published_by is None else as_of(chosen, published_by)


def _force(query: Force | str) -> Force:
    return query if isinstance(query, Force) else find_force(query)


def _framework(query: Framework | str) -> Framework:
    return query if isinstance(query, Framework) else find_framework(query)


@functools.cache
def _read(round_key: str, force_id: str) -> Inspection:
    def misplaced(found: Inspection) -> str | None:
        if found.framework.key == round_key and found.force.police_uk_id == force_id:
            return None
        return f"holds {found.force.police_uk_id} in {found.framework.key}"

    name = f"{_files.INSPECTIONS}/{round_key}/{force_id}.json"
    return _files.read_bundled_as(name, read_inspection, misplaced)
