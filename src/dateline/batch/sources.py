"""What an ingest reads: files, directories, JSON Lines, RSS/Atom feeds and WARC files.

Each input becomes a `Page` (source, raw bytes, when it was fetched) or the `InputError`
saying why it could not be had, so the runner records the failure and goes on. Formats are
told apart by file name here (a .warc is not something the clean stage could sniff), and
pages inside them are passed on as bytes for clean/ to decode like any other.

- JSON Lines: one object a line, `{"url", "html" or "text", "fetched_at"}`.
- Feeds (.rss, .atom, .xml): feedparser lists the entries; each entry's page is fetched
  through the `Fetcher` (fetch.py's checks; tests pass a fake one). A feed is untrusted, so a
  link to a local file (relative or file:) is read only with `Settings.allow_local`.
- WARC (.warc, .warc.gz; Common Crawl's CC-NEWS is the model): warcio yields the response
  records; those with an HTML body become pages named by their target URI. A record cut
  short and a file that ends before its last record are failures, not silence.

One input's failure never ends the run (issue #10): an error of ours becomes its InputError,
and anything else raised while reading a container becomes a Failure row naming its type.
"""

from __future__ import annotations

import hashlib
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlparse

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from dateline.config import Settings
from dateline.errors import InputError
from dateline.fetch import Fetcher
from dateline.inputs import SKIP_SUFFIXES, default_fetcher, is_url, iter_inputs, walk_files
from dateline.store.store import Failure


@dataclass(frozen=True)
class Page:
    """One input's raw bytes, where they came from and when they were fetched."""

    source: str
    raw: bytes
    fetched_at: str | None = None

    @cached_property
    def content_hash(self) -> str:
        """Return the sha256 of the raw bytes: the input's identity for incremental runs."""
        return hashlib.sha256(self.raw).hexdigest()


Item = Page | InputError | Failure
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
# A store kept beside its pages is not a page, nor are its lock files (store/gate.py, #10).
STORE_SUFFIXES = (".duckdb", ".duckdb.wal", ".duckdb.writer", ".duckdb.gate", ".duckdb.wanted")


def iter_pages(
    targets: Iterable[str], *, settings: Settings, fetcher: Fetcher | None = None
) -> Iterator[Item]:
    """Yield a Page for every input under the targets, or the error of one that failed."""
    fetch = fetcher or default_fetcher(settings)
    for target in targets:
        path = Path(target)
        if is_url(target) or target == "-":
            yield from _plain(target, settings, fetch)
        elif path.is_dir():
            for child in walk_files(path):
                if isinstance(child, InputError):
                    yield child
                elif not child.name.startswith(".") and _kind(child) != "skip":
                    yield from _isolated(str(child), _from_path(child, settings, fetch))
        else:
            yield from _isolated(target, _from_path(path, settings, fetch))


