"""The ``policegrades`` command: the catalogues, the bundled data and your own files, in a terminal.

A thin shell: it reads its arguments, asks the library, and prints the answer as text, as JSON
or as CSV. JSON is the answer's wire form, which `policegrades.from_json` reads back, where the
answer has one, and records of the wire's values otherwise; CSV is the same records (or the
inspection table of `policegrades.to_csv`). Every command reads the bundled data, with the
files named with ``--data`` merged in (`policegrades.merge`), or those files alone with ``--only``.

Bad input ends the command with status 1 and one line on standard error; a bad command line
ends it with status 2, as argparse does. A character the terminal cannot show is written in
ASCII, and output piped into a program that stops reading ends the command quietly.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from policegrades._version import __version__
from policegrades.errors import InvalidDataError, PoliceGradesError

if TYPE_CHECKING:
    from policegrades.assessments import Inspection
    from policegrades.police_forces import Force
    from policegrades.reports import Records
    from policegrades.rounds import Framework

# Each command imports what it needs when it runs: an answer pays for its own modules only.

__all__ = ["COMMANDS", "build_parser", "main", "main_exit"]

_PROG = "policegrades"


class _Failure(Exception):
    """Bad input, reported as one line on standard error."""


class _Findings(Exception):
    """A report that ends the command with status 1, printed as it is to standard output."""


# -- the data a command reads ------------------------------------------------------------------


def _own(args: argparse.Namespace) -> list[Inspection]:
    """The inspections in the ``--data`` files, read once per command."""
    from policegrades.files import read

    if "_own" not in vars(args):
        args._own = [found for path in args.data for found in read(path)]
    return list(args._own)


def _everything(args: argparse.Namespace) -> tuple[Inspection, ...]:
    """The ``--data`` files merged with the bundled data, or with nothing under ``--only``."""
    from policegrades.merging import merge

    if "_everything" not in vars(args):
        args._everything = merge(_own(args), base=() if args.only else None)
    return tuple(args._everything)


def _pool(
    args: argparse.Namespace, *, of_force: Force | None = None, of_round: Framework | None = None
) -> list[Inspection]:
    """The inspections a command reads, by a day when asked: see `_everything`.

    Without ``--data``, of the bundled data only one force's or one round's files are read,
    when that is all a command needs.
    """
    from policegrades.bundled import inspections, select

    day = getattr(args, "published_by", None)
    if not args.data:
        if args.only:
            raise _Failure("--only reads the --data files alone: name one with --data FILE")
        return list(inspections(of_force, of_round, published_by=day))
    return list(select(_everything(args), of_force, of_round, published_by=day))


def _of_own(args: argparse.Namespace) -> list[Inspection]:
    """The inspections the ``--data`` files hold, each as merged with the rest."""
    from policegrades.bundled import inspection

    wanted = list(dict.fromkeys((i.force, i.framework) for i in _own(args)))
    return [inspection(who, peel, among=_everything(args)) for who, peel in wanted]


def _round_pool(args: argparse.Namespace) -> tuple[Framework, list[Inspection]]:
    """The round named (or the one round the ``--data`` files hold) and its inspections."""
    from policegrades.catalogues import framework

    if args.round is not None:
        peel = framework(args.round)
        return peel, _pool(args, of_round=peel)
    if not args.data:
        raise _Failure("name a PEEL round")
    rounds = list(dict.fromkeys(i.framework for i in _own(args)))
    if len(rounds) != 1:
        held = ", ".join(r.name for r in rounds) or "none"
        raise _Failure(f"name a PEEL round; the --data files hold: {held}")
    return rounds[0], _pool(args, of_round=rounds[0])


def _of_force(args: argparse.Namespace) -> tuple[Force, list[Inspection]]:
    from policegrades.catalogues import force
    from policegrades.histories import one_force

    who = force(args.force)
    found = one_force(_pool(args, of_force=who), args.command)
    if not found:
        raise _Failure(f"the data holds no inspection of {who.name}")
    return who, found


# -- answers -----------------------------------------------------------------------------------


def _answer(
    args: argparse.Namespace,
    text: Callable[[], str],
    data: Callable[[], Any],
    records: Callable[[], Records | str],
) -> str:
    """The answer in the format asked for: text, JSON of ``data``, or CSV of ``records``."""
    if args.format == "json":
        import json

        return json.dumps(data(), ensure_ascii=False, indent=2)
    if args.format == "csv":
        from policegrades.reports import csv_text

        table = records()
        return (table if isinstance(table, str) else csv_text(table)).rstrip("\n")
    return text()


def _forces(args: argparse.Namespace) -> str:
    from policegrades._layout import text_table
    from policegrades.catalogues import forces
    from policegrades.reports import force_records
    from policegrades.serialisation import to_dict

    every = forces()
    return _answer(
        args,
        lambda: text_table(*force_records(every)),
        lambda: to_dict(every),
        lambda: force_records(every),
    )


def _rounds(args: argparse.Namespace) -> str:
    from policegrades._layout import text_table
    from policegrades.catalogues import frameworks
    from policegrades.reports import round_records
    from policegrades.serialisation import to_dict

    every = frameworks()
    return _answer(
        args,
        lambda: text_table(*round_records(every)),
        lambda: to_dict(every),
        lambda: round_records(every),
    )


def _show(args: argparse.Namespace) -> str:
    from policegrades.across import standing
    from policegrades.assessments import chronological
    from policegrades.bundled import inspection
    from policegrades.catalogues import framework
    from policegrades.reports import inspection_text
    from policegrades.serialisation import to_dict
    from policegrades.tables import to_csv

    who, held = _of_force(args)
    if args.round is None:
        chosen = max(held, key=chronological)
    else:
        chosen = inspection(who, framework(args.round), among=held)
    where = standing(who, chosen.framework, inspections=_pool(args, of_round=chosen.framework))
    return _answer(
        args,
        lambda: inspection_text(chosen, where) + _engage_lines(who),
        lambda: to_dict(chosen),
        lambda: to_csv(chosen),
    )


def _history(args: argparse.Namespace) -> str:
    from policegrades.histories import history
    from policegrades.render import grade_table
    from policegrades.reports import history_records, history_text
    from policegrades.serialisation import to_dict
    from policegrades.tables import to_csv

    who, held = _of_force(args)
    if args.area is None:
        return _answer(
            args,
            lambda: f"{who.name}\n\n{grade_table(held)}" + _engage_lines(who),
            lambda: to_dict(tuple(held)),
            lambda: to_csv(held),
        )
    entries = history(held, args.area)
    return _answer(
        args,
        lambda: f"{who.name}\n\n{history_text(entries)}",
        lambda: to_dict(entries),
        lambda: history_records(entries),
    )


_COMPARE_GRAMMAR = (
    "compare takes FORCE ROUND ROUND, FORCE ROUND FORCE ROUND, or --data files that hold two "
    "inspections"
)


def _compare(args: argparse.Namespace) -> str:
    from policegrades.comparison import compare
    from policegrades.engagement import engage_periods
    from policegrades.reports import comparison_records, comparison_text
    from policegrades.serialisation import to_dict

    things = args.things
    if len(things) in (3, 4):  # FORCE ROUND ROUND, or FORCE ROUND FORCE ROUND
        other = things[2] if len(things) == 4 else things[0]
        before, after = _one(args, things[0], things[1]), _one(args, other, things[-1])
    elif not things and args.data:
        given = _of_own(args)
        if len(given) != 2:
            raise _Failure(f"{_COMPARE_GRAMMAR}; the --data files hold {len(given)}")
        before, after = given
    else:
        raise _Failure(_COMPARE_GRAMMAR)
    comparison = compare(before, after)
    periods = engage_periods(before.force) + (
        engage_periods(after.force) if after.force != before.force else ()
    )
    return _answer(
        args,
        lambda: comparison_text(comparison, periods),
        lambda: to_dict(comparison),
        lambda: comparison_records(comparison),
    )


def _one(args: argparse.Namespace, who: str, when: str) -> Inspection:
    from policegrades.bundled import inspection
    from policegrades.catalogues import force, framework

    named = force(who)
    return inspection(named, framework(when), among=_pool(args, of_force=named))


def _rank(args: argparse.Namespace) -> str:
    from policegrades.rankings import rank
    from policegrades.reports import rank_records
    from policegrades.serialisation import to_dict

    _, pool = _round_pool(args)
    table = rank(pool, areas=args.area)
    return _answer(args, lambda: str(table), lambda: to_dict(table), lambda: rank_records(table))


def _area(args: argparse.Namespace) -> str:
    from policegrades.across import across_forces
    from policegrades.render import across_table
    from policegrades.reports import across_records, dicts

    peel, pool = _round_pool(args)
    across = across_forces(peel, args.area, inspections=pool)
    return _answer(
        args,
        lambda: across_table(across),
        lambda: {
            "round": peel.key,
            "area": across.area.key,
            "forces": dicts(across_records(across)),
        },
        lambda: across_records(across),
    )


def _coverage(args: argparse.Namespace) -> str:
    from policegrades.catalogues import framework
    from policegrades.knowledge import coverage
    from policegrades.render import area_coverage_table
    from policegrades.reports import coverage_records, dicts, round_coverage_records

    known = coverage(_pool(args) if args.data else None)
    if args.round is not None:
        peel = known.of(framework(args.round))
        return _answer(
            args,
            lambda: f"{peel.framework.name}\n\n{area_coverage_table(peel)}",
            lambda: dicts(round_coverage_records(peel)),
            lambda: round_coverage_records(peel),
        )
    return _answer(
        args,
        lambda: str(known),
        lambda: dicts(coverage_records(known)),
        lambda: coverage_records(known),
    )


def _engage_lines(who: Force) -> str:
    """A force's Engage periods, a line each, for the end of its text; nothing if it has none."""
    from policegrades.engagement import engage_periods
    from policegrades.period_reports import period_span

    held = engage_periods(who)
    if not held:
        return ""
    lines = ["", "", 'Engage (enhanced monitoring, the press\'s "special measures"):']
    lines += [f"- {period_span(period)}" for period in held]
    lines += [f"The reasons and sources: policegrades engage {who.police_uk_id}"]
    return "\n".join(lines)


