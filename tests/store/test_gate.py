"""One writer and many readers share a store (issue #10, store/gate.py)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from dateline.errors import StoreError
from dateline.store import Store, gate
from dateline.store.store import Failure

FAILURE = Failure(source="a.html", content_hash="", stage="input", error="InputError",
                  message="0 bytes")  # fmt: skip


def test_a_second_writer_is_refused_in_one_line(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as first:
        first.release()  # even while the first has let go of the database between chunks
        with pytest.raises(StoreError, match="another dateline process is writing") as info:
            Store(tmp_path / "s.duckdb")
    assert "\n" not in str(info.value)
    Store(tmp_path / "s.duckdb").close()  # free again once the first has closed


def test_a_reader_waits_for_a_write_then_reads_it(tmp_path: Path) -> None:
    writer = Store(tmp_path / "s.duckdb")
    writer.release()
    with writer.transaction():  # opens it again: readers wait until it lets go
        writer.write_failure(FAILURE)
    timer = threading.Timer(0.5, writer.release)
    timer.start()
    started = time.monotonic()
    with Store(tmp_path / "s.duckdb", read_only=True, wait_s=30) as reader:
        assert reader.count("failures") == 1
    assert time.monotonic() - started >= 0.4
    timer.join()
    writer.close()


def test_a_reader_gives_up_with_one_line_when_the_writer_keeps_it(tmp_path: Path) -> None:
    busy = pytest.raises(StoreError, match="busy: another process is writing")
    with Store(tmp_path / "s.duckdb"), busy as info:
        Store(tmp_path / "s.duckdb", read_only=True, wait_s=0.2)
    assert "\n" not in str(info.value)


def test_new_readers_wait_behind_a_waiting_writer(tmp_path: Path) -> None:
    Store(tmp_path / "s.duckdb").close()
    reader = Store(tmp_path / "s.duckdb", read_only=True)  # holds the database
    opened = threading.Event()

    def write() -> None:  # opened in a thread: it waits for the reader
        with Store(tmp_path / "s.duckdb", wait_s=30) as store:
            opened.set()
            store.write_failure(FAILURE)
            time.sleep(0.3)

    thread = threading.Thread(target=write)
    thread.start()
    time.sleep(0.3)
    with pytest.raises(StoreError, match="busy"):  # the writer is waiting: a new reader waits
        Store(tmp_path / "s.duckdb", read_only=True, wait_s=0.2)
    assert not opened.is_set()
    reader.close()
    thread.join(timeout=30)
    assert opened.is_set()


def test_a_lock_file_another_user_made_still_locks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = tmp_path / "s.duckdb.gate"
    lock.touch()  # made by the server's user; this process may only read it
    real_open = os.open

    def read_only_open(path: str, flags: int, *args: int) -> int:
        if flags & os.O_RDWR:
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, flags, *args)

    monkeypatch.setattr(gate.os, "open", read_only_open)
    first, second = gate.FileLock(lock), gate.FileLock(lock)
    first.take()
    with pytest.raises(gate.HeldError):
        second.take(shared=True)
    first.drop()
    second.take(shared=True)
    second.drop()
