"""Registers the strategies with hypothesis, which loads this through its entry point.

With the ``hypothesis`` extra installed, ``st.from_type(pg.Inspection)`` makes valid
inspections in any project.
"""

from __future__ import annotations

from typing import Any

__all__ = ["_hypothesis_setup_hook"]


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each public value type.

    The strategies are built on first use: hypothesis runs this hook while it is itself being
    imported, which may be from inside ``policegrades.strategies``.

    >>> from hypothesis import find, strategies as st
    >>> import policegrades as pg
    >>> find(st.from_type(pg.Inspection), lambda inspection: True).grades
    ()
    """
    from hypothesis import strategies as st

    import policegrades as pg

    def later(name: str) -> st.SearchStrategy[Any]:
        def build() -> st.SearchStrategy[Any]:
            from policegrades import strategies

            made: st.SearchStrategy[Any] = getattr(strategies, name)()
            return made

        return st.deferred(build)

    st.register_type_strategy(pg.Grade, later("grades"))
    st.register_type_strategy(pg.Scale, later("scales"))
    st.register_type_strategy(pg.Force, later("forces"))
    st.register_type_strategy(pg.Framework, later("frameworks"))
    st.register_type_strategy(pg.Area, later("areas"))
    st.register_type_strategy(pg.AreaGrade, later("any_area_grades"))
    st.register_type_strategy(pg.Recommendation, later("recommendations"))
    st.register_type_strategy(pg.RecommendationKind, later("recommendation_kinds"))
    st.register_type_strategy(pg.Monitoring, later("monitoring"))
    st.register_type_strategy(pg.Inspection, later("inspections"))
    st.register_type_strategy(pg.Dataset, later("datasets"))
