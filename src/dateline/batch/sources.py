"""What an ingest reads: files, directories, JSON Lines, RSS/Atom feeds and WARC files.

Each input becomes a `Page` (source, raw bytes, when it was fetched) or the `InputError`
saying why it could not be had, so the runner records the failure and goes on. Formats are
told apart by file name here (a .warc is not something the clean stage could sniff), and
pages inside them are passed on as bytes for clean/ to decode like any other.

- JSON Lines: one object a line, `{"url", "html" or "text", "fetched_at"}`.
- Feeds (.rss, .atom, .xml): feedparser lists the entries; each entry's page is read from
  disk (a relative or file: link) or fetched through the `Fetcher` (tests pass a fake one).
- WARC (.warc, .warc.gz; Common Crawl's CC-NEWS is the model): warcio yields the response
  records; those with an HTML body become pages named by their target URI.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlparse

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from dateline.config import Settings
from dateline.errors import InputError
from dateline.inputs import SKIP_SUFFIXES, Fetcher, HttpFetcher, is_url, iter_inputs


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


Item = Page | InputError
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
STORE_SUFFIXES = (".duckdb", ".duckdb.wal")  # a store kept beside its pages is not a page


def iter_pages(
    targets: Iterable[str], *, settings: Settings, fetcher: Fetcher | None = None
) -> Iterator[Item]:
    """Yield a Page for every input under the targets, or the InputError of one that failed."""
    fetch = fetcher or HttpFetcher(settings.user_agent)
    for target in targets:
        path = Path(target)
        if is_url(target) or target == "-":
            yield from _plain(target, settings, fetch)
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not child.name.startswith(".") and _kind(child) != "skip":
                    yield from _from_path(child, settings, fetch)
        else:
            yield from _from_path(path, settings, fetch)


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
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield _jsonl_page(f"{path}:{number}", line, settings)


def _jsonl_page(where: str, line: str, settings: Settings) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return InputError(where, f"not JSON: {err.msg}")
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
    feed = feedparser.parse(path.read_bytes())
    if feed.bozo and not feed.entries:
        yield InputError(str(path), f"not an RSS or Atom feed: {feed.get('bozo_exception')}")
        return
    for entry in feed.entries:
        link = str(entry.get("link") or "")
        if not link:
            yield InputError(f"{path}#{entry.get('id', '?')}", "feed entry has no link")
        elif is_url(link):
            yield from _plain(link, settings, fetcher)
        else:
            local = unquote(urlparse(link).path) if link.startswith("file:") else link
            yield from _plain(str(path.parent / local), settings, fetcher)


def _from_warc(path: Path, settings: Settings) -> Iterator[Item]:
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response" and _is_html(record):
                    yield _warc_page(record, settings)
    except ArchiveLoadFailed as err:
        yield InputError(str(path), f"not a WARC file: {err}")


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
    return Page(str(source), raw, headers.get_header("WARC-Date"))
