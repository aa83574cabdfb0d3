"""How grades changed between two inspections, with the caveats the inspectorate insists on."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from typing import Any, Literal

import attrs

from policegrades._fields import expect, raise_if, to_tuple
from policegrades._words import count_of, join, lower_first, upper_first
from policegrades.assessments import AreaGrade, Inspection, chronological
from policegrades.errors import UnknownNameError
from policegrades.grades import Grade
from policegrades.lineage import is_rename, same_area
from policegrades.monitoring import EngagePeriod, periods_only
from policegrades.provenance import Basis
from policegrades.rounds import Area, Comparability, Framework, Grading
from policegrades.summaries import summarise

__all__ = [
    "SCALE_CHANGE_CAVEAT",
    "AreaChange",
    "Change",
    "Comparison",
    "Held",
    "compare",
    "rounds_caveat",
]

# The default of a comparison's derived fields: made from before and after when left out.
_DERIVED: Any = object()

SCALE_CHANGE_CAVEAT = (
    "The inspectorate says grades from PEEL 2021/22 on cannot be compared directly with earlier "
    "rounds: the five-point scale added 'adequate', the areas changed, and a reduction in grade, "
    "particularly from good to adequate, does not necessarily mean that there has been a "
    "reduction in performance."
)


class Change(enum.Enum):
    """What happened to one area between two inspections.

    ``NOT_COMPARABLE`` covers a pair across a line the inspectorate draws (the 2021 scale
    change, or its word that two rounds' grades cannot be compared), and a pair where one
    side is ungraded: neither is ever a rise or a fall. ``NOT_KNOWN`` is an area both rounds
    assess whose grade the data does not know on one side: not ungraded, not unassessed.

    >>> from policegrades import Change
    >>> Change.IMPROVED.mirror
    <Change.DECLINED: 'declined'>
    """

    IMPROVED = "improved"
    DECLINED = "declined"
    UNCHANGED = "unchanged"
    ADDED = "added"
    REMOVED = "removed"
    NOT_COMPARABLE = "not comparable"
    NOT_KNOWN = "not known"

    @property
    def mirror(self) -> Change:
        """The change seen the other way round: improved ↔ declined, added ↔ removed.

        >>> Change.ADDED.mirror, Change.UNCHANGED.mirror
        (<Change.REMOVED: 'removed'>, <Change.UNCHANGED: 'unchanged'>)
        """
        return _MIRRORS.get(self, self)

    def __str__(self) -> str:
        return self.value


_HELD: tuple[Held, ...] = ("graded", "ungraded", "not known", "not assessed")

# What an area change may be when one side records nothing, by what that side holds.
_ONE_SIDED: dict[str, tuple[Change, ...]] = {
    "not known": (Change.NOT_KNOWN,),
    "not assessed": (Change.ADDED, Change.REMOVED, Change.NOT_COMPARABLE),
    "ungraded": (Change.UNCHANGED, Change.NOT_COMPARABLE),
}

_MIRRORS = {
    Change.IMPROVED: Change.DECLINED,
    Change.DECLINED: Change.IMPROVED,
    Change.ADDED: Change.REMOVED,
    Change.REMOVED: Change.ADDED,
}


Held = Literal["graded", "ungraded", "not known", "not assessed"]
"""What one side of an `AreaChange` holds for its area."""


@attrs.frozen(kw_only=True)
class AreaChange:
    """One area in two inspections: what each recorded (``None`` if nothing) and the change.

    ``before_held`` and ``after_held`` say what each side holds: ``"graded"``, ``"ungraded"``,
    ``"not known"`` (the round assesses the area; the data does not know its grade: the
    change is ``NOT_KNOWN``) or ``"not assessed"`` (the round does not assess it: ``ADDED`` or
    ``REMOVED``; or grades it for some forces only, not this one). A side that records
    nothing for an area its round never grades is ``"ungraded"``. Both follow from the sides
    and the change when not given.

    >>> import policegrades as pg
    >>> history = pg.fixtures.cleveland()
    >>> change = pg.compare(history[3], history[4]).change("preventing crime")
    >>> change.before_grade, change.after_grade, change.change
    (<Grade.GOOD: 'good'>, <Grade.INADEQUATE: 'inadequate'>, <Change.DECLINED: 'declined'>)
    >>> pair = pg.compare(pg.inspection("Cleveland", "2023-25"), pg.inspection("Durham", "2023-25"))
    >>> change = pair.change("investigating crime")
    >>> change.before_held, change.after_held, change.change
    ('graded', 'not known', <Change.NOT_KNOWN: 'not known'>)
    """

    before: AreaGrade | None
    after: AreaGrade | None
    change: Change
    before_held: Held = attrs.field(
        default=attrs.Factory(lambda self: self._held(self.before), takes_self=True)
    )
    after_held: Held = attrs.field(
        default=attrs.Factory(lambda self: self._held(self.after), takes_self=True)
    )

    def __attrs_post_init__(self) -> None:
        problems: list[str] = []
        expect(problems, "before", self.before, AreaGrade, "an AreaGrade", optional=True)
        expect(problems, "after", self.after, AreaGrade, "an AreaGrade", optional=True)
        expect(problems, "change", self.change, Change, "a Change")
        raise_if(problems)
        if self.before is None and self.after is None:
            problems.append("before: an area change holds at least one side")
        for field in ("before", "after"):
            problems += self._held_problems(field)
        raise_if(problems)

    def _held(self, side: object) -> Held:
        if isinstance(side, AreaGrade):
            return "ungraded" if side.grade is None else "graded"
        return "not known" if self.change is Change.NOT_KNOWN else "not assessed"

    def _held_problems(self, field: str) -> list[str]:
        side, held = getattr(self, field), getattr(self, f"{field}_held")
        if held not in _HELD:
            return [f"{field}_held: expected one of {', '.join(_HELD)}, got {held!r}"]
        if side is not None:
            if held != self._held(side):
                return [f"{field}_held: {held!r}, but {field} holds {self._held(side)!r}"]
            return []
        allowed = _ONE_SIDED[held]
        if self.change not in allowed:
            words = " or ".join(c.value for c in allowed)
            return [f"change: {self.change.value!r}, but {field} holds nothing ({held}): {words}"]
        return []

    def __repr__(self) -> str:
        words = {"graded": None, "ungraded": "ungraded"}
        sides = [
            str(side.grade) if side is not None and side.grade is not None else words.get(h) or h
            for side, h in ((self.before, self.before_held), (self.after, self.after_held))
        ]
        return f"<AreaChange {self.area.name}: {sides[0]} → {sides[1]}, {self.change}>"

    @property
    def held(self) -> tuple[Held, Held]:
        """What the two sides hold: ``(before_held, after_held)``."""
        return self.before_held, self.after_held

    @property
    def area(self) -> Area:
        """The area, under its name in the later inspection where it has one there."""
        held = self.after if self.after is not None else self.before
        assert held is not None  # an AreaChange always holds one side
        return held.area

    @property
    def before_grade(self) -> Grade | None:
        """The earlier grade; ``None`` if ungraded or not recorded."""
        return None if self.before is None else self.before.grade

    @property
    def after_grade(self) -> Grade | None:
        """The later grade; ``None`` if ungraded or not recorded."""
        return None if self.after is None else self.after.grade

    @property
    def renamed(self) -> bool:
        """Whether the two sides are one area under two names, matched through its lineage."""
        return (
            self.before is not None
            and self.after is not None
            and is_rename(self.before.area, self.after.area)
        )


@attrs.frozen(kw_only=True)
class Comparison:
    """Every area of two inspections, side by side, and what may honestly be said of them.

    ``changes`` and ``caveats`` follow from ``before`` and ``after``: made from them when not
    given, and checked against them when given (as when a comparison is loaded).

    >>> import policegrades as pg
    >>> history = pg.fixtures.cleveland()
    >>> comparison = pg.compare(history[4], history[5])
    >>> comparison.comparable, comparison.improved, comparison.declined
    (False, (), ())
    """

    before: Inspection
    after: Inspection
    changes: tuple[AreaChange, ...] = attrs.field(default=_DERIVED)
    caveats: tuple[str, ...] = attrs.field(default=_DERIVED)

    def __attrs_post_init__(self) -> None:
        problems: list[str] = []
        expect(problems, "before", self.before, Inspection, "an Inspection")
        expect(problems, "after", self.after, Inspection, "an Inspection")
        raise_if(problems)
        changes = _changes(self.before, self.after)
        caveats = tuple(_caveats(self.before, self.after, changes))
        for field, derived in (("changes", changes), ("caveats", caveats)):
            given = getattr(self, field)
            if given is _DERIVED:
                object.__setattr__(self, field, derived)
            elif to_tuple(given, field) != derived:
                problems.append(f"{field}: do not follow from before and after")
            else:
                object.__setattr__(self, field, derived)
        raise_if(problems)

    def __repr__(self) -> str:
        before, after = self.before, self.after
        sides = (
            f"{after.force.name}, {before.framework.name} → {after.framework.name}"
            if before.force == after.force
            else f"{before.force.name} ({before.framework.name}) → {after.force.name} "
            f"({after.framework.name})"
        )
        how = "comparable" if self.comparable else "not comparable"
        return f"<Comparison {sides}: {count_of(len(self.changes), 'area')}, {how}>"

    def __str__(self) -> str:
        """The narrative, with its caveats (see `narrative`)."""
        return self.narrative()

    @property
    def across_forces(self) -> bool:
        """Whether the two inspections are of two forces: a difference between them, not a change."""
        return self.before.force != self.after.force

    @property
    def backwards(self) -> bool:
        """Whether ``after`` came first: one force's rounds compared against the run of time.

        >>> import policegrades as pg
        >>> history = pg.fixtures.cleveland()
        >>> pg.compare(history[6], history[5]).backwards, pg.compare(history[5], history[6]).backwards
        (True, False)
        """
        if self.across_forces:
            return False
        return chronological(self.after) < chronological(self.before)

    def describe(self, change: Change) -> str:
        """A change in words that fit this comparison: a rise or fall only over time, forwards.

        >>> import policegrades as pg
        >>> history = pg.fixtures.cleveland()
        >>> pg.compare(history[5], history[6]).describe(pg.Change.IMPROVED)
        'improved'
        >>> pg.compare(history[6], history[5]).describe(pg.Change.IMPROVED)
        'higher in the earlier round'
        >>> pg.compare(pg.inspection("Durham", "2022"), history[5]).describe(pg.Change.IMPROVED)
        'higher for Cleveland'
        """
        if self.across_forces:
            words = {
                Change.IMPROVED: f"higher for {self.after.force.short_name}",
                Change.DECLINED: f"lower for {self.after.force.short_name}",
                Change.UNCHANGED: "the same",
            }
        elif self.backwards:
            words = {
                Change.IMPROVED: "higher in the earlier round",
                Change.DECLINED: "lower in the earlier round",
            }
        else:
            words = {}
        return words.get(change, change.value)

    @property
    def comparable(self) -> bool:
        """Whether the grades can be set against each other as rises and falls.

        Only on one scale, and only where the inspectorate does not say that the two rounds'
        grades cannot be compared directly (it says so of PEEL 2023–25 against PEEL 2021/22).

        >>> import policegrades as pg
        >>> history = pg.fixtures.cleveland()
        >>> pg.compare(history[2], history[3]).comparable, pg.compare(history[5], history[6]).comparable
        (True, False)
        """
        return self.before.framework.comparable_with(self.after.framework)

    @property
    def statement(self) -> Comparability | None:
        """What the inspectorate says about comparing the later round's grades with the earlier's.

        ``None`` for one round, and where no statement was found (the caveats then say so).

        >>> import policegrades as pg
        >>> history = pg.fixtures.cleveland()
        >>> pg.compare(history[2], history[3]).statement.source
        'https://www.justiceinspectorates.gov.uk/hmicfrs/police-forces/integrated-peel-assessments/'
        >>> pg.compare(history[5], history[6]).statement.comparable
        False
        """
        return _statement(self.before.framework, self.after.framework)

    def _where(self, change: Change) -> tuple[AreaChange, ...]:
        return tuple(c for c in self.changes if c.change is change)

    @property
    def improved(self) -> tuple[AreaChange, ...]:
        """The areas graded better in the later inspection."""
        return self._where(Change.IMPROVED)

    @property
    def declined(self) -> tuple[AreaChange, ...]:
        """The areas graded worse in the later inspection."""
        return self._where(Change.DECLINED)

    @property
    def unchanged(self) -> tuple[AreaChange, ...]:
        """The areas with the same grade (or ungraded both times)."""
        return self._where(Change.UNCHANGED)

    @property
    def added(self) -> tuple[AreaChange, ...]:
        """The areas only the later round assesses."""
        return self._where(Change.ADDED)

    @property
    def removed(self) -> tuple[AreaChange, ...]:
        """The areas the later round no longer assesses."""
        return self._where(Change.REMOVED)

    @property
    def not_comparable(self) -> tuple[AreaChange, ...]:
        """The areas whose two sides cannot be set against each other."""
        return self._where(Change.NOT_COMPARABLE)

    @property
    def not_known(self) -> tuple[AreaChange, ...]:
        """The areas whose grade the data does not know on one side."""
        return self._where(Change.NOT_KNOWN)

    def change(self, area: Area | str) -> AreaChange:
        """The change of one area, named as in either inspection.

        >>> import policegrades as pg
        >>> history = pg.fixtures.cleveland()
        >>> pg.compare(history[5], history[6]).change("disrupting serious organised crime").change
        <Change.REMOVED: 'removed'>
        """
        for inspection, side in ((self.after, "after"), (self.before, "before")):
            try:
                wanted = inspection.framework.area(area)
            except LookupError:
                continue
            for found in self.changes:
                held = getattr(found, side)
                if held is not None and held.area.key == wanted.key:
                    return found
        raise UnknownNameError(f"neither inspection records the area {area!r}")

    def narrative(self, periods: Iterable[EngagePeriod] = ()) -> str:
        """A short paragraph a journalist could use, ending with the caveats.

        With ``periods`` (`policegrades.engage_periods`), it says where a force was in Engage
        when an inspection was published: certainly so, by the periods' dates.

        >>> import policegrades as pg
        >>> history = pg.fixtures.cleveland()
        >>> print(pg.compare(history[3], history[4]).narrative())
        Between PEEL 2017 (published 22 March 2018) and PEEL 2018/19 (published 27 September 2019), Cleveland Police declined in five areas: effectiveness (good to inadequate), preventing crime (good to inadequate), efficiency (good to inadequate), use of resources (good to inadequate) and legitimacy (requires improvement to inadequate). It stayed the same in one area: specialist capabilities (ungraded). One area of PEEL 2017 is no longer assessed: understanding demand. On comparing PEEL 2018/19 with earlier rounds the inspectorate says: ...
        >>> print(pg.compare(history[5], history[6]).narrative())
        In PEEL 2021/22 (published 17 March 2023), Cleveland Police was graded good in one area, adequate in four areas, requires improvement in three areas and inadequate in two areas; in PEEL 2023–25 (published 10 April 2025), good in four areas, adequate in two areas and requires improvement in two areas. These grades are not set against each other as rises or falls. ...
        """
        parts = self._moves() if self.comparable else self._side_by_side()
        parts += _engage_sentences(self.before, self.after, periods_only(periods, "narrative"))
        if self.removed:
            parts.append(
                f"{upper_first(count_of(len(self.removed), 'area'))} of "
                f"{self.before.framework.name} {_are(len(self.removed))} no longer assessed: "
                f"{join([lower_first(c.area.name) for c in self.removed])}."
            )
        if self.added:
            parts.append(
                f"{upper_first(count_of(len(self.added), 'area'))} {_are(len(self.added))} new in "
                f"{self.after.framework.name}: {join([lower_first(c.area.name) for c in self.added])}."
            )
        return " ".join([*parts, *self.caveats])

    def _moves(self) -> list[str]:
        """The areas set against each other, worded for what the comparison is."""
        before, after = self.before, self.after
        sentences: list[str] = []
        forwards = not self.across_forces and not self.backwards
        if forwards:
            subject = (
                f"Between {before.framework.name} ({_date(before)}) and "
                f"{after.framework.name} ({_date(after)}), {after.force.name}"
            )
            verbs, then = ("improved in", "declined in", "stayed the same in"), "It"
        elif self.across_forces:
            same_round = before.framework == after.framework
            rounds = (
                "" if same_round else (f" ({after.framework.name} against {before.framework.name})")
            )
            where = f"In {after.framework.name}, " if same_round else ""
            subject = f"{where}{after.force.name}, against {before.force.name}{rounds}, was graded"
            verbs, then = ("higher in", "lower in", "the same in"), "It was graded"
        else:
            sentences.append(
                f"{after.framework.name} ({_date(after)}) came before {before.framework.name} "
                f"({_date(before)}), so this comparison runs backwards in time."
            )
            subject = (
                f"{after.force.name}, in {after.framework.name} against "
                f"{before.framework.name}, was graded"
            )
            verbs, then = ("higher in", "lower in", "the same in"), "It was graded"
        groups = (self.improved, self.declined, self.unchanged)
        moved = [(changes, verb) for changes, verb in zip(groups, verbs, strict=True) if changes]
        for index, (changes, verb) in enumerate(moved):
            moves = join([_movement(c, forwards=forwards) for c in changes])
            who = subject if index == 0 else then
            sentences.append(f"{who} {verb} {count_of(len(changes), 'area')}: {moves}.")
        if not moved:
            sentences.append("No area is graded in both that can be compared.")
        return sentences

    def _side_by_side(self) -> list[str]:
        before, after = self.before, self.after
        return [
            f"In {before.framework.name} ({_date(before)}), {before.force.name} was "
            f"graded {summarise(before).headline()}; in {after.framework.name} "
            f"({_date(after)}), {after.force.name + ' was graded ' if self.across_forces else ''}"
            f"{summarise(after).headline()}.",
            "These grades are not set against each other as rises or falls.",
        ]


def _engage_sentences(
    before: Inspection, after: Inspection, periods: list[EngagePeriod]
) -> list[str]:
    """'In Engage since …' for each side certainly in Engage on the day it was published.

    >>> import policegrades as pg
    >>> history = pg.fixtures.cleveland()
    >>> _engage_sentences(history[5], history[6], list(pg.engage_periods("Cleveland")))
    ['When PEEL 2021/22 was published (17 March 2023), Cleveland Police was in Engage (enhanced monitoring), as it had been since 2019.']
    """
    sentences = []
    for inspection in dict.fromkeys((before, after)):
        first, last = inspection.published_between
        for period in periods:
            on_both_days = period.certainly_in(first) and period.certainly_in(last)
            if period.force == inspection.force and on_both_days:
                sentences.append(
                    f"When {inspection.framework.name} was published "
                    f"({inspection.published_text}), {inspection.force.name} was in Engage "
                    f"(enhanced monitoring), as it had been since {period.entered_text}."
                )
    return sentences


def _movement(change: AreaChange, *, forwards: bool) -> str:
    name = lower_first(change.area.name)
    before, after = change.before_grade, change.after_grade
    if change.change is Change.UNCHANGED:
        return f"{name} ({'ungraded' if after is None else after})"
    return f"{name} ({before} to {after})" if forwards else f"{name} ({after} against {before})"


def _are(n: int) -> str:
    return "is" if n == 1 else "are"


def _date(inspection: Inspection) -> str:
    text = inspection.published_text
    return text if inspection.published is None else f"published {text}"


def compare(before: Inspection, after: Inspection) -> Comparison:
    """Compare two inspections area by area: matched by key, then through renames.

    Across the 2021 scale change, and between rounds whose grades the inspectorate says cannot
    be compared directly, ``comparable`` is false and every pair of grades is
    ``Change.NOT_COMPARABLE``, with the inspectorate's reason among the caveats. An ungraded
    or unrecorded side is never a rise or a fall. An area only one round assesses is
    ``ADDED`` or ``REMOVED``.

    >>> import policegrades as pg
    >>> history = pg.fixtures.cleveland()
    >>> comparison = pg.compare(history[3], history[4])
    >>> [c.area.name for c in comparison.declined]
    ['Effectiveness', 'Preventing crime', 'Efficiency', 'Use of resources', 'Legitimacy']
    >>> [c.area.name for c in comparison.removed]
    ['Understanding demand']
    >>> latest = pg.compare(history[5], history[6])
    >>> latest.comparable, latest.change("preventing crime").change
    (False, <Change.NOT_COMPARABLE: 'not comparable'>)
    >>> print(pg.compare(history[4], history[5]).caveats[0])
    The inspectorate says grades from PEEL 2021/22 on cannot be compared directly with earlier rounds: ...
    """
    return Comparison(before=before, after=after)


def _statement(a: Framework, b: Framework) -> Comparability | None:
    """What the inspectorate says about comparing two rounds' grades, if anything was found."""
    if a == b:
        return None
    earlier, later = (a, b) if a.start_year <= b.start_year else (b, a)
    return later.statement_on(earlier)


def _changes(before: Inspection, after: Inspection) -> tuple[AreaChange, ...]:
    """One `AreaChange` per area either inspection holds: pairs first, in ``after``'s order."""
    comparable = before.framework.comparable_with(after.framework)
    changes: list[AreaChange] = []
    unmatched = list(before.grades)
    for held in after.grades:
        partner = next((b for b in unmatched if same_area(b.area, held.area)), None)
        if partner is not None:
            unmatched.remove(partner)
            changes.append(
                AreaChange(before=partner, after=held, change=_change(partner, held, comparable))
            )
        else:
            what, change = _one_sided(before, held, Change.ADDED)
            changes.append(AreaChange(before=None, after=held, change=change, before_held=what))
    for held in unmatched:
        what, change = _one_sided(after, held, Change.REMOVED)
        changes.append(AreaChange(before=held, after=None, change=change, after_held=what))
    return tuple(changes)


def _one_sided(inspection: Inspection, other: AreaGrade, unassessed: Change) -> tuple[Held, Change]:
    """What ``inspection`` holds for an area it records nothing of, and the change.

    Not assessed where its round does not assess the area (``unassessed``: added or
    removed), or grades it for some forces only and not this one; ungraded where the round
    never grades it; otherwise the grade is simply not known.
    """
    framework = inspection.framework
    if not _holds(framework, other.area):
        return "not assessed", unassessed
    own = next((a for a in framework.areas if same_area(a, other.area)), None)
    if own is not None and own.grading is Grading.UNGRADED:
        return "ungraded", Change.UNCHANGED if other.grade is None else Change.NOT_COMPARABLE
    if own is not None and not inspection.assessed(own):
        return "not assessed", Change.NOT_COMPARABLE
    return "not known", Change.NOT_KNOWN


def _holds(framework: Framework, area: Area) -> bool:
    """Whether ``framework`` may assess ``area``: under its key, a rename, or its unknown areas."""
    return not framework.areas_complete or any(same_area(area, other) for other in framework.areas)


def _change(before: AreaGrade, after: AreaGrade, comparable: bool) -> Change:
    if before.grade is None and after.grade is None:
        return Change.UNCHANGED
    if before.grade is None or after.grade is None or not comparable:
        return Change.NOT_COMPARABLE
    if after.grade > before.grade:
        return Change.IMPROVED
    if after.grade < before.grade:
        return Change.DECLINED
    return Change.UNCHANGED


def _caveats(before: Inspection, after: Inspection, changes: tuple[AreaChange, ...]) -> list[str]:
    comparable = before.framework.comparable_with(after.framework)
    caveats = []
    if before.framework.scale is not after.framework.scale:
        said = _statement(before.framework, after.framework)
        caveats.append(SCALE_CHANGE_CAVEAT + ("" if said is None else f" ({said.source})"))
    elif before.framework != after.framework:
        caveats.append(rounds_caveat(before.framework, after.framework))
    for framework in dict.fromkeys((before.framework, after.framework)):
        if not framework.areas_complete:
            caveats.append(
                f"The data knows only some of the areas of {framework.name}, so an area it "
                "does not list is not taken to be new or no longer assessed."
            )
    if before.force != after.force:
        caveats.append(
            f"These are inspections of two forces, {before.force.name} and {after.force.name}: "
            f"a change here is a difference between them, not a change over time."
        )
    if after.published_between[1] < before.published_between[0]:
        caveats.append(
            f"The later inspection here ({after.framework.name}) was published before the "
            f"earlier one ({before.framework.name})."
        )
    for change in changes:
        if change.renamed and change.before is not None and change.after is not None:
            caveats.append(_rename_caveat(change.before.area, change.after.area, before, after))
    for side, inspection in (("before", before), ("after", after)):
        missing = [
            lower_first(c.area.name)
            for c in changes
            if c.change is Change.NOT_KNOWN and getattr(c, side) is None
        ]
        if missing:
            whose = f" of {inspection.force.name}" if before.force != after.force else ""
            grades = "grade" if len(missing) == 1 else "grades"
            caveats.append(
                f"The data does not know the {inspection.framework.name} {grades}{whose} for "
                f"{join(missing)}, so {'it is' if len(missing) == 1 else 'they are'} not compared."
            )
    for side, inspection in (("before", before), ("after", after)):
        unassessed = [
            lower_first(c.area.name)
            for c in changes
            if c.change is Change.NOT_COMPARABLE and getattr(c, f"{side}_held") == "not assessed"
        ]
        if unassessed:
            caveats.append(
                f"{inspection.framework.name} grades {join(unassessed)} for some forces only, "
                f"not {inspection.force.name}, so {'it is' if len(unassessed) == 1 else 'they are'}"
                " not compared."
            )
    if comparable:
        ungraded = [
            lower_first(c.area.name)
            for c in changes
            if c.change is Change.NOT_COMPARABLE and "not assessed" not in c.held
        ]
        if ungraded:
            caveats.append(
                f"Graded in one inspection but not in the other, so not compared: {join(ungraded)}."
            )
    for change in changes:
        for held, inspection in ((change.before, before), (change.after, after)):
            if held is not None:
                caveats.extend(_provenance_caveats(held, inspection))
    return list(dict.fromkeys(caveats))  # one round compared with itself names each once


def rounds_caveat(a: Framework, b: Framework) -> str:
    """What the inspectorate says about comparing two rounds on one scale, or that none is found.

    >>> import policegrades as pg
    >>> print(rounds_caveat(pg.framework("2023-25"), pg.framework("2025-27"))[:84])
    No statement of the inspectorate on comparing PEEL 2025–27 grades with PEEL 2023–25
    """
    earlier, later = (a, b) if a.start_year <= b.start_year else (b, a)
    said = later.statement_on(earlier)
    if said is not None and not said.comparable:
        return (
            f"The inspectorate says {later.name} grades cannot be compared directly with "
            f"{earlier.name} grades, so no change here is a rise or a fall: “{said.statement}” "
            f"({said.source})"
        )
    if said is None:
        return (
            f"No statement of the inspectorate on comparing {later.name} grades with "
            f"{earlier.name} grades was found: both rounds use the {later.scale} scale, but each "
            "grades against its own framework, so a change of grade is a change between two "
            "frameworks' judgments."
        )
    return (
        f"On comparing {later.name} with earlier rounds the inspectorate says: "
        f"“{said.statement}” ({said.source})"
    )


def _provenance_caveats(held: AreaGrade, inspection: Inspection) -> list[str]:
    """What a reader must know of how one side's grade is known."""
    which = f"The {inspection.framework.name} grade for {lower_first(held.area.name)}"
    said = []
    if held.basis is Basis.DERIVED:
        said.append(f"{which} is derived, not read in a source.")
    elif held.basis is Basis.CARRIED_OVER:
        said.append(f"{which} was carried over from an earlier inspection.")
    if held.correction is not None:
        first = held.correction.published_grade
        said.append(
            f"{which} was changed after publication, on {_day(held.correction.date)}, from "
            f"{'ungraded' if first is None else first} to "
            f"{'ungraded' if held.grade is None else held.grade}: {held.correction.reason}"
        )
    return said


def _day(date: datetime.date) -> str:
    return f"{date.day} {date:%B %Y}"


def _rename_caveat(a: Area, b: Area, before: Inspection, after: Inspection) -> str:
    """Name the newer area first, whichever side of the comparison it is on."""
    (new, new_round), (old, old_round) = (b, after), (a, before)
    if a.renamed_from == b.key:
        (new, new_round), (old, old_round) = (a, before), (b, after)
    note = f" ({new.lineage_note})" if new.lineage_note else ""
    return (
        f"{new.name!r} ({new_round.framework.name}) is matched with {old.name!r} "
        f"({old_round.framework.name}), the area it replaced{note}."
    )
