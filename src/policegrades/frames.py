"""Grades as a pandas DataFrame, in the long format of `policegrades.tables`.

Needs the ``pandas`` extra; pandas is imported only when a frame is made.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

from policegrades.assessments import Inspection
from policegrades.errors import PoliceGradesError
from policegrades.grades import Grade
from policegrades.tables import GRADE_COLUMNS, rows

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FRAME_COLUMNS", "GRADE_ORDER", "to_dataframe"]

GRADE_ORDER = tuple(grade.label for grade in sorted(Grade))
"""The grade categories, worst first, so that sorting and ``max()`` follow the scale."""


FRAME_COLUMNS = (*GRADE_COLUMNS[:4], "published_precision", *GRADE_COLUMNS[4:])
"""The columns of the frame: the long table's, with the precision of the date after it."""


def to_dataframe(inspections: Iterable[Inspection]) -> pd.DataFrame:
    """One row per force, round and area; ``grade`` is an ordered categorical.

    ``published`` and ``corrected_on`` are datetime columns (a date known to the month is its
    first day, one known only to the round is missing; ``published_precision`` says which),
    ``weak`` is a boolean column, and ``grade`` and ``published_grade`` are ordered
    categoricals, worst first; an ungraded area's grade is missing (``NaN``).

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
        raise PoliceGradesError(
            'to_dataframe needs pandas: pip install "policegrades[pandas]"'
        ) from error
    records = [
        {column: _plain(row[column]) for column in FRAME_COLUMNS} for row in rows(inspections)
    ]
    frame: pd.DataFrame = pd.DataFrame.from_records(records, columns=list(FRAME_COLUMNS))
    for column in ("grade", "published_grade"):
        frame[column] = pd.Categorical(frame[column], categories=GRADE_ORDER, ordered=True)
    for column in ("published", "corrected_on"):
        frame[column] = pd.to_datetime(frame[column])
    frame["weak"] = frame["weak"].astype(bool)
    return frame


def _plain(value: object) -> object:
    """A cell's Python value, with the library's enums as their words."""
    return value.value if isinstance(value, enum.Enum) else value
