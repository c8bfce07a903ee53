"""Export the store: one Parquet file per table, or the readings as JSON Lines."""

from __future__ import annotations

from pathlib import Path

import duckdb

from dateline.errors import StoreError
from dateline.store.rows import COLUMNS
from dateline.store.store import Store

TABLES = (
    *COLUMNS, "inputs", "failures", "incidents", "incident_events", "schema_version",
)  # fmt: skip


def export_parquet(store: Store, folder: Path) -> list[Path]:
    """Write `<table>.parquet` for every table into the folder; return the paths."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:  # a file of that name, no permission, a full disk (#10)
        raise _cannot_write(folder, err.strerror or str(err)) from err
    paths = []
    for table in TABLES:
        path = folder / f"{table}.parquet"
        quoted = str(path).replace("'", "''")
        try:
            store.con.execute(f"COPY {table} TO '{quoted}' (FORMAT parquet)")
        except duckdb.Error as err:
            raise _cannot_write(path, str(err).strip().splitlines()[0]) from err
        paths.append(path)
    return paths


def export_jsonl(store: Store, path: Path) -> int:
    """Write every stored reading as one line of dateline.reading/1 JSON; return the count."""
    count = 0
    try:
        with path.open("w", encoding="utf-8") as out:
            for _, text in store.readings_json():
                out.write(text + "\n")
                count += 1
    except OSError as err:  # a folder of that name, no permission, a full disk (#10)
        raise _cannot_write(path, err.strerror or str(err)) from err
    return count


def _cannot_write(path: Path, reason: str) -> StoreError:
    return StoreError(f"{path}: cannot write the export ({reason}); check the path, free "
                      "disk space and write permission")  # fmt: skip
