"""The installed package carries its data and its type marker; under `make wheel-test` the
suite runs against the installed wheel, not the source tree."""

import datetime
import os
import pathlib
import re
import subprocess
import sys
from importlib import metadata, resources

import pytest

import policegrades as pg


def test_data_files_and_type_marker_ship_with_the_package() -> None:
    package = resources.files("policegrades")
    for name in ("py.typed", "data/forces.json", "data/frameworks.json"):
        assert package.joinpath(name).is_file(), name
    folder = package.joinpath("data").joinpath("inspections")
    rounds = sorted(entry.name for entry in folder.iterdir() if entry.is_dir())
    assert rounds == sorted(f.key for f in pg.frameworks() if pg.inspections(framework=f))
    files = [e for r in rounds for e in folder.joinpath(r).iterdir() if e.name.endswith(".json")]
    assert len(files) == len(pg.inspections()) > 250


def test_the_version_is_the_distributions() -> None:
    assert pg.__version__ == metadata.version("policegrades")


def test_the_hypothesis_entry_point_is_declared() -> None:
    points = metadata.entry_points(group="hypothesis")
    assert any(point.value.startswith("policegrades.") for point in points)


@pytest.mark.skipif(
    not os.environ.get("POLICEGRADES_TEST_INSTALLED"), reason="only under make wheel-test"
)
def test_the_suite_runs_against_the_installed_wheel() -> None:
    location = pathlib.Path(pg.__file__).resolve()
    assert "site-packages" in location.parts
    assert pathlib.Path(sys.prefix).resolve() in location.parents


def test_from_type_works_in_a_fresh_process_through_the_entry_point() -> None:
    code = (
        "from hypothesis import strategies as st; import policegrades as pg; "
        "print(repr(st.from_type(pg.Inspection).example()))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "HYPOTHESIS_NO_PLUGINS")}
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert result.stdout.startswith("<Inspection ")


def test_builds_infers_our_types_from_annotations() -> None:
    from hypothesis import find
    from hypothesis import strategies as st

    def describe(inspection: pg.Inspection, area: pg.Area, grade: pg.Grade) -> tuple[object, ...]:
        return (inspection, area, grade)

    inspection, area, grade = find(st.builds(describe), lambda found: True)
    assert isinstance(inspection, pg.Inspection)
    assert isinstance(area, pg.Area)
    assert isinstance(grade, pg.Grade)


def test_the_changelog_has_a_dated_section_for_this_version() -> None:
    changelog = pathlib.Path(__file__).resolve().parents[1] / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    assert "## [Unreleased]" in text
    match = re.search(
        rf"^## \[{re.escape(pg.__version__)}\] - (\d{{4}}-\d{{2}}-\d{{2}})$", text, re.M
    )
    assert match is not None
    assert datetime.date.fromisoformat(match.group(1)) <= datetime.date.today()


def test_import_loads_only_the_model() -> None:
    code = (
        "import sys, policegrades; "
        "print(sorted(m for m in sys.modules if m.startswith(('policegrades', 'cattrs'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = result.stdout
    for lazy in (
        "cattrs",
        "policegrades.serialisation",
        "policegrades.comparison",
        "policegrades.tables",
    ):
        assert f"'{lazy}'" not in loaded
    assert "'policegrades.assessments'" in loaded
