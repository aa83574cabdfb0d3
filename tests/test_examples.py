"""The examples shipped with the project run, and report what the library says."""

import pathlib
import subprocess
import sys

import policegrades as pg

EXAMPLES = pathlib.Path(__file__).parents[1] / "examples"


def test_the_demo_runs_and_reports_the_bundled_data() -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "demo.py")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "Cleveland Police: PEEL grades, round by round"
    every = pg.inspections()
    graded = sum(len(inspection.grades) for inspection in every)
    assert f"Bundled: {len(every)} inspections of the 43 forces, {graded} area grades" in lines
    for peel in pg.frameworks():
        assert any(line.startswith(f"  {peel.name} ") for line in lines), peel.name
    latest = pg.standing("Cleveland", "2021/22", published_by="2023-03-17")
    assert f"  PEEL 2021/22 as it stood on 2023-03-17: {latest.place()}" in lines
