"""read and read_many: the two calls most users need."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from dateline.config import load_settings
from dateline.inputs import read_file
from dateline.pipeline import Pipeline, default_pipeline
from dateline.reading import Reading


@cache
def _pipeline() -> Pipeline:
    return default_pipeline()


def read(source: str | Path, raw: bytes | None = None) -> Reading:
    """Return the full reading of one file (or of `raw` bytes, named `source`)."""
    if raw is None:  # the size cap is checked before the file is loaded (issue #10)
        return _pipeline().run(read_file(Path(source), load_settings()))
    return _pipeline().run(Reading(source=str(source), raw=raw))


def read_many(items: Iterable[tuple[str, bytes]]) -> Iterator[Reading]:
    """Yield the full reading of each (source, raw bytes) pair, parsing in batches."""
    return _pipeline().stream(Reading(source=s, raw=r) for s, r in items)
