"""The installed package carries its data and its type marker; under `make wheel-test` the
suite runs against the installed wheel, not the source tree."""

import os
import pathlib
import sys
from importlib import metadata, resources

import pytest

import policegrades as pg


def test_data_files_and_type_marker_ship_with_the_package() -> None:
    package = resources.files("policegrades")
    for name in ("py.typed", "data/forces.json", "data/frameworks.json"):
        assert package.joinpath(name).is_file(), name
    for key in pg.fixtures.DATASETS:
        assert package.joinpath(f"data/datasets/{key}.json").is_file(), key


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
