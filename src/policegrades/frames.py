"""Grades as a pandas DataFrame, in the long format of `policegrades.tables`.

Needs the ``pandas`` extra; pandas is imported only when a frame is made.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from policegrades.grades import Grade
from policegrades.inspections import Inspection
from policegrades.tables import COLUMNS, rows

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["GRADE_ORDER", "to_dataframe"]

GRADE_ORDER = tuple(grade.label for grade in sorted(Grade))
"""The grade categories, worst first, so that sorting and ``max()`` follow the scale."""


def to_dataframe(inspections: Iterable[Inspection]) -> pd.DataFrame:
    """One row per force, round and area; ``grade`` is an ordered categorical.

    ``published`` is a datetime column, ``derived`` a boolean one; an ungraded area's grade is
    missing (``NaN``).

    >>> import policegrades as pg
    >>> frame = pg.to_dataframe(pg.fixtures.peel_2016_effectiveness())
    >>> frame["grade"].max()
    'outstanding'
    >>> frame.sort_values("grade", ascending=False)["force_name"].iloc[0]
    'Durham Constabulary'
    >>> frame["grade"].value_counts().to_dict()
    {'good': 28, 'requires improvement': 13, 'inadequate': 1, 'outstanding': 1, 'adequate': 0}
    """
    try:
        import pandas as pd
    except ImportError as error:  # pragma: no cover - depends on the environment
        from policegrades.errors import PoliceGradesError

        raise PoliceGradesError(
            'to_dataframe needs pandas: pip install "policegrades[pandas]"'
        ) from error
    records = [
        {**row, "grade": None if row["grade"] is None else row["grade"].label}
        for row in rows(inspections)
    ]
    frame: pd.DataFrame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    frame["grade"] = pd.Categorical(frame["grade"], categories=GRADE_ORDER, ordered=True)
    frame["published"] = pd.to_datetime(frame["published"])
    frame["derived"] = frame["derived"].astype(bool)
    return frame
