"""The whole dataset as files: the long CSV, a wide CSV, JSON, and a Frictionless Data Package.

`export` writes, into one folder:

- ``inspections.csv``: the long table of `policegrades.to_csv`, every record of every
  inspection, which `policegrades.from_csv` reads back;
- ``grades-wide.csv``: one row per inspection, one column per area key, each cell the grade's
  word, ``ungraded``, or empty where the grade is not known;
- ``areas.csv``: the companion of the wide table, one row per round and area, with its name,
  its parent pillar, whether the round grades it, and the round's scale;
- ``inspections.json``: the inspections in the wire format, which `policegrades.from_json`
  reads back;
- ``engage.csv``: the Engage periods, one row per period
  (`policegrades.period_tables.periods_to_csv`), which ``periods_from_csv`` reads back;
- ``datapackage.json``: a Frictionless Data Package describing the four tables, with their
  schemas, sources and licence.
"""

from __future__ import annotations

import json
import os
import pathlib
from collections.abc import Iterable, Sequence
from typing import Any

from policegrades import _dates, _files
from policegrades._version import __version__
from policegrades.assessments import Inspection, inspections_only
from policegrades.bundled import inspections as bundled_inspections
from policegrades.catalogues import frameworks
from policegrades.engagement import engage_periods
from policegrades.errors import InvalidDataError
from policegrades.grades import Grade
from policegrades.period_tables import LIST_COLUMNS, periods_to_csv
from policegrades.reports import csv_text
from policegrades.serialisation import to_json
from policegrades.tables import COLUMNS, to_csv

__all__ = ["FILES", "export"]

FILES = (
    "inspections.csv",
    "grades-wide.csv",
    "areas.csv",
    "inspections.json",
    "engage.csv",
    "datapackage.json",
)
"""The files `export` writes, in order."""

_PUBLISHED = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"  # as the wire writes it: day, month or year
_GRADE_WORDS = [grade.label for grade in Grade]
_UNGRADED = "ungraded"
_WIDE_HEAD = ("force_code", "force_name", "round", "published", "published_precision")


def export(
    directory: str | os.PathLike[str], inspections: Iterable[Inspection] | None = None
) -> tuple[pathlib.Path, ...]:
    """Write the dataset (the bundled data, or ``inspections``) into ``directory``.

    The folder is made if it does not exist; the files in `FILES` are written anew. Returns
    their paths.

    >>> import tempfile
    >>> import policegrades as pg
    >>> written = export(tempfile.mkdtemp())
    >>> [path.name for path in written]
    ['inspections.csv', 'grades-wide.csv', 'areas.csv', 'inspections.json', 'engage.csv', 'datapackage.json']
    >>> pg.from_csv(written[0].read_text(encoding="utf-8")) == pg.inspections()
    True
    """
    chosen = (
        bundled_inspections() if inspections is None else inspections_only(inspections, "export")
    )
    folder = pathlib.Path(_files.path_name(directory))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidDataError([f"{folder}: cannot be made: {error.strerror or error}"]) from None
    keys = _area_keys()
    contents = {
        "inspections.csv": to_csv(chosen),
        "grades-wide.csv": _wide(chosen, keys),
        "areas.csv": _areas(),
        "inspections.json": to_json(chosen) + "\n",
        "engage.csv": periods_to_csv(engage_periods()),
        "datapackage.json": json.dumps(_package(keys), ensure_ascii=False, indent=2) + "\n",
    }
    written = []
    for name in FILES:
        path = folder / name
        try:
            path.write_text(contents[name], encoding="utf-8", newline="")
        except OSError as error:
            raise InvalidDataError(
                [f"{path}: cannot be written: {error.strerror or error}"]
            ) from None
        written.append(path)
    return tuple(written)


def _area_keys() -> list[str]:
    """Every area key of every round, in the rounds' order, each once."""
    return list(dict.fromkeys(area.key for peel in frameworks() for area in peel.areas))


def _wide(inspections: Sequence[Inspection], keys: list[str]) -> str:
    rows: list[tuple[object, ...]] = []
    for inspection in inspections:
        by_key = {held.area.key: held for held in inspection.grades}
        cells = []
        for key in keys:
            held = by_key.get(key)
            cells.append("" if held is None else (held.grade.label if held.grade else _UNGRADED))
        rows.append(
            (
                inspection.force.code,
                inspection.force.name,
                inspection.framework.key,
                _dates.write(inspection.published, inspection.published_precision) or "",
                inspection.published_precision.value,
                *cells,
            )
        )
    return csv_text(((*_WIDE_HEAD, *keys), rows))


