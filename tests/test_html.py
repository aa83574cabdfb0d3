"""The site's HTML: each table takes the inspections it is about, and says what it was given."""

import re

import attrs
import pytest

import policegrades as pg
from policegrades import html


def test_a_round_table_shows_only_that_rounds_inspections() -> None:
    peel = pg.framework("2016")
    table = html.round_table(peel, pg.fixtures.cleveland(), pg.forces())
    cleveland = re.search(r'<tr data-force="Cleveland Police">.*?</tr>', table)
    assert cleveland is not None
    assert pg.inspection("Cleveland", peel).published_text in cleveland[0]
    assert cleveland[0].count('class="g-') - cleveland[0].count("g-unknown") > 0
    assert table.count("no inspection") == 42  # the other forces: no inspection given


def test_a_round_table_refuses_a_force_twice() -> None:
    peel = pg.framework("2016")
    twice = [pg.inspection("Durham", peel)] * 2
    with pytest.raises(pg.InvalidDataError, match="Durham Constabulary is given twice"):
        html.round_table(peel, twice, pg.forces())


def test_a_force_history_is_in_round_order_whatever_the_order_given() -> None:
    history = pg.fixtures.cleveland()
    assert html.force_history(history[::-1]) == html.force_history(history)
    with pytest.raises(pg.InvalidDataError, match="follows one force only"):
        html.force_history([history[0], pg.inspection("Durham", "2016")])


def _row(table: str, force: str) -> str:
    found = re.search(rf'<tr data-force="{force}">.*?</tr>', table)
    assert found is not None, force
    return found[0]


def test_the_engage_table_marks_weak_ends_and_says_when_an_open_period_was_last_seen() -> None:
    table = html.engage_table(pg.engage_periods())
    gloucestershire = _row(table, "Gloucestershire Constabulary")
    assert gloucestershire.count('class="weak"') == 2  # both ends read second-hand
    assert 'class="weak"' not in _row(table, "Nottinghamshire Police")
    lincolnshire = _row(table, "Lincolnshire Police")
    assert "still in when last reported, 14 May 2025" in lincolnshire
    assert 'data-sort="9999"' in lincolnshire  # an open period sorts after every exit
    assert '<a href="forces/cleveland.html">' in _row(table, "Cleveland Police")


def test_an_engage_period_escapes_its_text_and_says_what_was_not_found() -> None:
    period = pg.engage_periods("Greater Manchester")[0]
    odd = attrs.evolve(period, note="<script>alert(1)</script> & more")
    text = html.engage_period(odd)
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert "reasons for the move into Engage: <em>not found</em>" in text
    assert text.count("<li>") == len(period.exit_reasons) + len(period.sources)
