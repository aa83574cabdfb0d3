"""Checks of data files: anyone's, and the stricter ones every bundled file passes.

A file passes when it holds valid inspections (one, or a list; JSON in any layout, or the CSV
table), or one Engage period, read as strictly as the bundled data is read, with no value still
to fill in from a template. With ``canonical=True`` it must also pass the bundled files' own
rules: one inspection, every grade naming its source, the text in its canonical form, and, when
it lies in a folder named after a round (as the bundled files do), the folder and the file's
name matching its round and its force; or, for a period, its canonical form and, in a folder
named ``engage``, the name of its force and its entry.
"""

from __future__ import annotations

import os
import pathlib
from collections.abc import Iterator
from typing import Any

from policegrades import _files, _wire
from policegrades.assessments import Inspection
from policegrades.bundled import canonical_json, read_inspection, strict_converter
from policegrades.catalogues import framework_by_key
from policegrades.engagement import canonical_period_json, period_file_name, read_period
from policegrades.errors import InvalidDataError
from policegrades.monitoring import EngagePeriod
from policegrades.tables import from_csv
from policegrades.templates import unfilled

__all__ = ["check", "check_text", "fix"]


def check_text(
    text: str, path: str | os.PathLike[str] | None = None, *, canonical: bool = False
) -> tuple[str, ...]:
    """Every problem of one inspection file's ``text``, as "where: what is wrong" lines.

    ``path``, when given, is where the file lies: a name ending ``.csv`` is read as the CSV
    table, and with ``canonical`` the folder and the name are checked too.

    >>> import policegrades as pg
    >>> from policegrades.bundled import canonical_json
    >>> durham = pg.inspection("durham", "2016")
    >>> check_text(pg.to_json(durham, indent=None)), check_text(pg.to_json([durham, durham]))
    ((), ())
    >>> check_text(canonical_json(durham), "peel-2016/kent.json", canonical=True)
    ("file name: 'kent.json' holds Durham Constabulary, whose file is 'durham.json'",)
    >>> check_text('{"force": "E23000008", "framework": "peel-2016", "grades": [], "published": "FILL IN: a day"}')
    ('published: still to fill in: a day',)
    """
    name = None if path is None else _files.path_name(path)
    if name is not None and name.lower().endswith(".csv"):
        try:
            found = from_csv(text)
        except InvalidDataError as error:
            return error.problems
        return _canonical_problems(found, text, name) if canonical else ()
    try:
        data, blanks = unfilled(_wire.parse_json(text))
    except InvalidDataError as error:
        return error.problems
    problems = [f"{where}: still to fill in: {what}" for where, what in blanks]
    cls: Any = Inspection
    if isinstance(data, dict) and "entered" in data:  # an Engage period, not an inspection
        cls = EngagePeriod
    elif isinstance(data, list):
        cls = tuple[Inspection, ...]
    try:
        loaded = _wire.structure(strict_converter(), data, cls)
    except InvalidDataError as error:
        return (*problems, *error.problems)
    if problems or not canonical:
        return tuple(problems)
    if cls is EngagePeriod:
        return tuple(_period_rules(loaded, text, name))
    return _canonical_problems(loaded if isinstance(loaded, tuple) else (loaded,), text, name)


def check(*paths: str | os.PathLike[str], canonical: bool = False) -> tuple[str, ...]:
    """Every problem of every file named, each line starting with its file; none if all pass.

    With ``canonical``, the files must also pass the bundled files' own rules (see above).

    >>> import policegrades as pg
    >>> import tempfile, pathlib
    >>> from policegrades.bundled import canonical_json
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> good = folder / "good.json"
    >>> _ = good.write_text(canonical_json(pg.inspection("durham", "2016")), encoding="utf-8")
    >>> pg.check(good, canonical=True)
    ()
    >>> bad = folder / "bad.json"
    >>> _ = bad.write_text('{"force": "E23000008", "framework": "peel-2016", "grades": []', encoding="utf-8")
    >>> for line in pg.check(good, bad):
    ...     print(line.removeprefix(str(folder)))
    /bad.json: JSON text, line 1, column 62: Expecting ',' delimiter
    """
    problems: list[str] = []
    for path in paths:
        try:
            name, text = _files.read_text(path)
        except InvalidDataError as error:
            problems += error.problems
            continue
        problems += [
            f"{name}: {problem}" for problem in check_text(text, name, canonical=canonical)
        ]
    return tuple(problems)


