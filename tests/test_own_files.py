"""A user's own files: templates to fill in, checks that accept any valid file, keys given twice."""

import json
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policegrades as pg
from policegrades import strategies
from policegrades.cli import main
from policegrades.templates import FILL_IN, template, unfilled


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# -- check accepts any valid file --------------------------------------------------------------


@given(st.lists(strategies.inspections(), max_size=3), st.sampled_from([None, 0, 2, 4]))
def test_check_passes_every_file_to_json_writes(
    own: list[pg.Inspection], indent: int | None
) -> None:
    assert pg.checks.check_text(pg.to_json(own, indent=indent)) == ()
    for one in own:
        assert pg.checks.check_text(pg.to_json(one, indent=indent)) == ()


@given(st.lists(strategies.inspections(), max_size=3))
def test_check_passes_every_table_to_csv_writes(own: list[pg.Inspection]) -> None:
    assert pg.checks.check_text(pg.to_csv(own), "mine.csv") == ()


def test_check_of_files_pg_writes_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    durham = pg.inspection("durham", "2021/22")
    paths = []
    for name, text in [
        ("one.json", pg.to_json(durham)),
        ("flat.json", pg.to_json(durham, indent=None)),
        ("list.json", pg.to_json(list(pg.fixtures.cleveland()))),
        ("table.csv", pg.to_csv(pg.fixtures.cleveland())),
    ]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    status, out, _ = _run(capsys, "check", *paths)
    assert (status, out) == (0, "4 files checked: no problem\n")
    status, out, _ = _run(capsys, "check", "--canonical", *paths)
    assert status == 1
    assert "not in canonical form" in out
    assert "holds 7 inspections; a bundled file holds one" in out


# -- a key given twice -------------------------------------------------------------------------

TWICE = '{"force": "E23000013", "framework": "peel-2016", "grades": [], "force": "E23000008"}'


def test_a_key_given_twice_is_refused_by_from_json_naming_the_key() -> None:
    with pytest.raises(pg.InvalidDataError, match="the key 'force' is given twice in one object"):
        pg.from_json(TWICE, pg.Inspection)
    nested = '{"force": "E23000013", "framework": "peel-2016", "grades": [{"area": "efficiency", "grade": "good", "grade": "inadequate"}]}'
    with pytest.raises(pg.InvalidDataError, match="the key 'grade' is given twice"):
        pg.from_json(nested, pg.Inspection)


