"""How well does dateline code events on real news pages with hand-made gold?

For each gold file of ../shared/eval/news-gold (the development set), the page is read as a
user has it (its .html where one exists; --input txt for the text dump) and every required
gold event gets one cause (evaluation/diagnose.py): full match, or the first step that failed
(not detected, type, source, target, modality). Printed per article and in total, with the
events predicted and the duplicates among them (repeats of one act).

    .venv/bin/python benchmarks/news_events.py [--input html|txt] [--limit N] [--show]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from dateline import read
from dateline.evaluation.diagnose import CAUSES, diagnose_events
from dateline.evaluation.report import input_of, load_gold

GOLD_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "news-gold"
COLUMNS = ("detected", "typed", "full", "predicted", "duplicates")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", choices=("html", "txt"), default="html")
    parser.add_argument("--limit", type=int, default=0, help="only the first N gold files")
    parser.add_argument("--show", action="store_true", help="list each gold event's cause")
    args = parser.parse_args()
    golds = sorted(GOLD_DIR.glob("*.gold.json"))[: args.limit or None]
    if not golds:
        print(f"skipped: no gold files in {GOLD_DIR}")
        return 0
    rows, causes, totals = [], Counter[str](), Counter[str]()
    for path in golds:
        gold = load_gold(path)
        diagnosis = diagnose_events(read(input_of(path, gold, args.input)), gold)
        counts = diagnosis.count()
        row = {"gold": len(diagnosis.causes), "detected": diagnosis.detected,
               "typed": diagnosis.typed, "full": counts["full"],
               "predicted": diagnosis.predicted, "duplicates": diagnosis.duplicates}  # fmt: skip
        rows.append((path.name.removesuffix(".gold.json"), row))
        totals.update(row)
        causes.update(counts)
        if args.show:
            for gold_id, cause in diagnosis.causes:
                print(f"  {path.name[:30]:<30} {gold_id:<36} {cause}")
    _print_table(rows, totals)
    print()
    print("cause of each required gold event (first step that failed):")
    for cause in CAUSES:
        print(f"  {cause:<13} {causes[cause]:>4}  ({causes[cause] / totals['gold']:.0%})")
    return 0


def _print_table(rows: list[tuple[str, dict[str, int]]], totals: Counter[str]) -> None:
    print(f"| article | gold | {' | '.join(COLUMNS)} |")
    print("|---|" + "---|" * (len(COLUMNS) + 1))
    for name, row in [*rows, ("**total**", dict(totals))]:
        cells = " | ".join(str(row[c]) for c in COLUMNS)
        print(f"| {name} | {row['gold']} | {cells} |")
    gold = totals["gold"] or 1
    print(f"\ndetected {totals['detected'] / gold:.0%}, typed {totals['typed'] / gold:.0%}, "
          f"full {totals['full'] / gold:.0%}, duplicates per article "
          f"{totals['duplicates'] / max(len(rows), 1):.1f}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
