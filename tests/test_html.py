"""The site's HTML: each table takes the inspections it is about, and says what it was given."""

import re

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
