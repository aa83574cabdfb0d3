"""Typed, sourced PEEL grades of the police forces of England and Wales.

>>> import policegrades as pg
>>> pg.force("Cleveland").name
'Cleveland Police'

The model is imported with the package; the rest (the catalogues, loading and saving, the
bundled inspections, comparisons, tables) on first use, so that ``import policegrades`` stays
quick for a command line or a notebook.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from policegrades._version import __version__
from policegrades.assessments import AreaGrade, Inspection, Recommendation, RecommendationKind
from policegrades.counts import GradeCounts
from policegrades.errors import InvalidDataError, PoliceGradesError, UnknownNameError
from policegrades.grades import Grade, Scale
from policegrades.monitoring import EngagePeriod, Monitoring
from policegrades.police_forces import Force
from policegrades.provenance import Basis, Correction, Precision, Source
from policegrades.rounds import Area, Comparability, Framework, Grading

if TYPE_CHECKING:
    from policegrades import fixtures
    from policegrades.across import AreaAcross, ForceGrade, Standing, across_forces, standing
    from policegrades.bundled import inspection, inspections
    from policegrades.catalogues import force, forces, framework, frameworks
    from policegrades.checks import check
    from policegrades.comparison import AreaChange, Change, Comparison, compare
    from policegrades.engagement import engage_periods, in_engage
    from policegrades.files import read
    from policegrades.frames import to_dataframe
    from policegrades.histories import History, HistoryEntry, history
    from policegrades.knowledge import AreaCoverage, Coverage, Known, RoundCoverage, coverage
    from policegrades.merging import merge
    from policegrades.rankings import RankEntry, RankTable, rank
    from policegrades.serialisation import (
        converter,
        from_dict,
        from_json,
        make_converter,
        to_dict,
        to_json,
    )
    from policegrades.summaries import Counted, Summary, summarise
    from policegrades.tables import from_csv, to_csv

_LAZY = {
    "fixtures": "policegrades.fixtures",
    **dict.fromkeys(
        ["AreaAcross", "ForceGrade", "Standing", "across_forces", "standing"], "policegrades.across"
    ),
    **dict.fromkeys(
        ["AreaCoverage", "Coverage", "Known", "RoundCoverage", "coverage"], "policegrades.knowledge"
    ),
    **dict.fromkeys(["force", "forces", "framework", "frameworks"], "policegrades.catalogues"),
    **dict.fromkeys(["inspection", "inspections"], "policegrades.bundled"),
    "check": "policegrades.checks",
    **dict.fromkeys(["AreaChange", "Change", "Comparison", "compare"], "policegrades.comparison"),
    "read": "policegrades.files",
    **dict.fromkeys(["engage_periods", "in_engage"], "policegrades.engagement"),
    "merge": "policegrades.merging",
    "to_dataframe": "policegrades.frames",
    **dict.fromkeys(["History", "HistoryEntry", "history"], "policegrades.histories"),
    **dict.fromkeys(["RankEntry", "RankTable", "rank"], "policegrades.rankings"),
    **dict.fromkeys(
        ["converter", "from_dict", "from_json", "make_converter", "to_dict", "to_json"],
        "policegrades.serialisation",
    ),
    **dict.fromkeys(["Counted", "Summary", "summarise"], "policegrades.summaries"),
    **dict.fromkeys(["from_csv", "to_csv"], "policegrades.tables"),
}


def __getattr__(name: str) -> Any:
    """Import the module behind a public name on first use, and keep the name."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'policegrades' has no attribute {name!r}")
    loaded = importlib.import_module(module)
    value = loaded if name == "fixtures" else getattr(loaded, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Area",
    "AreaAcross",
    "AreaChange",
    "AreaCoverage",
    "AreaGrade",
    "Basis",
    "Change",
    "Comparability",
    "Comparison",
    "Correction",
    "Counted",
    "Coverage",
    "EngagePeriod",
    "Force",
    "ForceGrade",
    "Framework",
    "Grade",
    "GradeCounts",
    "Grading",
    "History",
    "HistoryEntry",
    "Inspection",
    "InvalidDataError",
    "Known",
    "Monitoring",
    "PoliceGradesError",
    "Precision",
    "RankEntry",
    "RankTable",
    "Recommendation",
    "RecommendationKind",
    "RoundCoverage",
    "Scale",
    "Source",
    "Standing",
    "Summary",
    "UnknownNameError",
    "__version__",
    "across_forces",
    "check",
    "compare",
    "converter",
    "coverage",
    "engage_periods",
    "fixtures",
    "force",
    "forces",
    "framework",
    "frameworks",
    "from_csv",
    "from_dict",
    "from_json",
    "history",
    "in_engage",
    "inspection",
    "inspections",
    "make_converter",
    "merge",
    "rank",
    "read",
    "standing",
    "summarise",
    "to_csv",
    "to_dataframe",
    "to_dict",
    "to_json",
]
