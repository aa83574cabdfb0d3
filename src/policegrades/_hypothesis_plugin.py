"""Registers the strategies with hypothesis, which loads this through its entry point.

With the ``hypothesis`` extra installed, ``st.from_type(pg.Inspection)`` makes valid
inspections in any project.
"""

from __future__ import annotations

__all__ = ["_hypothesis_setup_hook"]


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each public value type.

    >>> from hypothesis import find, strategies as st
    >>> import policegrades as pg
    >>> find(st.from_type(pg.Inspection), lambda inspection: True).grades
    ()
    """
    from hypothesis import strategies as st

    from policegrades import strategies
    from policegrades.datasets import Dataset
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

    st.register_type_strategy(Grade, strategies.grades())
    st.register_type_strategy(Scale, strategies.scales())
    st.register_type_strategy(Force, strategies.forces())
    st.register_type_strategy(Framework, strategies.frameworks())
    st.register_type_strategy(Area, strategies.areas())
    st.register_type_strategy(AreaGrade, strategies.frameworks().flatmap(strategies.area_grades))
    st.register_type_strategy(Recommendation, strategies.recommendations())
    st.register_type_strategy(RecommendationKind, strategies.recommendation_kinds())
    st.register_type_strategy(Monitoring, strategies.monitoring())
    st.register_type_strategy(Inspection, strategies.inspections())
    st.register_type_strategy(Dataset, strategies.datasets())
