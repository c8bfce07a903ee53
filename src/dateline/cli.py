"""The `dateline` command line. Each command parses, calls one function, prints.

Only this module prints, and it is one of the two places that catch errors: one line on
stderr, exit 2 for bad input or usage, 1 for anything else of ours.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.config import Settings, load_settings
from dateline.errors import DatelineError, InputError

if TYPE_CHECKING:
    from dateline.analytics import Day, Scope, Summary
    from dateline.api.guard import Access
    from dateline.batch import Counts
    from dateline.reading import Reading
    from dateline.store import Store
    from dateline.store.store import Failure

Command = Callable[[argparse.Namespace, Settings], int]
EXIT_BAD_INPUT = 2


def cmd_read(args: argparse.Namespace, settings: Settings) -> int:
    """Read one input (file, directory, -, URL) and print its reading.

    A directory prints one reading per line (JSON Lines), failures included as
    `dateline.failure/1` lines, and goes on past bad files.

    Example: dateline read story.html --format text
    """
    from dateline.batch.read import failure_of, is_internal, read_one
    from dateline.inputs import iter_inputs
    from dateline.pipeline import default_pipeline
    from dateline.reading import Reading, to_json
    from dateline.summary import format_text

    stages, many = default_pipeline().stages, Path(args.input).is_dir()
    count = failed = internal = 0
    for item in iter_inputs(args.input, settings=_allowed(args, settings)):
        count += 1
        if isinstance(item, InputError):
            done: Reading | Failure = failure_of(item, item.source, "", "input")
        else:
            done = read_one(item, stages)  # any exception becomes this input's failure (#10)
        if not isinstance(done, Reading):
            failed, internal = failed + 1, internal + is_internal(done)
            _report_failure(done, as_json_line=many and args.format == "json")
            continue
        text = format_text(done) if args.format == "text" else None
        print(text or to_json(done, indent=None if many else 1))
    if internal:  # a bug of ours: the run went on, but its exit says so
        return 1
    return EXIT_BAD_INPUT if failed and (not many or failed == count) else 0


def _report_failure(failure: Failure, *, as_json_line: bool) -> None:
    from dateline.batch.read import is_internal

    where = f" (internal error in {failure.stage}: {failure.error}; please report it)"
    print(f"dateline: {failure.source}: {failure.message}"
          f"{where if is_internal(failure) else ''}", file=sys.stderr)  # fmt: skip
    if as_json_line:  # a directory run records the failure in its output and goes on
        row = {"schema": "dateline.failure/1", "source": failure.source, "stage": failure.stage,
               "error": failure.error, "message": failure.message,
               "internal": is_internal(failure)}  # fmt: skip
        print(json.dumps(row, ensure_ascii=False))


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Score readings against gold files (../shared/GOLD.md); default: ../shared/seed.

    Example: dateline eval ../shared/seed/hezbollah-rejects-us-overtures.gold.json --json
    """
    from dateline.evaluation import evaluate, format_report, report_to_dict

    report = evaluate(args.gold, prefer=args.input)
    text = format_report(report, show_misses=args.show_misses)
    print(json.dumps(report_to_dict(report), indent=1) if args.json else text)
    return 0


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Read files, directories, JSON Lines, RSS/Atom feeds or WARC files into the store.

    Example: dateline ingest news/ crawl.warc.gz --store dateline.duckdb --engine dask
    """
    from dateline.batch import IngestOptions, ingest
    from dateline.batch.workers import default_workers
    from dateline.pipeline import default_stages
    from dateline.store import Store

    for source in args.source:  # a mistyped path is a usage error, not a failed article (#11)
        if "://" not in source and source != "-" and not Path(source).exists():
            raise InputError(source, "no such file or folder")
    workers = args.workers or default_workers()
    options = IngestOptions(stages=default_stages, engine=args.engine,
                            scheduler=args.scheduler, workers=workers)  # fmt: skip
    allowed = _allowed(args, settings)
    with Store(args.store or settings.store) as store, _progress() as show:
        counts = ingest(args.source, store, options=options, settings=allowed, on_progress=show)
    print(f"read {counts.read}, copies {counts.copies}, skipped {counts.skipped}, "
          f"failed {counts.failed}; {counts.incidents} incidents in {store.path}")  # fmt: skip
    if counts.internal:  # the run went on past them, but a bug of ours must not exit 0 (#10)
        print(f"dateline: {counts.internal} failures were internal errors; see the failures "
              "table (error is not a dateline error type)", file=sys.stderr)  # fmt: skip
        return 1
    return 0


def _allowed(args: argparse.Namespace, settings: Settings) -> Settings:
    """Return the settings with what --allow-local and --allow-private let fetching reach."""
    return replace(
        settings, allow_local=settings.allow_local or args.allow_local,
        allow_private=settings.allow_private or args.allow_private,
    )  # fmt: skip


@contextmanager
def _progress() -> Iterator[Callable[[Counts], None]]:
    """Show a rich progress bar on stderr; yield the callback that updates it."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True)) as progress:
        task = progress.add_task("reading")

        def show(c: Counts) -> None:
            text = f"read {c.read}  copies {c.copies}  skipped {c.skipped}  failed {c.failed}"
            progress.update(task, description=text)

        yield show