def _areas() -> str:
    rows: list[tuple[object, ...]] = [
        (peel.key, area.key, area.name, area.parent, area.grading.value, peel.scale.value)
        for peel in frameworks()
        for area in peel.areas
    ]
    return csv_text((("round", "area", "area_name", "parent", "grading", "scale"), rows))


def _field(name: str, kind: str = "string", **more: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, **more}


def _long_fields() -> list[dict[str, Any]]:
    booleans = {"trueValues": ["true", "TRUE"], "falseValues": ["false", "FALSE"]}
    kinds: dict[str, dict[str, Any]] = {
        "inspection": _field("inspection", "integer", constraints={"required": True}),
        "weak": _field("weak", "boolean", **booleans),
        "corrected_on": _field("corrected_on", "date"),
        "grade": _field("grade", constraints={"enum": _GRADE_WORDS}),
        "published_grade": _field("published_grade", constraints={"enum": _GRADE_WORDS}),
        "record": _field(
            "record",
            constraints={"required": True, "enum": ["inspection", "source", "grade", "finding"]},
        ),
        "published": _field("published", constraints={"pattern": _PUBLISHED}),
    }
    fields = []
    for column in COLUMNS:
        if column.startswith("counts_") and column != "counts_source":
            fields.append(_field(column, "integer", constraints={"minimum": 0}))
        else:
            fields.append(kinds.get(column, _field(column)))
    return fields


def _package(keys: list[str]) -> dict[str, Any]:
    grades = {"enum": [*_GRADE_WORDS, _UNGRADED]}
    wide_fields = [
        _field("force_code", constraints={"required": True}),
        _field("force_name"),
        _field("round", constraints={"required": True}),
        _field("published", constraints={"pattern": _PUBLISHED}),
        _field("published_precision", constraints={"enum": ["day", "month", "year", "round"]}),
        *(_field(key, constraints=grades) for key in keys),
    ]
    area_fields = [
        _field("round", constraints={"required": True}),
        _field("area", constraints={"required": True}),
        _field("area_name"),
        _field("parent"),
        _field("grading", constraints={"enum": ["graded", "some forces", "ungraded"]}),
        _field("scale", constraints={"enum": ["four-point", "five-point"]}),
    ]

    flags = {"trueValues": ["true"], "falseValues": ["false"]}
    engage_fields = [
        _field("force_code", constraints={"required": True}),
        _field("force_name"),
        _field("entered", constraints={"required": True, "pattern": _PUBLISHED}),
        _field("exited", constraints={"pattern": _PUBLISHED}),
        _field("still_in_on", "date"),
        _field("entered_weak", "boolean", **flags),
        _field("exited_weak", "boolean", **flags),
        *(_field(name, description="a JSON list") for name in LIST_COLUMNS),
        _field("note"),
    ]

    def resource(name: str, path: str, title: str, fields: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "name": name,
            "path": path,
            "title": title,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": fields, "missingValues": [""]},
        }

    return {
        "profile": "tabular-data-package",
        "name": "policegrades",
        "title": "PEEL grades of the police forces of England and Wales",
        "description": (
            "The PEEL grades of the 43 territorial police forces of England and Wales, from PEEL "
            "2014 to PEEL 2023–25, each with the source it was read in and how it is known. "
            "Grades not found in a source are left out, never guessed. In the inspectorate's "
            "words, grades from PEEL 2021/22 on cannot be compared directly with earlier rounds, "
            "nor PEEL 2023–25 grades with PEEL 2021/22 grades."
        ),
        "version": __version__,
        "homepage": "https://github.com/policegrades/policegrades",
        "licenses": [
            {
                "name": "MIT",
                "path": "https://opensource.org/licenses/MIT",
                "title": "MIT License (the compilation); the grades are the inspectorate's",
            }
        ],
        "sources": [
            {
                "title": "HMICFRS PEEL assessments",
                "path": "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/",
            },
            {
                "title": "The source of each grade: the source columns of inspections.csv",
                "path": "inspections.csv",
            },
        ],
        "resources": [
            resource(
                "inspections",
                "inspections.csv",
                "Every record of every inspection: the long table",
                _long_fields(),
            ),
            resource("grades-wide", "grades-wide.csv", "One row per inspection", wide_fields),
            resource("areas", "areas.csv", "The areas of each round", area_fields),
            resource(
                "engage",
                "engage.csv",
                "Each period a force spent in Engage, the inspectorate's enhanced monitoring",
                engage_fields,
            ),
        ],
    }
