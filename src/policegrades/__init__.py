"""Typed, sourced PEEL grades of the police forces of England and Wales.

>>> import policegrades as pg
>>> pg.force("Cleveland").name
'Cleveland Police'
"""

from policegrades import fixtures
from policegrades._version import __version__
from policegrades.catalogues import force, forces, framework, frameworks
from policegrades.comparison import AreaChange, Change, Comparison, compare
from policegrades.datasets import Dataset
from policegrades.errors import InvalidDataError, PoliceGradesError, UnknownNameError
from policegrades.forces import Force
from policegrades.frames import to_dataframe
from policegrades.frameworks import Area, Framework
from policegrades.grades import Grade, Scale
from policegrades.history import HistoryEntry, history
from policegrades.inspections import (
    AreaGrade,
    Inspection,
    Monitoring,
    Recommendation,
    RecommendationKind,
)
from policegrades.rankings import RankEntry, rank
from policegrades.serialisation import converter, from_dict, from_json, to_dict, to_json
from policegrades.summaries import Summary, summarise
from policegrades.tables import from_csv, to_csv

__all__ = [
    "Area",
    "AreaChange",
    "AreaGrade",
    "Change",
    "Comparison",
    "Dataset",
    "Force",
    "Framework",
    "Grade",
    "HistoryEntry",
    "Inspection",
    "InvalidDataError",
    "Monitoring",
    "PoliceGradesError",
    "RankEntry",
    "Recommendation",
    "RecommendationKind",
    "Scale",
    "Summary",
    "UnknownNameError",
    "__version__",
    "compare",
    "converter",
    "fixtures",
    "force",
    "forces",
    "framework",
    "frameworks",
    "from_csv",
    "from_dict",
    "from_json",
    "history",
    "rank",
    "summarise",
    "to_csv",
    "to_dataframe",
    "to_dict",
    "to_json",
]
