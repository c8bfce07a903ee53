"""Export the store: one Parquet file per table, or the readings as JSON Lines."""

from __future__ import annotations

from pathlib import Path

from dateline.store.rows import COLUMNS
from dateline.store.store import Store

TABLES = (
    *COLUMNS, "inputs", "failures", "incidents", "incident_events", "schema_version",
)  # fmt: skip


def export_parquet(store: Store, folder: Path) -> list[Path]:
    """Write `<table>.parquet` for every table into the folder; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in TABLES:
        path = folder / f"{table}.parquet"
        quoted = str(path).replace("'", "''")
        store.con.execute(f"COPY {table} TO '{quoted}' (FORMAT parquet)")
        paths.append(path)
    return paths


def export_jsonl(store: Store, path: Path) -> int:
    """Write every stored reading as one line of dateline.reading/1 JSON; return the count."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for _, text in store.readings_json():
            out.write(text + "\n")
            count += 1
    return count