def _engage(args: argparse.Namespace) -> str:
    from policegrades import _dates
    from policegrades.catalogues import force
    from policegrades.engagement import engage_periods
    from policegrades.period_reports import day_text, period_lines, periods_text
    from policegrades.period_tables import periods_to_csv
    from policegrades.serialisation import to_dict

    who = None if args.force is None else force(args.force)
    held = engage_periods(who)
    if args.on is not None:
        day = _dates.given_day(args.on, "--on")
        text = day_text(day, held)
        held = tuple(p for p in held if p.certainly_in(day))
    elif who is not None:
        lines = [who.name]
        for period in held:
            lines += ["", *period_lines(period)]
        text = "\n".join(lines) if held else f"{who.name}: no Engage period in the data"
    else:
        text = periods_text(held)
    return _answer(args, lambda: text, lambda: to_dict(held), lambda: periods_to_csv(held))


def _check(args: argparse.Namespace) -> str:
    from policegrades.checks import check, fix

    problems = fix(*args.files) if args.fix else check(*args.files, canonical=args.canonical)
    if problems:
        unfilled = sum(": still to fill in: " in problem for problem in problems)
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        if unfilled:
            count += f", {unfilled} of them still to fill in"
        raise _Findings("\n".join([*problems, count]))
    if args.fix:
        verb = "checked and written canonically"
    elif args.canonical:
        verb = "checked as the bundled files are"
    else:
        verb = "checked"
    return f"{len(args.files)} file{'s' if len(args.files) != 1 else ''} {verb}: no problem"


