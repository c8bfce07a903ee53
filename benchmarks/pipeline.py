"""How fast is a full dateline reading next to bare spaCy on the same news texts?

Two inputs from ../shared/eval/news-sample: the pages' text dumps (*.txt, the seed's form)
and the HTML pages themselves. Dateline's whole pipeline runs from the raw input (clean,
parse, every fact layer, events; spaCy inside it in dateline's batches, of up to 32 pages and
30,000 characters); bare spaCy runs
`nlp.pipe` over the clean texts dateline extracted, so both see the same words, at the batch
size that is fastest for these texts (tried first: 8 to 128 and all pages in one batch).
Fair on a shared machine (#12): the systems take turns within each round, the order rotating,
for `--repeat` rounds, each timed in CPU seconds of this process (other jobs' load does not
count); the minimum and the median are printed, and the ratio both of the bests and paired:
the median over rounds of each round's own ratio, whose two runs sat side by side in time, so
that a spell of load on the shared box weighs on both. Peak memory is each system's
peak RSS, run alone in a fresh child process (the interpreter and the model included). The
issues ask for >= 0.8 on text dumps and 0.7 on HTML (the reading, #12) and >= 0.6 (with
events, #4) of bare spaCy; from HTML the ratio also pays for main-content extraction
(trafilatura), which bare spaCy never does (benchmarks/extraction.py times it).

    .venv/bin/python benchmarks/pipeline.py [--limit N] [--repeat K]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from dateline.nlp import load_nlp
from dateline.pipeline import Pipeline, default_stages
from dateline.reading import Reading

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BATCHES = (8, 16, 32, 64, 128, 0)  # 0: every page in one batch (spaCy's own default here)


def load_pages(suffix: str, limit: int | None) -> list[tuple[str, bytes]]:
    """Return (name, raw bytes) for the news-sample pages with that suffix."""
    pages = sorted((SHARED / "eval" / "news-sample").glob(f"*{suffix}"))
    return [(p.name, p.read_bytes()) for p in pages[:limit]]


def best_batch(nlp: object, texts: list[str]) -> int:
    """Return the batch size at which bare spaCy reads these texts fastest (best of two)."""
    pipe = nlp.pipe  # type: ignore[attr-defined]
    seconds: dict[int, float] = {}
    for _ in range(2):
        for size in BATCHES:
            began = time.process_time()
            list(pipe(texts, batch_size=size or len(texts)))
            took = time.process_time() - began
            seconds[size] = min(seconds.get(size, took), took)
    return min(seconds, key=seconds.__getitem__)


def systems(pages: list[tuple[str, bytes]]) -> dict[str, Callable[[], object]]:
    """The three readers of the pages: bare spaCy, dateline without events, with events."""
    stages = default_stages()
    full = Pipeline(stages)
    layers = Pipeline([s for s in stages if s.name != "code_events"])
    to_text = Pipeline(stages[:1])  # clean only: the texts bare spaCy reads
    texts = [to_text.run(Reading(source=n, raw=r)).text for n, r in pages]
    nlp = load_nlp()
    batch = best_batch(nlp, texts)
    list(full.stream(Reading(source=n, raw=r) for n, r in pages[:3]))  # warm-up: every table

    def reader(pipeline: Pipeline) -> Callable[[], object]:
        return lambda: list(pipeline.stream(Reading(source=n, raw=r) for n, r in pages))

    def bare() -> object:
        return list(nlp.pipe(texts, batch_size=batch or len(texts)))

    return {f"bare spaCy (batch {batch or 'all'})": bare, "dateline reading (#3)": reader(layers),
            "dateline + events (#4)": reader(full)}  # fmt: skip


def interleaved(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Seconds of each run per round, the runs taking turns in a rotating order."""
    names = list(runs)
    seconds: dict[str, list[float]] = {n: [] for n in names}
    for round_ in range(repeat):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            began = time.process_time()  # CPU seconds: on a shared box wall time is not ours
            runs[name]()
            seconds[name].append(time.process_time() - began)
    return seconds


def peak_rss(suffix: str, limit: int | None, index: int) -> float:
    """Peak RSS in MiB of a fresh process that builds and runs one system once."""
    args = [sys.executable, __file__, "--rss-of", suffix, str(index), str(limit or 0)]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def rss_run(pages: list[tuple[str, bytes]], index: int) -> None:
    """Run one system once, loading only what it needs (bare spaCy: clean and the model)."""
    if index:
        stages = default_stages()
        kept = stages if index == 2 else [s for s in stages if s.name != "code_events"]
        list(Pipeline(kept).stream(Reading(source=n, raw=r) for n, r in pages))
        return
    from dateline.clean import clean_article

    texts = [clean_article(Reading(source=n, raw=r)).text for n, r in pages]
    list(load_nlp().pipe(texts, batch_size=32))


def compare(suffix: str, limit: int | None, repeat: int, label: str, floor: float) -> None:
    """Time bare spaCy, dateline's reading without events (#3) and with them (#4)."""
    pages = load_pages(suffix, limit)
    runs = systems(pages)
    texts = [Pipeline(default_stages()[:1]).run(Reading(source=n, raw=r)).text for n, r in pages]
    words = sum(len(t.split()) for t in texts)
    seconds = interleaved(runs, repeat)
    floors = (None, floor, 0.6)
    bare = min(seconds[next(iter(runs))])
    print(f"\n{label}: {len(pages)} pages, {words:,} words; {repeat} interleaved rounds")
    print(f"{'':<28}{'words/CPU s':>15}{'median':>10}{'peak RSS MiB':>14}{'ratio':>7}"
          f"{'paired':>8}{'floor':>7}")  # fmt: skip
    bare_rounds = seconds[next(iter(runs))]
    for index, (name, floor) in enumerate(zip(runs, floors, strict=True)):
        best, median = min(seconds[name]), statistics.median(seconds[name])
        rss = peak_rss(suffix, limit, index)
        paired = statistics.median(b / s for b, s in zip(bare_rounds, seconds[name], strict=True))
        ratio = f"{bare / best:>7.2f}{paired:>8.2f}{floor:>7.2f}" if floor else ""
        print(f"{name:<28}{words / best:>15,.0f}{words / median:>10,.0f}{rss:>14.0f}{ratio}")


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--rss-of":
        suffix, index, limit = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]) or None
        rss_run(load_pages(suffix, limit), index)
        status = Path("/proc/self/status").read_text()  # VmHWM: ru_maxrss keeps our spawner's
        print(int(status.split("VmHWM:")[1].split()[0]) / 1024)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N pages")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds")
    args = parser.parse_args()
    if not (SHARED / "eval" / "news-sample").is_dir():
        print("benchmarks/pipeline.py: ../shared/eval/news-sample is absent; nothing to measure")
        return 0
    # The reading's floors are #12's (#3 asked 0.7 of both); with events, #4's 0.6.
    compare(".txt", args.limit, args.repeat, "text dumps (*.txt)", 0.8)
    compare(".html", args.limit, args.repeat, "HTML pages (*.html)", 0.7)
    return 0


if __name__ == "__main__":
    sys.exit(main())
