"""Registers the strategies with hypothesis, which loads this through its entry point.

With the ``hypothesis`` extra installed, ``st.from_type(pg.Inspection)`` makes valid
inspections in any project.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from policegrades.assessments import (
    AreaGrade,
    Inspection,
    Monitoring,
    Recommendation,
    RecommendationKind,
)
from policegrades.counts import GradeCounts
from policegrades.grades import Grade, Scale
from policegrades.monitoring import EngagePeriod
from policegrades.police_forces import Force
from policegrades.provenance import Basis, Precision, Source
from policegrades.rounds import Area, Framework, Grading

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["_hypothesis_setup_hook"]


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each public value type.

    hypothesis runs this hook while it is itself being imported, and this module may be
    imported before hypothesis: hypothesis is therefore imported here, not at the top. Each
    strategy is deferred, and `policegrades.strategies` (which reads the catalogues, through
    cattrs) is loaded only when a value is first drawn, so that importing hypothesis stays
    quick.

    >>> from hypothesis import find, strategies as st
    >>> import policegrades as pg
    >>> find(st.from_type(pg.Inspection), lambda inspection: True).grades
    ()
    """
    from hypothesis import strategies as st

    for cls, name in (
        (Grade, "grades"),
        (Scale, "scales"),
        (Force, "forces"),
        (Framework, "frameworks"),
        (Area, "areas"),
        (AreaGrade, "any_area_grades"),
        (Recommendation, "recommendations"),
        (RecommendationKind, "recommendation_kinds"),
        (Monitoring, "monitoring"),
        (Inspection, "inspections"),
        (EngagePeriod, "engage_periods"),
        (Source, "sources"),
        (Basis, "bases"),
        (Precision, "precisions"),
        (Grading, "gradings"),
        (GradeCounts, "grade_counts"),
    ):
        st.register_type_strategy(cls, st.deferred(_later(name)))


def _later(name: str) -> Callable[[], SearchStrategy[Any]]:
    def build() -> SearchStrategy[Any]:
        made: SearchStrategy[Any] = getattr(importlib.import_module(_STRATEGIES), name)()
        return made

    return build


_STRATEGIES = "policegrades.strategies"
