"""Reading inputs: files, gzip, size caps and URLs through a fake fetcher (no network)."""

from __future__ import annotations

import gzip
from pathlib import Path

from dateline.config import Settings
from dateline.errors import InputError
from dateline.fetch import FakeFetcher
from dateline.inputs import iter_inputs
from dateline.reading import Reading

PAGE = b"<html><body><h1>Talks resume</h1><p>Envoys met on Monday.</p></body></html>"


def _one(target: str, settings: Settings, fetcher: FakeFetcher | None = None) -> Reading:
    (item,) = list(iter_inputs(target, settings=settings, fetcher=fetcher))
    assert isinstance(item, Reading), item
    return item


def test_gzip_file_is_inflated(tmp_path: Path) -> None:
    page = tmp_path / "story.html.gz"
    page.write_bytes(gzip.compress(PAGE))
    assert _one(str(page), Settings()).raw == PAGE


def test_gzip_that_inflates_past_the_cap_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b" " * 5_000))
    (item,) = list(iter_inputs(str(bomb), settings=Settings(max_bytes=1_000)))
    assert isinstance(item, InputError)
    assert "inflates past the size cap" in item.reason


def test_broken_gzip_is_named_as_such(tmp_path: Path) -> None:
    broken = tmp_path / "cut.html.gz"
    broken.write_bytes(gzip.compress(PAGE)[:20])
    (item,) = list(iter_inputs(str(broken), settings=Settings()))
    assert isinstance(item, InputError)
    assert item.reason.startswith("broken gzip data")


def test_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    page.write_bytes(PAGE)
    (item,) = list(iter_inputs(str(page), settings=Settings(max_bytes=10)))
    assert isinstance(item, InputError)
    assert "over the size cap" in item.reason


def test_directory_yields_each_page_and_skips_data_files(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(PAGE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_bytes(b"Envoys met.")
    (tmp_path / "notes.json").write_bytes(b"{}")
    items = list(iter_inputs(str(tmp_path), settings=Settings()))
    assert [Path(i.source).name for i in items if isinstance(i, Reading)] == ["a.html", "b.txt"]


def test_url_is_read_through_the_fetcher() -> None:
    fetcher = FakeFetcher({"https://news.example/a": PAGE})
    assert _one("https://news.example/a", Settings(), fetcher).raw == PAGE
    (missing,) = list(iter_inputs("https://news.example/b", settings=Settings(), fetcher=fetcher))
    assert isinstance(missing, InputError)
    assert missing.source == "https://news.example/b"
