"""Schema versions: schema.sql is version 1; each later change is one entry in MIGRATIONS.

A migration is SQL applied once, in a transaction, recording its version in schema_version.
To change the schema, append `(N, "ALTER TABLE ...")` here; never edit an applied entry.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import duckdb

from dateline.errors import StoreError


@cache
def _initial_schema() -> str:
    return resources.files("dateline.store").joinpath("schema.sql").read_text(encoding="utf-8")


# 2 (#8): a coordinated pair is one event; the other parties' actor ids sit beside source and
# target, so a dyad query can unnest them.
_CO_PARTIES = (
    "ALTER TABLE events ADD COLUMN co_sources VARCHAR[];"
    "ALTER TABLE events ADD COLUMN co_targets VARCHAR[];"
)


def migrations() -> tuple[tuple[int, str], ...]:
    """Return every (version, SQL) in order; version 1 is schema.sql."""
    return ((1, _initial_schema()), (2, _CO_PARTIES))


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """Return the store's schema version (0 for an empty database)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(
    con: duckdb.DuckDBPyConnection, steps: tuple[tuple[int, str], ...] | None = None
) -> int:
    """Apply the migrations the store lacks; return the version it is now at."""
    steps = migrations() if steps is None else steps
    current = schema_version(con)
    newest = steps[-1][0] if steps else 0
    if current > newest:
        raise StoreError(
            f"the store is at schema version {current}, newer than this dateline ({newest}); "
            "upgrade dateline"
        )
    for version, sql in steps:
        if version <= current:
            continue
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute(sql)
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
            con.execute("COMMIT")
        except duckdb.Error as err:
            con.execute("ROLLBACK")
            raise StoreError(f"schema migration {version} failed: {err}") from err
        current = version
    return current
