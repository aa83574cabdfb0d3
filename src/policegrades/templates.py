"""Templates of inspection files, to fill in from a report, and the places still to fill in.

A template is an inspection file whose unknown values are text starting ``FILL IN``, each
saying what belongs there. `unfilled` finds them in a document and sets them aside, so that a
half-filled file is checked for everything else as well.
"""

from __future__ import annotations

import json
from typing import Any

from policegrades.police_forces import Force
from policegrades.rounds import Framework, Grading

__all__ = ["FILL_IN", "template", "unfilled"]

FILL_IN = "FILL IN"
"""How every value still to fill in begins."""


def template(force: Force, framework: Framework) -> str:
    """The JSON text of an inspection of ``force`` in ``framework``, to fill in from its report.

    It holds the force, the round, a line for the publication date, one grade entry for every
    area the round may grade, and one source to name; every value to fill in says what goes
    there. `policegrades.check` lists the places still to fill in.

    >>> import policegrades as pg
    >>> text = template(pg.force("Cleveland"), pg.framework("2023-25"))
    >>> print(text.splitlines()[6])
          "area": "crime-data-integrity",
    >>> len(unfilled(json.loads(text))[1])
    12
    """
    words = ", ".join(grade.label for grade in framework.scale.grades)
    grades = []
    for area in framework.areas:
        if not area.graded:
            continue
        some = area.grading is Grading.SOME_FORCES
        grades.append(
            {
                "area": area.key,
                "grade": (
                    f"{FILL_IN}: the grade for {area.name!r}: one of {words}; null if the "
                    "report says it was not graded; remove this entry if the grade is not known"
                    + (
                        " or the report does not grade it (it is graded for some forces only)"
                        if some
                        else ""
                    )
                ),
                "source": "report",
            }
        )
    document: dict[str, Any] = {
        "force": force.code,
        "framework": framework.key,
        "published": (
            f"{FILL_IN}: the day the report was published, YYYY-MM-DD (YYYY-MM if only the "
            "month is known; remove this line if it is not known)"
        ),
        "grades": grades,
        "sources": [
            {
                "key": "report",
                "url": f"{FILL_IN}: the address of the report or page the grades are read in",
                "title": f"{FILL_IN}: its title (remove this line if it has none)",
                "publisher": "HMICFRS",
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def unfilled(data: object, where: str = "") -> tuple[object, list[tuple[str, str]]]:
    """``data`` with its values still to fill in set aside, and where each is, with what goes there.

    A grade still to fill in is read as ungraded, a date as not known, and any other such
    value (text) stays as it is, so that the rest of the document can be checked as it stands.

    >>> unfilled({"grades": [{"area": "x", "grade": "FILL IN: a grade"}], "published": "FILL IN: a day"})
    ({'grades': [{'area': 'x', 'grade': None}]}, [('grades[0].grade', 'a grade'), ('published', 'a day')])
    """
    found: list[tuple[str, str]] = []
    if isinstance(data, list):
        items = []
        for index, item in enumerate(data):
            kept, below = unfilled(item, f"{where}[{index}]")
            items.append(kept)
            found += below
        return items, found
    if not isinstance(data, dict):
        return data, found
    kept_items: dict[Any, Any] = {}
    for key, value in data.items():
        place = f"{where}.{key}" if where else str(key)
        if isinstance(value, str) and value.startswith(FILL_IN):
            found.append((place, value.removeprefix(FILL_IN).lstrip(": ") or "a value"))
            if key == "grade":
                kept_items[key] = None
            elif key != "published":
                kept_items[key] = value
            continue
        kept_items[key], below = unfilled(value, place)
        found += below
    return kept_items, found