@contextmanager
def _counted(what: str) -> Iterator[Callable[[int, int], None]]:
    """Show a rich progress bar with its total on stderr; yield its (done, total) callback."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeRemainingColumn())  # fmt: skip
    with Progress(*columns, console=Console(stderr=True)) as progress:
        task = progress.add_task(what, total=None)

        def show(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield show


def cmd_reread(args: argparse.Namespace, settings: Settings) -> int:
    """Re-read the stored articles with the current code and lexicon; report event changes.

    Example: dateline reread --store dateline.duckdb
    """
    from dateline.batch.reread import reread
    from dateline.pipeline import default_stages
    from dateline.store import Store

    with Store(args.store or settings.store) as store, _counted("re-reading") as show:
        report = reread(store, default_stages(), on_progress=show)
    for change in report.changes:
        print(f"{change.change:8} {change.type:10} {change.event_id}  {change.text[:70]}")
    print(f"{report.articles} articles re-read: {report.count('added')} events added, "
          f"{report.count('changed')} changed, {report.count('removed')} removed, "
          f"{len(report.failures)} articles failed")  # fmt: skip
    return 0


def cmd_events(args: argparse.Namespace, settings: Settings) -> int:
    """List stored events, newest first, filtered by actor, dyad, type, dates, place ...

    Example: dateline events --actor Hezbollah --type REJECT --since 2024-01 --format csv
    """
    from dateline.analytics import Order, find_events, format_result
    from dateline.analytics.table import select_columns
    from dateline.store import Store

    with Store(args.store or settings.store, read_only=True) as store:
        scope = _scope(args, store)
        listing = find_events(store, scope, Order(sort=args.sort, limit=args.limit))
    result = listing.result
    if args.format == "table":  # a terminal has room for the columns a reader scans
        result = select_columns(result, _EVENT_TABLE)
    if text := format_result(result, args.format):  # no rows as JSON is no lines
        print(text)
    if args.format == "table" and listing.total > len(listing.result.rows):
        print(f"{listing.total} events in all; --limit N shows more", file=sys.stderr)
    return 0


def cmd_incidents(args: argparse.Namespace, settings: Settings) -> int:
    """List incidents (one event however many reports told it), newest first, filtered.

    Example: dateline incidents --dyad "Israel,Hezbollah" --since 3m --sort=-reports
    """
    from dateline.analytics import Order, find_incidents, format_result
    from dateline.analytics.table import select_columns
    from dateline.store import Store

    with Store(args.store or settings.store, read_only=True) as store:
        scope = _scope(args, store)
        listing = find_incidents(store, scope, Order(sort=args.sort, limit=args.limit))
    result = listing.result
    if args.format == "table":
        result = select_columns(result, _INCIDENT_TABLE)
    if text := format_result(result, args.format):
        print(text)
    if args.format == "table" and listing.total > len(listing.result.rows):
        print(f"{listing.total} incidents in all; --limit N shows more", file=sys.stderr)
    return 0


_INCIDENT_TABLE = ("earliest", "precision", "type", "source_name", "target_name",
                   "place_name", "reports", "stories", "goldstein", "id")  # fmt: skip
_EVENT_TABLE = ("earliest", "precision", "type", "source_name", "target_name", "modality",
                "place_name", "confidence", "publisher", "text", "id")  # fmt: skip


def _scope(args: argparse.Namespace, store: Store) -> Scope:
    """Return the filters given on the command line; InputError for an actor nobody is."""
    from dateline.analytics import Scope
    from dateline.analytics.filters import parse_dyad
    from dateline.analytics.query import require_actors

    dyad = parse_dyad(args.dyad) if getattr(args, "dyad", None) else None
    require_actors(store, [args.actor, *(dyad or ())])
    return Scope(since=args.since, until=args.until, actor=args.actor, dyad=dyad,
                 type=args.type, modality=args.modality, place=args.place,
                 country=args.country, min_confidence=args.min_confidence)  # fmt: skip


def cmd_actors(args: argparse.Namespace, settings: Settings) -> int:
    """List stored actors (one per person or body, however named), most named first; with
    --merges, apply actors/data/actor_merges.tsv and list the actors named more than one way.

    Example: dateline actors --limit 20 --format csv; dateline actors --merges
    """
    from dateline.analytics import find_actors, format_result
    from dateline.analytics.query import find_merges
    from dateline.store import Store

    with Store(args.store or settings.store, read_only=not args.merges) as store:
        if args.merges:  # actor_names loads actors/ and spaCy (0.6 s): only when it writes (#12)
            from dateline.store.actor_names import apply_merges_file

            apply_merges_file(store.con)
        result = (find_merges if args.merges else find_actors)(store, limit=args.limit)
    print(format_result(result, args.format))
    return 0


def cmd_timeline(args: argparse.Namespace, settings: Settings) -> int:
    """Print a dyad's incidents per day (either direction) with summed Goldstein scores.

    Example: dateline timeline --dyad "Israel,Hezbollah"
    """
    from dateline.analytics import format_result, timeline
    from dateline.analytics.filters import parse_dyad
    from dateline.analytics.query import require_actors
    from dateline.store import Result, Store

    source, target = parse_dyad(args.dyad)
    with Store(args.store or settings.store, read_only=True) as store:
        require_actors(store, [source, target])
        days = timeline(store, source, target)
    rows = tuple((d.day, d.incidents, d.reports, f"{d.goldstein:+.1f}") for d in days)
    print(format_result(Result(columns=("day", "incidents", "reports", "goldstein"),
                               rows=rows), "table"))  # fmt: skip
    return 0


def cmd_sql(args: argparse.Namespace, settings: Settings) -> int:
    """Run any SQL query on the store (read only) and print the rows.

    Example: dateline sql "SELECT type, count(*) FROM events GROUP BY type"
    """
    from dateline.analytics import format_result
    from dateline.store import Store

    with Store(args.store or settings.store, read_only=True) as store:
        result = store.query(args.query)
    print(format_result(result, args.format))
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    """Export the store: Parquet files (one per table) into OUT, or readings as JSON Lines.

    Example: dateline export --format parquet out/
    """
    from dateline.store import Store
    from dateline.store.export import export_jsonl, export_parquet

    folder = Path(args.out).parent  # parquet makes the folder OUT in it, jsonl the file OUT
    if not folder.is_dir():
        raise InputError(args.out, f"no folder {folder} to write into; create it first")
    with Store(args.store or settings.store, read_only=True) as store:
        if args.format == "parquet":
            print(f"wrote {len(export_parquet(store, Path(args.out)))} tables to {args.out}")
        else:
            print(f"wrote {export_jsonl(store, Path(args.out))} readings to {args.out}")
    return 0


def cmd_summary(args: argparse.Namespace, settings: Settings) -> int:
    """Summarize the store: counts, top actors, and the timeline of the busiest dyad.

    Example: dateline summary --store dateline.duckdb
    """
    from dateline.analytics import summarize, timeline
    from dateline.store import Store

    with Store(args.store or settings.store, read_only=True) as store:
        summary = summarize(store)
        top = summary.top_dyads[0] if summary.top_dyads else None
        days = timeline(store, top[0], top[1]) if top else []
    print(format_summary(summary, days))
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """Serve the store over HTTP: a JSON API (/events, /actors, /timeline) and a dashboard.

    Example: dateline serve --store dateline.duckdb --port 8000
    """
    import uvicorn

    from dateline.api import create_app
    from dateline.api.guard import bind_names

    _require_free_port(args.host, args.port)
    access, token = _read_access(args)
    app = create_app(args.store or settings.store, settings=settings, access=access,
                     hosts=bind_names(args.host), show_paths=args.show_paths)  # fmt: skip
    print(f"dateline: serving {args.store or settings.store} on http://{args.host}:{args.port}/")
    if token:
        print(f"dateline: POST /read is on; send the header 'Authorization: Bearer {token}'")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _read_access(args: argparse.Namespace) -> tuple[Access, str | None]:
    """Return the server's access rules: POST /read off, or on with a token, its workers and
    their time limit (issue #10)."""
    import os
    import secrets

    from dateline.api.guard import Access

    if not args.allow_read:
        return Access(), None
    token = os.environ.get("DATELINE_READ_TOKEN") or secrets.token_urlsafe(24)
    access = Access(read_token=token)
    if args.read_workers:
        access = replace(access, read_workers=args.read_workers)
    if args.read_seconds:
        access = replace(access, read_seconds=float(args.read_seconds))
    return access, token


def _require_free_port(host: str, port: int) -> None:
    """Raise InputError when the port is taken, before uvicorn logs a bind failure."""
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError as err:
            raise InputError(f"{host}:{port}", f"cannot listen there ({err.strerror}); "
                             "pick another with --port") from err  # fmt: skip


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    """Write a situation report (report.html, report.md, PNG figures) for a period.

    The period is --since to --until; an open end is filled from the store, and with
    neither the report covers the --days (30) up to the latest incident. Judgements compare
    it with the period of the same length before it.

    Example: dateline report --out report/ --since 2024-01 --until 2024-01 --actor Hezbollah
    """
    from dateline.report import build_report, write_report
    from dateline.store import Store

    with Store(args.store or settings.store, read_only=True) as store:
        report = build_report(store, _scope(args, store), days=args.days)
    paths = write_report(report, Path(args.out))
    period = f" for {report.period.since} to {report.period.until}" if report.period else ""
    print(f"wrote {', '.join(p.name for p in paths)} to {args.out}{period}")
    return 0


def format_summary(summary: Summary, days: Sequence[Day]) -> str:
    """Return the summary as text (used by `dateline summary` and the demo)."""
    lines = [
        f"articles {summary.articles}   stories {summary.stories}   events {summary.events}   "
        f"incidents {summary.incidents}   failures {summary.failures}",
        "top actors: " + (", ".join(f"{n} ({c})" for n, c in summary.top_actors) or "none yet"),
    ]
    if summary.top_dyads:
        source, target, count = summary.top_dyads[0]
        lines.append(f"top dyad: {source} -> {target} ({count} incidents)")
        lines += [f"  {d.day}  incidents {d.incidents}  reports {d.reports}  "
                  f"goldstein {d.goldstein:+.1f}" for d in days]  # fmt: skip
    else:
        lines.append("top dyad: none yet (no events with both actors known)")
    return "\n".join(lines)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dateline")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


class _VersionAction(argparse.Action):
    """--version, with the installed version looked up only when asked: importlib.metadata
    scans every installed package, 15 to 30 ms of every command otherwise (#12)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
        super().__init__(option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS,
                         nargs=0, help="show program's version number and exit")  # fmt: skip

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"dateline {_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="dateline", description="Read news about conflict and diplomacy into data."
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    read = _add(commands, "read", cmd_read)
    read.add_argument("input", help="a file, a directory (JSON Lines out), - for stdin, or a URL")
    read.add_argument("--format", choices=("json", "text"), default="json")
    _add_fetch_flags(read)
    evaluate = _add(commands, "eval", cmd_eval)
    evaluate.add_argument(
        "gold", nargs="*", help="gold files (default: ../shared/seed/*.gold.json)"
    )
    evaluate.add_argument(
        "--input", choices=("html", "txt"), default="html",
        help="read each gold's page .html where it exists (default), or its text dump",
    )  # fmt: skip
    evaluate.add_argument("--json", action="store_true", help="print a JSON summary")
    evaluate.add_argument("--show-misses", action="store_true", help="list missed and extra items")
    _add_store_commands(commands)
    _add_analyst_commands(commands)
    return parser


def _add_store_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the store's commands (issue #5): ingest, events, actors, timeline, sql ..."""
    formats = ("table", "json", "csv")
    ingest = _add(commands, "ingest", cmd_ingest)
    ingest.add_argument("source", nargs="+", help="files, directories, .jsonl, feeds, WARC files")
    ingest.add_argument("--engine", choices=("local", "dask"), default="local")
    ingest.add_argument("--scheduler", help="a Dask scheduler address (default: a LocalCluster)")
    ingest.add_argument("--workers", type=int, help="reading processes (default: every core)")
    _add_fetch_flags(ingest)
    events = _add(commands, "events", cmd_events)
    _add_filters(events)
    events.add_argument(
        "--sort",
        default="-date",
        help="date, published, goldstein, confidence or type; --sort=-KEY descends",
    )
    events.add_argument("--limit", type=_positive, default=50, help="rows to print (default 50)")
    incidents = _add(commands, "incidents", cmd_incidents)
    _add_filters(incidents)
    incidents.add_argument(
        "--sort", default="-date", help="date, reports, goldstein or type; --sort=-KEY descends"
    )
    incidents.add_argument("--limit", type=_positive, default=50, help="rows to print (default 50)")
    actors = _add(commands, "actors", cmd_actors)
    actors.add_argument("--limit", type=_positive, default=50)
    actors.add_argument(
        "--merges", action="store_true", help="list (after applying) the merges of names (#9)"
    )
    timeline = _add(commands, "timeline", cmd_timeline)
    timeline.add_argument("--dyad", required=True, help='two actor names: "Israel,Hezbollah"')
    sql = _add(commands, "sql", cmd_sql)
    sql.add_argument("query", help="an SQL query over the store's tables")
    export = _add(commands, "export", cmd_export)
    export.add_argument("out", help="a folder (parquet) or a file (jsonl)")
    export.add_argument("--format", choices=("parquet", "jsonl"), default="parquet")
    reread = _add(commands, "reread", cmd_reread)
    summary = _add(commands, "summary", cmd_summary)
    serve = _add(commands, "serve", cmd_serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--allow-read", action="store_true",
        help="turn on POST /read, with a token printed at start (or $DATELINE_READ_TOKEN)",
    )  # fmt: skip
    serve.add_argument(
        "--read-workers",
        type=_positive,
        help="POST /read's worker processes, each with the model (default 2)",
    )
    serve.add_argument("--read-seconds", type=_positive,
                       help="POST /read's time limit (default 60); past it, a reading is "
                       "stopped and answered 504")  # fmt: skip
    serve.add_argument(
        "--show-paths", action="store_true",
        help="name local files by their whole paths in answers (default: file names only)",
    )  # fmt: skip
    for sub in (ingest, events, incidents, actors, timeline, sql, export, reread, summary, serve):
        sub.add_argument("--store", help="the DuckDB file (default: Settings.store)")
    for sub in (events, incidents, actors, sql):
        sub.add_argument("--format", choices=formats, default="table")


def _add_analyst_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Register the analyst's report command (serve is with the store's commands)."""
    report = _add(commands, "report", cmd_report)
    report.add_argument("--out", default="report", help="the folder to write into")
    _add_filters(report)
    report.add_argument("--days", type=_positive, default=30, help="the period without --since")
    report.add_argument("--store", help="the DuckDB file (default: Settings.store)")


def _add_fetch_flags(command: argparse.ArgumentParser) -> None:
    """Add the two flags that widen what a fetch may reach (both off: issue #10)."""
    command.add_argument(
        "--allow-local", action="store_true", help="let feed links name local files"
    )
    command.add_argument(
        "--allow-private", action="store_true",
        help="let fetches reach loopback, private and link-local addresses",
    )  # fmt: skip


def _add_filters(sub: argparse.ArgumentParser) -> None:
    """Add the analyst's filters (analytics/filters.py Scope) to a command."""
    sub.add_argument("--actor", help="source or target actor name (part of it)")
    sub.add_argument("--dyad", help='two actor names, either direction: "Israel,Hezbollah"')
    sub.add_argument("--type", help="PLOVER event type: ASSAULT, REJECT ...")
    sub.add_argument("--modality", help="asserted, negated, proposed, demanded ...")
    sub.add_argument("--since", type=_since, help=_DATES)
    sub.add_argument("--until", type=_until, help=_DATES)
    sub.add_argument("--place", help="place name (part of it)")
    sub.add_argument("--country", help="the place's ISO 3166 code: LBN or LB ...")
    sub.add_argument("--min-confidence", type=float, help="0 to 1")


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:  # argparse turns this into a usage error with exit 2
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return number


_DATES = "a day (2024-01-31), month (2024-01), year (2024) or span back from today (7d, 3m)"


def _since(text: str) -> date:
    from dateline.analytics.periods import parse_since

    try:
        return parse_since(text)
    except InputError as err:  # argparse turns this into a usage error with exit 2
        raise argparse.ArgumentTypeError(str(err)) from err


def _until(text: str) -> date:
    from dateline.analytics.periods import parse_until

    try:
        return parse_until(text)
    except InputError as err:
        raise argparse.ArgumentTypeError(str(err)) from err


def _add(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, func: Command
) -> argparse.ArgumentParser:
    doc = func.__doc__ or ""
    sub = commands.add_parser(name, help=doc.splitlines()[0], description=doc)
    sub.formatter_class = argparse.RawDescriptionHelpFormatter
    sub.set_defaults(func=func)
    return sub


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
        status: int = args.func(args, settings)
    except InputError as err:
        print(f"dateline: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except DatelineError as err:
        print(f"dateline: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `dateline read dir | head` is normal use
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
