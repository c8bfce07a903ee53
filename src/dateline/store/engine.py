"""DuckDB's compiled engine, without the Python layer that reading the store does not use (#12).

The `duckdb` package (2.0) is the compiled engine `_duckdb` (connections, cursors, exceptions)
and a Python layer over it (relations, expressions, and its version read from the installed
packages' metadata). Importing that layer took 70 of the 120 ms that starting Python, importing
duckdb and opening a store took on the 2-core development box, where the issue asks a whole
query command to finish in 200 ms. Reading the store needs only `connect`, `execute` and the
exceptions, and `duckdb` re-exports those from `_duckdb` as the very same objects
(tests/store/test_engine.py checks it), so `except duckdb.Error` catches the same errors
whichever module raised them. Code that builds relations (`con.sql`, which the layer adds to
every connection, open or not) imports `duckdb` itself, as the writer does.
"""

from __future__ import annotations

try:
    import _duckdb as duckdb
except ImportError:  # a duckdb without a separate engine module: the whole package
    import duckdb  # type: ignore[no-redef]

__all__ = ["duckdb"]
