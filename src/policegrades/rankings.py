"""League tables of inspections of one PEEL round."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NoReturn

import attrs

from policegrades._fields import expect, expect_items, raise_if, to_tuple
from policegrades._layout import text_table
from policegrades._words import join, lower_first, upper_first
from policegrades.assessments import Inspection, inspections_only
from policegrades.counts import GradeCounts
from policegrades.errors import InvalidDataError
from policegrades.grades import Grade
from policegrades.rounds import Area, Grading
from policegrades.summaries import summarise

__all__ = ["RankEntry", "RankTable", "counts_over", "default_order", "rank"]


@attrs.frozen(kw_only=True)
class RankEntry:
    """One place in a league table: its ``rank`` (shared by ties) and its ``inspection``.

    ``rank`` is ``None`` for an inspection that could not be placed: its counts are not known.

    >>> import policegrades as pg
    >>> first = pg.rank(pg.inspections(framework="2016"))[0]
    >>> first.rank, first.inspection.force.short_name
    (1, 'Durham')
    """

    rank: int | None
    inspection: Inspection

    def __attrs_post_init__(self) -> None:
        problems: list[str] = []
        expect(problems, "rank", self.rank, int, "a whole number", optional=True)
        expect(problems, "inspection", self.inspection, Inspection, "an Inspection")
        if type(self.rank) is int and self.rank < 1:
            problems.append(f"rank: {self.rank} is not a place; places start at 1")
        raise_if(problems)

    def __repr__(self) -> str:
        place = "unranked" if self.rank is None else str(self.rank)
        inspection = self.inspection
        return f"<RankEntry {place}: {inspection.force.name}, {inspection.framework.name}>"


class RankTable(tuple[RankEntry, ...]):
    """A league table: the entries in rank order, and what they were ranked over.

    It is the tuple of `RankEntry` that `rank` gives, with ``areas``: the areas every entry
    was ranked over, or ``None`` where each inspection was ranked whole (every graded area, or
    its published counts) or by a key of your own (``keyed``). ``basis`` says which in words;
    ``str()`` gives the table as the command line prints it. It equals the tuple of its
    entries, and goes on the wire as their list.

    >>> import policegrades as pg
    >>> table = pg.rank(pg.fixtures.peel_2016_effectiveness())
    >>> table.basis
    'ranked over effectiveness, the area every inspection here holds'
    >>> table
    <RankTable of 43 inspections of PEEL 2016: 43 ranked over effectiveness>
    """

    _areas: tuple[Area, ...] | None
    _keyed: bool
    _asked: bool

    def __new__(
        cls,
        entries: Iterable[RankEntry] = (),
        *,
        areas: Iterable[Area] | None = None,
        keyed: bool = False,
        asked: bool = False,
    ) -> RankTable:
        held = to_tuple(entries, "entries")
        over = None if areas is None else to_tuple(areas, "areas")
        problems: list[str] = []
        expect_items(problems, "entries", held, RankEntry, "a RankEntry")
        if over is not None:
            expect_items(problems, "areas", over, Area, "an Area")
        expect(problems, "keyed", keyed, bool, "True or False")
        expect(problems, "asked", asked, bool, "True or False")
        if keyed is True and over is not None:
            problems.append("areas: a table ranked by a key of your own is not ranked over areas")
        raise_if(problems)
        table = super().__new__(cls, held)
        object.__setattr__(table, "_areas", over)
        object.__setattr__(table, "_keyed", keyed)
        object.__setattr__(table, "_asked", asked)
        return table

    @property
    def areas(self) -> tuple[Area, ...] | None:
        """The areas every entry was ranked over; ``None`` when ranked whole or by a key."""
        return self._areas

    @property
    def keyed(self) -> bool:
        """Whether the table was ranked by a key of your own."""
        return self._keyed

    @property
    def basis(self) -> str:
        """What the entries were ranked over, in words.

        >>> import policegrades as pg
        >>> pg.rank(pg.inspections(framework="2016")).basis
        "ranked over each inspection's graded areas, or its published counts where not all are known"
        >>> pg.rank(pg.inspections(framework="2016"), areas=["efficiency", "legitimacy"]).basis
        'ranked over efficiency and legitimacy, the areas asked for'
        """
        if self._keyed:
            return "ranked by a key of your own"
        if self._areas is None:
            return (
                "ranked over each inspection's graded areas, or its published counts where not "
                "all are known"
            )
        names = join([lower_first(area.name) for area in self._areas])
        noun = "area" if len(self._areas) == 1 else "areas"
        why = "asked for" if self._asked else "every inspection here holds"
        return f"ranked over {names}, the {noun} {why}"

    def __repr__(self) -> str:
        if not self:
            return "<RankTable: empty>"
        ranked = sum(entry.rank is not None for entry in self)
        round_name = self[0].inspection.framework.name
        how = self.basis.split(",")[0]
        return f"<RankTable of {len(self)} inspections of {round_name}: {ranked} {how}>"

    def __str__(self) -> str:
        """The table for a reader: rank, force, round, the grades it was ranked by, and basis.

        >>> import policegrades as pg
        >>> print(str(pg.rank(pg.inspections(framework="2018/19"))).splitlines()[1])
        1     Durham Constabulary                       PEEL 2018/19  outstanding in two areas and good in one area
        >>> print(str(pg.rank(pg.fixtures.peel_2016_effectiveness())).splitlines()[1])
        1     Durham Constabulary           PEEL 2016  effectiveness: outstanding
        """
        rows = [
            (
                "" if e.rank is None else e.rank,
                e.inspection.force.name,
                e.inspection.framework.name,
                _grades_text(e.inspection, self._areas),
            )
            for e in self
        ]
        table = text_table(("rank", "force", "round", "grades"), rows)
        return f"{table}\n\n{upper_first(self.basis)}."

    def __reduce__(self) -> tuple[Any, ...]:
        return (_table, (tuple(self), self._areas, self._keyed, self._asked))

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError("RankTable is immutable")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError("RankTable is immutable")


def _table(
    entries: tuple[RankEntry, ...], areas: tuple[Area, ...] | None, keyed: bool, asked: bool
) -> RankTable:
    """A table rebuilt from its parts: what pickle and copy call."""
    return RankTable(entries, areas=areas, keyed=keyed, asked=asked)


def _grades_text(inspection: Inspection, over: tuple[Area, ...] | None) -> str:
    """The grades an entry was ranked by: the headline of its counts, or each area's grade."""
    if over is None:
        return summarise(inspection).headline()
    held = {h.area.key: h for h in inspection.grades}
    parts = []
    for area in over:
        found = held.get(area.key)
        word = "not known" if found is None else str(found.grade or "ungraded")
        parts.append(f"{lower_first(area.name)}: {word}")
    return "; ".join(parts)


