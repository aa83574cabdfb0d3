"""Files: the package's data files, and the user's own, read as text; folders listed.

The bundled inspections are laid out as ``data/inspections/<round key>/<force id>.json``, and
the Engage periods as ``data/engage/<force id>-<entered>.json``: the folders are the registry, so
adding an inspection or a period is adding a file.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from policegrades.errors import InvalidDataError, quote

T = TypeVar("T")

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = [
    "ENGAGE",
    "INSPECTIONS",
    "engage_files",
    "inspection_files",
    "path_name",
    "read_bundled",
    "read_text",
]

INSPECTIONS = "inspections"
"""The folder under ``data/`` that holds one folder of inspections per round."""

ENGAGE = "engage"
"""The folder under ``data/`` that holds one file per Engage period."""

# Installed as files (the usual case), the data is read with plain file calls, which cost a
# fraction of importlib.resources' per call; from a zip, through importlib.resources, which is
# imported only then (it costs a few milliseconds, a tenth of importing the package).
_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
_ON_DISK = os.path.isdir(_DATA)


def read_bundled(name: str) -> str:
    """The text of a file under the package's ``data/`` folder, ``/`` separating folders.

    >>> read_bundled("forces.json")[:1]
    '['
    """
    if _ON_DISK:
        with open(os.path.join(_DATA, *name.split("/")), encoding="utf-8") as file:
            return file.read()
    path = _zipped()
    for part in name.split("/"):
        path = path.joinpath(part)
    return path.read_text(encoding="utf-8")


def read_bundled_as(name: str, read: Callable[[str], T], misplaced: Callable[[T], str | None]) -> T:
    """The value ``read`` makes of a bundled file, which must be where it belongs.

    A file ``read`` refuses is "broken", and one ``misplaced`` finds a problem with (as a value
    in the file of another) is "misplaced": both raise `InvalidDataError` naming the file.

    >>> read_bundled_as("forces.json", len, lambda size: None) > 0
    True
    >>> read_bundled_as("forces.json", len, lambda size: f"holds {size} characters")
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: the bundled file forces.json is misplaced: holds ... characters
    """
    try:
        found = read(read_bundled(name))
    except InvalidDataError as error:
        raise InvalidDataError(
            error.problems, heading=f"the bundled file {name} is broken:"
        ) from None
    problem = misplaced(found)
    if problem is not None:
        raise InvalidDataError([problem], heading=f"the bundled file {name} is misplaced:")
    return found


def path_name(path: object) -> str:
    """The name of a path of the user's (text or `os.PathLike`), or the error saying why not.

    >>> path_name("my-force.json")
    'my-force.json'
    >>> path_name(3)
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: path: expected text or an os.PathLike, got int
    """
    name = os.fspath(path) if isinstance(path, (str, os.PathLike)) else None
    if not isinstance(name, str):
        got = type(path if name is None else name).__name__
        raise InvalidDataError([f"path: expected text or an os.PathLike, got {got}"])
    if "\0" in name:  # the operating system refuses it, with ValueError
        raise InvalidDataError([f"path: {quote(name)} holds a null character"])
    return name


def read_text(path: object) -> tuple[str, str]:
    """The name and the UTF-8 text of a file of the user's; what stops it is `InvalidDataError`.

    >>> read_text("no/such/file.json")
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: no/such/file.json: cannot be read: No such file or directory
    """
    name = path_name(path)
    try:
        with open(name, encoding="utf-8") as file:
            return name, file.read()
    except (OSError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise InvalidDataError([f"{name}: cannot be read: {reason}"]) from None


def _zipped() -> Traversable:  # pragma: no cover - a zipped install
    from importlib import resources

    return resources.files("policegrades").joinpath("data")


@functools.cache
def inspection_files() -> dict[str, tuple[str, ...]]:
    """The force ids that have an inspection file, by round key, each sorted.

    >>> inspection_files()["peel-2018-19"][:2]
    ('avon-and-somerset', 'bedfordshire')
    """
    if _ON_DISK:
        top = os.path.join(_DATA, INSPECTIONS)
        rounds = {
            name: os.listdir(os.path.join(top, name))
            for name in os.listdir(top)
            if os.path.isdir(os.path.join(top, name))
        }
    else:  # pragma: no cover - a zipped install
        folder = _zipped().joinpath(INSPECTIONS)
        rounds = {
            entry.name: [file.name for file in entry.iterdir()]
            for entry in folder.iterdir()
            if entry.is_dir()
        }
    return {
        name: tuple(sorted(file.removesuffix(".json") for file in files if file.endswith(".json")))
        for name, files in sorted(rounds.items())
    }


@functools.cache
def engage_files() -> tuple[str, ...]:
    """The names of the Engage period files, without ``.json``, sorted.

    >>> engage_files()[:1]
    ('cleveland-2019',)
    """
    if _ON_DISK:
        names = os.listdir(os.path.join(_DATA, ENGAGE))
    else:  # pragma: no cover - a zipped install
        names = [entry.name for entry in _zipped().joinpath(ENGAGE).iterdir()]
    return tuple(sorted(name.removesuffix(".json") for name in names if name.endswith(".json")))
