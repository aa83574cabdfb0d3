"""Hypothesis strategies for every public value, for property-testing code that uses them.

Needs the ``hypothesis`` extra (``pip install policegrades[hypothesis]``). Every value these
strategies make is valid: it constructs without error, survives `to_json` and `from_json`
unchanged, and uses the bundled forces and PEEL rounds. Examples shrink towards few areas,
short text and early dates.

>>> from hypothesis import given
>>> import policegrades as pg
>>> from policegrades import strategies
>>> @given(strategies.inspections())
... def test_round_trip(inspection):
...     assert pg.from_json(pg.to_json(inspection), pg.Inspection) == inspection
>>> test_round_trip()
"""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from policegrades.catalogues import forces as _forces
from policegrades.catalogues import frameworks as _frameworks
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

__all__ = [
    "any_area_grades",
    "area_grades",
    "areas",
    "datasets",
    "forces",
    "frameworks",
    "grades",
    "inspections",
    "monitoring",
    "recommendation_kinds",
    "recommendations",
    "scales",
    "sentences",
]

_WORDS = (
    "the force should improve how it records crime and supports victims of domestic abuse "
    "officers staff neighbourhood teams respond to calls for service within published times "
    "safeguarding vulnerable people children partners share information supervise "
    "investigations plan resources demand workforce wellbeing ethical behaviour public trust"
).split()


def sentences(*, max_words: int = 16) -> st.SearchStrategy[str]:
    """Short sentences of ordinary words, as a finding or a note would read.

    >>> from hypothesis import find
    >>> find(sentences(), lambda text: True)
    'The.'
    """
    return st.lists(st.sampled_from(_WORDS), min_size=1, max_size=max_words).map(
        lambda words: " ".join(words).capitalize() + "."
    )


def scales() -> st.SearchStrategy[Scale]:
    """Either grading scale.

    >>> from hypothesis import find
    >>> find(scales(), lambda scale: True)
    <Scale.FOUR_POINT: 'four-point'>
    """
    return st.sampled_from(Scale)


def grades(scale: Scale | None = None) -> st.SearchStrategy[Grade]:
    """Grades, on ``scale`` if given (so never "adequate" on the four-point scale).

    >>> from hypothesis import find
    >>> find(grades(Scale.FOUR_POINT), lambda grade: grade < Grade.GOOD)
    <Grade.REQUIRES_IMPROVEMENT: 'requires improvement'>
    """
    return st.sampled_from(Grade if scale is None else scale.grades)


def forces() -> st.SearchStrategy[Force]:
    """The bundled forces.

    >>> from hypothesis import find
    >>> find(forces(), lambda force: force.country == "Wales").name
    'North Wales Police'
    """
    return st.sampled_from(_forces())


def frameworks() -> st.SearchStrategy[Framework]:
    """The bundled PEEL rounds.

    >>> from hypothesis import find
    >>> find(frameworks(), lambda peel: peel.scale is Scale.FIVE_POINT).name
    'PEEL 2021/22'
    """
    return st.sampled_from(_frameworks())


def areas(framework: Framework | None = None) -> st.SearchStrategy[Area]:
    """Areas of ``framework``, or of any bundled PEEL round.

    >>> from hypothesis import find
    >>> import policegrades as pg
    >>> find(areas(pg.framework("2016")), lambda area: True).key
    'effectiveness'
    """
    if framework is not None:
        return st.sampled_from(framework.areas)
    return frameworks().flatmap(lambda chosen: st.sampled_from(chosen.areas))


def _grade_for(area: Area, scale: Scale) -> st.SearchStrategy[Grade | None]:
    if not area.graded:
        return st.none()
    return st.one_of(grades(scale), st.none())


def area_grades(framework: Framework, area: Area | None = None) -> st.SearchStrategy[AreaGrade]:
    """A grade of ``area`` (or of any area of ``framework``) that the framework allows.

    Ungraded areas get ``None``; derived grades always carry a note.

    >>> from hypothesis import find
    >>> import policegrades as pg
    >>> peel = pg.framework("2016")
    >>> find(area_grades(peel), lambda held: held.derived).note
    'The.'
    """
    if area is None:
        return areas(framework).flatmap(lambda picked: area_grades(framework, picked))
    return st.builds(
        _area_grade,
        area=st.just(area),
        grade=_grade_for(area, framework.scale),
        note=st.one_of(st.none(), sentences()),
        derived=st.booleans(),
    )