def default_order(inspection: Inspection) -> tuple[int, ...] | None:
    """The default sort key of `rank`: its counts of top-level grades, worst grade first.

    Fewest inadequate grades ranks first, then fewest requires improvement, and so on up the
    scale, with the most outstanding grades last to break a tie. The counts are those of
    `summarise`: every area's grade where all are known, else the published counts. Ungraded
    areas count for nothing either way; an inspection with neither all its grades nor
    published counts has no place (``None``).

    >>> import policegrades as pg
    >>> default_order(pg.fixtures.cleveland()[5])
    (2, 3, 4, 1, 0)
    >>> default_order(pg.inspection("Surrey", "2021/22")) is None
    True
    """
    summary = summarise(inspection)
    if not summary.complete:
        return None
    return _ordering(summary.counts)


def _ordering(counts: GradeCounts) -> tuple[int, ...]:
    """Fewest of the worst grade first, and so on up; the most of the best grade last."""
    worst_first = sorted(counts)
    return (*(counts[grade] for grade in worst_first[:-1]), -counts[worst_first[-1]])


def rank(
    inspections: Iterable[Inspection],
    key: Callable[[Inspection], Any] | None = None,
    *,
    areas: Iterable[Area | str] | None = None,
) -> RankTable:
    """A league table with standard competition ranking ("1224"): ties share a rank.

    The order is `default_order` unless ``key`` gives another: like ``sorted``'s key, a
    smaller value ranks higher, and inspections with equal keys share a rank. Within a
    tie, entries are listed by force code, so the table does not depend on the input order.
    An inspection whose key is ``None`` (by default: whose counts are not known) is never
    guessed into a place: it is listed after the ranked ones, with ``rank`` ``None``. All
    inspections must be of one PEEL round, at most one per force. The inspectorate publishes
    no ranking of forces: this order is the library's.

    >>> import policegrades as pg
    >>> table = pg.rank(pg.inspections(framework="2018/19"))
    >>> [(e.rank, e.inspection.force.short_name) for e in table[-2:]]
    [(42, 'Cleveland'), (None, 'Humberside')]

    A view whose inspections all hold the same part of the round (one pillar, say) is ranked
    over that part, the same for every force, by the same order; ``areas`` names the areas to
    rank over yourself. An inspection missing one of them is not ranked. The table's
    ``basis`` says what it ranked over.

    >>> pillar = pg.rank(pg.fixtures.peel_2016_effectiveness())
    >>> pillar[0].inspection.force.short_name, pillar.basis
    ('Durham', 'ranked over effectiveness, the area every inspection here holds')
    >>> legitimacy = pg.rank(pg.inspections(framework="2016"), areas=["legitimacy"])
    >>> [e.inspection.force.short_name for e in legitimacy if e.rank == 1]
    ['Derbyshire', 'Kent']

    A ``key`` ranks by anything else (`Grade.rank` is 1 for outstanding):

    >>> by_key = pg.rank(
    ...     pg.fixtures.peel_2016_effectiveness(),
    ...     key=lambda i: i.grade("effectiveness").rank,
    ... )
    >>> sorted({e.rank for e in by_key}), by_key[-1].inspection.force.short_name
    ([1, 2, 30, 43], 'Bedfordshire')
    """
    if key is not None and not callable(key):
        raise InvalidDataError(
            [f"key: expected a function of an inspection, got {type(key).__name__}"]
        )
    chosen = inspections_only(inspections, "rank")
    _check(chosen)
    over, asked = _areas_over(chosen, key, areas)
    if key is not None:
        order: Callable[[Inspection], Any] = key
    elif over is not None:
        order = _order_over(over)
    else:
        order = default_order
    valued = [(order(i), i.force.code, i) for i in chosen]
    placed = sorted((t for t in valued if t[0] is not None), key=lambda t: (t[0], t[1]))
    entries: list[RankEntry] = []
    for position, (value, _, inspection) in enumerate(placed, start=1):
        tied = entries and placed[position - 2][0] == value
        entries.append(
            RankEntry(rank=entries[-1].rank if tied else position, inspection=inspection)
        )
    unplaced = sorted((t for t in valued if t[0] is None), key=lambda t: t[1])
    entries += [RankEntry(rank=None, inspection=inspection) for _, _, inspection in unplaced]
    return RankTable(entries, areas=over, keyed=key is not None, asked=asked)


