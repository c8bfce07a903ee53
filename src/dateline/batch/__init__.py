"""The batch runner: ingest many inputs into the store, in one process or on Dask."""

from __future__ import annotations

from dateline.batch.ingest import Counts, IngestOptions, ingest
from dateline.batch.sources import Page, iter_pages

__all__ = ["Counts", "IngestOptions", "Page", "ingest", "iter_pages"]
