"""The exceptions the library raises: every failure it reports is one of these."""

from __future__ import annotations

__all__ = ["InvalidDataError", "PoliceGradesError", "UnknownNameError", "quote"]


class PoliceGradesError(Exception):
    """Base class of every error the library raises on purpose.

    >>> import policegrades as pg
    >>> issubclass(pg.UnknownNameError, pg.PoliceGradesError)
    True
    """


class InvalidDataError(PoliceGradesError, ValueError):
    """Data that does not describe a valid value: a bad document, file or constructor call.

    ``problems`` holds one line per problem, each naming where it is and what is wrong; the
    message lists them all, under ``heading`` when there is one.

    >>> import policegrades as pg
    >>> error = pg.InvalidDataError(["grades[0].grade: 'excellent' is not a grade"])
    >>> error.problems
    ("grades[0].grade: 'excellent' is not a grade",)
    >>> print(error)
    grades[0].grade: 'excellent' is not a grade
    """

    problems: tuple[str, ...]
    heading: str | None

    def __init__(self, problems: list[str] | tuple[str, ...], *, heading: str | None = None):
        self.problems = tuple(problems)
        self.heading = heading
        lines = list(self.problems)
        if heading is not None:
            lines = [heading, *(f"  {line}" for line in lines)]
        elif len(lines) > 1:
            lines = [f"{len(lines)} problems:", *(f"  {line}" for line in lines)]
        super().__init__("\n".join(lines))


class UnknownNameError(PoliceGradesError, LookupError):
    """A name that matches nothing (or more than one thing) in a catalogue.

    ``candidates`` holds the closest names, best first, for the caller to offer.

    >>> import policegrades as pg
    >>> try:
    ...     pg.Grade.parse("excellent")
    ... except pg.UnknownNameError as error:
    ...     print(error)
    'excellent' is not a grade; expected one of: outstanding, good, adequate, requires improvement, inadequate
    """

    candidates: tuple[str, ...]

    def __init__(self, message: str, *, candidates: tuple[str, ...] = ()):
        self.candidates = candidates
        super().__init__(message)

    def __str__(self) -> str:
        # LookupError (through KeyError's family) would otherwise repr() a lone argument.
        return str(self.args[0])


def quote(value: object, limit: int = 60) -> str:
    """A value as an error message shows it: its repr, cut short if long.

    >>> quote("good")
    "'good'"
    >>> print(quote("x" * 100))
    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (102 characters)
    """
    shown = repr(value)
    if len(shown) <= limit:
        return shown
    return f"{shown[: limit - 4]}… ({len(shown)} characters)"
