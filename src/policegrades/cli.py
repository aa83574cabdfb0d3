"""The ``policegrades`` command: the catalogues, the bundled data and your own files, in a terminal.

Every command prints a readable table by default, and ``--json`` or ``--csv`` on request.
Bad input ends the command with status 1 and one line on standard error; a bad command line
ends it with status 2, as argparse does.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import pathlib
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from policegrades import bundled, plot
from policegrades.across import across_forces, standing
from policegrades.assessments import Inspection, chronological
from policegrades.catalogues import force, forces, framework, frameworks
from policegrades.checks import check, fix
from policegrades.comparison import Comparison, compare
from policegrades.errors import InvalidDataError, PoliceGradesError
from policegrades.histories import history
from policegrades.knowledge import Known, coverage
from policegrades.police_forces import Force
from policegrades.provenance import Basis, Source
from policegrades.rankings import rank
from policegrades.render import (
    NOT_IN_ROUND,
    across_table,
    area_coverage_table,
    coverage_table,
    grade_table,
    short_label,
)
from policegrades.rounds import Framework
from policegrades.serialisation import from_json, to_dict
from policegrades.summaries import Counted, summarise
from policegrades.tables import from_csv, to_csv

__all__ = ["build_parser", "main", "main_exit"]

_PROG = "policegrades"


class _Failure(Exception):
    """Bad input, reported as one line on standard error."""


class _Findings(Exception):
    """A report that ends the command with status 1, printed as it is to standard output."""


# -- reading inspections -----------------------------------------------------------------------


def _read(path: str) -> tuple[Inspection, ...]:
    """Inspections from a JSON file (an inspection or a list of them) or a CSV file."""
    try:
        text = pathlib.Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise _Failure(
            f"{path}: cannot read: {getattr(error, 'strerror', None) or error}"
        ) from None
    try:
        if path.lower().endswith(".csv"):
            return from_csv(text)
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _Failure(f"{path}: line {error.lineno}, column {error.colno}: {error.msg}") from None
    except InvalidDataError as error:
        raise _Failure(f"{path}: {'; '.join(error.problems)}") from None
    try:
        if isinstance(data, list):
            return from_json(text, tuple[Inspection, ...])
        return (from_json(text, Inspection),)
    except InvalidDataError as error:
        raise _Failure(f"{path}: {'; '.join(error.problems)}") from None


def _pool(
    args: argparse.Namespace,
    *,
    of_force: Force | None = None,
    of_round: Framework | None = None,
) -> list[Inspection]:
    """The inspections in the user's files, else the bundled ones; by a day, when asked.

    Of the bundled data only one force's or one round's files are read, when that is all a
    command needs.
    """
    day = getattr(args, "published_by", None)
    if not args.data:
        return list(bundled.inspections(of_force, of_round, published_by=day))
    found = [inspection for path in args.data for inspection in _read(path)]
    return found if day is None else list(bundled.as_of(found, day))


def _round_pool(args: argparse.Namespace) -> tuple[Framework, list[Inspection]]:
    """The round named (or the one round the files hold) and its inspections."""
    if args.round is not None:
        peel = framework(args.round)
        return peel, [i for i in _pool(args, of_round=peel) if i.framework == peel]
    pool = _pool(args)
    rounds = list(dict.fromkeys(i.framework for i in pool))
    if len(rounds) != 1 or not args.data:
        held = ", ".join(r.name for r in rounds) or "none"
        raise _Failure(f"name a PEEL round; the data holds: {held}")
    return rounds[0], pool


def _of_force(pool: Iterable[Inspection], who: Force) -> list[Inspection]:
    """One inspection per round for ``who``, oldest first; the first met of a round wins."""
    chosen: dict[str, Inspection] = {}
    for inspection in pool:
        if inspection.force == who:
            chosen.setdefault(inspection.framework.key, inspection)
    if not chosen:
        raise _Failure(f"no inspection of {who.name} in the data")
    return sorted(chosen.values(), key=chronological)


def _in_round(inspections: Sequence[Inspection], peel: Framework) -> Inspection:
    for inspection in inspections:
        if inspection.framework == peel:
            return inspection
    held = ", ".join(i.framework.name for i in inspections)
    raise _Failure(
        f"no {peel.name} inspection of {inspections[0].force.name}; the data holds: {held}"
    )


# -- output ----------------------------------------------------------------------------------


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    cells = [[str(c) for c in header], *([str(c) for c in row] for row in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in cells
    )


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if c is None else c for c in row] for row in rows])
    return out.getvalue().rstrip("\n")


def _emit(
    args: argparse.Namespace,
    text: Callable[[], str],
    data: Callable[[], Any],
    table: Callable[[], str],
) -> str:
    if args.format == "json":
        return json.dumps(data(), ensure_ascii=False, indent=2)
    if args.format == "csv":
        return table()
    return text()


# -- commands ----------------------------------------------------------------------------------


def _catalogue(
    args: argparse.Namespace,
    values: Sequence[Any],
    header: Sequence[str],
    row: Callable[[Any], Sequence[object]],
) -> str:
    rows = [row(value) for value in values]
    return _emit(
        args,
        lambda: _table(header, rows),
        lambda: [to_dict(value) for value in values],
        lambda: _csv(header, rows),
    )


def _forces(args: argparse.Namespace) -> str:
    return _catalogue(
        args,
        forces(),
        ("code", "name", "short_name", "police_uk_id", "country"),
        lambda f: (f.code, f.name, f.short_name, f.police_uk_id, f.country),
    )


def _rounds(args: argparse.Namespace) -> str:
    return _catalogue(
        args,
        frameworks(),
        ("key", "name", "scale", "areas", "graded"),
        lambda p: (p.key, p.name, p.scale.value, len(p.areas), sum(a.graded for a in p.areas)),
    )


def _show(args: argparse.Namespace) -> str:
    who = force(args.force)
    inspections = _of_force(_pool(args, of_force=who), who)
    chosen = _in_round(inspections, framework(args.round)) if args.round else inspections[-1]
    pool = _pool(args, of_round=chosen.framework)

    def text() -> str:
        lines = [
            f"{chosen.force.name}, {chosen.framework.name}, published {chosen.published_text}",
        ]
        if chosen.inspector:
            lines.append(f"Inspector: {chosen.inspector}")
        if chosen.monitoring:
            lines.append(f"Monitoring: {chosen.monitoring}")
        lines += ["", _table(("area", "grade", "source"), _grade_rows(chosen)), ""]
        lines.append(_graded(chosen))
        if chosen.recommendations:
            lines += ["", "Findings:"]
            for finding in chosen.recommendations:
                about = f" ({finding.area.name})" if finding.area else ""
                wrapped = textwrap.fill(
                    f"- {str(finding.kind).capitalize()}{about}: {finding.text}",
                    width=100,
                    subsequent_indent="  ",
                )
                lines.append(wrapped)
        if chosen.note:
            lines += ["", textwrap.fill(f"Note: {chosen.note}", width=100)]
        where = standing(chosen.force, chosen.framework, inspections=pool)
        lines += ["", f"Among the forces in {chosen.framework.name} in the data:"]
        lines += [
            textwrap.fill(f"- {line}", width=100, subsequent_indent="  ")
            for line in (f"In the library's league table: {where.place()}", *where.areas)
        ]
        if chosen.sources:
            lines += ["", "Sources:"]
            lines += [f"  [{s.key}] {_source_line(s)}" for s in chosen.sources]
        return "\n".join(lines)

    return _emit(args, text, lambda: to_dict(chosen), lambda: to_csv([chosen]).rstrip("\n"))


def _graded(inspection: Inspection) -> str:
    """The headline, saying what it was counted from."""
    summary = summarise(inspection)
    headline = summary.headline()
    if summary.counted is Counted.ALL_GRADES:
        return f"Graded {headline}."
    if summary.counted is Counted.PUBLISHED_COUNTS:
        known = len(summary.graded)
        return (
            f"Graded {headline}, as the published counts give it; the data names "
            f"{known} of those {summary.counts.total} grades."
        )
    return f"{headline[0].upper()}{headline[1:]}. No counts were published; the rest is not known."


def _source_line(source: Source) -> str:
    named = ", ".join(part for part in (source.publisher, source.title) if part)
    if source.url is None:
        return named
    return f"{named}: {source.url}" if named else source.url


def _grade_rows(inspection: Inspection) -> list[tuple[str, str, str]]:
    rows = []
    for held in inspection.grades:
        indent = "  " if held.area.parent else ""
        grade = "ungraded" if held.grade is None else held.grade.label
        marks = [str(held.basis)] if held.basis is not Basis.STATED else []
        if held.weak:
            marks.append("weak")
        if held.correction is not None:
            first = held.correction.published_grade
            marks.append(f"published as {'ungraded' if first is None else first}")
        shown = grade + (f" ({', '.join(marks)})" if marks else "")
        rows.append((indent + held.area.name, shown, held.source or ""))
    return rows


def _history(args: argparse.Namespace) -> str:
    who = force(args.force)
    inspections = _of_force(_pool(args, of_force=who), who)
    if args.area is None:
        return _emit(
            args,
            lambda: f"{inspections[0].force.name}\n\n{grade_table(inspections)}",
            lambda: [to_dict(i) for i in inspections],
            lambda: to_csv(inspections).rstrip("\n"),
        )
    entries = history(inspections, args.area)
    header = ("round", "published", "area", "grade", "scale_changed")
    rows = [
        (e.inspection.framework.name, e.inspection.published_text, e.area.name, e.status)
        for e in entries
    ]
    changed = [e.scale_changed for e in entries]
    return _emit(
        args,
        lambda: _table(
            (*header[:4], ""),
            [(*r, "scale changed" if c else "") for r, c in zip(rows, changed, strict=False)],
        ),
        lambda: [
            dict(zip(header, (*r, c), strict=True)) for r, c in zip(rows, changed, strict=False)
        ],
        lambda: _csv(header, [(*r, str(c).lower()) for r, c in zip(rows, changed, strict=False)]),
    )


def _compare(args: argparse.Namespace) -> str:
    things = args.things
    if len(things) == 2 and all(pathlib.Path(thing).is_file() for thing in things):
        before, after = (_only(_read(path), path) for path in things)
    elif len(things) == 3:
        who = force(things[0])
        inspections = _of_force(_pool(args, of_force=who), who)
        before, after = (_in_round(inspections, framework(r)) for r in things[1:])
    else:
        raise _Failure("compare takes FORCE ROUND ROUND, or FILE FILE")
    comparison = compare(before, after)
    header = ("area", "before", "after", "change")
    rows = [
        (c.area.name, _side(c.before), _side(c.after), str(c.change)) for c in comparison.changes
    ]
    return _emit(
        args,
        lambda: _comparison_text(comparison, header, rows),
        lambda: _comparison_data(comparison),
        lambda: _csv(header, rows),
    )


def _only(inspections: tuple[Inspection, ...], path: str) -> Inspection:
    if len(inspections) != 1:
        raise _Failure(f"{path}: holds {len(inspections)} inspections; compare takes one per file")
    return inspections[0]


def _side(held: Any) -> str:
    return NOT_IN_ROUND if held is None else short_label(held.grade)


def _comparison_text(comparison: Comparison, header: Sequence[str], rows: list[Any]) -> str:
    title = (
        f"{comparison.before.force.name}: {comparison.before.framework.name} "
        f"→ {comparison.after.framework.name}"
    )
    body = [title, "", _table(header, rows), "", textwrap.fill(comparison.narrative(), width=100)]
    if comparison.caveats:
        body += ["", "Caveats:"]
        body += [
            textwrap.fill(f"- {c}", width=100, subsequent_indent="  ") for c in comparison.caveats
        ]
    return "\n".join(body)


def _comparison_data(comparison: Comparison) -> dict[str, Any]:
    return {
        "before": to_dict(comparison.before),
        "after": to_dict(comparison.after),
        "comparable": comparison.comparable,
        "changes": [
            {
                "area": c.area.key,
                "before": None if c.before is None else to_dict(c.before.grade),
                "after": None if c.after is None else to_dict(c.after.grade),
                "change": str(c.change),
            }
            for c in comparison.changes
        ],
        "caveats": list(comparison.caveats),
        "narrative": comparison.narrative(),
    }


def _rank(args: argparse.Namespace) -> str:
    _, pool = _round_pool(args)
    table = rank(pool)
    header = ("rank", "force", "round", "grades")
    rows = [
        (
            "" if e.rank is None else e.rank,
            e.inspection.force.name,
            e.inspection.framework.name,
            summarise(e.inspection).headline(),
        )
        for e in table
    ]
    return _emit(
        args,
        lambda: _table(header, rows),
        lambda: [
            {
                "rank": e.rank,
                "force": e.inspection.force.code,
                "round": e.inspection.framework.key,
                "grades": row[3],
            }
            for e, row in zip(table, rows, strict=True)
        ],
        lambda: _csv(header, rows),
    )


def _area(args: argparse.Namespace) -> str:
    peel, pool = _round_pool(args)
    across = across_forces(peel, args.area, inspections=pool)
    header = ("force_code", "force_name", "grade", "basis", "weak", "corrected")
    rows = [
        (
            row.force.code,
            row.force.name,
            row.status if row.held is None or row.held.grade is None else row.held.grade.label,
            "" if row.held is None else str(row.held.basis),
            "" if row.held is None else str(row.held.weak).lower(),
            "" if row.held is None else str(row.held.correction is not None).lower(),
        )
        for row in across.rows
    ]
    return _emit(
        args,
        lambda: across_table(across),
        lambda: {
            "round": peel.key,
            "area": across.area.key,
            "forces": [dict(zip(header, row, strict=True)) for row in rows],
        },
        lambda: _csv(header, rows),
    )


def _coverage(args: argparse.Namespace) -> str:
    known = coverage(_pool(args) if args.data else None)
    if args.round is not None:
        peel = known.of(framework(args.round))
        areas_header = ("area", "known", "unknown")
        area_rows = [(a.area.key, a.known, a.unknown) for a in peel.areas]
        return _emit(
            args,
            lambda: f"{peel.framework.name}\n\n{area_coverage_table(peel)}",
            lambda: [dict(zip(areas_header, row, strict=True)) for row in area_rows],
            lambda: _csv(areas_header, area_rows),
        )
    header = ("round", *(level.name.lower() for level in Known), "with_counts", "rankable")
    rows = [
        (r.framework.key, *(r.count(level) for level in Known), r.with_counts, r.rankable)
        for r in known.rounds
    ]
    return _emit(
        args,
        lambda: coverage_table(known),
        lambda: [dict(zip(header, row, strict=True)) for row in rows],
        lambda: _csv(header, rows),
    )


def _check(args: argparse.Namespace) -> str:
    problems = fix(*args.files) if args.fix else check(*args.files)
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise _Findings("\n".join([*problems, count]))
    verb = "checked and written canonically" if args.fix else "checked"
    return f"{len(args.files)} file{'s' if len(args.files) != 1 else ''} {verb}: no problem"


def _plot(args: argparse.Namespace) -> str:
    if args.chart == "history":
        who = force(args.force)
        figure = plot.history_chart(_of_force(_pool(args, of_force=who), who))
    else:
        figure = plot.rank_chart(_round_pool(args)[1])
    suffix = pathlib.Path(args.output).suffix.lower()
    if suffix not in (".png", ".svg"):
        raise _Failure(f"{args.output}: charts are written as .png or .svg")
    try:
        figure.savefig(args.output, dpi=150, bbox_inches="tight")
    except OSError as error:
        raise _Failure(f"{args.output}: cannot write: {error.strerror or error}") from None
    return f"wrote {args.output}"


# -- the parser --------------------------------------------------------------------------------


def _command(
    commands: Any, name: str, summary: str, example: str, run: Callable[[argparse.Namespace], str]
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(run=run)
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json", dest="format", action="store_const", const="json", help="print JSON"
    )
    output.add_argument("--csv", dest="format", action="store_const", const="csv", help="print CSV")
    return parser


def _data_option(parser: argparse.ArgumentParser, *, as_of: bool = False) -> None:
    parser.add_argument(
        "--data",
        action="append",
        metavar="FILE",
        help="read inspections from this JSON or CSV file instead of the bundled data (repeatable)",
    )
    if as_of:
        parser.add_argument(
            "--published-by",
            metavar="YYYY-MM-DD",
            help="only the inspections certainly published on or before this day",
        )


def _round_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "round",
        nargs="?",
        help="a PEEL round, by name, key or years (default: the one round the --data files hold)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The command line's parser, with every command and its help.

    >>> build_parser().parse_args(["show", "cleveland", "2021/22"]).round
    '2021/22'
    """
    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="PEEL grades of the police forces of England and Wales, with their sources.",
        epilog="example:\n  policegrades history cleveland",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    _command(commands, "forces", "list the 43 forces", "policegrades forces --csv", _forces)
    _command(commands, "rounds", "list the PEEL rounds", "policegrades rounds", _rounds)

    show = _command(
        commands,
        "show",
        "one inspection: grades, headline, findings and sources",
        "policegrades show cleveland 2021/22",
        _show,
    )
    show.add_argument("force", help="a force: code, name or alias")
    show.add_argument("round", nargs="?", help="a PEEL round (default: the latest in the data)")
    _data_option(show)

    past = _command(
        commands,
        "history",
        "a force's grades round by round",
        "policegrades history cleveland --area 'preventing crime'",
        _history,
    )
    past.add_argument("force", help="a force: code, name or alias")
    past.add_argument("--area", help="follow one area through the rounds")
    _data_option(past)

    versus = _command(
        commands,
        "compare",
        "what changed between two inspections, with the caveats",
        "policegrades compare cleveland 2021/22 2023-25",
        _compare,
    )
    versus.add_argument("things", nargs="+", metavar="FORCE ROUND ROUND | FILE FILE")
    _data_option(versus)

    league = _command(
        commands,
        "rank",
        "a league table of one round's inspections",
        "policegrades rank 2018/19",
        _rank,
    )
    _round_argument(league)
    _data_option(league, as_of=True)

    one_area = _command(
        commands,
        "area",
        "one area across every force of a round",
        "policegrades area 'preventing crime' 2021/22",
        _area,
    )
    one_area.add_argument("area", help="an area: its key, name or question, in that round")
    _round_argument(one_area)
    _data_option(one_area, as_of=True)

    known = _command(
        commands,
        "coverage",
        "what the data knows, round by round, or area by area in one round",
        "policegrades coverage 2021/22",
        _coverage,
    )
    _round_argument(known)
    _data_option(known)

    checking = commands.add_parser(
        "check",
        help="check inspection files as the bundled files are checked",
        description="check inspection files as the bundled files are checked: valid, every "
        "grade sourced, in canonical form, and named for their force and round",
        epilog="example:\n  policegrades check my-force.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    checking.set_defaults(run=_check, format=None)
    checking.add_argument("files", nargs="+", metavar="FILE", help="inspection JSON files")
    checking.add_argument(
        "--fix", action="store_true", help="rewrite each valid file in its canonical form first"
    )

    chart = commands.add_parser(
        "plot",
        help="draw a chart to a PNG or SVG file",
        description="draw a chart",
        epilog="examples:\n  policegrades plot history cleveland -o cleveland.png\n"
        "  policegrades plot rank 2016 -o league.svg",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    charts = chart.add_subparsers(dest="chart", required=True, metavar="CHART")
    for name, summary, example in (
        (
            "history",
            "a force's grades as a heat map",
            "policegrades plot history cleveland -o c.png",
        ),
        ("rank", "a league table as a bar chart", "policegrades plot rank 2016 -o league.png"),
    ):
        sub = charts.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=f"example:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(run=_plot, format=None)
        sub.add_argument(
            "-o", "--output", required=True, metavar="FILE", help="a .png or .svg file"
        )
        if name == "history":
            sub.add_argument("force", help="a force: code, name or alias")
            _data_option(sub)
        else:
            _round_argument(sub)
            _data_option(sub, as_of=True)
    return parser


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
    0
    """
    args = build_parser().parse_args(argv)
    try:
        print(args.run(args))
    except _Findings as findings:
        print(findings)
        return 1
    except (_Failure, PoliceGradesError) as error:
        message = _one_line(error)
        print(f"{_PROG}: error: {message}", file=sys.stderr)
        return 1
    return 0


def _one_line(error: Exception) -> str:
    if not isinstance(error, InvalidDataError):
        return str(error)
    problems = "; ".join(error.problems)
    return f"{error.heading} {problems}" if error.heading else problems


def main_exit() -> None:
    """The console script: run the command line and exit with its status.

    Output piped into a program that stops reading (``| head``) ends the command quietly.
    """
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would report the pipe again when it flushes at exit: point stdout elsewhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = 0
    sys.exit(status)
