"""The territorial police forces of England and Wales."""

from __future__ import annotations

import attrs

from policegrades._fields import expect, expect_items, raise_if, strings

__all__ = ["Force"]


@attrs.frozen(kw_only=True)
class Force:
    """One of the 43 territorial police forces.

    ``code`` is the ONS police force area code, ``short_name`` the area's name, and
    ``police_uk_id`` the force's id on data.police.uk.

    >>> import policegrades as pg
    >>> cleveland = pg.force("cleveland police")
    >>> cleveland.code, cleveland.name, cleveland.short_name
    ('E23000013', 'Cleveland Police', 'Cleveland')
    """

    code: str
    name: str
    short_name: str
    police_uk_id: str
    country: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=strings)

    def __attrs_post_init__(self) -> None:
        problems: list[str] = []
        for field in ("code", "name", "short_name", "police_uk_id", "country"):
            expect(problems, field, getattr(self, field), str, "text")
        expect_items(problems, "aliases", self.aliases, str, "text")
        raise_if(problems)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the force is known by: name, code, short name, id, aliases.

        >>> import policegrades as pg
        >>> pg.force("the Met").names
        ('Metropolitan Police Service', 'E23000001', 'Metropolitan Police', 'metropolitan', 'the Met', 'Met Police', 'MPS')
        """
        return (self.name, self.code, self.short_name, self.police_uk_id, *self.aliases)

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<Force {self.code} {self.name}>"
