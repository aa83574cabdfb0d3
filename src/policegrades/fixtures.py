"""The bundled, sourced inspections: Cleveland Police's PEEL history, and more.

Each dataset is read from the package's data on first use and cached; the values are
immutable, so every caller shares them safely.
"""

from __future__ import annotations

import functools

from policegrades.datasets import Dataset
from policegrades.errors import UnknownNameError
from policegrades.inspections import Inspection
from policegrades.serialisation import load_bundled

__all__ = ["DATASETS", "cleveland", "dataset", "datasets", "peel_2016_effectiveness"]

DATASETS = ("cleveland", "peel-2016-effectiveness")
"""The keys of the bundled datasets."""


def datasets() -> tuple[Dataset, ...]:
    """Every bundled dataset, with its title, description and sources.

    >>> import policegrades as pg
    >>> [d.key for d in pg.fixtures.datasets()]
    ['cleveland', 'peel-2016-effectiveness']
    """
    return tuple(dataset(key) for key in DATASETS)


@functools.cache
def dataset(key: str) -> Dataset:
    """The bundled dataset called ``key`` (see `DATASETS`).

    >>> import policegrades as pg
    >>> pg.fixtures.dataset("peel-2016-effectiveness").sources[0]
    'http://iwradio.co.uk/2017/03/02/police-effectiveness-what-rating-does-your-force-get-in-hmic-report/'
    """
    if key not in DATASETS:
        raise UnknownNameError(
            f"no bundled dataset is called {key!r}; expected one of: {', '.join(DATASETS)}",
            candidates=DATASETS,
        )
    return load_bundled(f"datasets/{key}.json", Dataset)


def cleveland() -> tuple[Inspection, ...]:
    """Cleveland Police's PEEL inspections, one per round, oldest first.

    >>> import policegrades as pg
    >>> [i.framework.name for i in pg.fixtures.cleveland()]
    ['PEEL 2014', 'PEEL 2015', 'PEEL 2016', 'PEEL 2017', 'PEEL 2018/19', 'PEEL 2021/22', 'PEEL 2023–25']
    """
    return dataset("cleveland").inspections


def peel_2016_effectiveness() -> tuple[Inspection, ...]:
    """Every force's PEEL 2016 effectiveness grade: one inspection per force, in force order.

    >>> import policegrades as pg
    >>> durham = pg.fixtures.peel_2016_effectiveness()[7]
    >>> durham.force.short_name, durham.grade("effectiveness")
    ('Durham', <Grade.OUTSTANDING: 'outstanding'>)
    """
    return dataset("peel-2016-effectiveness").inspections
