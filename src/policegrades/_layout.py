"""Plain-text tables: columns padded to line up, for the values' text and the reports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["text_table"]


def text_table(header: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """Columns padded to line up, two spaces apart, with no trailing spaces.

    >>> print(text_table(["round", "forces"], [["PEEL 2014", 41]]))
    round      forces
    PEEL 2014  41
    """
    cells = [[str(c) for c in header], *([str(c) for c in row] for row in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(cells[0]))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in cells
    )
