import argparse
import csv
import io
import json
import os
import pathlib
import subprocess
import sys

import attrs
import pytest

import policegrades as pg
from policegrades.bundled import canonical_json
from policegrades.cli import build_parser, main

SCRIPT = pathlib.Path(sys.executable).with_name("policegrades")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _script(*argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**{k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}, **env}
    return subprocess.run(
        [str(SCRIPT), *argv], capture_output=True, text=True, env=environment, encoding="utf-8"
    )


def test_forces_and_rounds(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "forces")
    assert status == 0
    assert len(out.splitlines()) == 1 + 43
    assert "E23000013  Cleveland Police" in out
    _, out, _ = _run(capsys, "rounds", "--json")
    assert pg.from_json(out, tuple[pg.Framework, ...]) == pg.frameworks()
    _, out, _ = _run(capsys, "forces", "--json")
    assert pg.from_json(out, tuple[pg.Force, ...]) == pg.forces()


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
    assert pg.from_csv(out) == (pg.fixtures.cleveland()[2],)


def test_history_table_and_one_area(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "history", "cleveland")
    assert "Pillar rounds" in out
    assert "PEEL 2021/22 onwards" in out
    _, out, _ = _run(capsys, "history", "cleveland", "--json")
    assert pg.from_json(out, tuple[pg.Inspection, ...]) == pg.fixtures.cleveland()
    _, out, _ = _run(capsys, "history", "cleveland", "--area", "preventing crime", "--json")
    entries = pg.from_json(out, tuple[pg.HistoryEntry, ...])
    assert entries == pg.history(pg.fixtures.cleveland(), "preventing crime")
    assert [e.scale_changed for e in entries].count(True) == 1


def test_machine_readable_history_holds_the_wires_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = _run(capsys, "history", "cleveland", "--area", "managing offenders", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0] == {
        "round": "peel-2021-22",
        "published": "2023-03-17",
        "area": "managing-offenders",
        "recorded": "true",
        "grade": "adequate",
        "basis": "derived",
        "weak": "false",
        "scale_changed": "false",
        "comparable": "true",
    }
    assert rows[1]["comparable"] == "false"  # PEEL 2023–25 against PEEL 2021/22
    assert "(derived)" not in out