def _isolated(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """Yield the items; an error while reading them ends this input, not the run."""
    try:
        yield from items
    except OSError as err:  # unreadable, vanished, a disk error mid-file
        yield InputError(source, f"cannot read: {err.strerror or err}")
    except RecursionError:  # a parser's recursion on a deeply nested record
        yield InputError(source, "nested too deeply to read")
    # The batch runner catches (STYLE.md): a parser's own bug on one hostile file must cost
    # that file, recorded under its error type, not the corpus run (issue #10).
    except Exception as err:
        message = str(err) or type(err).__name__
        yield Failure(source=source, content_hash="", stage="input", error=type(err).__name__,
                      message=message)  # fmt: skip


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(STORE_SUFFIXES):
        return "skip"
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if path.suffix.lower() == ".jsonl":
        return "jsonl"
    if path.suffix.lower() in FEED_SUFFIXES:
        return "feed"
    return "skip" if path.suffix.lower() in SKIP_SUFFIXES else "page"


def _from_path(path: Path, settings: Settings, fetcher: Fetcher) -> Iterator[Item]:
    kind = _kind(path)
    if kind == "page" or not path.is_file():
        yield from _plain(str(path), settings, fetcher)
    elif kind == "jsonl":
        yield from _from_jsonl(path, settings)
    elif kind == "feed":
        yield from _from_feed(path, settings, fetcher)
    elif kind == "warc":
        yield from _from_warc(path, settings)


def _plain(target: str, settings: Settings, fetcher: Fetcher) -> Iterator[Item]:
    for item in iter_inputs(target, settings=settings, fetcher=fetcher):
        yield item if isinstance(item, InputError) else Page(item.source, item.raw)


def _from_jsonl(path: Path, settings: Settings) -> Iterator[Item]:
    # A line may hold a whole page, escaped: allow twice the page cap, then skip the rest.
    cap = 2 * settings.max_bytes
    with path.open("rb") as lines:
        number = 0
        while line := lines.readline(cap + 1):
            number += 1
            if len(line) > cap and not line.endswith(b"\n"):
                yield InputError(f"{path}:{number}", f"a line over {cap:,} bytes; skipped")
                _skip_line(lines)
            elif line.strip():
                text = line.decode("utf-8", errors="replace")
                yield _jsonl_page(f"{path}:{number}", text, settings)


def _skip_line(lines: io.BufferedReader) -> None:
    while (rest := lines.readline(1 << 20)) and not rest.endswith(b"\n"):
        pass


def _jsonl_page(where: str, line: str, settings: Settings) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return InputError(where, f"not JSON: {err.msg}")
    except RecursionError:  # json's C decoder recurses per level: [[[[...]]]] 100,000 deep
        return InputError(where, "not JSON we read: nested too deeply")
    if not isinstance(record, dict):
        return InputError(where, "a JSON Lines record must be an object")
    body = record.get("html") or record.get("text")
    if not isinstance(body, str):
        return InputError(where, 'no "html" or "text" string in the record')
    raw = body.encode("utf-8")
    source = str(record.get("url") or where)
    if len(raw) > settings.max_bytes:
        return InputError(source, f"over the size cap of {settings.max_bytes:,} bytes")
    fetched = record.get("fetched_at")
    return Page(source, raw, str(fetched) if fetched is not None else None)


def _from_feed(path: Path, settings: Settings, fetcher: Fetcher) -> Iterator[Item]:
    size = path.stat().st_size
    if size > settings.max_bytes:
        yield InputError(str(path), f"{size:,} bytes, over the size cap of {settings.max_bytes:,}")
        return
    feed = feedparser.parse(path.read_bytes())
    if feed.bozo and not feed.entries:
        yield InputError(str(path), f"not an RSS or Atom feed: {feed.get('bozo_exception')}")
        return
    for entry in feed.entries:
        link = str(entry.get("link") or "").strip()
        if not link:
            yield InputError(f"{path}#{entry.get('id', '?')}", "feed entry has no link")
        else:  # one link's failure, whatever it is, costs that entry only
            yield from _isolated(link, _from_link(path, link, settings, fetcher))


def _from_link(feed: Path, link: str, settings: Settings, fetcher: Fetcher) -> Iterator[Item]:
    scheme = urlparse(link).scheme.lower()
    if scheme in ("http", "https"):
        yield from _plain(link, settings, fetcher)
    elif scheme not in ("", "file"):
        yield InputError(f"{feed}: {link}", f"a feed link must be http(s), not {scheme}:")
    elif not settings.allow_local:  # a feed from elsewhere must not read /etc/passwd
        yield InputError(f"{feed}: {link}", "a feed link to a local file; pass --allow-local")
    else:
        local = unquote(urlparse(link).path) if scheme == "file" else link
        yield from _plain(str(feed.parent / local), settings, fetcher)


def _from_warc(path: Path, settings: Settings) -> Iterator[Item]:
    count = 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for count, record in enumerate(records, start=1):  # noqa: B007 (count after)
                if record.rec_type == "response" and _is_html(record):
                    yield _warc_page(record, settings)
            size = path.stat().st_size
            if records.offset < size:  # warcio ends a cut gzip member in silence
                cut = f"ends inside record {count + 1}: truncated at byte {records.offset:,}"
                yield InputError(str(path), f"{cut} of {size:,}; the rest is lost")
    # warcio raises AttributeError on a response record that lost its WARC-Target-URI and
    # ValueError on a length that is no number (found by tests/test_fuzz.py's cut WARCs).
    except (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, zlib.error,
            AttributeError, ValueError) as err:  # fmt: skip
        yield InputError(str(path), f"unreadable after record {count}: {err}")


def _is_html(record: ArcWarcRecord) -> bool:
    headers = getattr(record, "http_headers", None)
    kind = headers.get_header("Content-Type") if headers else None
    return bool(kind and "html" in kind.lower())


def _warc_page(record: ArcWarcRecord, settings: Settings) -> Item:
    headers = record.rec_headers
    source = headers.get_header("WARC-Target-URI") or headers.get_header("WARC-Record-ID")
    raw = record.content_stream().read(settings.max_bytes + 1)
    if len(raw) > settings.max_bytes:
        return InputError(source, f"over the size cap of {settings.max_bytes:,} bytes")
    if getattr(record.raw_stream, "limit", 0) > 0:  # bytes the WARC header promised, missing
        return InputError(str(source), "record cut short: the WARC file is truncated")
    return Page(str(source), raw, headers.get_header("WARC-Date"))
