"""The doctests of the documentation pages: a page that shows files runs where they are written.

A page shows a file as a ``{code-block}`` with the file's name as its caption; its examples run in
a folder of their own that holds each such file, as a reader who followed the page would have.
"""

import pathlib
import re

import pytest

FILE = re.compile(
    r"```\{code-block\} \w+\n:caption: (?P<name>[^\n]+)\n\n(?P<text>.*?)```", re.DOTALL
)


def page_files(page: pathlib.Path) -> dict[str, str]:
    """The files a page shows, by name."""
    return {m["name"]: m["text"] for m in FILE.finditer(page.read_text(encoding="utf-8"))}


@pytest.fixture(autouse=True)
def _in_the_pages_folder(
    request: pytest.FixtureRequest, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = pathlib.Path(str(request.node.path))
    shown = page_files(page) if page.suffix == ".md" else {}
    if shown:
        monkeypatch.chdir(tmp_path)
        for name, text in shown.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