def any_area_grades() -> st.SearchStrategy[AreaGrade]:
    """Grades of any area of any bundled PEEL round.

    >>> from hypothesis import find
    >>> find(any_area_grades(), lambda held: held.grade is not None).grade
    <Grade.OUTSTANDING: 'outstanding'>
    """
    return frameworks().flatmap(area_grades)


def _area_grade(*, area: Area, grade: Grade | None, note: str | None, derived: bool) -> AreaGrade:
    if derived and note is None:
        derived = False
    return AreaGrade(area=area, grade=grade, derived=derived, note=note)


def recommendation_kinds() -> st.SearchStrategy[RecommendationKind]:
    """The kinds of finding.

    >>> from hypothesis import find
    >>> find(recommendation_kinds(), lambda kind: True)
    <RecommendationKind.CAUSE_OF_CONCERN: 'cause of concern'>
    """
    return st.sampled_from(RecommendationKind)


def monitoring() -> st.SearchStrategy[Monitoring]:
    """The monitoring stages.

    >>> from hypothesis import find
    >>> find(monitoring(), lambda stage: True)
    <Monitoring.SCAN: 'scan'>
    """
    return st.sampled_from(Monitoring)


def recommendations(framework: Framework | None = None) -> st.SearchStrategy[Recommendation]:
    """Findings, each about an area of ``framework`` or about no area in particular.

    >>> from hypothesis import find
    >>> find(recommendations(), lambda finding: True).kind
    <RecommendationKind.CAUSE_OF_CONCERN: 'cause of concern'>
    """
    area = st.none() if framework is None else st.one_of(st.none(), areas(framework))
    return st.builds(
        Recommendation, text=sentences(max_words=30), kind=recommendation_kinds(), area=area
    )


def _dates(framework: Framework) -> st.SearchStrategy[datetime.date]:
    return st.dates(
        min_value=datetime.date(framework.start_year, 1, 1),
        max_value=datetime.date(framework.end_year, 12, 31),
    )


def _urls() -> st.SearchStrategy[str]:
    slug = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map("-".join)
    return slug.map(lambda path: f"https://www.justiceinspectorates.gov.uk/hmicfrs/{path}/")


def inspections(
    framework: Framework | None = None,
    force: Force | None = None,
    *,
    min_areas: int = 0,
    max_areas: int | None = None,
) -> st.SearchStrategy[Inspection]:
    """Valid inspections: published within the round's years, each area graded at most once.

    ``framework`` and ``force`` fix those fields; ``min_areas`` and ``max_areas`` bound how
    many areas hold a grade (at most the framework's areas).

    >>> from hypothesis import find
    >>> import policegrades as pg
    >>> found = find(inspections(pg.framework("2021/22"), min_areas=3), lambda i: True)
    >>> found.framework.name, len(found.grades)
    ('PEEL 2021/22', 3)
    """
    chosen = st.just(framework) if framework is not None else frameworks()
    return chosen.flatmap(lambda peel: _inspections(peel, force, min_areas, max_areas))


def _inspections(
    framework: Framework, force: Force | None, min_areas: int, max_areas: int | None
) -> st.SearchStrategy[Inspection]:
    most = len(framework.areas) if max_areas is None else min(max_areas, len(framework.areas))
    picked = st.lists(
        st.sampled_from(framework.areas),
        min_size=min(min_areas, most),
        max_size=most,
        unique_by=lambda area: area.key,
    )
    held = picked.flatmap(
        lambda chosen: st.tuples(*(area_grades(framework, area) for area in chosen))
    )
    return st.builds(
        Inspection,
        force=st.just(force) if force is not None else forces(),
        framework=st.just(framework),
        published=_dates(framework),
        grades=held,
        inspector=st.one_of(st.none(), st.sampled_from(_INSPECTORS)),
        recommendations=st.lists(recommendations(framework), max_size=4),
        monitoring=st.one_of(st.none(), monitoring()),
        sources=st.lists(_urls(), max_size=3, unique=True),
        note=st.one_of(st.none(), sentences()),
    )


_INSPECTORS = ("Michael Cunningham", "Matt Parr", "Phil Gormley", "Michelle Skeer")


def datasets() -> st.SearchStrategy[Dataset]:
    """Small datasets of valid inspections.

    >>> from hypothesis import find
    >>> find(datasets(), lambda dataset: True).inspections
    ()
    """
    return st.builds(
        Dataset,
        key=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map("-".join),
        title=sentences(max_words=6),
        description=sentences(),
        sources=st.lists(_urls(), max_size=3, unique=True),
        inspections=st.lists(inspections(max_areas=4), max_size=3),
    )
