"""The DuckDB store (schema.sql, migrated on open), its rows, incidents and export."""

from __future__ import annotations

from dateline.store.store import Failure, Result, Store, Written

__all__ = ["Failure", "Result", "Store", "Written"]
