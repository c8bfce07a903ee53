"""Where readings come from: a file, a directory, standard input, or an http(s) URL.

`iter_inputs` yields one `Reading(source, raw)` per input, or the `InputError` for an input
that could not be read, so a directory run records the failure and goes on. Content checks
(empty, binary, encoding, no article) belong to the clean stage; this module only reads
bytes, caps their size and fetches URLs through a `Fetcher` (fetch.py) that tests replace.
A directory walk reports what it could not enter (permissions, symlink loops) as failures.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from dateline.config import Settings
from dateline.errors import InputError
from dateline.fetch import Fetcher, HttpFetcher
from dateline.reading import Reading

GZIP_MAGIC = b"\x1f\x8b"
# Files a directory run skips without a failure: not pages, by their nature.
SKIP_SUFFIXES = frozenset({".json", ".jsonl", ".md", ".ann", ".xml", ".zip", ".py"})


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
        yield _from_url(target, settings, fetcher or default_fetcher(settings))
    elif Path(target).is_dir():
        for path in walk_files(Path(target)):
            if isinstance(path, InputError):
                yield path
            elif path.suffix.lower() not in SKIP_SUFFIXES and not path.name.startswith("."):
                yield _from_file(path, settings)
    else:
        yield _from_file(Path(target), settings)


def default_fetcher(settings: Settings) -> Fetcher:
    """Return the real fetcher, with the user's choice on private addresses."""
    return HttpFetcher(settings.user_agent, allow_private=settings.allow_private)


def walk_files(root: Path) -> Iterator[Path | InputError]:
    """Yield every file under `root` in sorted order, or the InputError of what was skipped.

    Symlinked folders are followed once each: a link back up the tree is reported, not
    walked forever. os.walk, not Path.rglob: rglob drops unreadable folders in silence.
    """
    seen: set[tuple[int, int]] = set()
    problems: list[InputError] = []

    def record(err: OSError) -> None:
        problems.append(InputError(str(err.filename or root), _why(err)))

    for folder, dirs, files in os.walk(root, onerror=record, followlinks=True):
        stat = os.stat(folder)
        if (stat.st_dev, stat.st_ino) in seen:
            dirs.clear()
            yield InputError(folder, "a symlink to a folder already read (a loop?); skipped")
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs.sort()
        yield from problems
        problems.clear()
        for name in sorted(files):
            yield _checked_file(Path(folder) / name)
    yield from problems


def _why(err: OSError) -> str:
    return f"cannot enter: {err.strerror or err}"


def _checked_file(path: Path) -> Path | InputError:
    if not path.exists():
        return InputError(str(path), "a broken symlink or a symlink loop")
    if not path.is_file():  # a FIFO would block the run on its first read
        return InputError(str(path), "not a regular file")
    return path


def read_file(path: Path, settings: Settings) -> Reading:
    """Return the file's bytes (gzip inflated) as a Reading, or raise InputError."""
    item = _from_file(path, settings)
    if isinstance(item, InputError):
        raise item
    return item


def _from_file(path: Path, settings: Settings) -> Reading | InputError:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            return InputError(name, f"{size:,} bytes, over the size cap of {settings.max_bytes:,}")
        with path.open("rb") as stream:  # capped: the file may grow after the stat
            raw = stream.read(settings.max_bytes + 1)
    except FileNotFoundError:
        return InputError(name, "no such file or directory")
    except OSError as err:
        return InputError(name, f"cannot read: {err.strerror or err}")
    if len(raw) > settings.max_bytes:
        return InputError(name, f"over the size cap of {settings.max_bytes:,} bytes")
    return _unzipped(Reading(source=name, raw=raw), settings.max_bytes)


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
