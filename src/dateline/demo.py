"""`make demo`: ingest the demo corpus (or `--corpus DIR`) into ./dateline.duckdb and summarize.

The demo corpus is ../shared/seed and ../shared/eval/news-sample (50 real pages, each as
.html and as .txt: the story deduplication shows each pair as one story) when they sit
beside the clone. This module is an entry point like cli.py, so it prints which corpus it
used; the work itself is `dateline ingest` and `dateline summary`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from dateline.cli import main as cli_main

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DEMO_CORPUS = (SHARED / "seed", SHARED / "eval" / "news-sample")
STORE = "dateline.duckdb"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the demo; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m dateline.demo", description=__doc__)
    parser.add_argument("--corpus", help="a folder of your own pages (default: the demo corpus)")
    parser.add_argument("--store", default=STORE, help=f"the DuckDB file (default: {STORE})")
    args = parser.parse_args(argv)
    if args.corpus:
        targets = [args.corpus]
    else:
        targets = [str(p.resolve()) for p in DEMO_CORPUS if p.is_dir()]
    if not targets:
        where = SHARED.resolve()
        hint = "run `make demo CORPUS=DIR` with a folder of news pages"
        print(f"dateline demo: no demo corpus at {where}; {hint}", file=sys.stderr)
        return 2
    print(f"dateline demo: ingesting {', '.join(targets)} into {args.store}")
    status = cli_main(["ingest", *targets, "--store", args.store])
    return status or cli_main(["summary", "--store", args.store])


if __name__ == "__main__":
    sys.exit(main())
