"""Your own inspections merged with the bundled ones (or any others), area by area.

Nothing is overwritten: a fact that both sides give must agree, and one that only one side
gives is kept. A grade given by both is kept once, citing both sources; a grade that contradicts
the other side's is refused, naming both grades and both sources.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TypeVar

import attrs

from policegrades.assessments import AreaGrade, Inspection, inspections_only
from policegrades.bundled import inspections as bundled_inspections
from policegrades.catalogues import forces as all_forces
from policegrades.catalogues import frameworks as all_frameworks
from policegrades.errors import InvalidDataError
from policegrades.grades import Grade
from policegrades.provenance import Precision, Source

__all__ = ["merge"]

T = TypeVar("T")


def merge(
    own: Iterable[Inspection] | Inspection, base: Iterable[Inspection] | None = None
) -> tuple[Inspection, ...]:
    """The bundled inspections (or ``base``) with ``own`` merged in, in force then round order.

    An inspection of a force and round the base lacks is added. One the base holds is combined
    with it: grades the base lacks are added; a grade both give is kept once, citing the
    sources of both; the date, the published counts, the inspector and the monitoring stage,
    where both give them, must agree (a date known to the day agrees with its month), and one
    side's silence is no conflict. Findings and sources are joined; a source key that both
    use for different pages is renamed on your side. Any contradiction raises
    `InvalidDataError` naming the force, the round, the area, both grades and both sources;
    nothing is silently overwritten. Inspections of one force and round within ``own`` are
    merged with each other the same way.

    >>> import datetime
    >>> import policegrades as pg
    >>> peel = pg.framework("2021/22")
    >>> report = pg.Source(key="report", url="https://example.org/my-report")
    >>> mine = pg.Inspection(
    ...     force=pg.force("Cumbria"),
    ...     framework=peel,
    ...     published=datetime.date(2022, 6, 1),
    ...     grades=[pg.AreaGrade(area=peel.area("investigating crime"), grade=pg.Grade.GOOD, source="report")],
    ...     sources=[report],
    ... )
    >>> merged = pg.merge([mine])
    >>> len(merged) == len(pg.inspections()) + 1
    True
    >>> pg.inspection("Cumbria", "2021/22", among=merged).grade("investigating crime")
    <Grade.GOOD: 'good'>

    A grade that contradicts the bundled one is refused, and nothing is merged:

    >>> cleveland = pg.Inspection(
    ...     force=pg.force("Cleveland"),
    ...     framework=peel,
    ...     published=None,
    ...     grades=[pg.AreaGrade(area=peel.area("investigating crime"), grade=pg.Grade.GOOD, source="report")],
    ...     sources=[report],
    ... )
    >>> pg.merge([cleveland])
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: merge refuses to overwrite:
      Cleveland Police, PEEL 2021/22, Investigating crime: the bundled data says requires improvement (https://...), yours says good (https://example.org/my-report)
    """
    pool = bundled_inspections() if base is None else tuple(inspections_only(base, "merge's base"))
    mine = inspections_only(own, "merge")
    base_side = "the bundled data" if base is None else "the base"
    held: dict[tuple[str, str], tuple[Inspection, str]] = {}
    problems: list[str] = []
    for side, given in ((base_side, pool), ("yours", mine)):
        for inspection in given:
            key = (inspection.force.code, inspection.framework.key)
            if key not in held:
                held[key] = (inspection, side)
                continue
            first, first_side = held[key]
            try:
                held[key] = (_combined(first, inspection, first_side, side), first_side)
            except InvalidDataError as error:
                problems += error.problems
    if problems:
        raise InvalidDataError(problems, heading="merge refuses to overwrite:")
    order = {f.code: n for n, f in enumerate(all_forces())}
    rounds = {f.key: n for n, f in enumerate(all_frameworks())}
    return tuple(
        held[key][0] for key in sorted(held, key=lambda key: (order[key[0]], rounds[key[1]]))
    )


def _combined(first: Inspection, second: Inspection, ours: str, theirs: str) -> Inspection:
    """``first`` with what ``second`` adds; every contradiction between them, as problems."""
    where = f"{first.force.name}, {first.framework.name}"
    sources, renamed = _sources(first.sources, second.sources)
    problems: list[str] = []

    def agree(what: str, a: T | None, b: T | None, shown: str, other: str) -> T | None:
        if a is not None and b is not None and a != b:
            problems.append(f"{where}, {what}: {ours} says {shown}, {theirs} says {other}")
        return a if a is not None else b

    published, precision = _published(first, second, where, ours, theirs, problems)
    counts = agree(
        "published counts",
        first.published_counts,
        second.published_counts,
        _counts_text(first),
        _counts_text(second),
    )
    inspector = agree(
        "inspector",
        first.inspector,
        second.inspector,
        repr(first.inspector),
        repr(second.inspector),
    )
    monitoring = agree(
        "monitoring",
        first.monitoring,
        second.monitoring,
        str(first.monitoring),
        str(second.monitoring),
    )
    grades = _grades(first, second, renamed, where, ours, theirs, problems)
    if problems:
        raise InvalidDataError(problems)
    counts_source = first.counts_source
    if first.published_counts is None and second.counts_source is not None:
        counts_source = renamed[second.counts_source]
    findings = list(first.recommendations)
    seen = {(f.text, f.kind, f.area) for f in findings}
    for finding in second.recommendations:
        if (finding.text, finding.kind, finding.area) not in seen:
            source = None if finding.source is None else renamed[finding.source]
            findings.append(attrs.evolve(finding, source=source))
    note = first.note
    if second.note and (note is None or second.note not in note):  # a note once, even in part
        note = second.note if note is None else f"{note} {second.note}"
    try:
        return Inspection(
            force=first.force,
            framework=first.framework,
            published=published,
            published_precision=precision,
            grades=grades,
            published_counts=counts,
            counts_source=counts_source,
            inspector=inspector,
            recommendations=findings,
            monitoring=monitoring,
            sources=sources,
            note=note,
        )
    except InvalidDataError as error:
        raise InvalidDataError([f"{where}: {problem}" for problem in error.problems]) from None


def _sources(
    first: tuple[Source, ...], second: tuple[Source, ...]
) -> tuple[list[Source], dict[str, str]]:
    """Both lists of sources, each page once, and the key each of ``second``'s is cited by now."""
    joined = list(first)
    renamed: dict[str, str] = {}
    for source in second:
        # The very same record first (two records of one page may both be cited), then the
        # same record under another key, then another record of the same page.
        same = (
            next((s for s in joined if s == source), None)
            or next((s for s in joined if attrs.evolve(s, key=source.key) == source), None)
            or next((s for s in joined if source.url is not None and s.url == source.url), None)
        )
        if same is not None:
            renamed[source.key] = same.key
            continue
        key, n = source.key, 1
        while any(s.key == key for s in joined):
            n += 1
            key = f"{source.key}-{n}"
        renamed[source.key] = key
        joined.append(attrs.evolve(source, key=key))
    return joined, renamed


def _published(
    first: Inspection,
    second: Inspection,
    where: str,
    ours: str,
    theirs: str,
    problems: list[str],
) -> tuple[datetime.date | None, Precision]:
    """The more precise of two dates that agree: a day agrees with its month."""
    if second.published_precision is Precision.ROUND:
        return first.published, first.published_precision
    if first.published_precision is Precision.ROUND:
        return second.published, second.published_precision
    (a0, a1), (b0, b1) = first.published_between, second.published_between
    if a0 <= b0 and b1 <= a1:
        return second.published, second.published_precision
    if b0 <= a0 and a1 <= b1:
        return first.published, first.published_precision
    problems.append(
        f"{where}, published: {ours} says {first.published_text}, "
        f"{theirs} says {second.published_text}"
    )
    return first.published, first.published_precision


def _grades(
    first: Inspection,
    second: Inspection,
    renamed: dict[str, str],
    where: str,
    ours: str,
    theirs: str,
    problems: list[str],
) -> list[AreaGrade]:
    """Area by area: the first side's grades, then those the second adds; the same grade once."""
    by_key = {held.area.key: held for held in first.grades}
    for held in second.grades:
        mine = _cited_as(held, renamed)
        kept = by_key.get(held.area.key)
        if kept is None:
            by_key[held.area.key] = mine
        elif kept.grade != held.grade:
            problems.append(
                f"{where}, {held.area.name}: {ours} says {_word(kept.grade)} "
                f"({_cited(first, kept)}), {theirs} says {_word(held.grade)} "
                f"({_cited(second, held)})"
            )
        elif kept.correction is not None and mine.correction not in (None, kept.correction):
            problems.append(
                f"{where}, {held.area.name}: {ours} and {theirs} record different changes "
                "to the grade after publication"
            )
        else:
            by_key[held.area.key] = _both(kept, mine)
    # The first side's grades keep their order (merging changes nothing it need not); the
    # areas the second side adds follow, in the round's order.
    held_first = {held.area.key for held in first.grades}
    order = {area.key: n for n, area in enumerate(first.framework.areas)}
    added = sorted((k for k in by_key if k not in held_first), key=order.__getitem__)
    return [by_key[held.area.key] for held in first.grades] + [by_key[k] for k in added]


def _cited_as(held: AreaGrade, renamed: dict[str, str]) -> AreaGrade:
    """A grade of the second side, citing its sources by the keys they have after the join."""
    correction = held.correction
    if correction is not None and correction.source is not None:
        correction = attrs.evolve(correction, source=renamed[correction.source])
    return attrs.evolve(
        held,
        source=None if held.source is None else renamed[held.source],
        other_sources=tuple(renamed[key] for key in held.other_sources),
        correction=correction,
    )


def _both(kept: AreaGrade, other: AreaGrade) -> AreaGrade:
    """One grade that both sides give: the first's provenance, citing the sources of both."""
    keys = list(dict.fromkeys((*kept.sources, *other.sources)))
    if not keys:
        return kept
    return attrs.evolve(
        kept,
        source=keys[0],
        other_sources=tuple(keys[1:]),
        correction=kept.correction or other.correction,
    )


def _word(grade: Grade | None) -> str:
    return "ungraded" if grade is None else grade.label


def _cited(inspection: Inspection, held: AreaGrade) -> str:
    """The pages a grade is read in, as an error shows them."""
    shown = []
    for key in held.sources:
        source = next(s for s in inspection.sources if s.key == key)
        shown.append(source.url or source.title or key)
    return ", ".join(shown) or "no source named"


def _counts_text(inspection: Inspection) -> str:
    counts = inspection.published_counts
    if counts is None:
        return "nothing"
    return ", ".join(f"{n} {grade.label}" for grade, n in counts.items())
