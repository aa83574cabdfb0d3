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
from typing import Any

from hypothesis import strategies as st

from policegrades.assessments import (
    AreaGrade,
    Inspection,
    Monitoring,
    Recommendation,
    RecommendationKind,
)
from policegrades.catalogues import forces as _forces
from policegrades.catalogues import frameworks as _frameworks
from policegrades.counts import GradeCounts
from policegrades.errors import InvalidDataError
from policegrades.grades import Grade, Scale
from policegrades.monitoring import EngagePeriod
from policegrades.police_forces import Force
from policegrades.provenance import Basis, Correction, Precision, Source
from policegrades.rounds import Area, Framework, Grading

__all__ = [
    "any_area_grades",
    "area_grades",
    "areas",
    "bases",
    "corrections",
    "engage_periods",
    "forces",
    "frameworks",
    "grade_counts",
    "grades",
    "gradings",
    "inspections",
    "monitoring",
    "precisions",
    "recommendation_kinds",
    "recommendations",
    "scales",
    "sentences",
    "sources",
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


def bases() -> st.SearchStrategy[Basis]:
    """The ways a grade can be known.

    >>> from hypothesis import find
    >>> find(bases(), lambda basis: True)
    <Basis.STATED: 'stated'>
    """
    return st.sampled_from(Basis)


def precisions() -> st.SearchStrategy[Precision]:
    """The precisions of a date.

    >>> from hypothesis import find
    >>> find(precisions(), lambda precision: True)
    <Precision.DAY: 'day'>
    """
    return st.sampled_from(Precision)


def gradings() -> st.SearchStrategy[Grading]:
    """Whether a round grades an area.

    >>> from hypothesis import find
    >>> find(gradings(), lambda grading: True)
    <Grading.GRADED: 'graded'>
    """
    return st.sampled_from(Grading)


def grade_counts(scale: Scale | None = None) -> st.SearchStrategy[GradeCounts]:
    """Counts of every grade of ``scale`` (or of either scale), as a count sentence gives them.

    >>> from hypothesis import find
    >>> find(grade_counts(Scale.FIVE_POINT), lambda counts: counts.total == 10).total
    10
    """
    chosen = st.just(scale) if scale is not None else scales()
    return chosen.flatmap(
        lambda on: st.lists(
            st.integers(min_value=0, max_value=13), min_size=len(on.grades), max_size=len(on.grades)
        ).map(lambda numbers: GradeCounts(zip(on.grades, numbers, strict=True)))
    )


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


def _urls() -> st.SearchStrategy[str]:
    slug = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map("-".join)
    return slug.map(lambda path: f"https://www.justiceinspectorates.gov.uk/hmicfrs/{path}/")


_PUBLISHERS = ("HMICFRS", "BBC News", "ITV News", "Police Professional")


def sources(key: str | None = None) -> st.SearchStrategy[Source]:
    """Sources with a URL, a title or both, under ``key`` if given.

    >>> from hypothesis import find
    >>> find(sources("release"), lambda source: True).key
    'release'
    """
    keys = st.just(key) if key is not None else st.sampled_from(_SOURCE_KEYS)
    return st.one_of(
        st.builds(Source, key=keys, url=_urls(), title=st.none() | sentences(max_words=8)),
        st.builds(Source, key=keys, title=sentences(max_words=8)),
    ).flatmap(
        lambda made: st.builds(
            Source,
            key=st.just(made.key),
            url=st.just(made.url),
            title=st.just(made.title),
            publisher=st.none() | st.sampled_from(_PUBLISHERS),
        )
    )


_SOURCE_KEYS = ("report", "release", "bbc", "itv", "pcc")


def _grade_for(area: Area, scale: Scale) -> st.SearchStrategy[Grade | None]:
    if not area.graded:
        return st.none()
    return st.one_of(grades(scale), st.none())


def corrections(
    framework: Framework, area: Area, grade: Grade | None, cited: tuple[str, ...] = ()
) -> st.SearchStrategy[Correction]:
    """Corrections of ``grade`` in ``area``: a different first-published grade, and why.

    The date falls in the year after the round's last, so after any publication in the round;
    ``cited`` are the source keys it may cite.

    >>> from hypothesis import find
    >>> import policegrades as pg
    >>> peel = pg.framework("2023-25")
    >>> area = peel.area("responding to the public")
    >>> made = find(corrections(peel, area, pg.Grade.ADEQUATE), lambda c: c.published_grade)
    >>> made.published_grade, made.date.year
    (<Grade.OUTSTANDING: 'outstanding'>, 2026)
    """
    before = _grade_for(area, framework.scale).filter(lambda first: first != grade)
    return st.builds(
        Correction,
        published_grade=before,
        date=st.dates(
            min_value=datetime.date(framework.end_year + 1, 1, 1),
            max_value=datetime.date(framework.end_year + 1, 12, 31),
        ),
        reason=sentences(),
        source=st.none() | st.sampled_from(cited) if cited else st.none(),
    )


def area_grades(
    framework: Framework, area: Area | None = None, *, cited: tuple[str, ...] = ()
) -> st.SearchStrategy[AreaGrade]:
    """A grade of ``area`` (or of any area of ``framework``) that the framework allows.

    Ungraded areas get ``None``; derived grades always carry a note; ``cited`` are the
    source keys a grade may cite (none if not given).

    >>> from hypothesis import find
    >>> import policegrades as pg
    >>> peel = pg.framework("2016")
    >>> find(area_grades(peel), lambda held: held.derived).note
    'The.'
    """
    if area is None:
        return areas(framework).flatmap(lambda picked: area_grades(framework, picked, cited=cited))
    if not framework.has_area(area):
        raise InvalidDataError(
            [f"area: {area.key!r} is not an area of {framework.name}"],
            heading="area_grades draws grades of the framework's own areas:",
        )
    chosen = area
    return _grade_for(chosen, framework.scale).flatmap(
        lambda grade: st.builds(
            _area_grade,
            area=st.just(chosen),
            grade=st.just(grade),
            basis=bases(),
            source=st.none() | st.sampled_from(cited) if cited else st.none(),
            weak=st.booleans(),
            correction=st.none()
            | (corrections(framework, chosen, grade, cited) if chosen.graded else st.nothing()),
            note=st.one_of(st.none(), sentences()),
            others=st.lists(st.sampled_from(cited), unique=True, max_size=3)
            if cited
            else st.just([]),
        )
    )


def any_area_grades() -> st.SearchStrategy[AreaGrade]:
    """Grades of any area of any bundled PEEL round.

    >>> from hypothesis import find
    >>> find(any_area_grades(), lambda held: held.grade is not None).grade
    <Grade.OUTSTANDING: 'outstanding'>
    """
    return frameworks().flatmap(area_grades)


def _area_grade(
    *,
    area: Area,
    grade: Grade | None,
    basis: Basis,
    source: str | None,
    weak: bool,
    correction: Correction | None,
    note: str | None,
    others: list[str],
) -> AreaGrade:
    if basis is Basis.DERIVED and note is None:
        basis = Basis.STATED
    return AreaGrade(
        area=area,
        grade=grade,
        basis=basis,
        source=source,
        weak=weak,
        correction=correction,
        note=note,
        # Further sources only beside a first one, and never the first one again.
        other_sources=() if source is None else tuple(k for k in others if k != source),
    )


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


def recommendations(
    framework: Framework | None = None, *, cited: tuple[str, ...] = ()
) -> st.SearchStrategy[Recommendation]:
    """Findings, each about an area of ``framework`` or about no area in particular.

    ``cited`` are the source keys a finding may cite.

    >>> from hypothesis import find
    >>> find(recommendations(), lambda finding: True).kind
    <RecommendationKind.CAUSE_OF_CONCERN: 'cause of concern'>
    """
    area = st.none() if framework is None else st.one_of(st.none(), areas(framework))
    return st.builds(
        Recommendation,
        text=sentences(max_words=30),
        kind=recommendation_kinds(),
        area=area,
        source=st.none() | st.sampled_from(cited) if cited else st.none(),
    )


@st.composite
def _published(draw: st.DrawFn, framework: Framework) -> tuple[datetime.date | None, Precision]:
    precision = draw(precisions())
    if precision is Precision.ROUND:
        return None, precision
    day = draw(
        st.dates(
            min_value=datetime.date(framework.start_year, 1, 1),
            max_value=datetime.date(framework.end_year, 12, 31),
        )
    )
    return _at_precision(day, precision), precision


def _at_precision(day: datetime.date, precision: Precision) -> datetime.date:
    """``day`` as a date of ``precision`` holds it: the first of its month, or of its year."""
    if precision is Precision.MONTH:
        return day.replace(day=1)
    if precision is Precision.YEAR:
        return day.replace(month=1, day=1)
    return day


def inspections(
    framework: Framework | None = None,
    force: Force | None = None,
    *,
    min_areas: int = 0,
    max_areas: int | None = None,
) -> st.SearchStrategy[Inspection]:
    """Valid inspections: published within the round's years, each area graded at most once.

    ``framework`` and ``force`` fix those fields; ``min_areas`` and ``max_areas`` bound how
    many areas hold a grade. Bounds that no round can meet raise `InvalidDataError`. Grades, findings and counts
    cite only sources the inspection lists; published counts, when drawn, never fall short
    of the grades known.

    >>> from hypothesis import find
    >>> import policegrades as pg
    >>> found = find(inspections(pg.framework("2021/22"), min_areas=3), lambda i: True)
    >>> found.framework.name, len(found.grades)
    ('PEEL 2021/22', 3)
    """
    problems = []
    if type(min_areas) is not int or min_areas < 0:
        problems.append(f"min_areas: expected a whole number ≥ 0, got {min_areas!r}")
    if max_areas is not None and (type(max_areas) is not int or max_areas < 0):
        problems.append(f"max_areas: expected a whole number ≥ 0 or None, got {max_areas!r}")
    elif max_areas is not None and type(min_areas) is int and max_areas < min_areas:
        problems.append(f"max_areas: {max_areas} is fewer than min_areas {min_areas}")
    most = max(len(f.areas) for f in _frameworks()) if framework is None else len(framework.areas)
    if type(min_areas) is int and min_areas > most:
        where = "any round" if framework is None else framework.name
        problems.append(f"min_areas: {min_areas} is more than the {most} areas of {where}")
    if problems:
        raise InvalidDataError(problems, heading="inspections cannot draw what is asked:")
    chosen = st.just(framework) if framework is not None else frameworks()
    if framework is None:  # only the rounds that have enough areas
        chosen = chosen.filter(lambda peel: len(peel.areas) >= min_areas)
    return chosen.flatmap(lambda peel: _inspections(peel, force, min_areas, max_areas))


@st.composite
def _inspections(
    draw: st.DrawFn,
    framework: Framework,
    force: Force | None,
    min_areas: int,
    max_areas: int | None,
) -> Inspection:
    most = len(framework.areas) if max_areas is None else min(max_areas, len(framework.areas))
    listed = draw(st.lists(st.sampled_from(_SOURCE_KEYS), max_size=3, unique=True))
    listed_sources = tuple(draw(sources(key)) for key in listed)
    cited = tuple(listed)
    picked = draw(
        st.lists(
            st.sampled_from(framework.areas),
            min_size=min(min_areas, most),
            max_size=most,
            unique_by=lambda area: area.key,
        )
    )
    held = [draw(area_grades(framework, area, cited=cited)) for area in picked]
    published, precision = draw(_published(framework))
    counts = None
    if draw(st.booleans()):
        known = GradeCounts.of(
            (h.published_grade for h in held if h.area.parent is None), framework.scale.grades
        )
        extra = draw(
            st.lists(
                st.integers(min_value=0, max_value=3),
                min_size=len(framework.scale.grades),
                max_size=len(framework.scale.grades),
            )
        )
        counts = GradeCounts(
            (grade, known[grade] + more) for grade, more in zip(known, extra, strict=True)
        )
    return Inspection(
        force=draw(st.just(force) if force is not None else forces()),
        framework=framework,
        published=published,
        published_precision=precision,
        grades=held,
        published_counts=counts,
        counts_source=draw(st.none() | st.sampled_from(cited)) if counts and cited else None,
        inspector=draw(st.one_of(st.none(), st.sampled_from(_INSPECTORS))),
        recommendations=draw(st.lists(recommendations(framework, cited=cited), max_size=4)),
        monitoring=draw(st.one_of(st.none(), monitoring())),
        sources=listed_sources,
        note=draw(st.one_of(st.none(), sentences())),
    )


_INSPECTORS = ("Michael Cunningham", "Matt Parr", "Phil Gormley", "Michelle Skeer")


_DATED = (Precision.DAY, Precision.MONTH, Precision.YEAR)


@st.composite
def _dated(draw: st.DrawFn, after: datetime.date) -> tuple[datetime.date, Precision]:
    precision = draw(st.sampled_from(_DATED))
    day = draw(st.dates(min_value=after, max_value=datetime.date(2030, 12, 31)))
    return _at_precision(day, precision), precision


@st.composite
def engage_periods(draw: st.DrawFn, force: Force | None = None) -> EngagePeriod:
    """Engage periods: dated to the day, month or year, open or closed, every end sourced.

    >>> from hypothesis import find
    >>> find(engage_periods(), lambda period: period.open).exited is None
    True
    """
    who = force if force is not None else draw(forces())
    entered, entered_precision = draw(_dated(datetime.date(2014, 1, 1)))
    keys = draw(st.lists(st.sampled_from(_SOURCE_KEYS), min_size=1, max_size=3, unique=True))
    listed = tuple(draw(sources(key)) for key in keys)
    cited = st.lists(st.sampled_from(keys), min_size=1, max_size=len(keys), unique=True)
    reasons = st.lists(sentences(max_words=12), max_size=3)
    first_day = _at_precision(entered, entered_precision)
    exit_ = draw(st.none() | _dated(first_day))
    common: dict[str, Any] = {
        "force": who,
        "entered": entered,
        "entered_precision": entered_precision,
        "reasons": draw(reasons),
        "sources": listed,
        "entered_sources": draw(cited),
        "entered_weak": draw(st.booleans()),
        "note": draw(st.none() | sentences()),
    }
    if exit_ is not None:
        return EngagePeriod(
            **common,
            exited=exit_[0],
            exited_precision=exit_[1],
            exit_reasons=draw(reasons),
            exited_sources=draw(cited),
            exited_weak=draw(st.booleans()),
        )
    still = draw(st.none() | st.dates(min_value=first_day, max_value=datetime.date(2031, 12, 31)))
    return EngagePeriod(
        **common,
        still_in_on=still,
        still_in_sources=draw(cited) if still is not None else (),
    )
