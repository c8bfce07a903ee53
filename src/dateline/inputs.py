"""Where readings come from: a file, a directory, standard input, or an http(s) URL.

`iter_inputs` yields one `Reading(source, raw)` per input, or the `InputError` for an input
that could not be read, so a directory run records the failure and goes on. Content checks
(empty, binary, encoding, no article) belong to the clean stage; this module only reads
bytes, caps their size and fetches URLs through a `Fetcher` that tests replace.
"""

from __future__ import annotations

import gzip
import io
import sys
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from dateline.config import Settings
from dateline.errors import InputError
from dateline.reading import Reading

GZIP_MAGIC = b"\x1f\x8b"
# Files a directory run skips without a failure: not pages, by their nature.
SKIP_SUFFIXES = frozenset({".json", ".jsonl", ".md", ".ann", ".xml", ".zip", ".py"})


class Fetcher(Protocol):
    """Gets the bytes behind a URL; tests pass a FakeFetcher."""

    def fetch(self, url: str, *, timeout: float, max_bytes: int) -> bytes: ...


@dataclass(frozen=True, slots=True)
class HttpFetcher:
    """Fetches with urllib, a timeout and a size cap (stdlib suffices for one GET)."""

    user_agent: str = "dateline/0.1"

    def fetch(self, url: str, *, timeout: float, max_bytes: int) -> bytes:
        """Return the body at `url`, at most `max_bytes` long."""
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                body: bytes = response.read(max_bytes + 1)
        except (urllib.error.URLError, TimeoutError, ValueError) as err:
            raise InputError(url, f"cannot fetch: {err}") from err
        if len(body) > max_bytes:
            raise InputError(url, f"over the size cap of {max_bytes:,} bytes")
        return body


@dataclass(frozen=True, slots=True)
class FakeFetcher:
    """Serves fixed bytes per URL; for tests, which never touch the network."""

    pages: dict[str, bytes] = field(default_factory=dict)

    def fetch(self, url: str, *, timeout: float, max_bytes: int) -> bytes:
        """Return the stored bytes for `url`, or raise InputError."""
        if url not in self.pages:
            raise InputError(url, "cannot fetch: not found")
        body = self.pages[url]
        if len(body) > max_bytes:
            raise InputError(url, f"over the size cap of {max_bytes:,} bytes")
        return body


def is_url(target: str) -> bool:
    """Return True for an http(s) URL."""
    return target.startswith(("http://", "https://"))


def iter_inputs(
    target: str, *, settings: Settings, fetcher: Fetcher | None = None
) -> Iterator[Reading | InputError]:
    """Yield a Reading with raw bytes for each input under `target`, or its InputError."""
    if target == "-":
        yield _from_stdin(settings)
    elif is_url(target):
        yield _from_url(target, settings, fetcher or HttpFetcher(settings.user_agent))
    elif Path(target).is_dir():
        for path in sorted(p for p in Path(target).rglob("*") if p.is_file()):
            if path.suffix.lower() not in SKIP_SUFFIXES and not path.name.startswith("."):
                yield _from_file(path, settings)
    else:
        yield _from_file(Path(target), settings)


def _from_file(path: Path, settings: Settings) -> Reading | InputError:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            return InputError(name, f"{size:,} bytes, over the size cap of {settings.max_bytes:,}")
        return _unzipped(Reading(source=name, raw=path.read_bytes()), settings.max_bytes)
    except FileNotFoundError:
        return InputError(name, "no such file or directory")
    except OSError as err:
        return InputError(name, f"cannot read: {err.strerror or err}")


def _unzipped(reading: Reading, max_bytes: int) -> Reading | InputError:
    """Return the reading with gzip bytes inflated (crawls store pages so), at most
    `max_bytes` of them: a small file must not inflate into gigabytes."""
    if not reading.raw.startswith(GZIP_MAGIC):
        return reading
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(reading.raw)) as stream:
            raw = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as err:
        return InputError(reading.source, f"broken gzip data: {err}")
    if len(raw) > max_bytes:
        return InputError(reading.source, f"inflates past the size cap of {max_bytes:,} bytes")
    return Reading(source=reading.source, raw=raw)


def _from_stdin(settings: Settings) -> Reading | InputError:
    raw = sys.stdin.buffer.read(settings.max_bytes + 1)
    if len(raw) > settings.max_bytes:
        return InputError("<stdin>", f"over the size cap of {settings.max_bytes:,} bytes")
    return _unzipped(Reading(source="<stdin>", raw=raw), settings.max_bytes)


def _from_url(url: str, settings: Settings, fetcher: Fetcher) -> Reading | InputError:
    try:
        raw = fetcher.fetch(url, timeout=settings.fetch_timeout, max_bytes=settings.max_bytes)
    except InputError as err:
        return err
    return Reading(source=url, raw=raw)
