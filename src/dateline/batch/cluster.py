"""The Dask path: the same reading as a map over partitions on a Dask cluster.

Pages go out in partitions (dask.bag); each partition runs `read_pages` with the same
stages as the one-process path and returns its outcomes as one Parquet file (bytes, so a
remote cluster needs no shared disk): the reading JSON of `dateline.reading.to_json`, or the
failure. This process loads them in input order and the ingest loop writes them, so both
paths store the same rows for the same inputs.
"""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import dask
import dask.bag as db
import pyarrow as pa
import pyarrow.parquet as pq
from distributed import Client, Future, LocalCluster

from dateline.batch.read import Outcome, Read, read_pages
from dateline.batch.sources import Page
from dateline.pipeline import Stage
from dateline.reading import from_json, to_json
from dateline.store.store import Failure

if TYPE_CHECKING:
    from dateline.batch.ingest import IngestOptions, Plan

# Chunks submitted ahead of the one being written: enough to keep every worker busy while
# this process writes, few enough that a kill loses little reading (never stored rows).
LOOKAHEAD = 2
_SCHEMA = pa.schema([
    ("index", pa.int64()), ("source", pa.string()), ("content_hash", pa.string()),
    ("fetched_at", pa.string()), ("reading", pa.string()), ("stage", pa.string()),
    ("error", pa.string()), ("message", pa.string()),
])  # fmt: skip


class DaskReader:
    """Reads chunks of pages on a Dask cluster: a LocalCluster, or one at `scheduler`."""

    def __init__(self, options: IngestOptions) -> None:
        self.stages = options.stages
        self.workers = options.workers
        self._scheduler = options.scheduler
        self._processes = options.processes
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None
        self._stages: Future[tuple[Stage, ...]] | None = None

    def __enter__(self) -> DaskReader:
        if self._scheduler:
            self._client = Client(self._scheduler)  # type: ignore[no-untyped-call]
        else:
            # distributed ships no type hints for these calls (mypy --strict)
            # Each worker process imports spaCy before it answers; on a loaded machine that
            # took longer than distributed's default 30 s connect timeout (#12).
            with dask.config.set({"distributed.comm.timeouts.connect": "180s"}):
                self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=self.workers, threads_per_worker=1, processes=self._processes,
                    dashboard_address=None,
                )  # fmt: skip
            self._client = Client(self._cluster)  # type: ignore[no-untyped-call]
        # The stages (and the spaCy pipeline they close over) go to each worker once and stay
        # there; passed with every chunk, each task unpickled its own copy of the model (#12).
        [self._stages] = self._client.scatter([self.stages], broadcast=True)  # type: ignore[no-untyped-call]
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()  # type: ignore[no-untyped-call]
        if self._cluster is not None:
            self._cluster.close()

    def read_all(self, plans: Iterable[Plan]) -> Iterator[tuple[Plan, list[Outcome]]]:
        """Yield each plan with its outcomes, in order, keeping LOOKAHEAD plans on the cluster.

        The workers read the next chunks while this process writes the last one to the store.
        """
        pending: deque[tuple[Plan, Future[list[bytes]] | None]] = deque()
        for plan in plans:
            pending.append((plan, self._submit(plan.pages)))
            if len(pending) > LOOKAHEAD:
                yield self._gather(*pending.popleft())
        while pending:
            yield self._gather(*pending.popleft())

    def _submit(self, pages: Sequence[Page]) -> Future[list[bytes]] | None:
        if not pages or self._client is None:
            return None
        numbered = list(enumerate(pages))
        parts = min(self.workers, len(pages))
        bag = db.from_sequence(numbered, npartitions=parts)  # type: ignore[no-untyped-call]
        future: Future[list[bytes]] = self._client.compute(  # type: ignore[no-untyped-call]
            bag.map_partitions(read_partition, stages=self._stages)
        )
        return future

    def _gather(self, plan: Plan, future: Future[list[bytes]] | None) -> tuple[Plan, list[Outcome]]:
        if future is None:
            return plan, []
        try:
            blobs = future.result()
        # A worker that died (killed, out of memory) or a partition that raised past
        # read_pages loses its chunk's readings, not the run: each page gets a failure row
        # under the error's type, and the next chunk goes on (issue #10).
        except Exception as err:
            return plan, [_lost(page, err) for page in plan.pages]
        rows = [row for blob in blobs for row in pq.read_table(io.BytesIO(blob)).to_pylist()]
        return plan, [_outcome(row) for row in sorted(rows, key=_index)]


def read_partition(
    numbered: Sequence[tuple[int, Page]], *, stages: tuple[Stage, ...]
) -> list[bytes]:
    """Read one partition's pages; return its outcomes as one Parquet file's bytes."""
    pages = [page for _, page in numbered]
    outcomes = read_pages(pages, stages)
    rows = [_row(i, page, done) for (i, page), done in zip(numbered, outcomes, strict=True)]
    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows, schema=_SCHEMA), sink)
    return [sink.getvalue()]


def _row(index: int, page: Page, outcome: Outcome) -> dict[str, Any]:
    row: dict[str, Any] = {"index": index, "source": page.source, "fetched_at": page.fetched_at,
                           "content_hash": page.content_hash}  # fmt: skip
    if isinstance(outcome, Read):
        return row | {"reading": to_json(outcome.reading, indent=None)}
    return row | {"stage": outcome.stage, "error": outcome.error, "message": outcome.message}


def _lost(page: Page, err: BaseException) -> Failure:
    return Failure(
        source=page.source, content_hash=page.content_hash, stage="dask",
        error=type(err).__name__, message=str(err) or type(err).__name__,
    )  # fmt: skip


def _index(row: dict[str, Any]) -> int:
    return int(row["index"])


def _outcome(row: dict[str, Any]) -> Outcome:
    if row["reading"] is None:
        return Failure(
            source=row["source"], content_hash=row["content_hash"], stage=row["stage"],
            error=row["error"], message=row["message"],
        )  # fmt: skip
    reading = replace(from_json(row["reading"]), source=row["source"])
    return Read(reading=reading, content_hash=row["content_hash"], fetched_at=row["fetched_at"])
