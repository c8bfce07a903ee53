"""POST /read's readers: a few worker processes, each reading within a time limit (issue #10).

POST /read ran the pipeline in the server's threads behind one lock: a page whose reading took
minutes held the lock, and every other /read waited behind it, with no answer and no end.
Now (the limits are guard.Access's):
- readings run in `read_workers` processes, forked from the server so that the pipeline it
  was given is theirs without pickling; each loads the model on its first page and keeps it;
- at most that many readings run at once; a request that finds every worker busy for
  `read_wait_s` is answered 503 with Retry-After, instead of joining a queue without end;
- a reading past `read_seconds` is stopped by ending its process and answered 504: a thread
  cannot be stopped, a process can. pebble's ProcessPool does the ending and starts a fresh
  worker in its place; we did not write that ourselves.
The GET routes never wait on these workers: they answer whatever /read is doing.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

from fastapi import HTTPException
from pebble import ProcessExpired, ProcessPool

from dateline.api.guard import Access
from dateline.api.privacy import hide_paths
from dateline.errors import DatelineError, InputError
from dateline.pipeline import Pipeline
from dateline.reading import Reading, to_json


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What a worker sends back: the reading's JSON, or why there is none."""

    json: str = ""
    error: str = ""  # the message of our error, when the reading failed
    bad_input: bool = False  # the error was the input's (422), not ours (500)


class Readers:
    """The pool of reading processes behind POST /read, started on the first request."""

    def __init__(self, pipeline: Callable[[], Pipeline], *, access: Access) -> None:
        self.pipeline = pipeline
        self.access = access
        self._slots = threading.BoundedSemaphore(access.read_workers)
        self._pool: ProcessPool | None = None
        self._start = threading.Lock()

    def read(self, source: str, raw: bytes) -> str:
        """Return the reading of `raw` as JSON, or raise HTTPException 422, 500, 503 or 504."""
        if not self._slots.acquire(timeout=self.access.read_wait_s):
            raise HTTPException(503, f"all {self.access.read_workers} readers are busy; try "
                                "again shortly", headers={"Retry-After": "5"})  # fmt: skip
        try:
            future = self._started().schedule(
                _read, args=(source, raw), timeout=self.access.read_seconds
            )
            try:
                outcome: Outcome = future.result()
            except FutureTimeout as err:  # pebble has ended the worker and starts another
                limit = self.access.read_seconds
                raise HTTPException(504, f"{source}: reading took over the limit of {limit:g} s;"
                                    " stopped") from err  # fmt: skip
            except ProcessExpired as err:  # killed (out of memory?); pebble starts another
                raise HTTPException(500, f"{source}: the reading process died (exit code "
                                    f"{err.exitcode}); the server goes on") from err  # fmt: skip
        finally:
            self._slots.release()
        if outcome.error:
            status = 422 if outcome.bad_input else 500
            raise HTTPException(status, hide_paths(outcome.error))
        return outcome.json

    def close(self) -> None:
        """End the worker processes."""
        if self._pool is not None:
            self._pool.stop()  # type: ignore[no-untyped-call]  # pebble 5.2 leaves it untyped
            self._pool.join()
            self._pool = None

    def _started(self) -> ProcessPool:
        with self._start:
            if self._pool is None:
                methods = multiprocessing.get_all_start_methods()
                context = multiprocessing.get_context("fork" if "fork" in methods else None)
                self._pool = ProcessPool(
                    max_workers=self.access.read_workers, context=context,
                    initializer=_start_worker, initargs=(self.pipeline,),
                )  # fmt: skip
            return self._pool


_pipeline: Callable[[], Pipeline] | None = None  # a worker's pipeline, set once when it starts


def _start_worker(pipeline: Callable[[], Pipeline]) -> None:
    global _pipeline  # set once per worker process; a pool initializer has no other way
    _pipeline = pipeline


def _read(source: str, raw: bytes) -> Outcome:
    if _pipeline is None:  # pragma: no cover  # the initializer always ran first
        return Outcome(error="the reader was not started")
    try:
        return Outcome(json=to_json(_pipeline().run(Reading(source=source, raw=raw))))
    except InputError as err:
        return Outcome(error=str(err), bad_input=True)
    except DatelineError as err:  # ours, not the input's: a 500 that says what broke
        return Outcome(error=f"{source}: {err}")
