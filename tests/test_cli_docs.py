"""Every example in docs/cli.md is run, and its printed output checked."""

import pathlib
import re
import shlex

import pytest

from policegrades.cli import main

DOC = pathlib.Path(__file__).resolve().parents[1] / "docs" / "cli.md"
BLOCK = re.compile(r"```console\n\$ (?P<command>[^\n]+)\n(?P<output>.*?)```", re.DOTALL)
EXAMPLES = [(m["command"], m["output"]) for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]


def test_the_page_has_an_example_of_every_command() -> None:
    used = {shlex.split(command)[1] for command, _ in EXAMPLES}
    assert used == {
        "forces",
        "rounds",
        "show",
        "history",
        "compare",
        "rank",
        "area",
        "coverage",
        "check",
        "export",
        "plot",
    }


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