def test_a_key_given_twice_is_refused_by_check_and_data(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "twice.json"
    path.write_text(TWICE, encoding="utf-8")
    status, out, _ = _run(capsys, "check", str(path))
    assert status == 1
    assert f"{path}: JSON text: the key 'force' is given twice in one object" in out
    status, out, err = _run(capsys, "show", "cleveland", "--data", str(path))
    assert (status, out) == (1, "")
    assert "the key 'force' is given twice in one object" in err
    with pytest.raises(pg.InvalidDataError, match="given twice"):
        pg.read(path)


@given(st.dictionaries(st.text(max_size=5), st.integers(), min_size=1), st.data())
def test_any_object_with_a_repeated_key_is_refused(
    data: dict[str, int], draw: st.DataObject
) -> None:
    key = draw.draw(st.sampled_from(sorted(data)))
    members = [f"{json.dumps(k)}: {v}" for k, v in data.items()] + [f"{json.dumps(key)}: 0"]
    with pytest.raises(pg.InvalidDataError, match="given twice in one object"):
        pg.from_json("{" + ", ".join(members) + "}", pg.Inspection)


# -- templates ---------------------------------------------------------------------------------


@pytest.mark.parametrize("peel", pg.frameworks(), ids=lambda f: f.key)
def test_a_template_holds_every_area_the_round_may_grade(peel: pg.Framework) -> None:
    text = template(pg.force("Cleveland"), peel)
    data = json.loads(text)
    assert (data["force"], data["framework"]) == ("E23000013", peel.key)
    assert [g["area"] for g in data["grades"]] == [a.key for a in peel.areas if a.graded]
    assert all(g["grade"].startswith(FILL_IN) for g in data["grades"])
    assert data["sources"][0]["url"].startswith(FILL_IN)
    holes = unfilled(data)[1]
    assert len(holes) == len(data["grades"]) + 3  # the grades, the date, the URL and the title
    problems = pg.checks.check_text(text)
    assert len(problems) == len(holes)
    assert all(": still to fill in: " in p for p in problems)


def test_a_filled_in_template_passes_and_one_left_blank_is_named() -> None:
    peel = pg.framework("2023-25")
    data = json.loads(template(pg.force("Dyfed-Powys"), peel))
    data["published"] = "2025-03"
    data["sources"][0]["url"] = "https://example.org/dyfed-powys"
    del data["sources"][0]["title"]
    data["grades"] = [
        g for g in data["grades"] if g["area"] in ("investigating-crime", "preventing-crime")
    ]
    data["grades"][0]["grade"] = "good"
    problems = pg.checks.check_text(json.dumps(data))
    assert len(problems) == 1
    assert problems[0].startswith(
        "grades[1].grade: still to fill in: the grade for 'Investigating crime'"
    )
    data["grades"][1]["grade"] = "requires improvement"
    assert pg.checks.check_text(json.dumps(data)) == ()
    mine = pg.from_json(json.dumps(data), pg.Inspection)
    assert mine.grade("investigating crime") is pg.Grade.REQUIRES_IMPROVEMENT


def test_a_template_with_other_mistakes_names_them_too() -> None:
    data = json.loads(template(pg.force("Cleveland"), pg.framework("2016")))
    data["grades"][0]["area"] = "vetting"
    problems = pg.checks.check_text(json.dumps(data))
    assert any(
        p.startswith("grades[0].area: 'vetting' is not an area of PEEL 2016") for p in problems
    )


def test_new_prints_or_writes_a_template_and_never_overwrites(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path
) -> None:
    status, out, _ = _run(capsys, "new", "cleveland", "2021/22")
    assert status == 0
    assert json.loads(out) == json.loads(template(pg.force("Cleveland"), pg.framework("2021/22")))
    path = tmp_path / "cleveland.json"
    status, out, _ = _run(capsys, "new", "cleveland", "2021/22", "-o", str(path))
    assert status == 0
    places = len(unfilled(json.loads(path.read_text(encoding="utf-8")))[1])
    assert (
        out
        == f"wrote {path}: Cleveland Police, PEEL 2021/22, {places} places to fill in; then run: policegrades check {path}\n"
    )
    status, out, _ = _run(capsys, "check", str(path))
    assert status == 1
    assert out.splitlines()[-1] == f"{places} problems, {places} of them still to fill in"
    before = path.read_text(encoding="utf-8")
    status, _, err = _run(capsys, "new", "durham", "2016", "-o", str(path))
    assert status == 1
    assert err == f"policegrades: error: {path}: already exists; nothing is overwritten\n"
    assert path.read_text(encoding="utf-8") == before


def test_new_says_when_the_round_is_known_only_in_part(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "new", "cleveland", "2026")
    assert status == 0
    assert json.loads(out)["framework"] == "peel-2025-27"  # the template alone, to redirect
    assert err.startswith("PEEL 2025–27: the data knows only some of this round's areas.")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["new", "nowhere", "2016"], "no force is called 'nowhere'"),
        (["new", "cleveland", "2020"], "no PEEL round is called '2020'"),
        (["new", "cleveland", "2016", "-o", "/no/such/folder/x.json"], "cannot write"),
    ],
)
def test_new_with_bad_input_is_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    status, out, err = _run(capsys, *argv)
    assert (status, out) == (1, "")
    assert expected in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("peel", pg.frameworks(), ids=lambda f: f.key)
def test_a_template_offers_the_grades_of_the_rounds_own_scale(peel: pg.Framework) -> None:
    data = json.loads(template(pg.force("Durham"), peel))
    for entry in data["grades"]:
        offered = entry["grade"].split(": one of ")[1].split(";")[0]
        assert offered == ", ".join(g.label for g in peel.scale.grades)
