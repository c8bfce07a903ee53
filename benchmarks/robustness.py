"""Robustness (issue #10): fuzz counts, the worst time per KB of a reading, API latency.

    .venv/bin/python benchmarks/robustness.py [--examples 300] [--requests 2000] [--concurrency 20]

1. Fuzz: `--examples` inputs of each kind from tests/fuzz_inputs.py (HTML, text and raw
   bytes, feeds, WARC, JSON Lines); pages go through the clean stage, containers through
   the ingest readers. A crash is any exception that is not our InputError, or a failure row
   of an internal error; "slow" is a case over 10 s.
2. Worst time per KB: the issue's hostile pages read through every stage (the batch
   runner's read_one) beside an ordinary news page of the same kind as the peer, one process.
3. API: `dateline serve`'s app on 127.0.0.1 over the API tests' toy store; `--requests` GETs
   over the listing routes at `--concurrency` at once (httpx), latency percentiles; the peer
   is a one-route app under the same server and load. The same load again over a store an
   ingest (another process, the batch tests' toy stages, 50 ms a page) writes meanwhile:
   every answer must still be a 200 (store/gate.py).

`--skip-fuzz` and `--skip-pages` run the API part alone.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from statistics import quantiles
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path[:0] = [str(TESTS), str(TESTS / "api")]
from toy_store import build_store  # noqa: E402

from dateline.api import create_app  # noqa: E402
from dateline.batch.read import read_one  # noqa: E402
from dateline.batch.sources import Page, iter_pages  # noqa: E402
from dateline.clean import clean_article  # noqa: E402
from dateline.config import Settings  # noqa: E402
from dateline.errors import InputError  # noqa: E402
from dateline.fetch import FakeFetcher  # noqa: E402
from dateline.pipeline import default_pipeline  # noqa: E402
from dateline.reading import Reading  # noqa: E402
from dateline.store import Store  # noqa: E402
from fuzz_inputs import feeds, html_pages, json_lines, text_pages, warcs  # noqa: E402

SLOW_SECONDS = 10.0
ROUTES = ("/health", "/summary", "/articles?limit=20", "/events?limit=20", "/actors",
          "/failures")  # fmt: skip


@dataclass
class Tally:
    """One fuzz kind's counts."""

    cases: int = 0
    crashes: int = 0
    slow: int = 0
    worst: float = 0.0


def _clean_crashes(raw: bytes) -> bool:
    try:
        clean_article(Reading(source="fuzz", raw=raw))
    except InputError:
        return False
    except Exception:  # counting crashes is this benchmark's job
        return True
    return False


def _reader_crashes(name: str) -> Callable[[bytes], bool]:
    def crashes(raw: bytes) -> bool:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_bytes(raw)
            fetcher = FakeFetcher({"https://news.example/a": b"<p>Talks resumed.</p>"})
            try:
                items = list(iter_pages([str(path)], settings=Settings(), fetcher=fetcher))
            except Exception:  # counting crashes is this benchmark's job
                return True
        return any(not isinstance(i, (Page, InputError)) for i in items)

    return crashes


def fuzz(examples: int) -> dict[str, Tally]:
    """Return the tally of each fuzz kind over `examples` derandomized inputs."""
    kinds: dict[str, tuple[st.SearchStrategy[bytes], Callable[[bytes], bool]]] = {
        "html": (html_pages(), _clean_crashes),
        "text/bytes": (text_pages(), _clean_crashes),
        "feed": (feeds(), _reader_crashes("feed.rss")),
        "warc": (warcs(), _reader_crashes("crawl.warc.gz")),
        "jsonl": (json_lines(), _reader_crashes("pages.jsonl")),
    }
    return {
        kind: _tally(strategy, crashes, examples) for kind, (strategy, crashes) in kinds.items()
    }


def _tally(
    strategy: st.SearchStrategy[bytes], crashes: Callable[[bytes], bool], examples: int
) -> Tally:
    tally = Tally()

    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(strategy)
    def run(raw: bytes) -> None:
        started = time.perf_counter()
        crashed = crashes(raw)
        took = time.perf_counter() - started
        tally.cases += 1
        tally.crashes += crashed
        tally.slow += took > SLOW_SECONDS
        tally.worst = max(tally.worst, took)

    run()
    return tally


