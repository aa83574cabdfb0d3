"""Inspections: one published PEEL assessment of one force, with its grades and findings."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Iterator

import attrs

from policegrades import _dates
from policegrades._fields import (
    expect,
    expect_items,
    is_optional_text,
    is_text,
    raise_if,
    to_tuple,
)
from policegrades._words import count_of
from policegrades.counts import GradeCounts
from policegrades.errors import InvalidDataError, UnknownNameError
from policegrades.grades import Grade
from policegrades.monitoring import Monitoring
from policegrades.police_forces import Force
from policegrades.provenance import Basis, Correction, Precision, Source
from policegrades.rounds import Area, Framework, Grading

__all__ = [
    "AreaGrade",
    "Inspection",
    "Monitoring",
    "Recommendation",
    "RecommendationKind",
    "chronological",
    "inspections_only",
]


class RecommendationKind(enum.Enum):
    """What kind of finding a `Recommendation` is, in the inspectorate's words.

    >>> from policegrades import RecommendationKind
    >>> str(RecommendationKind.AREA_FOR_IMPROVEMENT)
    'area for improvement'
    """

    CAUSE_OF_CONCERN = "cause of concern"
    RECOMMENDATION = "recommendation"
    AREA_FOR_IMPROVEMENT = "area for improvement"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True, init=False)
class AreaGrade:
    """The grade an inspection gave one area; ``grade`` is ``None`` when deliberately ungraded.

    Its provenance is typed: ``source`` is the key of the inspection's `Source` that states it,
    ``other_sources`` the keys of further sources that state the same grade, ``basis`` how it is known (`Basis`: stated, derived or carried over), ``weak`` whether it
    rests on a second-hand source where a first-hand one should exist, ``correction`` the
    change the inspectorate made after publication, and ``note`` what a reader should know:
    where the source states it, or how a derived grade was derived. ``derived=True`` is
    accepted as a short form of ``basis=Basis.DERIVED``.

    >>> import policegrades as pg
    >>> area = pg.framework("2016").area("effectiveness")
    >>> pg.AreaGrade(area=area, grade=pg.Grade.GOOD).grade
    <Grade.GOOD: 'good'>
    >>> pg.AreaGrade(area=area, grade=pg.Grade.GOOD, derived=True, note="From the counts.").basis
    <Basis.DERIVED: 'derived'>
    """

    area: Area = attrs.field(repr=lambda area: f"<Area {area.key}>")
    grade: Grade | None
    basis: Basis = Basis.STATED
    source: str | None = None
    weak: bool = False
    correction: Correction | None = None
    note: str | None = None
    other_sources: tuple[str, ...] = ()

    def __init__(
        self,
        *,
        area: Area,
        grade: Grade | None,
        basis: Basis = Basis.STATED,
        source: str | None = None,
        weak: bool = False,
        correction: Correction | None = None,
        note: str | None = None,
        derived: bool = False,
        other_sources: Iterable[str] = (),
    ) -> None:
        others = to_tuple(other_sources, "other_sources")
        # One test of every field for the common case; the detailed checks say what is wrong.
        if not (
            isinstance(area, Area)
            and (grade is None or isinstance(grade, Grade))
            and isinstance(basis, Basis)
            and is_optional_text(source)
            and type(weak) is bool
            and (correction is None or isinstance(correction, Correction))
            and is_optional_text(note)
            and derived is False
            and all(is_text(key) for key in others)
        ):
            problems: list[str] = []
            expect(problems, "area", area, Area, "an Area")
            expect(problems, "grade", grade, Grade, "a Grade", optional=True)
            expect(problems, "basis", basis, Basis, "a Basis")
            expect(problems, "source", source, str, "text", optional=True)
            expect(problems, "weak", weak, bool, "True or False")
            expect(problems, "correction", correction, Correction, "a Correction", optional=True)
            expect(problems, "note", note, str, "text", optional=True)
            expect_items(problems, "other_sources", others, str, "text")
            problems += [
                f"other_sources[{index}]: empty"
                for index, key in enumerate(others)
                if isinstance(key, str) and not key
            ]
            if expect(problems, "derived", derived, bool, "True or False") and derived:
                if basis is Basis.STATED:
                    basis = Basis.DERIVED
                elif basis is not Basis.DERIVED:
                    problems.append(f"derived: True contradicts the basis {str(basis)!r}")
            raise_if(problems)
        self.__attrs_init__(
            area=area,
            grade=grade,
            basis=basis,
            source=source,
            weak=weak,
            correction=correction,
            note=note,
            other_sources=others,
        )

    @property
    def sources(self) -> tuple[str, ...]:
        """The keys of every source that states the grade: ``source`` first, then the others.

        >>> import policegrades as pg
        >>> area = pg.framework("2016").area("effectiveness")
        >>> pg.AreaGrade(area=area, grade=pg.Grade.GOOD, source="a", other_sources=["b"]).sources
        ('a', 'b')
        """
        first = () if self.source is None else (self.source,)
        return (*first, *self.other_sources)

    @property
    def derived(self) -> bool:
        """Whether the grade was worked out from other facts rather than read in a source."""
        return self.basis is Basis.DERIVED

    @property
    def published_grade(self) -> Grade | None:
        """The grade as first published: ``grade``, unless the inspectorate later changed it.

        >>> import policegrades as pg
        >>> held = pg.inspection("Northamptonshire", "2023-25").area_grade("responding to the public")
        >>> held.published_grade
        <Grade.ADEQUATE: 'adequate'>
        """
        return self.grade if self.correction is None else self.correction.published_grade


@attrs.frozen(kw_only=True)
class Recommendation:
    """A finding of an inspection: cause of concern, recommendation or area for improvement.

    ``area`` is the area it concerns, where the source says; ``source`` the key of the
    inspection's `Source` that quotes it.

    >>> import policegrades as pg
    >>> finding = pg.Recommendation(
    ...     text="The force should improve how it seeks feedback.",
    ...     kind=pg.RecommendationKind.AREA_FOR_IMPROVEMENT,
    ... )
    >>> finding.kind.value
    'area for improvement'
    """

    text: str
    kind: RecommendationKind
    area: Area | None = attrs.field(
        default=None, repr=lambda area: "None" if area is None else f"<Area {area.key}>"
    )
    source: str | None = None

    def __attrs_post_init__(self) -> None:
        if (
            isinstance(self.text, str)
            and (self.text.isascii() or is_text(self.text))
            and isinstance(self.kind, RecommendationKind)
            and (self.area is None or isinstance(self.area, Area))
            and is_optional_text(self.source)
        ):
            return
        problems: list[str] = []
        expect(problems, "text", self.text, str, "text")
        expect(problems, "kind", self.kind, RecommendationKind, "a RecommendationKind")
        expect(problems, "area", self.area, Area, "an Area", optional=True)
        expect(problems, "source", self.source, str, "text", optional=True)
        raise_if(problems)


def _area_grades(items: Iterable[AreaGrade]) -> tuple[AreaGrade, ...]:
    return to_tuple(items, "grades")


def _recommendations(items: Iterable[Recommendation]) -> tuple[Recommendation, ...]:
    return to_tuple(items, "recommendations")


def _sources(items: Iterable[Source]) -> tuple[Source, ...]:
    return to_tuple(items, "sources")


def _precision_of(inspection: Inspection) -> Precision:
    return Precision.ROUND if inspection.published is None else Precision.DAY


@attrs.frozen(kw_only=True)
class Inspection:
    """One published PEEL assessment of one force under one framework.

    ``grades`` holds the areas whose grade is known; an area whose grade is not known is
    absent, never guessed. ``published`` is the publication date, at ``published_precision``:
    a date known to the month is given as the first of its month, and one known only to the
    round is ``None``. ``published_counts`` holds the inspectorate's count sentence (how many
    top-level areas got each grade, as first published) where it is known, ``counts_source``
    the key of its source. ``sources`` are the pages the facts were read in, cited by key from
    the grades, findings and counts. ``note`` says what a reader should know about the record.

    The constructor refuses an area of another framework, the same area twice, a grade off
    the framework's scale or for an area the round does not grade, a derived grade without a
    note, a citation of a source the inspection does not list, a date off its precision or
    outside the round's years, and known grades that exceed the published counts, listing
    every such problem in one `InvalidDataError`.

    >>> import datetime
    >>> import policegrades as pg
    >>> peel = pg.framework("2016")
    >>> inspection = pg.Inspection(
    ...     force=pg.force("Cleveland"),
    ...     framework=peel,
    ...     published=datetime.date(2017, 3, 2),
    ...     grades=[pg.AreaGrade(area=peel.area("effectiveness"), grade=pg.Grade.GOOD)],
    ... )
    >>> inspection.grade("Effectiveness")
    <Grade.GOOD: 'good'>
    >>> pg.Inspection(
    ...     force=pg.force("Cleveland"),
    ...     framework=peel,
    ...     published=datetime.date(2017, 3, 2),
    ...     grades=[pg.AreaGrade(area=peel.area("effectiveness"), grade=pg.Grade.ADEQUATE)],
    ... )
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: grades[0].grade: 'adequate' is not on the scale of PEEL 2016 (outstanding, good, requires improvement, inadequate)
    """

    force: Force = attrs.field(repr=lambda force: f"<Force {force.code} {force.name}>")
    framework: Framework = attrs.field(repr=lambda framework: f"<Framework {framework.key}>")
    published: datetime.date | None
    published_precision: Precision = attrs.field(
        default=attrs.Factory(_precision_of, takes_self=True)
    )
    grades: tuple[AreaGrade, ...] = attrs.field(converter=_area_grades)
    published_counts: GradeCounts | None = None
    counts_source: str | None = None
    inspector: str | None = None
    recommendations: tuple[Recommendation, ...] = attrs.field(
        default=(), converter=_recommendations
    )
    monitoring: Monitoring | None = None
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if not _well_typed(self):
            raise_if(_type_problems(self))
        raise_if(_problems(self))

    def area_grade(self, area: Area | str) -> AreaGrade:
        """The `AreaGrade` this inspection holds for ``area`` (an `Area`, a key or a name).

        An area of the framework that the inspection holds no grade for, and a name that is
        no area of the framework, raise `UnknownNameError`.

        >>> import policegrades as pg
        >>> latest = pg.fixtures.cleveland()[-1]
        >>> latest.area_grade("victim service").grade is None
        True
        """
        wanted = self.framework.area(area)
        for held in self.grades:
            if held.area.key == wanted.key:
                return held
        raise UnknownNameError(
            f"{self.force.short_name}'s {self.framework.name} inspection records no grade "
            f"for {wanted.name!r}"
        )

    def __repr__(self) -> str:
        grades = count_of(len(self.grades), "area grade")
        return (
            f"<Inspection {self.force.name}, {self.framework.name} "
            f"({self.published_text}): {grades}>"
        )

    def __str__(self) -> str:
        r"""The inspection for a reader: force, round and date, then each area's grade.

        >>> import policegrades as pg
        >>> print("\n".join(str(pg.fixtures.cleveland()[-1]).splitlines()[:3]))
        Cleveland Police, PEEL 2023–25 (10 April 2025)
          Providing a service to victims of crime: ungraded
          Police powers and public treatment: good
        """
        lines = [f"{self.force.name}, {self.framework.name} ({self.published_text})"]
        lines += [
            f"  {held.area.name}: {'ungraded' if held.grade is None else held.grade}"
            for held in self.grades
        ]
        return "\n".join(lines)

    def grade(self, area: Area | str) -> Grade | None:
        """The grade of ``area`` (an `Area`, a key or a name); ``None`` if it was ungraded.

        >>> import policegrades as pg
        >>> latest = pg.fixtures.cleveland()[-1]
        >>> latest.grade("investigating crime")
        <Grade.REQUIRES_IMPROVEMENT: 'requires improvement'>
        """
        return self.area_grade(area).grade

    def source(self, key: str) -> Source:
        """The source cited as ``key``; a key the inspection does not list raises `UnknownNameError`.

        >>> import policegrades as pg
        >>> cleveland = pg.fixtures.cleveland()[0]
        >>> cleveland.source(cleveland.area_grade("financial position").source).publisher
        'Cleveland Police and Crime Commissioner'
        """
        for listed in self.sources:
            if listed.key == key:
                return listed
        keys = ", ".join(listed.key for listed in self.sources) or "none"
        raise UnknownNameError(f"no source is cited as {key!r}; the inspection lists: {keys}")

    def assessed(self, area: Area) -> bool:
        """Whether this inspection assessed ``area``, as far as the data can tell.

        An area of another round was not. An area graded for some forces only, which a
        complete inspection does not hold, was not graded for this force; any other area of
        the round was assessed, whether or not its grade is known.

        >>> import policegrades as pg
        >>> latest = pg.inspection("Cleveland", "2023-25")
        >>> latest.assessed(latest.framework.area("crime data integrity"))
        False
        >>> latest.assessed(latest.framework.area("investigating crime"))
        True
        """
        own = self.framework.area_by_key(area.key)
        if own is None:
            return False
        if own.grading is not Grading.SOME_FORCES or not self.complete:
            return True
        return any(held.area.key == own.key for held in self.grades)

    @property
    def top_level_grades(self) -> tuple[AreaGrade, ...]:
        """The grades of top-level areas: the pillars of a pillar round, all areas from 2021/22.

        >>> import policegrades as pg
        >>> [g.area.key for g in pg.fixtures.cleveland()[2].top_level_grades]
        ['effectiveness', 'efficiency', 'legitimacy', 'leadership']
        """
        return tuple(held for held in self.grades if held.area.parent is None)

    @property
    def complete(self) -> bool:
        """Whether the grade of every graded top-level area is known.

        With published counts, complete means that as many top-level grades are known as
        were counted. Without them, it means that every top-level area the round may grade is
        held, those graded for some forces only included: the data cannot otherwise tell
        whether such an area was graded for this force. A round whose areas the data knows only
        in part has no complete inspection without published counts.

        >>> import policegrades as pg
        >>> pg.inspection("cleveland", "2021/22").complete
        True
        >>> pg.inspection("the Met", "2021/22").complete
        False
        """
        if self.published_counts is not None:
            graded = sum(1 for held in self.top_level_grades if held.published_grade is not None)
            return graded == self.published_counts.total
        if not self.framework.areas_complete:
            return False
        held_keys = {held.area.key for held in self.top_level_grades}
        return all(area.key in held_keys for area in self.framework.top_level_areas if area.graded)

    @property
    def published_text(self) -> str:
        """The publication date in words, no more precise than it is known.

        >>> import policegrades as pg
        >>> pg.inspection("cleveland", "2021/22").published_text
        '17 March 2023'
        >>> pg.inspection("durham", "2021/22").published_text
        'October 2021'
        """
        return _dates.describe(self.published, self.published_precision)

    @property
    def published_between(self) -> tuple[datetime.date, datetime.date]:
        """The first and last days on which the inspection can have been published.

        A date known to the day gives that day twice; one known to the month, the month's
        first and last days; one known only to the round, the round's first and last years.

        >>> import policegrades as pg
        >>> [str(day) for day in pg.inspection("the Met", "2021/22").published_between]
        ['2022-09-01', '2022-09-30']
        """
        years = (self.framework.start_year, self.framework.end_year)
        return _dates.bounds(self.published, self.published_precision, years)


def chronological(inspection: Inspection) -> tuple[int, datetime.date, str]:
    """A sort key that puts inspections in the order they appeared: by round, then date.

    >>> import policegrades as pg
    >>> latest = max(pg.fixtures.cleveland(), key=chronological)
    >>> latest.framework.name
    'PEEL 2023–25'
    """
    return (inspection.framework.start_year, inspection.published_between[0], inspection.force.code)


def inspections_only(given: object, what: str) -> list[Inspection]:
    """``given`` as a list of inspections, or an error naming each item that is not one.

    One inspection stands for a list of itself; ``what`` names the caller in the error.

    >>> import policegrades as pg
    >>> len(inspections_only(pg.fixtures.cleveland()[0], "rank"))
    1
    >>> inspections_only([pg.fixtures.cleveland()[0], "Kent"], "rank")
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: rank takes inspections only: [1]: expected an Inspection, got str
    """
    if isinstance(given, Inspection):
        return [given]
    if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
        raise InvalidDataError(
            [f"expected inspections, got {type(given).__name__}"],
            heading=f"{what} takes inspections:",
        )
    chosen = list(given)
    wrong = [
        f"[{index}]: expected an Inspection, got {type(item).__name__}"
        for index, item in enumerate(chosen)
        if not isinstance(item, Inspection)
    ]
    if wrong:
        raise InvalidDataError(wrong, heading=f"{what} takes inspections only:")
    return chosen


def _well_typed(inspection: Inspection) -> bool:
    """Every field of the right kind: the one fast test of the common case."""
    published = inspection.published
    return (
        isinstance(inspection.force, Force)
        and isinstance(inspection.framework, Framework)
        and (published is None or type(published) is datetime.date)
        and isinstance(inspection.published_precision, Precision)
        and all(isinstance(held, AreaGrade) for held in inspection.grades)
        and (
            inspection.published_counts is None
            or isinstance(inspection.published_counts, GradeCounts)
        )
        and is_optional_text(inspection.counts_source)
        and is_optional_text(inspection.inspector)
        and all(isinstance(finding, Recommendation) for finding in inspection.recommendations)
        and (inspection.monitoring is None or isinstance(inspection.monitoring, Monitoring))
        and all(isinstance(source, Source) for source in inspection.sources)
        and is_optional_text(inspection.note)
    )


def _type_problems(inspection: Inspection) -> list[str]:
    """Fields of the wrong kind, checked before anything is read from them."""
    problems: list[str] = []
    expect(problems, "force", inspection.force, Force, "a Force")
    expect(problems, "framework", inspection.framework, Framework, "a Framework")
    expect(problems, "published", inspection.published, datetime.date, "a date", optional=True)
    expect(
        problems, "published_precision", inspection.published_precision, Precision, "a Precision"
    )
    expect_items(problems, "grades", inspection.grades, AreaGrade, "an AreaGrade")
    counts = inspection.published_counts
    expect(problems, "published_counts", counts, GradeCounts, "GradeCounts", optional=True)
    expect(problems, "counts_source", inspection.counts_source, str, "text", optional=True)
    expect(problems, "inspector", inspection.inspector, str, "text", optional=True)
    expect_items(
        problems, "recommendations", inspection.recommendations, Recommendation, "a Recommendation"
    )
    expect(problems, "monitoring", inspection.monitoring, Monitoring, "a Monitoring", optional=True)
    expect_items(problems, "sources", inspection.sources, Source, "a Source")
    expect(problems, "note", inspection.note, str, "text", optional=True)
    return problems


def _problems(inspection: Inspection) -> list[str]:
    # Runs for every inspection loaded: the common case (no problem) takes one test per field,
    # and only a value that fails it is looked at again to say why.
    framework = inspection.framework
    has_area = framework.has_area
    on_scale = framework.scale.grades
    cited = {source.key for source in inspection.sources}
    problems: list[str] = []
    if len(cited) != len(inspection.sources) or not all(
        source.key and (source.url or source.title) for source in inspection.sources
    ):
        problems += _source_problems(inspection.sources)
    seen: set[str] = set()
    for index, held in enumerate(inspection.grades):
        area, grade = held.area, held.grade
        if not has_area(area):
            problems.append(
                f"grades[{index}].area: {area.key!r} is not an area of {framework.name}"
            )
        if area.key in seen:
            problems.append(f"grades[{index}].area: {area.key!r} is graded twice")
        seen.add(area.key)
        if grade is not None and (grade not in on_scale or not area.graded):
            problems += _grade_problems(f"grades[{index}].grade", grade, area, framework)
        if held.basis is Basis.DERIVED and not held.note:
            problems.append(f"grades[{index}].note: a derived grade needs a note that says how")
        if held.source is not None and held.source not in cited:
            problems.append(
                f"grades[{index}].source: {held.source!r} is not among the inspection's sources"
            )
        if held.other_sources:
            problems += _other_source_problems(f"grades[{index}]", held, cited)
        if held.correction is not None:
            problems += _correction_problems(f"grades[{index}].correction", held, inspection, cited)
    for index, finding in enumerate(inspection.recommendations):
        if finding.area is not None and not has_area(finding.area):
            problems.append(
                f"recommendations[{index}].area: {finding.area.key!r} "
                f"is not an area of {framework.name}"
            )
        if finding.source is not None and finding.source not in cited:
            problems.append(
                f"recommendations[{index}].source: {finding.source!r} "
                "is not among the inspection's sources"
            )
    problems += _date_problems(inspection)
    if inspection.published_counts is not None or inspection.counts_source is not None:
        problems += _count_problems(inspection, cited)
    return problems


def _grade_problems(where: str, grade: Grade, area: Area, framework: Framework) -> Iterator[str]:
    if grade not in framework.scale.grades:
        scale = ", ".join(g.label for g in framework.scale.grades)
        yield f"{where}: {grade.label!r} is not on the scale of {framework.name} ({scale})"
    if not area.graded:
        yield (
            f"{where}: {area.name!r} is not graded in {framework.name}, "
            f"yet has the grade {grade.label!r}"
        )


def _other_source_problems(where: str, held: AreaGrade, cited: set[str]) -> Iterator[str]:
    if held.source is None:
        yield f"{where}.other_sources: given, but the grade names no source first"
    seen = {held.source}
    for index, key in enumerate(held.other_sources):
        if key in seen:
            yield f"{where}.other_sources[{index}]: {key!r} is named twice"
        elif key not in cited:
            yield f"{where}.other_sources[{index}]: {key!r} is not among the inspection's sources"
        seen.add(key)


def _source_problems(sources: tuple[Source, ...]) -> Iterator[str]:
    keys: set[str] = set()
    for index, source in enumerate(sources):
        if not source.key:
            yield f"sources[{index}].key: empty"
        elif source.key in keys:
            yield f"sources[{index}].key: {source.key!r} is listed twice"
        keys.add(source.key)
        if not source.url and not source.title:
            yield f"sources[{index}]: a source needs a URL or a title"


def _correction_problems(
    where: str, held: AreaGrade, inspection: Inspection, cited: set[str]
) -> Iterator[str]:
    correction = held.correction
    assert correction is not None
    if correction.published_grade == held.grade:
        yield f"{where}.published_grade: the same as the grade it was changed to"
    elif correction.published_grade is not None:
        yield from _grade_problems(
            f"{where}.published_grade",
            correction.published_grade,
            held.area,
            inspection.framework,
        )
    first_day = inspection.published_between[0]
    if correction.date < first_day:
        yield f"{where}.date: {correction.date} is before the inspection was published"
    if not correction.reason:
        yield f"{where}.reason: a correction needs its reason"
    if correction.source is not None and correction.source not in cited:
        yield f"{where}.source: {correction.source!r} is not among the inspection's sources"


def _date_problems(inspection: Inspection) -> Iterator[str]:
    published, precision = inspection.published, inspection.published_precision
    framework = inspection.framework
    if published is None:
        if precision is not Precision.ROUND:
            yield f"published: a date known to the {precision} needs a date"
        return
    if precision is Precision.ROUND:
        yield (
            f"published: {published} is more precise than its precision: a date known only "
            "to the round is None"
        )
    else:
        problem = _dates.precision_problem("published", published, precision)
        if problem is not None:
            yield problem
    if not framework.start_year <= published.year <= framework.end_year:
        yield (
            f"published: {published} is outside the years of {framework.name} "
            f"({framework.start_year} to {framework.end_year})"
        )


def _count_problems(inspection: Inspection, cited: set[str]) -> Iterator[str]:
    counts, framework = inspection.published_counts, inspection.framework
    if counts is None:
        if inspection.counts_source is not None:
            yield "counts_source: given, but there are no published counts"
        return
    if inspection.counts_source is not None and inspection.counts_source not in cited:
        yield f"counts_source: {inspection.counts_source!r} is not among the inspection's sources"
    scale = framework.scale.grades
    if tuple(counts) != scale:
        expected = ", ".join(g.label for g in scale)
        yield f"published_counts: expected a count for each grade of {framework.name}: {expected}"
        return
    known = GradeCounts.of((held.published_grade for held in inspection.top_level_grades), scale)
    for grade in scale:
        if known[grade] > counts[grade]:
            yield (
                f"published_counts.{grade.label}: {_areas(known[grade])} graded {grade.label} "
                f"as first published, but the published counts give {counts[grade]}"
            )


def _areas(n: int) -> str:
    return f"{n} area{'' if n == 1 else 's'} {'is' if n == 1 else 'are'}"
