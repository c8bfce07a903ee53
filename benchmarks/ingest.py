"""Ingest throughput and story dedup calibration on ../shared/eval/news-sample.

    .venv/bin/python benchmarks/ingest.py [--limit N] [--skip-dask]
    .venv/bin/python benchmarks/ingest.py --calibrate [--limit N]

Throughput: the same pages (the .html of each news-sample page) through
- bare spaCy: `nlp.pipe` over the clean texts (clean_article run beforehand, not timed);
- dateline, one process: `ingest(..., engine="local")` into a fresh store (every stage,
  story dedup, store writes, incident clustering), then with a reading process per core
  (the CLI's default);
- dateline on Dask: `ingest(..., engine="dask")` on a LocalCluster of 2 worker processes,
  started and warmed up (one page each) before the clock starts; start-up is printed apart.
Articles per second per core = articles / wall seconds / cores used (1, the workers). A
warm-up page runs first in this process. Store size per 1,000 articles = the DuckDB file's
size after the local ingest and a CHECKPOINT, scaled: DuckDB allocates storage in blocks
per table, so on a few dozen pages this overstates what a large store costs per article.

Calibration: every page read from its .html and from its .txt (same story, different
chrome); prints the MinHash-estimated Jaccard of each matching pair and of each page's most
similar non-matching page, which is how dedup/stories.py's THRESHOLD was chosen.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
SAMPLE = EVAL / "news-sample"


def _pages(limit: int | None, suffix: str) -> list[Path]:
    pages = sorted(SAMPLE.glob(f"*{suffix}"))
    return pages[:limit] if limit else pages


def _clean_texts(paths: list[Path]) -> dict[str, str]:
    from dateline.clean import clean_article
    from dateline.errors import InputError
    from dateline.reading import Reading

    texts = {}
    for path in paths:
        try:
            reading = clean_article(Reading(source=str(path), raw=path.read_bytes()))
        except InputError as err:
            print(f"  skipped {err}")
            continue
        article = reading.require_article()
        texts[path.stem] = article.body or article.text
    return texts


def calibrate(limit: int | None) -> None:
    """Print matched-pair and best-unmatched similarities of html/txt readings."""
    from dateline.dedup.articles import minhash_signature
    from dateline.dedup.stories import THRESHOLD, similarity

    html = _clean_texts(_pages(limit, ".html"))
    txt = _clean_texts([SAMPLE / f"{name}.txt" for name in html])
    hashes = {
        (k, name): minhash_signature(text)
        for k, texts in (("html", html), ("txt", txt))
        for name, text in texts.items()
        if text.strip()
    }
    matched, unmatched = [], []
    for name in sorted(html):
        if ("html", name) not in hashes or ("txt", name) not in hashes:
            continue
        mine = hashes[("html", name)]
        matched.append((similarity(mine, hashes[("txt", name)]), name))
        others = [similarity(mine, h) for (k, n), h in hashes.items() if n != name]
        unmatched.append((max(others), name))
    print(f"{'page':40} {'html~txt':>9} {'best other':>11}")
    for (same, name), (other, _) in zip(matched, unmatched, strict=True):
        print(f"{name[:40]:40} {same:9.2f} {other:11.2f}")
    low = sorted(s for s, _ in matched)
    high = max(o for o, _ in unmatched)
    found = sum(s >= THRESHOLD for s in low)
    print(
        f"\nmatched pairs: min {low[0]:.2f}, median {low[len(low) // 2]:.2f}; "
        f"highest non-matching: {high:.2f}; THRESHOLD {THRESHOLD}: "
        f"{found}/{len(low)} pairs found, {sum(o >= THRESHOLD for o, _ in unmatched)} false"
    )


def throughput(limit: int | None, skip_dask: bool) -> None:
    """Print articles/s/core for bare spaCy, dateline local and dateline on Dask."""
    from dateline.batch import IngestOptions
    from dateline.batch.workers import default_workers
    from dateline.nlp import load_nlp
    from dateline.pipeline import default_pipeline, default_stages
    from dateline.reading import Reading

    paths = _pages(limit, ".html")
    texts = list(_clean_texts(paths).values())
    nlp = load_nlp()
    default_pipeline().run(Reading(source="warm-up", raw=paths[0].read_bytes()))
    rates: dict[int, float] = {}
    for _ in range(2):  # bare spaCy at its best batch size for these texts (#12), best round
        for size in (8, 16, 32, 64, 128):
            start = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=size):
                pass
            rates[size] = max(rates.get(size, 0.0), len(texts) / (time.perf_counter() - start))
    batch = max(rates, key=rates.__getitem__)
    print(f"pages: {len(paths)}; bare spaCy nlp.pipe (best batch {batch}): "
          f"{rates[batch]:.2f} articles/s/core")  # fmt: skip
    duck, parquet = _timed_ingest(paths, IngestOptions(stages=default_stages()), cores=1)
    cores = default_workers()
    if cores > 1:  # the default: a reading process per core, this one writing
        options = IngestOptions(stages=default_stages(), workers=cores)
        _timed_ingest(paths, options, cores=cores)
    print(
        f"store size per 1,000 articles: DuckDB file {duck:.1f} MB (small stores are mostly "
        f"DuckDB's per-table blocks), Parquet export {parquet:.1f} MB"
    )
    if skip_dask:
        return
    from distributed import Client, LocalCluster

    start = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None)
    with cluster, Client(cluster) as client:
        client.run(_warm_up, str(paths[0]))  # start-up and model loading, timed apart
        print(f"Dask LocalCluster of 2 workers up and warm in {time.perf_counter() - start:.1f} s")
        options = IngestOptions(
            stages=default_stages(),
            engine="dask",
            scheduler=cluster.scheduler_address,
            workers=2,
        )
        _timed_ingest(paths, options, cores=2)


def _warm_up(path: str) -> None:
    from dateline.pipeline import default_pipeline
    from dateline.reading import Reading

    default_pipeline().run(Reading(source="warm-up", raw=Path(path).read_bytes()))


def _timed_ingest(paths: list[Path], options: object, *, cores: int) -> tuple[float, float]:
    """Ingest the pages into a fresh store, print the rate; return MB per 1,000 articles
    of the DuckDB file and of its Parquet export."""
    from dateline.batch import IngestOptions, ingest
    from dateline.config import Settings
    from dateline.store import Store
    from dateline.store.export import export_parquet

    assert isinstance(options, IngestOptions)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for path in paths:
            (folder / path.name).write_bytes(path.read_bytes())
        store_path = Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        with Store(store_path) as store:
            counts = ingest([str(folder)], store, options=options, settings=Settings())
            store.con.execute("CHECKPOINT")
            seconds = time.perf_counter() - start
            parquet = sum(p.stat().st_size for p in export_parquet(store, Path(tmp) / "out"))
        rate = counts.read / seconds / cores
        print(
            f"dateline {options.engine:5} ({cores} core{'s' * (cores > 1)}): {counts.read} read, "
            f"{counts.failed} failed, {seconds:.1f} s, {rate:.2f} articles/s/core"
        )
        scale = 1000 / max(counts.read, 1) / 1e6
        return store_path.stat().st_size * scale, parquet * scale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="use only the first N pages")
    parser.add_argument("--calibrate", action="store_true", help="story dedup calibration")
    parser.add_argument("--skip-dask", action="store_true", help="only bare spaCy and local")
    args = parser.parse_args()
    if not SAMPLE.is_dir():
        print(f"benchmarks/ingest.py: {SAMPLE} is absent; nothing to measure")
        return 0
    if args.calibrate:
        calibrate(args.limit)
    else:
        throughput(args.limit, args.skip_dask)
    return 0


if __name__ == "__main__":
    sys.exit(main())
