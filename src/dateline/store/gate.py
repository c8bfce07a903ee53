"""One store, one writing process and any number of reading ones at the same time (issue #10).

While one process has a DuckDB file open for writing, no other process can open it at all,
not even read only, so `dateline serve` answered 503 through a whole ingest. DuckDB's own
answer (duckdb.org/docs/current/connect/concurrency, "Writing to DuckDB from Multiple
Processes") is to open the database only for as long as one needs it and to retry the
connection while another process holds it. That is what we do, with two lock files beside
the store so that it stays safe and fair:

- `<store>.writer`: held by the one writing Store for its whole life. The writer lets go of
  the database between chunks, so DuckDB's lock no longer keeps a second ingest (or a
  reread) out; this file does, and the second one fails at once with one clear line.
- `<store>.gate`: held exclusively by the writer from the moment it wants the database until
  it has closed it, and taken shared, for an instant, by each reader before it opens. Once a
  writer waits, new readers wait behind it, so a busy dashboard cannot starve an ingest.
- `<store>.wanted`: held shared by each reader while it waits. Closing and opening the
  database costs the writer 40-100 ms (a checkpoint, the catalog read again), 2 s of every 8
  on a 400-page toy ingest of chunks read in 0.1 s; so between chunks that come fast the
  writer keeps it unless this file says a reader waits (Store.release(lazy=True)).

flock(2) rather than the `filelock` package: that one has no shared mode. POSIX only, like
the forked workers (batch/workers.py); where `fcntl` is missing the gate is open and a reader
still retries, and the writer lock is DuckDB's own, held for the writer's whole life.
"""

from __future__ import annotations

import os
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

try:
    import fcntl
except ImportError:  # pragma: no cover  # Windows: see the module docstring
    fcntl = None  # type: ignore[assignment]

T = TypeVar("T")
POLL_S = (0.005, 0.2)  # first and longest wait between tries; doubles in between


class HeldError(Exception):
    """The lock or the database is held by another process: try again.

    Never leaves store/: Store turns it into a StoreError once its time is up.
    """


def is_shared() -> bool:
    """Return whether this platform has the locks that let a writer let go between writes."""
    return fcntl is not None


def retry(attempt: Callable[[], T], *, seconds: float) -> T:
    """Return `attempt()`, called again while it raises HeldError, for at most `seconds`."""
    deadline, pause = time.monotonic() + seconds, POLL_S[0]
    while True:
        try:
            return attempt()
        except HeldError:
            if time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, POLL_S[1])


class FileLock:
    """A flock(2) lock on a file beside the store, exclusive or shared, never blocking."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        _HELD.add(self)

    def take(self, *, shared: bool = False) -> None:
        """Take the lock or raise HeldError; a reader in a read-only folder takes none."""
        if fcntl is None or self._fd is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except PermissionError as denied:
            try:  # flock needs no write access: the file may be another user's (serve, ingest)
                fd = os.open(self.path, os.O_RDONLY)
            except OSError:
                if not shared:
                    raise denied from None
                return  # a folder no writer can write to either: there is nothing to wait for
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError as err:
            os.close(fd)
            raise HeldError(str(self.path)) from err
        self._fd = fd

    def is_held_elsewhere(self) -> bool:
        """Return whether another open of the file holds a lock on it (a reader waits)."""
        if fcntl is None:
            return False
        try:
            self.take()
        except HeldError:
            return True
        except OSError:  # a file we cannot open: no reader could lock it either
            return False
        self.drop()
        return False

    def drop(self) -> None:
        """Let the lock go (closing the file would too; this says it)."""
        if self._fd is not None and fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
        self._fd = None

    def forget(self) -> None:
        """Close this process's copy of the file without unlocking (a forked child's)."""
        if self._fd is not None:
            os.close(self._fd)
        self._fd = None


# A forked worker (batch/workers.py) shares its parent's flock locks: after a kill -9 of the
# ingest they outlived it by a moment and the resumed ingest found the store still "written".
# Children let go of their copies at once; the parent's locks are unchanged.
_HELD: weakref.WeakSet[FileLock] = weakref.WeakSet()


def _forget_in_child() -> None:
    for lock in list(_HELD):
        lock.forget()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)
