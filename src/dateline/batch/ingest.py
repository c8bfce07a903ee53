"""The ingest loop: pages in, readings and failures into the store, resumable at any point.

Inputs already read (same sha256 of the raw bytes) are skipped, so a re-run after a kill
picks up where the last committed chunk ended. Each chunk is written in one transaction:
an article and all its rows land together or not at all. The reading itself runs in this
process or, with `engine="dask"`, over a Dask cluster (batch/cluster.py); both return the
same outcomes, which only this module writes. Locally, `workers` > 1 reads in forked worker
processes (batch/workers.py) while this process writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice

from dateline.batch.read import Outcome, Read, failure_of, is_internal
from dateline.batch.sources import Item, Page, iter_pages
from dateline.batch.workers import LocalReader
from dateline.config import Settings
from dateline.errors import InputError
from dateline.fetch import Fetcher
from dateline.pipeline import StageSource
from dateline.store.incidents import update_incidents
from dateline.store.store import Failure, Store

Progress = Callable[["Counts"], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class Counts:
    """How many inputs an ingest read, found as copies, skipped and failed so far."""

    read: int = 0
    copies: int = 0  # new bytes whose clean text is already stored (same article id)
    skipped: int = 0  # bytes already stored: nothing to do
    failed: int = 0
    internal: int = 0  # failures that are bugs of ours, not bad inputs: the exit says so (#10)
    incidents: int = 0  # incidents in the store after the ingest


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    """How to ingest: which stages, which engine, how many pages per chunk."""

    stages: StageSource  # a builder (`default_stages`) keeps the stages' code out of the writer
    engine: str = "local"  # local | dask
    scheduler: str | None = None  # a Dask scheduler address; None starts a LocalCluster
    workers: int = 1  # reading processes (local) or Dask workers; the CLI gives every core
    processes: bool = True  # Dask workers as processes (False: threads, for tests)
    # Pages per transaction and progress step (Dask: chunk x workers). 16 rather than 8: a
    # chunk's pages are parsed in batches of up to 30,000 characters (nlp/stage.py), and 8 news
    # pages (about 31,000) left a batch of one page; each chunk also costs the writer a dozen
    # statements. On 800 generated articles the writer's chunk writes took 4.3-4.4 s against
    # 5.6-7.3, and reading 64 pages in turn 11.3 against 12.0 CPU s at best (#12).
    chunk: int = 16


def ingest(
    targets: Iterable[str],
    store: Store,
    *,
    options: IngestOptions,
    settings: Settings,
    fetcher: Fetcher | None = None,
    on_progress: Progress | None = None,
) -> Counts:
    """Read every new input under the targets into the store; return the counts."""
    items = iter_pages(targets, settings=settings, fetcher=fetcher)
    size = options.chunk * (options.workers if options.engine == "dask" else 1)
    known = store.known_hashes()
    store.release()  # readers (dateline serve) may open the store while pages are read (#10)
    plans = _plan(items, known, size)
    if options.engine == "dask":
        from dateline.batch.cluster import DaskReader

        with DaskReader(options) as dask_reader:
            counts = _write_all(store, dask_reader.read_all(plans), on_progress)
    else:
        with LocalReader(options.stages, workers=options.workers) as local:
            counts = _write_all(store, local.read_all(plans), on_progress)
    counts = replace(counts, incidents=update_incidents(store))
    store.release()
    return counts


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """One chunk of inputs: the pages to read, inputs that failed before reading, skips."""

    pages: tuple[Page, ...]
    failures: tuple[Failure, ...]
    skipped: int


def _plan(items: Iterator[Item], known: set[str], size: int) -> Iterator[Plan]:
    while chunk := list(islice(items, size)):
        pages: list[Page] = []
        failures: list[Failure] = []
        for item in chunk:
            if isinstance(item, Failure):  # a container that broke in an unexpected way
                failures.append(item)
            elif isinstance(item, InputError):
                failures.append(failure_of(item, item.source, "", "input"))
            elif item.content_hash not in known:
                known.add(item.content_hash)
                pages.append(item)
        skipped = len(chunk) - len(pages) - len(failures)
        yield Plan(pages=tuple(pages), failures=tuple(failures), skipped=skipped)


def _write_all(
    store: Store, done: Iterable[tuple[Plan, list[Outcome]]], on_progress: Progress | None
) -> Counts:
    counts = Counts()
    for plan, outcomes in done:
        counts = _write(store, [*plan.failures, *outcomes], counts)
        counts = replace(counts, skipped=counts.skipped + plan.skipped)
        if on_progress:
            on_progress(counts)
    return counts


def _write(store: Store, outcomes: list[Outcome], counts: Counts) -> Counts:
    failures = [o for o in outcomes if isinstance(o, Failure)]
    with store.transaction():
        for failure in failures:
            store.write_failure(failure)
        written = store.write_readings([o for o in outcomes if isinstance(o, Read)])
    store.release(lazy=True)  # until the next chunk is read, readers may open the store (#10)
    failed = len(failures)
    internal = sum(is_internal(f) for f in failures)
    read = sum(1 for w in written if w.status == "read")
    copies = len(written) - read
    return replace(
        counts, read=counts.read + read, copies=counts.copies + copies,
        failed=counts.failed + failed, internal=counts.internal + internal,
    )  # fmt: skip
