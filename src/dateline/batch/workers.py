"""Local ingest on every core: worker processes read chunks, this process writes them.

The workers are forked from this process, so no pipeline is pickled. Given a builder of the
stages (the CLI gives `default_stages`), each worker builds them after the fork, so this
process, which only writes, never imports the stages' code (spaCy alone is 87 MiB of a
process). Each loads the spaCy model and the gazetteer (from its cache) on its first chunk and
keeps them for the run, while this process never loads them. (Loading
them here before the fork would save each worker a second or two of CPU but put the model
in the writer too, whose memory #12 caps as well.) Each worker reads whole chunks with the same
`read_pages` as the one-process path; this process writes the outcomes in input order, one
transaction per chunk, so the store gets the same rows and resumes the same way (#12).
Given a builder, even one worker reads apart from this process: the writer then holds no
model, and each process stays under #12's 500 MB (one process that both read and wrote
peaked at 529 MiB on 200 articles). Given stages already built (a tuple: tests, the library
API), they are imported here anyway, so one worker reads in this process. Fork is
POSIX-only; elsewhere the chunks are read in this process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from dateline.batch.read import Outcome, read_pages
from dateline.batch.sources import Page
from dateline.errors import PipelineError
from dateline.pipeline import Stage, StageSource, built

if TYPE_CHECKING:
    from dateline.batch.ingest import Plan

log = logging.getLogger(__name__)

# Chunks in flight per worker: one being read, one queued, so no worker waits on the writer.
AHEAD_PER_WORKER = 2
# How often an orphaned worker notices its parent is gone (a kill -9 runs no cleanup).
PARENT_POLL_S = 0.5

_stages: tuple[Stage, ...] = ()  # a worker's stages, set once when it starts


def default_workers() -> int:
    """Return how many reading processes to use by default: one per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux: every core of the machine
        return os.cpu_count() or 1


class LocalReader:
    """Reads chunks of pages in forked worker processes, yielding them back in order."""

    def __init__(self, stages: StageSource, *, workers: int) -> None:
        self.stages = stages
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalReader:
        apart = self.workers > 1 or callable(self.stages)  # a builder: keep the writer lean
        if apart and "fork" in multiprocessing.get_all_start_methods():
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("fork"),
                initializer=_start_worker, initargs=(self.stages, os.getpid()),
            )  # fmt: skip
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def read_all(self, plans: Iterable[Plan]) -> Iterator[tuple[Plan, list[Outcome]]]:
        """Yield each plan with its outcomes, in input order, keeping every worker busy."""
        if self._pool is None:
            stages = built(self.stages)
            yield from ((plan, read_pages(plan.pages, stages)) for plan in plans)
            return
        pending: deque[tuple[Plan, Future[list[Outcome]]]] = deque()
        for plan in plans:
            pending.append((plan, self._pool.submit(_read_chunk, plan.pages)))
            if len(pending) > self.workers * AHEAD_PER_WORKER:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())


def _result(plan: Plan, future: Future[list[Outcome]]) -> tuple[Plan, list[Outcome]]:
    try:
        return plan, future.result()
    except BrokenProcessPool as err:
        raise PipelineError(
            "a reading worker died (out of memory, or killed); every committed chunk is "
            "kept: run the ingest again to resume, with fewer --workers if memory ran out"
        ) from err


def _start_worker(stages: StageSource, parent: int) -> None:
    """Build (or keep) the stages this worker inherited, and end it if its parent ends."""
    global _stages  # set once per worker process; a pool initializer has no other way
    _stages = built(stages)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    log.info("ingest process %d is gone; worker %d exits", parent, os.getpid())
    os._exit(1)  # no cleanup to run: the worker holds nothing but readings in memory


def _read_chunk(pages: Sequence[Page]) -> list[Outcome]:
    return read_pages(pages, _stages)
