"""Datasets: a named, sourced collection of inspections, the unit of the bundled data."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from policegrades._fields import strings, to_tuple
from policegrades.inspections import Inspection

__all__ = ["Dataset"]


def _inspections(items: Iterable[Inspection]) -> tuple[Inspection, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class Dataset:
    """A named collection of inspections with a description and the sources it was built from.

    >>> import policegrades as pg
    >>> dataset = pg.fixtures.dataset("cleveland")
    >>> dataset.title
    "Cleveland Police's PEEL history"
    >>> len(dataset.inspections)
    7
    """

    key: str
    title: str
    description: str
    sources: tuple[str, ...] = attrs.field(default=(), converter=strings)
    inspections: tuple[Inspection, ...] = attrs.field(default=(), converter=_inspections)
