"""How fast is a full dateline reading next to bare spaCy on the same news texts?

Two inputs from ../shared/eval/news-sample: the pages' text dumps (*.txt, the seed's form)
and the HTML pages themselves. Dateline's whole pipeline runs from the raw input (clean,
parse, every fact layer, events); bare spaCy runs `nlp.pipe` over the clean texts dateline
extracted, so both see the same words. Prints words per second, the ratio and peak traced
memory for each input. The issues ask for >= 0.7 (article and reading layers) and >= 0.6
(with events) of bare spaCy's speed; from HTML the ratio also pays for main-content
extraction (trafilatura), which bare spaCy never does (benchmarks/extraction.py times it).

    .venv/bin/python benchmarks/pipeline.py [--limit N] [--repeat K]
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from dateline.nlp import load_nlp
from dateline.pipeline import Pipeline, default_stages
from dateline.reading import Reading

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load_pages(suffix: str, limit: int | None) -> list[tuple[str, bytes]]:
    """Return (name, raw bytes) for the news-sample pages with that suffix."""
    pages = sorted((SHARED / "eval" / "news-sample").glob(f"*{suffix}"))
    return [(p.name, p.read_bytes()) for p in pages[:limit]]


def measure(work: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Return (best seconds of `repeat` runs, peak traced MiB of one more run).

    Timing and tracing are separate runs: tracemalloc slows Python code many times more
    than spaCy's compiled code, so timing under it would misstate the ratio."""
    seconds = []
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - began)
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return min(seconds), peak


def compare(pages: list[tuple[str, bytes]], repeat: int, label: str) -> None:
    """Time bare spaCy, dateline's reading without events (#3) and with them (#4)."""
    stages = default_stages()
    full = Pipeline(stages)
    layers = Pipeline([s for s in stages if s.name != "code_events"])
    to_text = Pipeline(stages[:1])  # clean only: the texts bare spaCy reads
    texts = [to_text.run(Reading(source=n, raw=r)).text for n, r in pages]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    list(full.stream(Reading(source=n, raw=r) for n, r in pages[:3]))  # warm-up: load every table

    def run_bare() -> object:
        return list(nlp.pipe(texts))

    def reader(pipeline: Pipeline) -> Callable[[], object]:
        return lambda: list(pipeline.stream(Reading(source=n, raw=r) for n, r in pages))

    bare = measure(run_bare, repeat)
    rows = [
        ("dateline reading (#3)", measure(reader(layers), repeat), 0.7),
        ("dateline + events (#4)", measure(reader(full), repeat), 0.6),
    ]
    print(f"\n{label}: {len(pages)} pages, {words:,} words; best of {repeat} runs; one process")
    print(f"{'':<24}{'words/s':>10}{'peak MiB':>10}{'ratio':>8}{'floor':>7}")
    print(f"{'bare spaCy nlp.pipe':<24}{words / bare[0]:>10,.0f}{bare[1]:>10.1f}")
    for name, (seconds, peak), floor in rows:
        ratio = bare[0] / seconds
        print(f"{name:<24}{words / seconds:>10,.0f}{peak:>10.1f}{ratio:>8.2f}{floor:>7.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N pages")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is kept")
    args = parser.parse_args()
    if not (SHARED / "eval" / "news-sample").is_dir():
        print("benchmarks/pipeline.py: ../shared/eval/news-sample is absent; nothing to measure")
        return 0
    compare(load_pages(".txt", args.limit), args.repeat, "text dumps (*.txt)")
    compare(load_pages(".html", args.limit), args.repeat, "HTML pages (*.html)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