def _new(args: argparse.Namespace) -> str:
    from policegrades.catalogues import force, framework
    from policegrades.templates import FILL_IN, template

    who, peel = force(args.force), framework(args.round)
    text = template(who, peel)
    partial = (
        ""
        if peel.areas_complete
        else f"\n{peel.name}: the data knows only some of this round's areas. {peel.note}"
    )
    if args.output is None:
        if partial:  # the template alone goes to standard output, to be redirected to a file
            _print(partial.lstrip("\n"), sys.stderr)
        return text.rstrip("\n")
    try:
        with open(args.output, "x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError:
        raise _Failure(f"{args.output}: already exists; nothing is overwritten") from None
    except OSError as error:
        raise _Failure(f"{args.output}: cannot write: {error.strerror or error}") from None
    places = text.count(f'"{FILL_IN}')
    return (
        f"wrote {args.output}: {who.name}, {peel.name}, {places} places to fill in; "
        f"then run: policegrades check {args.output}{partial}"
    )


def _export(args: argparse.Namespace) -> str:
    from policegrades.export import export

    written = export(args.directory, _pool(args) if args.data else None)
    return "\n".join(f"wrote {path}" for path in written)


def _plot(args: argparse.Namespace) -> str:
    from policegrades import plot
    from policegrades.catalogues import force
    from policegrades.engagement import engage_periods
    from policegrades.maps import svg

    suffix = os.path.splitext(args.output)[1].lower()
    if suffix not in (".png", ".svg"):
        raise _Failure(f"{args.output}: charts are written as .png or .svg")
    if args.chart == "history":
        figure = plot.history_chart(_of_force(args)[1])
    elif args.chart == "engage":
        held = engage_periods(None if args.force is None else force(args.force))
        if not held:
            raise _Failure(f"{force(args.force).name}: no Engage period in the data")
        figure = plot.engage_chart(held)
    elif args.chart == "map":
        figure = _map(args)
    else:
        figure = plot.rank_chart(_round_pool(args)[1])
    try:
        if suffix == ".svg":
            with open(args.output, "w", encoding="utf-8") as file:
                file.write(svg(figure))
        else:
            figure.savefig(args.output, dpi=150, bbox_inches="tight")
    except OSError as error:
        raise _Failure(f"{args.output}: cannot write: {error.strerror or error}") from None
    return f"wrote {args.output}"


_MAP_GRAMMAR = "plot map takes ROUND AREA, or --engage YYYY-MM-DD"


def _map(args: argparse.Namespace) -> Any:
    """The tile map asked for: one area of one round, or who was in Engage on a day."""
    from policegrades import _dates, plot

    if args.engage is not None:
        if args.round is not None or args.area is not None:
            raise _Failure(f"{_MAP_GRAMMAR}, not both")
        return plot.engage_map(_dates.given_day(args.engage, "--engage"))
    if args.round is None or args.area is None:
        raise _Failure(_MAP_GRAMMAR)
    peel, pool = _round_pool(args)
    if not pool:
        raise _Failure(f"the data holds no inspection of {peel.name}")
    return plot.grade_map(pool, args.area)


# -- the parser: each option defined once ------------------------------------------------------


def _output_options(parser: argparse.ArgumentParser) -> None:
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json", dest="format", action="store_const", const="json", help="print JSON"
    )
    output.add_argument("--csv", dest="format", action="store_const", const="csv", help="print CSV")


