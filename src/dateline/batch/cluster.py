"""The Dask path: the same reading as a map over partitions on a Dask cluster.

Pages go out in partitions (dask.bag); each partition runs `read_pages` with the same
stages as the one-process path, which also builds each reading's store rows there, and
returns them as Arrow IPC streams, one per table, each row keyed by the page's index (bytes,
so a remote cluster needs no shared disk). This process regroups them in input order and the
ingest loop writes them, so both paths store the same rows for the same inputs. Readings
used to travel as JSON, which this process parsed back and serialised again (#12).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import dask
import dask.bag as db
import pyarrow as pa
import pyarrow.ipc as ipc
from distributed import Client, Future, LocalCluster

from dateline.batch.read import Outcome, Read, read_pages
from dateline.batch.sources import Page
from dateline.pipeline import Stage, built
from dateline.store.rows import COLUMNS, FACT_TABLES, FactRows, Prepared
from dateline.store.store import Failure

if TYPE_CHECKING:
    from dateline.batch.ingest import IngestOptions, Plan

# Chunks submitted ahead of the one being written: enough to keep every worker busy while
# this process writes, few enough that a kill loses little reading (never stored rows).
LOOKAHEAD = 2
_OUTCOMES = pa.schema([
    ("index", pa.int64()), ("source", pa.string()), ("content_hash", pa.string()),
    ("fetched_at", pa.string()), ("article_id", pa.string()),
    ("signature", pa.list_(pa.uint32())), ("stage", pa.string()), ("error", pa.string()),
    ("message", pa.string()),
])  # fmt: skip
Blobs = list[tuple[str, bytes]]  # (table name, Arrow IPC stream) per table of a partition


class DaskReader:
    """Reads chunks of pages on a Dask cluster: a LocalCluster, or one at `scheduler`."""

    def __init__(self, options: IngestOptions) -> None:
        self.stages = built(options.stages)
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
        pending: deque[tuple[Plan, Future[Blobs] | None]] = deque()
        for plan in plans:
            pending.append((plan, self._submit(plan.pages)))
            if len(pending) > LOOKAHEAD:
                yield self._gather(*pending.popleft())
        while pending:
            yield self._gather(*pending.popleft())

    def _submit(self, pages: Sequence[Page]) -> Future[Blobs] | None:
        if not pages or self._client is None:
            return None
        numbered = list(enumerate(pages))
        parts = min(self.workers, len(pages))
        bag = db.from_sequence(numbered, npartitions=parts)  # type: ignore[no-untyped-call]
        future: Future[Blobs] = self._client.compute(  # type: ignore[no-untyped-call]
            bag.map_partitions(read_partition, stages=self._stages)
        )
        return future

    def _gather(self, plan: Plan, future: Future[Blobs] | None) -> tuple[Plan, list[Outcome]]:
        if future is None:
            return plan, []
        try:
            blobs = future.result()
        # A worker that died (killed, out of memory) or a partition that raised past
        # read_pages loses its chunk's readings, not the run: each page gets a failure row
        # under the error's type, and the next chunk goes on (issue #10).
        except Exception as err:
            return plan, [_lost(page, err) for page in plan.pages]
        return plan, _outcomes(blobs)


def read_partition(numbered: Sequence[tuple[int, Page]], *, stages: tuple[Stage, ...]) -> Blobs:
    """Read one partition's pages; return its outcomes and their rows as Arrow, per table."""
    outcomes = read_pages([page for _, page in numbered], stages)
    tables: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (index, page), done in zip(numbered, outcomes, strict=True):
        base = {"index": index, "source": page.source, "fetched_at": page.fetched_at,
                "content_hash": page.content_hash}  # fmt: skip
        if isinstance(done, Failure):
            tables["outcomes"].append(base | {"stage": done.stage, "error": done.error,
                                              "message": done.message})  # fmt: skip
            continue
        ready = done.prepared
        tables["outcomes"].append(base | {"article_id": ready.article_id,
                                          "signature": list(ready.signature)})  # fmt: skip
        tables["articles"].append(_keyed(index, "articles", ready.article))
        for table, rows in ready.facts.tables:
            tables[table] += [_keyed(index, table, row) for row in rows]
    return [(name, _ipc(name, rows)) for name, rows in tables.items()]


def _keyed(index: int, table: str, row: tuple[Any, ...]) -> dict[str, Any]:
    return {"index": index, **dict(zip(COLUMNS[table], row, strict=True))}


def _ipc(name: str, rows: list[dict[str, Any]]) -> bytes:
    schema = _OUTCOMES if name == "outcomes" else None  # rows: types as the values have them
    table = pa.Table.from_pylist(rows, schema=schema)
    sink = pa.BufferOutputStream()
    with ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue())


def _outcomes(blobs: Blobs) -> list[Outcome]:
    """Outcomes in input order, each reading's rows regrouped from the per-table streams."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for name, blob in blobs:
        rows[name] += ipc.open_stream(blob).read_all().to_pylist()
    by_page: dict[int, dict[str, list[tuple[Any, ...]]]] = {}
    for table in ("articles", *FACT_TABLES):
        for row in rows[table]:
            page = by_page.setdefault(row["index"], defaultdict(list))
            page[table].append(tuple(row[c] for c in COLUMNS[table]))
    ordered = sorted(rows["outcomes"], key=_index)
    return [_outcome(row, by_page.get(row["index"], defaultdict(list))) for row in ordered]


def _lost(page: Page, err: BaseException) -> Failure:
    return Failure(
        source=page.source, content_hash=page.content_hash, stage="dask",
        error=type(err).__name__, message=str(err) or type(err).__name__,
    )  # fmt: skip


def _index(row: dict[str, Any]) -> int:
    return int(row["index"])


def _outcome(row: dict[str, Any], tables: dict[str, list[tuple[Any, ...]]]) -> Outcome:
    if row["article_id"] is None:
        return Failure(
            source=row["source"], content_hash=row["content_hash"], stage=row["stage"],
            error=row["error"], message=row["message"],
        )  # fmt: skip
    facts = FactRows(tuple((t, tuple(tables[t])) for t in FACT_TABLES))
    ready = Prepared(article_id=row["article_id"], source=row["source"],
                     article=tables["articles"][0], signature=tuple(row["signature"]),
                     facts=facts)  # fmt: skip
    return Read(prepared=ready, content_hash=row["content_hash"], fetched_at=row["fetched_at"])
