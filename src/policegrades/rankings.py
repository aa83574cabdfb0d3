"""League tables of inspections of one PEEL round."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from policegrades._fields import expect, raise_if
from policegrades.assessments import Inspection, inspections_only
from policegrades.errors import InvalidDataError
from policegrades.summaries import summarise

__all__ = ["RankEntry", "default_order", "rank"]


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
    counts = summary.counts
    worst_first = sorted(counts)
    return (*(counts[grade] for grade in worst_first[:-1]), -counts[worst_first[-1]])


def rank(
    inspections: Iterable[Inspection], key: Callable[[Inspection], Any] | None = None
) -> tuple[RankEntry, ...]:
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

    A ``key`` ranks by anything else, such as one pillar's grade (`Grade.rank` is 1 for
    outstanding):

    >>> pillar = pg.rank(
    ...     pg.fixtures.peel_2016_effectiveness(),
    ...     key=lambda i: i.grade("effectiveness").rank,
    ... )
    >>> sorted({e.rank for e in pillar}), pillar[-1].inspection.force.short_name
    ([1, 2, 30, 43], 'Bedfordshire')
    """
    if key is not None and not callable(key):
        raise InvalidDataError(
            [f"key: expected a function of an inspection, got {type(key).__name__}"]
        )
    chosen = inspections_only(inspections, "rank")
    _check(chosen)
    order = default_order if key is None else key
    valued = [(order(i), i.force.code, i) for i in chosen]
    keyed = sorted((t for t in valued if t[0] is not None), key=lambda t: (t[0], t[1]))
    entries: list[RankEntry] = []
    for position, (value, _, inspection) in enumerate(keyed, start=1):
        tied = entries and keyed[position - 2][0] == value
        entries.append(
            RankEntry(rank=entries[-1].rank if tied else position, inspection=inspection)
        )
    unplaced = sorted((t for t in valued if t[0] is None), key=lambda t: t[1])
    entries += [RankEntry(rank=None, inspection=inspection) for _, _, inspection in unplaced]
    return tuple(entries)


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
