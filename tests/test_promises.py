"""Every test that docs/model.md names as keeping a promise exists."""

import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
NAMED = re.findall(
    r"`(tests/\w+\.py)::(\w+)`", (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
)


def test_the_promises_name_tests() -> None:
    assert len(NAMED) >= 12


@pytest.mark.parametrize(("path", "name"), NAMED, ids=[f"{p}::{n}" for p, n in NAMED])
def test_each_named_test_exists(path: str, name: str) -> None:
    assert f"def {name}(" in (ROOT / path).read_text(encoding="utf-8")
