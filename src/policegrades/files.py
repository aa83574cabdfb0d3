"""Inspections from a file of your own: JSON (one inspection, or a list) or the CSV table."""

from __future__ import annotations

import os

from policegrades import _files, _wire
from policegrades.assessments import Inspection
from policegrades.errors import InvalidDataError
from policegrades.serialisation import from_dict
from policegrades.tables import from_csv

__all__ = ["read"]


def read(path: str | os.PathLike[str]) -> tuple[Inspection, ...]:
    """The inspections in the file at ``path``.

    A name ending ``.csv`` is read as the CSV table, any other as JSON holding one inspection
    or a list of them. Any problem, the file's own included, raises `InvalidDataError` naming the file first.

    >>> import pathlib, tempfile
    >>> import policegrades as pg
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "cleveland.json"
    >>> _ = path.write_text(pg.to_json(list(pg.fixtures.cleveland())), encoding="utf-8")
    >>> len(pg.read(path))
    7
    >>> _ = path.write_text("[" * 200_000, encoding="utf-8")
    >>> pg.read(path)
    Traceback (most recent call last):
    ...
    policegrades.errors.InvalidDataError: .../cleveland.json: JSON text: nested too deeply
    """
    name, text = _files.read_text(path)
    try:
        if name.lower().endswith(".csv"):
            return from_csv(text)
        data = _wire.parse_json(text)
        if isinstance(data, list):
            return from_dict(data, tuple[Inspection, ...])
        return (from_dict(data, Inspection),)
    except InvalidDataError as error:
        raise InvalidDataError([f"{name}: {problem}" for problem in error.problems]) from None