def _data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        action="append",
        metavar="FILE",
        help="merge the inspections in this JSON or CSV file with the bundled data (repeatable)",
    )
    parser.add_argument(
        "--only",
        action="store_true",
        help="use the --data files alone, without the bundled data",
    )


def _as_of_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--published-by",
        metavar="YYYY-MM-DD",
        help="only the inspections certainly published on or before this day",
    )


def _force_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("force", help="a force: its code, name, short name, id or an abbreviation")


def _round_argument(parser: argparse.ArgumentParser, *, default: str) -> None:
    parser.add_argument(
        "round", nargs="?", help=f"a PEEL round, by name, key or years (default: {default})"
    )


_ONE_ROUND = "the one round the --data files hold"


def _command(
    commands: Any,
    name: str,
    summary: str,
    example: str,
    run: Callable[[argparse.Namespace], str],
    *,
    output: bool = True,
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run, format=None, data=None, only=False)
    if output:
        _output_options(parser)
    return parser


COMMANDS = (
    "forces",
    "rounds",
    "show",
    "history",
    "compare",
    "rank",
    "area",
    "coverage",
    "check",
    "new",
    "engage",
    "export",
    "plot",
)
"""The commands, in the order the help lists them."""


class _Skipped:
    """What a command left out of the parser is built on: it takes every call and keeps nothing.

    Building each command's parser costs more than running a quick command, so a command line
    that names its command builds that one alone (see `build_parser`).
    """

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: self

    def __setattr__(self, name: str, value: object) -> None:
        """Keep nothing."""