def fix(*paths: str | os.PathLike[str]) -> tuple[str, ...]:
    """Rewrite each file that holds a valid inspection or period canonically, then check all.

    A file that cannot be read is left as it is. Returns the files that could not be rewritten,
    then what `check` finds afterwards.

    >>> import policegrades as pg
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "durham.json"
    >>> _ = path.write_text(pg.to_json(pg.inspection("durham", "2016"), indent=None), encoding="utf-8")
    >>> len(pg.check(path, canonical=True)), fix(path)
    (1, ())
    """
    unwritten: list[str] = []
    for path in paths:
        try:
            name, text = _files.read_text(path)
            rewritten = _canonical_text(text)
        except InvalidDataError:
            continue  # left as it is: check says why
        try:
            with open(name, "w", encoding="utf-8") as file:
                file.write(rewritten)
        except OSError as error:
            unwritten.append(f"{name}: cannot be written: {error.strerror or error}")
    return (*unwritten, *check(*paths, canonical=True))


def _canonical_text(text: str) -> str:
    """The canonical text of a valid inspection or period file; else `InvalidDataError`."""
    data = _wire.parse_json(text)
    if isinstance(data, dict) and "entered" in data:
        return canonical_period_json(read_period(text))
    return canonical_json(read_inspection(text))


def _canonical_problems(
    found: tuple[Inspection, ...], text: str, name: str | None
) -> tuple[str, ...]:
    if len(found) != 1:
        return (f"holds {len(found)} inspections; a bundled file holds one, as a JSON object",)
    where = None if name is None else pathlib.Path(name)
    return tuple(_bundled_rules(found[0], text, where))


def _period_rules(period: EngagePeriod, text: str, name: str | None) -> Iterator[str]:
    canonical = canonical_period_json(period)
    if text != canonical:
        line = _first_difference(text, canonical)
        yield (
            f"not in canonical form, from line {line} "
            "(`policegrades check --fix` rewrites a valid file canonically)"
        )
    path = None if name is None else pathlib.Path(name)
    if path is not None and path.parent.name == _files.ENGAGE:
        expected = period_file_name(period)
        if path.name != expected:
            yield f"file name: {path.name!r} holds {period}, whose file is {expected!r}"


def _bundled_rules(inspection: Inspection, text: str, path: pathlib.Path | None) -> Iterator[str]:
    for index, held in enumerate(inspection.grades):
        if held.source is None:
            yield f"grades[{index}].source: every grade names its source"
    canonical = canonical_json(inspection)
    if text != canonical:
        line = _first_difference(text, canonical)
        yield (
            f"not in canonical form, from line {line} "
            "(`policegrades check --fix` rewrites a valid file canonically)"
        )
    if path is not None and framework_by_key(path.parent.name) is not None:
        if path.parent.name != inspection.framework.key:
            yield (
                f"folder: {path.parent.name!r} holds {inspection.framework.name}, "
                f"whose folder is {inspection.framework.key!r}"
            )
        expected = f"{inspection.force.police_uk_id}.json"
        if path.name != expected:
            yield f"file name: {path.name!r} holds {inspection.force.name}, whose file is {expected!r}"


def _first_difference(text: str, canonical: str) -> int:
    ours, theirs = text.splitlines(), canonical.splitlines()
    for number, (a, b) in enumerate(zip(ours, theirs, strict=False), start=1):
        if a != b:
            return number
    return min(len(ours), len(theirs)) + 1
