import argparse
import json
import pathlib
import subprocess
import sys

import pytest

import policegrades as pg
from policegrades.bundled import canonical_json
from policegrades.cli import build_parser, main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_forces_and_rounds(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "forces")
    assert status == 0
    assert len(out.splitlines()) == 1 + 43
    assert "E23000013  Cleveland Police" in out
    status, out, _ = _run(capsys, "rounds", "--json")
    assert [r["key"] for r in json.loads(out)] == [f.key for f in pg.frameworks()]


def test_forces_as_csv(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "forces", "--csv")
    assert out.splitlines()[0] == "code,name,short_name,police_uk_id,country"
    assert 'E23000034,City of London Police,"London, City of",city-of-london,England' in out


def test_show_the_latest_round_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "show", "cleveland")
    assert status == 0
    assert out.startswith("Cleveland Police, PEEL 2023–25, published 10 April 2025")
    assert (
        "Graded good in four areas, adequate in two areas and requires improvement in two areas."
        in out
    )
    assert "Area for improvement: Cleveland Police should improve the way it flags" in out
    assert (
        "[report] HMICFRS: https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/cleveland-2023-25/"
        in out
    )


def test_show_marks_how_each_grade_is_known(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "show", "northamptonshire", "2023-25")
    assert "requires improvement (published as adequate)" in out
    assert "published 16 February 2024" in out
    _, out, _ = _run(capsys, "show", "the Met", "2021/22")
    assert "published September 2022" in out
    _, out, _ = _run(capsys, "show", "cleveland", "2017")
    assert "good (carried over)" in out


def test_show_a_round_as_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "show", "Cleveland Police", "2021/22", "--json")
    assert pg.from_json(out, pg.Inspection) == pg.fixtures.cleveland()[5]
    _, out, _ = _run(capsys, "show", "E23000013", "2016", "--csv")
    assert len(pg.from_csv(out)[0].grades) == len(pg.fixtures.cleveland()[2].grades)


def test_history_table_and_one_area(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "history", "cleveland")
    assert "Pillar rounds" in out
    assert "PEEL 2021/22 onwards" in out
    _, out, _ = _run(capsys, "history", "cleveland", "--area", "preventing crime", "--json")
    entries = json.loads(out)
    assert [e["grade"] for e in entries][-3:] == ["inadequate", "inadequate", "good"]
    assert [e["scale_changed"] for e in entries].count(True) == 1


def test_compare_rounds_and_files(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    status, out, _ = _run(capsys, "compare", "cleveland", "2021/22", "2023-25")
    assert status == 0
    assert "Preventing crime" in out
    assert "improved" in out
    assert "Caveats:" in out
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    before.write_text(pg.to_json(pg.fixtures.cleveland()[4]))
    after.write_text(pg.to_json(pg.fixtures.cleveland()[5]))
    _, out, _ = _run(capsys, "compare", str(before), str(after), "--json")
    data = json.loads(out)
    assert data["comparable"] is False
    assert {c["change"] for c in data["changes"]} <= {"not comparable", "added", "removed"}
    assert "cannot be compared directly" in data["caveats"][0]


def test_rank_a_round_and_files(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    _, out, _ = _run(capsys, "rank", "2016", "--csv")
    lines = out.splitlines()
    assert lines[0] == "rank,force,round,grades"
    assert lines[1].startswith("1,Durham Constabulary,PEEL 2016")
    assert lines[-1].startswith("43,Bedfordshire Police")
    _, out, _ = _run(capsys, "rank", "2018/19", "--csv")
    assert out.splitlines()[-1].startswith(",Humberside Police,PEEL 2018/19,of the grades known")
    table = tmp_path / "table.json"
    table.write_text(pg.to_json(list(pg.inspections(framework="2016")[:3])))
    _, out, _ = _run(capsys, "rank", "--data", str(table), "--json")
    ranked = {e["force"]: e["rank"] for e in json.loads(out)}
    assert ranked == {"E23000001": 3, "E23000002": 1, "E23000003": 1}


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["show", "nowhere"],
            "policegrades: error: no force is called 'nowhere'; the closest are: ",
        ),
        (
            ["show", "Yorkshire"],
            "policegrades: error: 'Yorkshire' could be any of: North Yorkshire Police",
        ),
        (["show", "cleveland", "2020"], "policegrades: error: no PEEL round is called '2020'"),
        (
            ["show", "cumbria", "2021/22"],
            "policegrades: error: no PEEL 2021/22 inspection of Cumbria Constabulary",
        ),
        (
            ["history", "cleveland", "--area", "vetting"],
            "policegrades: error: no area called 'vetting'",
        ),
        (
            ["compare", "cleveland", "2016"],
            "policegrades: error: compare takes FORCE ROUND ROUND, or FILE FILE",
        ),
        (["rank", "nothing"], "policegrades: error: no PEEL round is called 'nothing'"),
        (
            ["rank", "--data", "README.md"],
            "policegrades: error: README.md: line 1, column 1: Expecting value",
        ),
        (
            ["show", "cleveland", "--data", "/no/such/file.json"],
            "policegrades: error: /no/such/file.json: cannot read",
        ),
    ],
)
def test_bad_input_is_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    status, out, err = _run(capsys, *argv)
    assert status == 1
    assert out == ""
    assert err.startswith(expected)
    assert err.count("\n") == 1