SENTENCE = "Envoys met in Geneva on Monday to discuss the ceasefire, officials said. "


def hostile_pages() -> dict[str, bytes]:
    """The issue's reproducers, and an ordinary page of each kind as the peer."""
    quoted = 'The minister said "we will not retreat" and "the border" stays. '
    paragraph = "<p>" + SENTENCE * 6 + "</p>"
    deep = "<div>" * 1_000 + paragraph * 5 + "</div>" * 1_000
    ld = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    return {
        "peer: ordinary text page, 20 KB": ("Talks\n\n" + (SENTENCE * 5 + "\n\n") * 55).encode(),
        "peer: ordinary HTML page, 5 KB": _html(paragraph * 10),
        "269 KB, 4,800 quote marks in one paragraph": ("Talks\n\n" + quoted * 4_200).encode(),
        "269 KB, 4,800 quote marks, one a paragraph": (
            "Talks\n\n" + "\n\n".join([quoted * 2] * 2_100)
        ).encode(),
        "HTML nested 1,000 deep": _html(deep),
        "JSON-LD nested 100,000 deep": _html(paragraph * 10, head=ld),
        'JSON-LD {"@type": null}': _html(paragraph * 10, head=_ld('{"@type": null}')),
    }


def _html(body: str, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body><h1>Talks</h1>{body}</body></html>".encode()


def _ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


def time_per_kb() -> list[tuple[str, float, float, str]]:
    """Return (page, KB, seconds per KB, outcome) for each hostile page, read in full."""
    stages = default_pipeline().stages
    read_one(Reading(source="warm.txt", raw=("Talks\n\n" + SENTENCE * 20).encode()), stages)
    rows = []
    for name, raw in hostile_pages().items():
        started = time.perf_counter()
        done = read_one(Reading(source=name, raw=raw), stages)
        took = time.perf_counter() - started
        outcome = "read" if isinstance(done, Reading) else f"{done.error}: {done.message[:40]}"
        rows.append((name, len(raw) / 1000, took / (len(raw) / 1000), outcome))
    return rows


@dataclass(frozen=True)
class Latency:
    """Percentiles of one load run, in milliseconds, and the rate in requests a second."""

    p50: float
    p95: float
    p99: float
    worst: float
    rate: float
    errors: int


def _serve(app: Any) -> tuple[uvicorn.Server, int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, port


async def _load(port: int, routes: tuple[str, ...], requests: int, concurrency: int) -> Latency:
    gate = asyncio.Semaphore(concurrency)
    times: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits) as client:

        async def one(n: int) -> None:
            nonlocal errors
            async with gate:
                started = time.perf_counter()
                response = await client.get(routes[n % len(routes)])
                times.append((time.perf_counter() - started) * 1000)
                errors += response.status_code != 200

        started = time.perf_counter()
        await asyncio.gather(*(one(n) for n in range(requests)))
        elapsed = time.perf_counter() - started
    cuts = quantiles(times, n=100)
    return Latency(cuts[49], cuts[94], cuts[98], max(times), requests / elapsed, errors)


def api_latency(requests: int, concurrency: int) -> tuple[Latency, Latency]:
    """Return the load run's latency for dateline's API and for the one-route peer."""
    peer = FastAPI()

    @peer.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    results = []
    with tempfile.TemporaryDirectory() as folder:
        store = build_store(Path(folder) / "s.duckdb")
        for app, routes in ((create_app(store), ROUTES), (peer, ("/health",))):
            results.append(_serve_and_load(app, routes, requests, concurrency))
    return results[0], results[1]


def _serve_and_load(app: Any, routes: tuple[str, ...], requests: int, concurrency: int) -> Latency:
    server, port = _serve(app)
    latency = asyncio.run(_load(port, routes, requests, concurrency))
    server.should_exit = True
    time.sleep(0.3)
    return latency


INGEST = """
import sys, time
from batch_toy import TOY_STAGES
from dateline.batch import IngestOptions, ingest
from dateline.config import Settings
from dateline.pipeline import stage
from dateline.store import Store

@stage(needs={"article"}, fills=set())
def slowly(reading):
    time.sleep(0.05)
    return reading

with Store(sys.argv[2]) as store:
    print("writing", flush=True)
    options = IngestOptions(stages=(*TOY_STAGES, slowly), chunk=4)
    ingest([sys.argv[1]], store, options=options, settings=Settings())
"""


def api_during_ingest(requests: int, concurrency: int) -> tuple[Latency, int, bool]:
    """Return the load's latency while an ingest writes the store, the articles it wrote
    meanwhile, and whether it was still writing when the load ended."""
    with tempfile.TemporaryDirectory() as folder:
        news, store = Path(folder) / "news", Path(folder) / "s.duckdb"
        news.mkdir()
        for n in range(2_000):  # 100 s at 50 ms a page: it outlasts the load
            (news / f"p{n}.html").write_text(f"<p>Report {n}. Alpha{n} attacked Beta{n} on "
                                             "2024-03-04.</p>")  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(TESTS / "batch")}
        ingest = subprocess.Popen([sys.executable, "-c", INGEST, str(news), str(store)],
                                  env=env, stdout=subprocess.PIPE)  # fmt: skip
        assert ingest.stdout is not None
        ingest.stdout.readline()  # the store exists and the ingest has begun
        latency = _serve_and_load(create_app(store), ROUTES, requests, concurrency)
        running = ingest.poll() is None
        ingest.kill()  # a kill is safe: every committed chunk stays (tests/batch)
        ingest.wait()
        with Store(store, read_only=True) as done:
            written = done.count("articles")
    return latency, written, running


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=300)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--skip-fuzz", action="store_true")
    parser.add_argument("--skip-pages", action="store_true")
    args = parser.parse_args()
    if not args.skip_fuzz:
        print(f"fuzz: {args.examples} derandomized inputs a kind (tests/fuzz_inputs.py)")
        for kind, t in fuzz(args.examples).items():
            print(f"  {kind:11} {t.cases:5} cases  {t.crashes} crashes  {t.slow} over "
                  f"{SLOW_SECONDS:.0f} s  slowest {t.worst:.2f} s")  # fmt: skip
    if not args.skip_pages:
        _print_pages(time_per_kb())
    ours, bare = api_latency(args.requests, args.concurrency)
    during, written, running = api_during_ingest(args.requests, args.concurrency)
    print(f"API: {args.requests} GETs, {args.concurrency} at once, on 127.0.0.1 (uvicorn)")
    rows = (("dateline routes", ours), ("while an ingest writes", during),
            ("peer: one-route app", bare))  # fmt: skip
    for label, lat in rows:
        cuts = f"p50 {lat.p50:6.1f} ms  p95 {lat.p95:6.1f} ms  p99 {lat.p99:6.1f} ms"
        print(f"  {label:22} {cuts}  max {lat.worst:6.1f} ms  {lat.rate:6.0f} req/s  "
              f"{lat.errors} errors")  # fmt: skip
    print(f"  the ingest wrote {written} articles meanwhile; still writing at the end: "
          f"{'yes' if running else 'no'}")  # fmt: skip


def _print_pages(rows: list[tuple[str, float, float, str]]) -> None:
    print("time per KB, every stage (read_one), one process:")
    for name, kb, per_kb, outcome in rows:
        print(f"  {name:45} {kb:7.1f} KB  {per_kb * 1000:8.1f} ms/KB  {outcome}")
    worst = max(rows, key=itemgetter(2))
    peer = max(row[2] for row in rows if row[0].startswith("peer"))
    print(f"  worst: {worst[0]}, {worst[2] * 1000:.1f} ms/KB = {worst[2] / peer:.1f}x the "
          "slower ordinary page")  # fmt: skip


if __name__ == "__main__":
    main()