def _areas_over(
    inspections: list[Inspection],
    key: Callable[[Inspection], Any] | None,
    areas: Iterable[Area | str] | None,
) -> tuple[tuple[Area, ...] | None, bool]:
    """The areas to rank over, and whether they were asked for: ``None`` to rank whole."""
    if areas is not None:
        if key is not None:
            raise InvalidDataError(["areas: give a key or areas to rank over, not both"])
        names = to_tuple(areas, "areas")
        if not inspections:
            return (), True
        framework = inspections[0].framework
        found = []
        for index, name in enumerate(names):
            area = framework.area(name)  # an unknown name is our UnknownNameError
            if area.grading is Grading.UNGRADED:
                raise InvalidDataError(
                    [f"areas[{index}]: {framework.name} does not grade {area.name!r}"]
                )
            found.append(area)
        if len({area.key for area in found}) != len(found):
            raise InvalidDataError(["areas: an area is named twice"])
        return tuple(found), True
    if key is not None or len(inspections) < 2:
        return None, False
    return _view(inspections), False


def _view(inspections: list[Inspection]) -> tuple[Area, ...] | None:
    """The part of the round every inspection holds, if they all hold the same part only.

    A view holds the same top-level areas in every inspection, and lacks an area the round
    grades for every force; anything else is ranked whole.
    """
    held = {frozenset(h.area.key for h in i.top_level_grades) for i in inspections}
    if len(held) != 1:
        return None
    (keys,) = held
    framework = inspections[0].framework
    graded = [a for a in framework.top_level_areas if a.grading is Grading.GRADED]
    if not keys or all(area.key in keys for area in graded):
        return None
    return (
        tuple(area for area in framework.top_level_areas if area.key in keys and area.graded)
        or None
    )


def counts_over(inspection: Inspection, areas: Iterable[Area]) -> GradeCounts | None:
    """The inspection's grades counted over ``areas`` alone; ``None`` if it lacks one of them.

    An ungraded area counts for nothing, as in `default_order`.

    >>> import policegrades as pg
    >>> peel = pg.framework("2016")
    >>> counts = counts_over(pg.inspection("Durham", peel), [peel.area("legitimacy")])
    >>> {str(grade): n for grade, n in counts.items() if n}
    {'good': 1}
    >>> counts_over(pg.fixtures.peel_2016_effectiveness()[0], [peel.area("legitimacy")]) is None
    True
    """
    held = {h.area.key: h.grade for h in inspection.grades}
    wanted = list(areas)
    if any(area.key not in held for area in wanted):
        return None
    grades: list[Grade | None] = [held[area.key] for area in wanted]
    return GradeCounts.of(grades, inspection.framework.scale.grades)


def _order_over(over: tuple[Area, ...]) -> Callable[[Inspection], tuple[int, ...] | None]:
    """`default_order` over ``over`` alone: ``None`` for an inspection missing one of them."""

    def order(inspection: Inspection) -> tuple[int, ...] | None:
        counts = counts_over(inspection, over)
        return None if counts is None else _ordering(counts)

    return order


def _check(inspections: list[Inspection]) -> None:
    rounds = sorted({i.framework.name for i in inspections})
    if len(rounds) > 1:
        raise InvalidDataError(
            [f"rounds given: {', '.join(rounds)}"],
            heading="rank compares inspections of one PEEL round only:",
        )
    problems: list[str] = []
    seen: dict[str, int] = {}
    for index, inspection in enumerate(inspections):
        first = seen.setdefault(inspection.force.code, index)
        if first != index:
            problems.append(f"[{index}]: {inspection.force.name} is already at [{first}]")
    if problems:
        raise InvalidDataError(problems, heading="rank takes one inspection per force:")
