"""PEEL rounds (frameworks) and the areas each one assesses."""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Iterator

import attrs

from policegrades._fields import expect, expect_items, raise_if, strings, to_tuple
from policegrades._names import NameIndex, fold
from policegrades.grades import Scale

__all__ = ["Area", "Comparability", "Framework", "Grading"]


class Grading(enum.Enum):
    """Whether a round grades an area: for every force, for some forces only, or never.

    ``SOME_FORCES`` marks an area graded in some forces' inspections of the round and not in
    others': the victim service, graded only in the pilot and early PEEL 2021/22 reports, and
    recording data about crime in PEEL 2023–25. An inspection may hold a grade for it, and
    is complete without one.

    >>> import policegrades as pg
    >>> pg.framework("2021/22").area("victim service").grading
    <Grading.SOME_FORCES: 'some forces'>
    """

    GRADED = "graded"
    SOME_FORCES = "some forces"
    UNGRADED = "ungraded"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Area:
    """One thing a PEEL round assesses: a pillar, a question under a pillar, or a flat area.

    ``key`` is stable: the same area keeps its key from round to round, and an area that was
    renamed names its predecessor's key in ``renamed_from`` (its lineage), with
    ``lineage_note`` saying how sure that link is when it is not confirmed. ``grading`` says
    whether the round grades it (see `Grading`).

    >>> import policegrades as pg
    >>> area = pg.framework("2021/22").area("operational efficiency")
    >>> area.key, area.name
    ('good-use-of-resources', 'Good use of resources')
    """

    key: str
    name: str
    question: str | None = None
    parent: str | None = None
    grading: Grading = Grading.GRADED
    aliases: tuple[str, ...] = attrs.field(default=(), converter=strings)
    renamed_from: str | None = None
    lineage_note: str | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[str] = []
        expect(problems, "key", self.key, str, "text")
        expect(problems, "name", self.name, str, "text")
        for field in ("question", "parent", "renamed_from", "lineage_note"):
            expect(problems, field, getattr(self, field), str, "text", optional=True)
        expect(problems, "grading", self.grading, Grading, "a Grading")
        expect_items(problems, "aliases", self.aliases, str, "text")
        if type(self.key) is str and not self.key:
            problems.append("key: empty")
        raise_if(problems)

    @property
    def graded(self) -> bool:
        """Whether an inspection may hold a grade for this area (for some forces at least).

        >>> import policegrades as pg
        >>> pg.framework("2016").area("leadership").graded
        False
        """
        return self.grading is not Grading.UNGRADED

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the area is known by: name, key, question and aliases.

        >>> import policegrades as pg
        >>> pg.Area(key="x", name="X", aliases=("ex",)).names
        ('X', 'x', 'ex')
        """
        question = () if self.question is None else (self.question,)
        return (self.name, self.key, *question, *self.aliases)


def _areas(items: Iterable[Area]) -> tuple[Area, ...]:
    return to_tuple(items, "areas")


def _round_keys(items: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(items, "earlier")


@attrs.frozen(kw_only=True)
class Comparability:
    """What the inspectorate says about comparing a round's grades with earlier rounds' grades.

    ``earlier`` are the keys of the rounds the statement concerns, ``comparable`` whether it
    says their grades can be compared directly, ``statement`` the inspectorate's words and
    ``source`` the page they stand in. A pair of rounds that no statement covers is one for
    which none was found: a comparison says so.

    >>> import policegrades as pg
    >>> said = pg.framework("2023-25").comparability[0]
    >>> said.earlier, said.comparable
    (('peel-2021-22',), False)
    >>> said.source
    'https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/cumbria-2023-25/'
    """

    earlier: tuple[str, ...] = attrs.field(converter=_round_keys)
    comparable: bool
    statement: str
    source: str

    def __attrs_post_init__(self) -> None:
        problems: list[str] = []
        expect_items(problems, "earlier", self.earlier, str, "text")
        expect(problems, "comparable", self.comparable, bool, "True or False")
        expect(problems, "statement", self.statement, str, "text")
        expect(problems, "source", self.source, str, "text")
        if not self.earlier:
            problems.append("earlier: a statement concerns at least one earlier round")
        for field in ("statement", "source"):
            if getattr(self, field) == "":
                problems.append(f"{field}: empty")
        raise_if(problems)


def _statements(items: Iterable[Comparability]) -> tuple[Comparability, ...]:
    return to_tuple(items, "comparability")


@attrs.frozen(kw_only=True)
class Framework:
    """One PEEL round: its scale and the areas it assesses, in the inspectorate's order.

    ``start_year`` and ``end_year`` bound the years in which the round's reports appeared.
    ``areas_complete`` is false while the sources give only some of the round's areas (its
    inspections are then complete only by their published counts); ``source`` is the
    inspectorate's framework document, ``note`` what a reader should know of the round, and
    ``comparability`` what the inspectorate says about comparing its grades with earlier ones.

    >>> import policegrades as pg
    >>> peel = pg.framework("PEEL 2016")
    >>> peel.key, peel.scale
    ('peel-2016', <Scale.FOUR_POINT: 'four-point'>)
    >>> [area.key for area in peel.top_level_areas]
    ['effectiveness', 'efficiency', 'legitimacy', 'leadership']
    """

    key: str
    name: str
    scale: Scale
    start_year: int
    end_year: int
    areas: tuple[Area, ...] = attrs.field(
        converter=_areas, repr=lambda areas: f"<{len(areas)} areas>"
    )
    aliases: tuple[str, ...] = attrs.field(default=(), converter=strings)
    areas_complete: bool = True
    source: str | None = None
    note: str | None = None
    comparability: tuple[Comparability, ...] = attrs.field(default=(), converter=_statements)
    # Derived from ``areas`` once, for the wire format's hot path: a plain slot reads faster
    # than a cached property on a slotted class.
    _by_key: dict[str, Area] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _ids: frozenset[int] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        problems: list[str] = []
        expect(problems, "key", self.key, str, "text")
        expect(problems, "name", self.name, str, "text")
        expect(problems, "scale", self.scale, Scale, "a Scale")
        expect(problems, "start_year", self.start_year, int, "a whole number")
        expect(problems, "end_year", self.end_year, int, "a whole number")
        expect_items(problems, "areas", self.areas, Area, "an Area")
        expect_items(problems, "aliases", self.aliases, str, "text")
        expect(problems, "areas_complete", self.areas_complete, bool, "True or False")
        expect(problems, "source", self.source, str, "text", optional=True)
        expect(problems, "note", self.note, str, "text", optional=True)
        expect_items(
            problems, "comparability", self.comparability, Comparability, "a Comparability"
        )
        raise_if(problems)
        raise_if(list(_framework_problems(self)))
        object.__setattr__(self, "_by_key", {area.key: area for area in self.areas})
        # The areas themselves, by identity: ``areas`` keeps them alive, so ids stay theirs.
        object.__setattr__(self, "_ids", frozenset(map(id, self.areas)))

    @property
    def top_level_areas(self) -> tuple[Area, ...]:
        """The areas with no parent: the pillars of a pillar round, every area from 2021/22."""
        return tuple(area for area in self.areas if area.parent is None)

    def area(self, query: object) -> Area:
        """The area named ``query``: its key, name, question text or an alias, in any case.

        A miss raises `UnknownNameError` naming the closest areas of this round.

        >>> import policegrades as pg
        >>> pg.framework("2023-25").area("Investigating Crime").key
        'investigating-crime'
        >>> pg.framework("2023-25").area("vetting")
        Traceback (most recent call last):
        ...
        policegrades.errors.UnknownNameError: no area of PEEL 2023–25 is called 'vetting'; the closest are: ...
        """
        if isinstance(query, Area) and query in self.areas:
            return query
        if isinstance(query, str):
            found = self._by_key.get(query)
            if found is not None:
                return found
        return self._index.find(query)

    def has_area(self, area: Area) -> bool:
        """Whether ``area`` is one of this round's areas (equal by value).

        >>> import policegrades as pg
        >>> peel = pg.framework("2016")
        >>> peel.has_area(peel.areas[0]), pg.framework("2023-25").has_area(peel.areas[0])
        (True, False)
        """
        if id(area) in self._ids:
            return True
        return self._by_key.get(area.key) == area

    def area_by_key(self, key: str) -> Area | None:
        """The area whose key is exactly ``key``, or ``None``: the fast path of the wire format.

        >>> import policegrades as pg
        >>> pg.framework("2016").area_by_key("legitimacy").name
        'Legitimacy'
        """
        return self._by_key.get(key)

    @functools.cached_property
    def _index(self) -> NameIndex[Area]:
        return NameIndex(((area, area.names) for area in self.areas), what=f"area of {self.name}")

    def statement_on(self, earlier: Framework) -> Comparability | None:
        """What the inspectorate says about comparing this round's grades with ``earlier``'s.

        ``None`` where no statement was found.

        >>> import policegrades as pg
        >>> pg.framework("2023-25").statement_on(pg.framework("2021/22")).comparable
        False
        >>> pg.framework("2025-27").statement_on(pg.framework("2023-25")) is None
        True
        """
        return next((s for s in self.comparability if earlier.key in s.earlier), None)

    def comparable_with(self, other: Framework) -> bool:
        """Whether this round's grades and ``other``'s can be set against each other.

        Only on one scale, and only where the inspectorate does not say, of either round
        against the other, that their grades cannot be compared directly. A round is
        comparable with itself.

        >>> import policegrades as pg
        >>> peel = pg.framework("2023-25")
        >>> peel.comparable_with(pg.framework("2021/22")), peel.comparable_with(pg.framework("2025-27"))
        (False, True)
        """
        if self == other:
            return True
        earlier, later = (self, other) if self.start_year <= other.start_year else (other, self)
        said = later.statement_on(earlier)
        return self.scale is other.scale and (said is None or said.comparable)

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<Framework {self.key}: {self.name}, {self.scale}, {len(self.areas)} areas>"


def _framework_problems(framework: Framework) -> Iterator[str]:
    """What makes a round impossible: years backwards, an area twice, two areas one name."""
    if framework.end_year < framework.start_year:
        yield f"end_year: {framework.end_year} is before start_year {framework.start_year}"
    for index, said in enumerate(framework.comparability):
        if framework.key in said.earlier:
            yield f"comparability[{index}].earlier: names the round itself"
    keys: dict[str, int] = {}
    names: dict[str, int] = {}
    for index, area in enumerate(framework.areas):
        first = keys.setdefault(area.key, index)
        if first != index:
            yield f"areas[{index}].key: {area.key!r} is also the key of areas[{first}]"
            continue
        for name in area.names:
            folded = fold(name)
            held = names.setdefault(folded, index) if folded else index
            if held != index:
                yield (
                    f"areas[{index}]: the name {name!r} would also find areas[{held}] "
                    f"({framework.areas[held].name!r})"
                )
    for index, area in enumerate(framework.areas):
        if area.parent is None:
            continue
        parent = next((a for a in framework.areas if a.key == area.parent), None)
        if parent is None:
            yield f"areas[{index}].parent: {area.parent!r} is not an area of this round"
        elif parent.parent is not None:
            yield f"areas[{index}].parent: {area.parent!r} is itself under another area"
