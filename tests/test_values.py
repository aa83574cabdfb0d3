"""Values as a user handles them: pickled to a worker, deep-copied by a notebook, shown in a REPL."""

import copy
import itertools
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import strategies


def _copies(value: Any) -> list[Any]:
    return [
        pickle.loads(pickle.dumps(value)),
        pickle.loads(pickle.dumps(value, protocol=0)),
        copy.deepcopy(value),
        copy.copy(value),
    ]


def _bundled_values() -> list[Any]:
    cleveland = pg.fixtures.cleveland()
    return [
        *pg.inspections(),
        *pg.engage_periods(),
        pg.coverage(),
        *pg.coverage().rounds,
        *(pg.compare(a, b) for a, b in itertools.pairwise(cleveland)),
        pg.compare(pg.inspection("Cleveland", "2023-25"), pg.inspection("Durham", "2023-25")),
        *(pg.rank(pg.inspections(framework=peel)) for peel in pg.frameworks()[:-1]),
        pg.history(cleveland, "preventing crime"),
        *(pg.summarise(i) for i in cleveland),
        pg.standing("Cleveland", "2018/19"),
        pg.across_forces("2021/22", "preventing crime"),
        *pg.frameworks(),
        *pg.forces(),
    ]


def test_every_bundled_value_pickles_and_copies_to_an_equal_value() -> None:
    values = _bundled_values()
    assert len(values) > len(pg.inspections()) + len(pg.engage_periods())
    for value in values:
        for copied in _copies(value):
            assert copied == value, type(value).__name__
            assert type(copied) is type(value)


def test_published_counts_survive_a_copy_and_stay_immutable() -> None:
    counts = pg.inspection("Cleveland", "2021/22").published_counts
    assert counts is not None
    for copied in _copies(counts):
        assert copied == counts
        assert hash(copied) == hash(counts)
        with pytest.raises(AttributeError, match="immutable"):
            copied._counts = {}


@given(
    st.one_of(
        strategies.inspections(),
        strategies.engage_periods(),
        strategies.grade_counts(),
        strategies.any_area_grades(),
        strategies.sources(),
        strategies.recommendations(),
    )
)
def test_every_generated_value_pickles_and_copies_to_an_equal_value(value: object) -> None:
    for copied in _copies(value):
        assert copied == value


def test_every_value_has_a_short_repr_that_names_it() -> None:
    for value in _bundled_values():
        shown = repr(value)
        name = type(value).__name__
        assert shown.startswith((f"<{name}", f"{name}(")), shown[:80]
        assert "\n" not in shown
        assert len(shown) <= 200, shown


def test_the_issues_bounds_on_the_largest_values() -> None:
    assert len(repr(pg.coverage())) < 2000
    assert max(len(repr(i)) for i in pg.inspections()) < 4000


def test_str_gives_the_readable_text() -> None:

    cleveland = pg.fixtures.cleveland()
    comparison = pg.compare(cleveland[-2], cleveland[-1])
    assert str(comparison) == comparison.narrative()
    assert str(pg.summarise(cleveland[-1])) == pg.summarise(cleveland[-1]).headline()
    table = pg.rank(pg.inspections(framework="2016"))
    assert str(table).splitlines()[-1] == f"{table.basis[0].upper()}{table.basis[1:]}."
    history = pg.history(cleveland, "preventing crime")
    assert str(history).splitlines() == [str(entry) for entry in history]
    lines = str(cleveland[-1]).splitlines()
    assert lines[0] == "Cleveland Police, PEEL 2023–25 (10 April 2025)"
    assert len(lines) == 1 + len(cleveland[-1].grades)
    standing = pg.standing("Cleveland", "2018/19")
    assert str(standing).splitlines()[1:] == [f"- {s}" for s in standing.areas]


def test_the_coverage_prints_as_the_command_line_prints_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from policegrades.cli import main

    assert main(["coverage"]) == 0
    assert str(pg.coverage()) == capsys.readouterr().out.rstrip("\n")
    shown = pg.coverage()._repr_html_()
    assert shown.startswith("<table>")
    assert shown.count("<tr>") == 1 + len(pg.frameworks())
    assert "<td>PEEL 2021/22</td>" in shown
