"""The query side opens the store with DuckDB's engine alone (store/engine.py, #12)."""

from __future__ import annotations

import duckdb

from dateline.store.engine import duckdb as engine


def test_engine_errors_are_duckdbs_own() -> None:
    # `except duckdb.Error` in the store must catch what the engine raises, and the reverse
    for name in ("Error", "IOException", "ConnectionException", "CatalogException"):
        assert getattr(engine, name) is getattr(duckdb, name), name
    assert engine.DuckDBPyConnection is duckdb.DuckDBPyConnection


def test_engine_connection_runs_parameterized_queries() -> None:
    con = engine.connect(":memory:")
    cursor = con.execute("SELECT ? + 1 AS n, ?::DATE AS d", [41, "2024-01-31"])
    assert [d[0] for d in cursor.description or ()] == ["n", "d"]
    assert cursor.fetchall()[0][0] == 42
