"""Typed, sourced PEEL grades of the police forces of England and Wales.

>>> import policegrades as pg
>>> pg.force("Cleveland").name
'Cleveland Police'
"""

from policegrades import fixtures
from policegrades._version import __version__
from policegrades.catalogues import force, forces, framework, frameworks
from policegrades.datasets import Dataset
from policegrades.errors import InvalidDataError, PoliceGradesError, UnknownNameError
from policegrades.forces import Force
from policegrades.frameworks import Area, Framework
from policegrades.grades import Grade, Scale
from policegrades.inspections import (
    AreaGrade,
    Inspection,
    Monitoring,
    Recommendation,
    RecommendationKind,
)
from policegrades.serialisation import converter, from_dict, from_json, to_dict, to_json

__all__ = [
    "Area",
    "AreaGrade",
    "Dataset",
    "Force",
    "Framework",
    "Grade",
    "Inspection",
    "InvalidDataError",
    "Monitoring",
    "PoliceGradesError",
    "Recommendation",
    "RecommendationKind",
    "Scale",
    "UnknownNameError",
    "__version__",
    "converter",
    "fixtures",
    "force",
    "forces",
    "framework",
    "frameworks",
    "from_dict",
    "from_json",
    "to_dict",
    "to_json",
]