def test_compare_rounds_forces_and_files(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    status, out, _ = _run(capsys, "compare", "cleveland", "2021/22", "2023-25")
    assert status == 0
    assert "Preventing crime" in out
    assert "improved" not in out
    assert "cannot be compared directly" in out
    assert "Caveats:" in out
    _, out, _ = _run(capsys, "compare", "cleveland", "2017", "2018/19")
    assert "declined" in out
    _, out, _ = _run(capsys, "compare", "durham", "2016", "cleveland", "2016")
    assert "Durham Constabulary (PEEL 2016) → Cleveland Police (PEEL 2016)" in out
    assert "lower for Cleveland" in out
    assert "declined" not in out
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    before.write_text(pg.to_json(pg.fixtures.cleveland()[4]))
    after.write_text(pg.to_json(pg.fixtures.cleveland()[5]))
    _, out, _ = _run(capsys, "compare", "--data", str(before), "--data", str(after), "--json")
    comparison = pg.from_json(out, pg.Comparison)
    assert comparison == pg.compare(*pg.fixtures.cleveland()[4:6])
    assert comparison.comparable is False


def test_machine_readable_comparisons_hold_the_wires_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = _run(capsys, "compare", "cleveland", "2018/19", "2021/22", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {row["change"] for row in rows} <= {change.value for change in pg.Change}
    grades = {row["before_grade"] for row in rows} | {row["after_grade"] for row in rows}
    assert grades <= {grade.label for grade in pg.Grade} | {""}
    for mark in ("RI", "·", "—"):
        assert mark not in out


def test_rank_a_round_and_files(capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path) -> None:
    _, out, _ = _run(capsys, "rank", "2016", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (rows[0]["rank"], rows[0]["force_code"], rows[0]["round"]) == (
        "1",
        "E23000008",
        "peel-2016",
    )
    assert rows[-1]["force_code"] == pg.force("Bedfordshire").code
    _, out, _ = _run(capsys, "rank", "2018/19", "--csv")
    last = list(csv.DictReader(io.StringIO(out)))[-1]
    assert (last["rank"], last["force_code"], last["counted"]) == ("", "E23000012", "some grades")
    _, out, _ = _run(capsys, "rank", "2018/19", "--json")
    assert pg.from_json(out, tuple[pg.RankEntry, ...]) == pg.rank(pg.inspections(framework="2019"))
    table = tmp_path / "table.json"
    table.write_text(pg.to_json(list(pg.inspections(framework="2016")[:3])))
    _, out, _ = _run(capsys, "rank", "--data", str(table), "--only", "--json")
    ranked = {e["inspection"]["force"]: e["rank"] for e in json.loads(out)}
    assert ranked == {"E23000001": 3, "E23000002": 1, "E23000003": 1}
    _, out, _ = _run(capsys, "rank", "--data", str(table), "--json")
    assert len(json.loads(out)) == len(pg.inspections(framework="2016"))


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
        (["show", "Cleveland✓"], "policegrades: error: no force is called 'Cleveland✓'"),
        (["show", "cleveland", "2020"], "policegrades: error: no PEEL round is called '2020'"),
        (["show", "cleveland", ""], "policegrades: error: no PEEL round is called ''"),
        (
            ["show", "cumbria", "2021/22"],
            "policegrades: error: the data holds no PEEL 2021/22 inspection of Cumbria Constabulary",
        ),
        (
            ["history", "cleveland", "--area", "vetting"],
            "policegrades: error: no area called 'vetting'",
        ),
        (["compare", "cleveland", "2016"], "policegrades: error: compare takes FORCE ROUND ROUND"),
        (["rank", "nothing"], "policegrades: error: no PEEL round is called 'nothing'"),
        (
            ["rank", "--data", "README.md"],
            "policegrades: error: README.md: JSON text, line 1, column 1: Expecting value",
        ),
        (
            ["show", "cleveland", "--data", "/no/such/file.json"],
            "policegrades: error: /no/such/file.json: cannot be read",
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
    assert err == f"policegrades: error: {cut}: JSON text, line 1, column 11: Expecting value\n"
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text(
        pg.to_csv(pg.inspection("cleveland", "2016")).replace(",good,", ",superb,", 1)
    )
    _, _, err = _run(capsys, "show", "cleveland", "--data", str(bad_csv))
    assert err.startswith(f"policegrades: error: {bad_csv}: line 4: grade: 'superb' is not a grade")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[" * 200_000, "JSON text: nested too deeply"),
        ('{"force": ' + "1" * 5_000 + "}", "JSON text: a number too long to read (5000 digits)"),
    ],
)
def test_hostile_files_are_one_line_not_a_traceback(
    tmp_path: pathlib.Path, content: str, expected: str
) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(content)
    for argv in (["show", "cleveland", "--data", str(path)], ["rank", "--data", str(path)]):
        result = _script(*argv)
        assert result.returncode == 1
        assert result.stderr == f"policegrades: error: {path}: {expected}\n"


def test_own_data_alone_with_only(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    mine = tmp_path / "mine.json"
    mine.write_text(pg.to_json(list(pg.fixtures.cleveland()[:3])))
    _, out, _ = _run(capsys, "show", "cleveland", "--data", str(mine), "--only")
    assert out.startswith("Cleveland Police, PEEL 2016")
    one = tmp_path / "one.json"
    one.write_text(pg.to_json(pg.fixtures.cleveland()[0]))
    _, out, _ = _run(capsys, "show", "cleveland", "--data", str(one), "--only")
    assert out.startswith("Cleveland Police, PEEL 2014")
    status, _, err = _run(capsys, "show", "cleveland", "--only")
    assert status == 1
    assert (
        err
        == "policegrades: error: --only reads the --data files alone: name one with --data FILE\n"
    )


def test_own_data_is_merged_with_the_bundled(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    one = tmp_path / "one.json"
    one.write_text(pg.to_json(pg.fixtures.cleveland()[0]))
    _, out, _ = _run(capsys, "show", "cleveland", "--data", str(one))
    assert out.startswith("Cleveland Police, PEEL 2023–25")
    peel = pg.framework("2021/22")
    cumbria = pg.Inspection(
        force=pg.force("Cumbria"),
        framework=peel,
        published=None,
        grades=[
            pg.AreaGrade(area=peel.area("investigating crime"), grade=pg.Grade.GOOD, source="r")
        ],
        sources=[pg.Source(key="r", url="https://example.org/cumbria")],
    )
    mine = tmp_path / "cumbria.json"
    mine.write_text(pg.to_json(cumbria))
    _, out, _ = _run(capsys, "area", "investigating crime", "2021/22", "--data", str(mine), "--csv")
    rows = {row["force_code"]: row for row in csv.DictReader(io.StringIO(out))}
    assert rows[cumbria.force.code]["grade"] == "good"
    assert sum(row["grade"] != "" for row in rows.values()) == 1 + sum(
        any(h.area.key == "investigating-crime" for h in i.grades)
        for i in pg.inspections(framework=peel)
    )
    _, out, _ = _run(capsys, "coverage", "2021/22", "--data", str(mine), "--json")
    known = {row["area"]: row["known"] for row in json.loads(out)}
    assert known["investigating-crime"] == pg.coverage().of(peel).areas[5].known + 1


def test_own_data_that_contradicts_the_bundled_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    peel = pg.framework("2021/22")
    wrong = pg.Inspection(
        force=pg.force("Cleveland"),
        framework=peel,
        published=None,
        grades=[pg.AreaGrade(area=peel.area("investigating crime"), grade=pg.Grade.OUTSTANDING)],
    )
    mine = tmp_path / "mine.json"
    mine.write_text(pg.to_json(wrong))
    for argv in (["show", "cleveland"], ["rank", "2021/22"], ["export", str(tmp_path / "out")]):
        status, out, err = _run(capsys, *argv, "--data", str(mine))
        assert (status, out) == (1, "")
        assert err.startswith(
            "policegrades: error: merge refuses to overwrite: Cleveland Police, PEEL 2021/22, Investigating crime: the bundled data says requires improvement"
        )
        assert "yours says outstanding" in err
        assert err.count("\n") == 1


def test_own_data_with_a_round_twice_is_merged_with_itself(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    first = pg.fixtures.cleveland()[0]
    twice = tmp_path / "twice.json"
    twice.write_text(pg.to_json([first] * 2))
    status, out, _ = _run(capsys, "history", "cleveland", "--data", str(twice), "--only", "--json")
    assert status == 0
    assert pg.from_json(out, tuple[pg.Inspection, ...]) == (first,)
    other = attrs.evolve(first, grades=[attrs.evolve(first.grades[1], grade=pg.Grade.INADEQUATE)])
    assert first.grades[1].grade is not pg.Grade.INADEQUATE
    twice.write_text(pg.to_json([first, other]))
    status, _, err = _run(capsys, "history", "cleveland", "--data", str(twice), "--only")
    assert status == 1
    assert "merge refuses to overwrite: Cleveland Police, PEEL 2014" in err
    assert "yours says inadequate" in err


def test_check_reports_every_problem_of_every_file_then_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    good = tmp_path / "peel-2016" / "durham.json"
    good.parent.mkdir()
    good.write_text(canonical_json(pg.inspection("durham", "2016")))
    status, out, _ = _run(capsys, "check", "--canonical", str(good))
    assert (status, out) == (0, "1 file checked as the bundled files are: no problem\n")
    misplaced = tmp_path / "peel-2016" / "kent.json"
    misplaced.write_text(pg.to_json(pg.inspection("durham", "2016"), indent=None))
    broken = tmp_path / "broken.json"
    broken.write_text('{"force": "E23000008", "framework": "peel-2016", "grades": [{}]}')
    status, out, _ = _run(capsys, "check", "--canonical", str(good), str(misplaced), str(broken))
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


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["show", "--help"])
    assert caught.value.code == 0
    assert "policegrades show cleveland 2021/22" in capsys.readouterr().out
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"policegrades {pg.__version__}\n"


def test_python_dash_m_and_the_console_script() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "policegrades", "show", "nowhere"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.startswith("policegrades: error: no force is called 'nowhere'")
    result = _script("history", "cleveland")
    assert result.returncode == 0
    assert result.stdout.startswith("Cleveland Police")


def test_output_piped_into_head_ends_quietly() -> None:
    shell = subprocess.run(
        f"'{SCRIPT}' rank 2021/22 | head -n 1", shell=True, capture_output=True, text=True
    )
    assert shell.stdout.startswith("rank")
    assert shell.stderr == ""


def test_a_terminal_that_cannot_show_a_character_gets_ascii() -> None:
    result = subprocess.run(
        [str(SCRIPT), "compare", "cleveland", "2021/22", "2023-25"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
    )
    assert result.returncode == 0
    assert result.stderr == b""
    text = result.stdout.decode("cp1252")
    assert "PEEL 2021/22 -> PEEL 2023-25" in text
    result = subprocess.run(
        [str(SCRIPT), "show", "Cleveland✓"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert result.returncode == 1
    assert result.stderr.decode("ascii").startswith("policegrades: error: no force is called")


def test_the_command_names_are_those_the_parser_builds() -> None:
    from policegrades.cli import COMMANDS, build_parser

    subcommands = next(
        action
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    assert list(subcommands.choices) == list(COMMANDS)
    for name in COMMANDS:
        alone = next(
            action
            for action in build_parser(name)._actions
            if isinstance(action, argparse._SubParsersAction)
        )
        assert list(alone.choices) == [name]


def test_a_command_mistyped_is_told_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["sho", "cleveland"])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'sho'" in err
    assert "'show'" in err
    assert "'engage'" in err
