"""Ready-made sets of bundled inspections, for examples, tests and notebooks.

Both are drawn from the bundled national data (`policegrades.inspections`).
"""

from __future__ import annotations

import functools

from policegrades.assessments import Inspection
from policegrades.bundled import inspections

__all__ = ["cleveland", "peel_2016_effectiveness"]


@functools.cache
def cleveland() -> tuple[Inspection, ...]:
    """Cleveland Police's PEEL inspections, one per round, oldest first.

    >>> import policegrades as pg
    >>> [i.framework.name for i in pg.fixtures.cleveland()]
    ['PEEL 2014', 'PEEL 2015', 'PEEL 2016', 'PEEL 2017', 'PEEL 2018/19', 'PEEL 2021/22', 'PEEL 2023–25']
    """
    return inspections(force="cleveland")


@functools.cache
def peel_2016_effectiveness() -> tuple[Inspection, ...]:
    """Every force's PEEL 2016 effectiveness grade: one inspection per force, in force order.

    Each is the force's PEEL 2016 inspection cut down to its effectiveness pillar, with the
    source of that grade.

    >>> import policegrades as pg
    >>> durham = pg.fixtures.peel_2016_effectiveness()[7]
    >>> durham.force.short_name, durham.grade("effectiveness"), len(durham.grades)
    ('Durham', <Grade.OUTSTANDING: 'outstanding'>, 1)
    """
    return tuple(_effectiveness_only(i) for i in inspections(framework="peel-2016"))


def _effectiveness_only(inspection: Inspection) -> Inspection:
    held = inspection.area_grade("effectiveness")
    return Inspection(
        force=inspection.force,
        framework=inspection.framework,
        published=inspection.published,
        published_precision=inspection.published_precision,
        grades=(held,),
        sources=tuple(s for s in inspection.sources if s.key in held.sources),
    )