def test_a_bad_file_names_the_path_and_the_place(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    bad_json = tmp_path / "bad.json"
    bad_json.write_text(
        '{"force": "E23000013", "framework": "peel-2016", "published": "2017-03-02", "grades": [{"area": "effectiveness", "grade": "adequate"}]}'
    )
    _, _, err = _run(capsys, "show", "cleveland", "--data", str(bad_json))
    assert (
        err
        == f"policegrades: error: {bad_json}: grades[0].grade: 'adequate' is not on the scale of PEEL 2016 (outstanding, good, requires improvement, inadequate)\n"
    )
    cut = tmp_path / "cut.json"
    cut.write_text('{"force": ')
    _, _, err = _run(capsys, "show", "cleveland", "--data", str(cut))
    assert err == f"policegrades: error: {cut}: line 1, column 11: Expecting value\n"
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text(
        pg.to_csv(pg.inspection("cleveland", "2016")).replace(",good,", ",superb,", 1)
    )
    _, _, err = _run(capsys, "show", "cleveland", "--data", str(bad_csv))
    assert err.startswith(f"policegrades: error: {bad_csv}: line 4: grade: 'superb' is not a grade")


def test_own_data_replaces_the_bundled(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    mine = tmp_path / "mine.json"
    mine.write_text(pg.to_json(list(pg.fixtures.cleveland()[:3])))
    _, out, _ = _run(capsys, "show", "cleveland", "--data", str(mine))
    assert out.startswith("Cleveland Police, PEEL 2016")
    one = tmp_path / "one.json"
    one.write_text(pg.to_json(pg.fixtures.cleveland()[0]))
    _, out, _ = _run(capsys, "show", "cleveland", "--data", str(one))
    assert out.startswith("Cleveland Police, PEEL 2014")


def test_check_reports_every_problem_of_every_file_then_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    good = tmp_path / "peel-2016" / "durham.json"
    good.parent.mkdir()
    good.write_text(canonical_json(pg.inspection("durham", "2016")))
    status, out, _ = _run(capsys, "check", str(good))
    assert (status, out) == (0, "1 file checked: no problem\n")
    misplaced = tmp_path / "peel-2016" / "kent.json"
    misplaced.write_text(pg.to_json(pg.inspection("durham", "2016"), indent=None))
    broken = tmp_path / "broken.json"
    broken.write_text('{"force": "E23000008", "framework": "peel-2016", "grades": [{}]}')
    status, out, _ = _run(capsys, "check", str(good), str(misplaced), str(broken))
    assert status == 1
    lines = out.splitlines()
    assert lines[-1] == "4 problems"
    assert [line.split(": ")[0] for line in lines[:-1]] == [str(misplaced)] * 2 + [str(broken)] * 2
    assert "not in canonical form" in lines[0]
    assert "file name: 'kent.json' holds Durham Constabulary" in lines[1]
    assert "grades[0].area: required, but missing" in lines[2]


def test_check_fix_writes_a_valid_file_canonically(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "durham.json"
    path.write_text(pg.to_json(pg.inspection("durham", "2016"), indent=None))
    status, out, _ = _run(capsys, "check", "--fix", str(path))
    assert (status, out) == (0, "1 file checked and written canonically: no problem\n")
    assert path.read_text() == canonical_json(pg.inspection("durham", "2016"))


@pytest.mark.parametrize(
    "argv",
    [[], ["bogus"], ["show"], ["forces", "--json", "--csv"], ["plot", "history", "cleveland"]],
)
def test_a_bad_command_line_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "usage: policegrades" in capsys.readouterr().err


def test_every_command_has_help_with_an_example() -> None:
    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name, sub in action.choices.items():
        assert "example" in (sub.epilog or ""), name
        assert sub.format_help().startswith("usage: policegrades")


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["show", "--help"])
    assert caught.value.code == 0
    assert "policegrades show cleveland 2021/22" in capsys.readouterr().out


def test_python_dash_m_and_the_console_script() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "policegrades", "show", "nowhere"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.startswith("policegrades: error: no force is called 'nowhere'")
    script = pathlib.Path(sys.executable).with_name("policegrades")
    result = subprocess.run([str(script), "history", "cleveland"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("Cleveland Police")
