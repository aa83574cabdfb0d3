"""Every example in docs/cli.md is run, and its printed output checked."""

import pathlib
import re
import shlex

import pytest

from policegrades.cli import COMMANDS, main

DOCS = pathlib.Path(__file__).resolve().parents[1] / "docs"
DOC = DOCS / "cli.md"
BLOCK = re.compile(r"```console\n\$ (?P<command>[^\n]+)\n(?P<output>.*?)```", re.DOTALL)
# A walkthrough: commands, and the files a reader writes between them, in the page's order.
STEP = re.compile(
    BLOCK.pattern + r"|```\{code-block\} \w+\n:caption: (?P<file>[^\n]+)\n\n(?P<text>.*?)```",
    re.DOTALL,
)
EXAMPLES = [(m["command"], m["output"]) for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]


def test_the_page_has_an_example_of_every_command() -> None:
    used = {shlex.split(command)[1] for command, _ in EXAMPLES}
    assert used == set(COMMANDS)


@pytest.mark.parametrize(("command", "output"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_example_output_is_what_the_command_prints(
    command: str,
    output: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    main(shlex.split(command)[1:])
    printed = capsys.readouterr()
    assert (printed.out + printed.err).rstrip("\n") == output.rstrip("\n")


def test_adding_a_report_runs_as_written(
    capsys: pytest.CaptureFixture[str], tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    steps = list(STEP.finditer((DOCS / "adding.md").read_text(encoding="utf-8")))
    assert sum(step["command"] is not None for step in steps) >= 6
    for step in steps:
        if step["file"] is not None:
            (tmp_path / step["file"]).write_text(step["text"], encoding="utf-8")
            continue
        main(shlex.split(step["command"])[1:])
        printed = capsys.readouterr()
        assert (printed.out + printed.err).rstrip("\n") == step["output"].rstrip("\n"), step[
            "command"
        ]
    assert (tmp_path / "cleveland.png").read_bytes().startswith(b"\x89PNG")
