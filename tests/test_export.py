"""The dataset written as files, and checked as a Frictionless Data Package."""

import csv
import json
import pathlib

import frictionless
import pytest

import policegrades as pg
from policegrades.cli import main
from policegrades.export import FILES, export
from policegrades.period_tables import PERIOD_COLUMNS, periods_from_csv


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    folder = tmp_path_factory.mktemp("out")
    assert main(["export", str(folder)]) == 0
    return folder


def test_export_writes_every_file(written: pathlib.Path) -> None:
    assert sorted(p.name for p in written.iterdir()) == sorted(FILES)


def test_the_data_package_is_valid(written: pathlib.Path) -> None:
    report = frictionless.validate(str(written / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((written / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} == {
        "inspections.csv",
        "grades-wide.csv",
        "areas.csv",
        "engage.csv",
    }
    assert package["licenses"]
    assert package["sources"]


def test_the_engage_table_reads_back(written: pathlib.Path) -> None:
    text = (written / "engage.csv").read_text(encoding="utf-8")
    assert periods_from_csv(text) == pg.engage_periods()
    assert text.splitlines()[0].split(",") == list(PERIOD_COLUMNS)


def test_the_long_table_and_the_json_read_back(written: pathlib.Path) -> None:
    every = pg.inspections()
    assert pg.from_csv((written / "inspections.csv").read_text(encoding="utf-8")) == every
    text = (written / "inspections.json").read_text(encoding="utf-8")
    assert pg.from_json(text, tuple[pg.Inspection, ...]) == every


def test_the_wide_table_has_a_row_per_inspection_and_a_column_per_area(
    written: pathlib.Path,
) -> None:
    with (written / "grades-wide.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(pg.inspections())
    (cleveland,) = [
        r for r in rows if r["force_code"] == "E23000013" and r["round"] == "peel-2018-19"
    ]
    assert (cleveland["effectiveness"], cleveland["efficiency"], cleveland["legitimacy"]) == (
        "inadequate",
        "inadequate",
        "inadequate",
    )
    assert cleveland["specialist-capabilities"] == "ungraded"
    assert cleveland["investigating-crime"] == ""  # not known
    with (written / "areas.csv").open(encoding="utf-8") as handle:
        areas = list(csv.DictReader(handle))
    assert len(areas) == sum(len(f.areas) for f in pg.frameworks())
    assert {
        "round": "peel-2016",
        "area": "preventing-crime",
        "parent": "effectiveness",
    }.items() <= next(
        a for a in areas if a["round"] == "peel-2016" and a["area"] == "preventing-crime"
    ).items()


def test_export_of_your_own_inspections(tmp_path: pathlib.Path) -> None:
    written = export(tmp_path / "mine", pg.fixtures.cleveland())
    assert pg.from_csv(written[0].read_text(encoding="utf-8")) == pg.fixtures.cleveland()


def test_a_folder_that_cannot_be_made_is_our_error(tmp_path: pathlib.Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(pg.InvalidDataError, match="cannot be made"):
        export(blocker / "out")