class _Some:
    """The subcommands of a parser that builds only ``only`` (every command if ``None``)."""

    def __init__(self, commands: Any, only: str | None) -> None:
        self.commands, self.only = commands, only

    def add_parser(self, name: str, **options: Any) -> Any:
        if self.only is None or name == self.only:
            return self.commands.add_parser(name, **options)
        return _Skipped()


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser, with every command and its help, or with ``only`` that one.

    >>> build_parser().parse_args(["show", "cleveland", "2021/22"]).round
    '2021/22'
    >>> build_parser("rank").parse_args(["rank", "2016", "--area", "legitimacy"]).area
    ['legitimacy']
    """
    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="PEEL grades of the police forces of England and Wales, with their sources.",
        epilog="example:\n  policegrades history cleveland",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{_PROG} {__version__}")
    commands = _Some(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"), only)

    _command(commands, "forces", "list the 43 forces", "policegrades forces --csv", _forces)
    _command(commands, "rounds", "list the PEEL rounds", "policegrades rounds", _rounds)

    show = _command(
        commands,
        "show",
        "one inspection: grades, headline, findings, standing and sources",
        "policegrades show cleveland 2021/22",
        _show,
    )
    _force_argument(show)
    _round_argument(show, default="the latest in the data")
    _data_option(show)

    past = _command(
        commands,
        "history",
        "a force's grades round by round, or one area's",
        "policegrades history cleveland --area 'preventing crime'",
        _history,
    )
    _force_argument(past)
    past.add_argument("--area", help="follow one area through the rounds")
    _data_option(past)

    versus = _command(
        commands,
        "compare",
        "what changed between two inspections, or how two forces differ, with the caveats",
        "policegrades compare cleveland 2021/22 2023-25",
        _compare,
    )
    versus.add_argument(
        "things", nargs="*", metavar="FORCE ROUND [FORCE] ROUND", help="the two inspections"
    )
    _data_option(versus)

    league = _command(
        commands,
        "rank",
        "a league table of one round (the library's order; the inspectorate publishes none)",
        "policegrades rank 2018/19",
        _rank,
    )
    _round_argument(league, default=_ONE_ROUND)
    _data_option(league)
    _as_of_option(league)
    league.add_argument(
        "--area",
        action="append",
        metavar="AREA",
        help="rank over this area alone (repeat for several); default: each inspection whole",
    )

    one_area = _command(
        commands,
        "area",
        "one area across every force of a round",
        "policegrades area 'preventing crime' 2021/22",
        _area,
    )
    one_area.add_argument("area", help="an area: its key, name or question, in that round")
    _round_argument(one_area, default=_ONE_ROUND)
    _data_option(one_area)
    _as_of_option(one_area)

    known = _command(
        commands,
        "coverage",
        "what the data knows, round by round, or area by area in one round",
        "policegrades coverage 2021/22",
        _coverage,
    )
    _round_argument(known, default="every round")
    _data_option(known)

    checking = _command(
        commands,
        "check",
        "check inspection files as the bundled files are checked",
        "policegrades check my-force.json",
        _check,
        output=False,
    )
    checking.description = (
        "check inspection files: valid inspections (JSON in any layout, or CSV), with nothing "
        "left to fill in; with --canonical, also as the bundled files are checked: every grade "
        "sourced, in canonical form, and named for their force and round"
    )
    checking.add_argument(
        "files", nargs="+", metavar="FILE", help="inspection files: JSON, or CSV (.csv)"
    )
    checking.add_argument(
        "--canonical",
        action="store_true",
        help="check as the bundled files are checked (for a file to contribute)",
    )
    checking.add_argument(
        "--fix",
        action="store_true",
        help="rewrite each valid file in its canonical form, then check it with --canonical",
    )

    blank = _command(
        commands,
        "new",
        "write a template of one inspection to fill in from its report",
        "policegrades new cleveland 2025-27 -o cleveland-2025-27.json",
        _new,
        output=False,
    )
    _force_argument(blank)
    blank.add_argument("round", help="a PEEL round, by name, key or years")
    blank.add_argument(
        "-o", "--output", metavar="FILE", help="write it to this new file (default: print it)"
    )

    monitored = _command(
        commands,
        "engage",
        "the forces' periods in Engage (enhanced monitoring), or who was in it on a day",
        "policegrades engage --on 2023-03-17",
        _engage,
    )
    monitored.add_argument(
        "force", nargs="?", help="one force's periods, with the reasons and sources (default: all)"
    )
    monitored.add_argument(
        "--on", metavar="YYYY-MM-DD", help="only the forces certainly in Engage on this day"
    )

    out = _command(
        commands,
        "export",
        "write the dataset as CSV (long and wide), JSON and a Frictionless Data Package",
        "policegrades export out/",
        _export,
        output=False,
    )
    out.add_argument("directory", metavar="DIR", help="the folder to write into")
    _data_option(out)

    chart = commands.add_parser(
        "plot",
        help="draw a chart to a PNG or SVG file",
        description="draw a chart",
        epilog="examples:\n  policegrades plot history cleveland -o cleveland.png\n"
        "  policegrades plot rank 2016 -o league.svg\n"
        "  policegrades plot engage -o engage.png\n"
        "  policegrades plot map 2023-25 'preventing crime' -o map.svg",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    charts = chart.add_subparsers(dest="chart", required=True, metavar="CHART")
    drawn = _command(
        charts,
        "history",
        "a force's grades as a heat map",
        "policegrades plot history cleveland -o c.png",
        _plot,
        output=False,
    )
    _force_argument(drawn)
    _data_option(drawn)
    ranked = _command(
        charts,
        "rank",
        "a league table as a bar chart",
        "policegrades plot rank 2016 -o league.png",
        _plot,
        output=False,
    )
    _round_argument(ranked, default=_ONE_ROUND)
    _data_option(ranked)
    _as_of_option(ranked)
    monitored_chart = _command(
        charts,
        "engage",
        "the Engage (enhanced monitoring) periods as a timeline",
        "policegrades plot engage -o engage.png",
        _plot,
        output=False,
    )
    monitored_chart.add_argument("force", nargs="?", help="one force's periods (default: all)")
    mapped = _command(
        charts,
        "map",
        "one area of one round, or who was in Engage on a day, on a tile map of the 43 forces",
        "policegrades plot map 2023-25 'preventing crime' -o map.png",
        _plot,
        output=False,
    )
    mapped.add_argument("round", nargs="?", help="a PEEL round, by name, key or years")
    mapped.add_argument("area", nargs="?", help="an area the round grades")
    mapped.add_argument(
        "--engage", metavar="YYYY-MM-DD", help="the forces in Engage on this day instead"
    )
    _data_option(mapped)
    for sub in (drawn, ranked, monitored_chart, mapped):
        sub.add_argument(
            "-o", "--output", required=True, metavar="FILE", help="a .png or .svg file"
        )
    return parser


# -- running -----------------------------------------------------------------------------------

# What a terminal that cannot show a character is shown instead.
_ASCII = str.maketrans(
    {
        "→": "->",
        "—": "-",
        "–": "-",
        "‐": "-",
        "·": ".",
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "≥": ">=",
        "≤": "<=",
        "×": "x",
        "÷": "/",
    }
)


def _print(text: str, stream: TextIO) -> None:
    """Write ``text`` and a newline, in ASCII where ``stream``'s encoding cannot show it."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        plain = text.translate(_ASCII)
        text = plain.encode(encoding, errors="replace").decode(encoding, errors="replace")
    stream.write(text + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit status.

    >>> main(["rounds", "--csv"])
    key,name,scale,areas,graded
    peel-2014,PEEL 2014,four-point,9,7
    peel-2015,PEEL 2015,four-point,15,13
    peel-2016,PEEL 2016,four-point,12,10
    peel-2017,PEEL 2017,four-point,15,13
    peel-2018-19,PEEL 2018/19,four-point,13,12
    peel-2021-22,PEEL 2021/22,five-point,13,11
    peel-2023-25,PEEL 2023–25,five-point,10,9
    peel-2025-27,PEEL 2025–27,five-point,1,1
    0
    """
    given = sys.argv[1:] if argv is None else list(argv)
    only = given[0] if given and given[0] in COMMANDS else None
    args = build_parser(only).parse_args(given)
    try:
        text = args.run(args)
    except _Findings as findings:
        _print(str(findings), sys.stdout)
        return 1
    except (_Failure, PoliceGradesError) as error:
        _print(f"{_PROG}: error: {_one_line(error)}", sys.stderr)
        return 1
    _print(text, sys.stdout)
    return 0


def _one_line(error: Exception) -> str:
    if not isinstance(error, InvalidDataError):
        return str(error)
    problems = "; ".join(error.problems)
    return f"{error.heading} {problems}" if error.heading else problems


def main_exit() -> None:
    """The console script: run the command line and exit with its status.

    Output piped into a program that stops reading (``| head``) ends the command quietly, and
    so does an interrupt from the keyboard (with status 130).
    """
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would report the pipe again when it flushes at exit: point stdout elsewhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = 0
    except KeyboardInterrupt:
        status = 130
    sys.exit(status)
