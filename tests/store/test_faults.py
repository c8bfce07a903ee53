"""Store faults are one line naming the file and the fix (issue #10), and lose nothing saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from api.toy_store import build_store
from dateline import cli
from dateline.errors import StoreError
from dateline.store import Store
from dateline.store.store import Failure

FAILURE = Failure(source="a.html", content_hash="", stage="input", error="InputError",
                  message="0 bytes")  # fmt: skip


def test_a_corrupt_store_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.duckdb"
    path.write_bytes(b"this is not a DuckDB file" * 100)
    assert cli.main(["sql", "SELECT 1", "--store", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"dateline: {path}: cannot open the store (")
    assert "is it a dateline store" in err


def test_a_missing_store_says_how_to_make_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["sql", "SELECT 1", "--store", str(tmp_path / "none.duckdb")]) == 1
    assert "run `dateline ingest` first" in capsys.readouterr().err


class _FullDisk:
    """A connection whose COMMIT fails as a full disk makes it fail."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def execute(self, sql: str, *args: Any) -> Any:
        if sql == "COMMIT":
            raise duckdb.IOException("Could not write file: No space left on device")
        return self.con.execute(sql, *args)


def test_a_full_disk_is_one_line_and_the_chunk_is_rolled_back(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        real = store.con
        store.con = _FullDisk(real)  # type: ignore[assignment]
        with pytest.raises(StoreError) as info, store.transaction():
            store.write_failure(FAILURE)
        store.con = real
        assert store.count("failures") == 0
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{tmp_path / 's.duckdb'}: cannot write the store (")
    assert "No space left on device" in message
    assert "re-run: it resumes" in message


@pytest.fixture
def toy_store(tmp_path: Path) -> Path:
    return build_store(tmp_path / "s.duckdb")  # three articles to export


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_an_export_onto_a_full_disk_is_one_line(
    toy_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["export", "--format", "jsonl", "/dev/full", "--store", str(toy_store)]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert err == ("dateline: /dev/full: cannot write the export (No space left on device); "
                   "check the path, free disk space and write permission\n")  # fmt: skip


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_an_export_onto_the_wrong_kind_of_path_is_one_line(
    toy_store: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = toy_store.parent / ("a-file" if fmt == "parquet" else "a-folder")
    if fmt == "parquet":
        taken.write_text("not a folder")
    else:
        taken.mkdir()
    assert cli.main(["export", "--format", fmt, str(taken), "--store", str(toy_store)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"dateline: {taken}: cannot write the export (")
    assert err.count("\n") == 1


# sysfs refuses new files even to root, who may write anywhere a chmod could forbid
@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux's sysfs at /sys")
def test_a_store_in_a_read_only_folder_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["ingest", "README.md", "--store", "/sys/s.duckdb"]) == 1
    err = capsys.readouterr().err
    assert err == ("dateline: /sys/s.duckdb: cannot write beside the store (Permission denied); "
                   "check the folder's write permission\n")  # fmt: skip
