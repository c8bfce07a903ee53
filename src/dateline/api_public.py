"""read and read_many: the two calls most users need."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from dateline.errors import InputError
from dateline.pipeline import Pipeline, default_pipeline
from dateline.reading import Reading


@cache
def _pipeline() -> Pipeline:
    return default_pipeline()


def read(source: str | Path, raw: bytes | None = None) -> Reading:
    """Return the full reading of one file (or of `raw` bytes, named `source`)."""
    name = str(source)
    if raw is None:
        try:
            raw = Path(source).read_bytes()
        except OSError as err:
            raise InputError(name, f"cannot read: {err.strerror or err}") from err
    return _pipeline().run(Reading(source=name, raw=raw))


def read_many(items: Iterable[tuple[str, bytes]]) -> Iterator[Reading]:
    """Yield the full reading of each (source, raw bytes) pair, parsing in batches."""
    return _pipeline().stream(Reading(source=s, raw=r) for s, r in items)
