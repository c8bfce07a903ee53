"""The `dateline` command line. Each command parses, calls one function, prints.

Only this module prints, and it is one of the two places that catch errors: one line on
stderr, exit 2 for bad input or usage, 1 for anything else of ours.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from dateline.config import Settings, load_settings
from dateline.errors import DatelineError, InputError

Command = Callable[[argparse.Namespace, Settings], int]
EXIT_BAD_INPUT = 2


def cmd_read(args: argparse.Namespace, settings: Settings) -> int:
    """Read one input (file, directory, -, URL) and print its reading.

    Example: dateline read story.html --format text
    """
    from dateline.inputs import iter_inputs
    from dateline.pipeline import default_pipeline
    from dateline.reading import to_json
    from dateline.summary import format_text

    pipeline, failed, count = default_pipeline(), 0, 0
    for item in iter_inputs(args.input, settings=settings):
        count += 1
        try:
            if isinstance(item, InputError):
                raise item
            reading = pipeline.run(item)
        except DatelineError as err:
            failed += 1
            _report_failure(err, args.format)
            continue
        indent = 1 if args.format == "json" and args.input != "-" and count == 1 else None
        print(format_text(reading) if args.format == "text" else to_json(reading, indent=indent))
    return EXIT_BAD_INPUT if failed and count == 1 else 0


def _report_failure(err: DatelineError, fmt: str) -> None:
    source = err.source if isinstance(err, InputError) else "?"
    print(f"dateline: {err}", file=sys.stderr)
    if fmt == "json":  # a directory run records the failure in its output and goes on
        failure = {"schema": "dateline.failure/1", "source": source,
                   "error": type(err).__name__, "message": str(err)}  # fmt: skip
        print(json.dumps(failure, ensure_ascii=False))


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Score readings against gold files (../shared/GOLD.md); default: ../shared/seed.

    Example: dateline eval ../shared/seed/hezbollah-rejects-us-overtures.gold.json --json
    """
    from dateline.evaluation import evaluate, format_report, report_to_dict

    report = evaluate(args.gold)
    text = format_report(report, show_misses=args.show_misses)
    print(json.dumps(report_to_dict(report), indent=1) if args.json else text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="dateline", description="Read news about conflict and diplomacy into data."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    read = _add(commands, "read", cmd_read)
    read.add_argument("input", help="a file, a directory (JSON Lines out), - for stdin, or a URL")
    read.add_argument("--format", choices=("json", "text"), default="json")
    evaluate = _add(commands, "eval", cmd_eval)
    evaluate.add_argument(
        "gold", nargs="*", help="gold files (default: ../shared/seed/*.gold.json)"
    )
    evaluate.add_argument("--json", action="store_true", help="print a JSON summary")
    evaluate.add_argument("--show-misses", action="store_true", help="list missed and extra items")
    return parser


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
