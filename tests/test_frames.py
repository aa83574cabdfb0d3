import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import strategies
from policegrades.frames import FRAME_COLUMNS, GRADE_ORDER


def test_the_long_format_with_an_ordered_grade() -> None:
    frame = pg.to_dataframe(pg.fixtures.cleveland())
    assert tuple(frame.columns) == FRAME_COLUMNS
    assert frame["grade"].cat.ordered
    assert list(frame["grade"].cat.categories) == list(GRADE_ORDER)
    assert frame["grade"].max() == "outstanding"
    assert frame["grade"].isna().sum() == sum(
        h.grade is None for i in pg.fixtures.cleveland() for h in i.grades
    )
    assert frame["weak"].dtype == bool
    assert set(frame["basis"]) == {"stated", "derived", "carried over"}
    assert set(frame["published_precision"]) == {"day"}
    assert isinstance(frame, pd.DataFrame)
    assert str(frame["published"].dtype).startswith("datetime64")


def test_sorting_follows_the_scale() -> None:
    frame = pg.to_dataframe(pg.fixtures.cleveland()[-2:]).dropna(subset=["grade"])
    ordered = frame.sort_values("grade")["grade"].tolist()
    assert ordered == sorted(ordered, key=lambda label: pg.Grade.parse(label))


@given(st.lists(strategies.inspections(), max_size=4))
def test_one_row_per_grade(inspections: list[pg.Inspection]) -> None:
    frame = pg.to_dataframe(inspections)
    assert len(frame) == sum(len(i.grades) for i in inspections)
    assert set(frame["grade"].dropna()) <= set(GRADE_ORDER)


def test_pandas_is_imported_only_when_asked_for() -> None:
    import subprocess
    import sys

    code = "import sys, policegrades as pg; pg.fixtures.cleveland(); print('pandas' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
