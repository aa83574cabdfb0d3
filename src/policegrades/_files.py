"""The package's data files: the lowest layer, which reads text and lists folders, nothing more.

The bundled inspections are laid out as ``data/inspections/<round key>/<force id>.json``: the
folders are the registry, so adding an inspection is adding a file.
"""

from __future__ import annotations

import functools
import sys
from importlib import resources

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

__all__ = ["INSPECTIONS", "inspection_files", "read_bundled"]

INSPECTIONS = "inspections"
"""The folder under ``data/`` that holds one folder of inspections per round."""


def _data() -> Traversable:
    return resources.files("policegrades").joinpath("data")


def read_bundled(name: str) -> str:
    """The text of a file under the package's ``data/`` folder, ``/`` separating folders.

    >>> read_bundled("forces.json")[:1]
    '['
    """
    path = _data()
    for part in name.split("/"):
        path = path.joinpath(part)
    return path.read_text(encoding="utf-8")


@functools.cache
def inspection_files() -> dict[str, tuple[str, ...]]:
    """The force ids that have an inspection file, by round key, each sorted.

    >>> inspection_files()["peel-2018-19"][:2]
    ('avon-and-somerset', 'bedfordshire')
    """
    folder = _data().joinpath(INSPECTIONS)
    return {
        round_folder.name: tuple(
            sorted(
                entry.name.removesuffix(".json")
                for entry in round_folder.iterdir()
                if entry.name.endswith(".json")
            )
        )
        for round_folder in sorted(folder.iterdir(), key=lambda entry: entry.name)
        if round_folder.is_dir()
    }
