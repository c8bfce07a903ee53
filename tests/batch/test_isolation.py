"""Failure isolation (issue #10): one bad input is one failure row, and the run goes on."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from batch_toy import TOY_STAGES
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline import cli
from dateline.batch import IngestOptions, ingest
from dateline.batch.cluster import DaskReader
from dateline.batch.ingest import Plan
from dateline.batch.sources import Page, iter_pages
from dateline.config import Settings
from dateline.errors import InputError
from dateline.fetch import FakeFetcher
from dateline.inputs import walk_files
from dateline.pipeline import Pipeline, stage
from dateline.reading import Reading
from dateline.store import Store
from dateline.store.store import Failure

STORY = "<html><body><p>Country attacked Target on 2024-03-05. Officials spoke.</p></body></html>"


@stage(needs={"text"}, fills=set())
def buggy(reading: Reading) -> Reading:
    """A stage with a bug that only one page trips."""
    if "bug" in reading.source:
        raise TypeError("'NoneType' object is not subscriptable")
    return reading


def _items(targets: list[str], settings: Settings | None = None) -> list[Any]:
    fetcher = FakeFetcher({"https://example.org/ok": STORY.encode()})
    return list(iter_pages(targets, settings=settings or Settings(), fetcher=fetcher))


def _reasons(items: list[Any]) -> list[str]:
    return [i.reason for i in items if isinstance(i, InputError)]


def test_walk_reports_a_folder_it_cannot_enter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "a.html").write_text(STORY)
    real = os.scandir

    def scandir(path: Any) -> Any:  # as chmod 000 would, even for root
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    got = list(walk_files(tmp_path))
    assert got[0] == tmp_path / "a.html"
    assert isinstance(got[1], InputError)
    assert got[1].source.endswith("locked")
    assert got[1].reason == "cannot enter: Permission denied"


def test_walk_reports_symlink_loops_and_broken_links(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.html").write_text(STORY)
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    (tmp_path / "dangling.html").symlink_to(tmp_path / "nowhere")
    got = list(walk_files(tmp_path))
    files = [p for p in got if isinstance(p, Path)]
    reasons = sorted(e.reason for e in got if isinstance(e, InputError))
    assert files == [tmp_path / "sub" / "a.html"]
    assert reasons == [
        "a broken symlink or a symlink loop",
        "a symlink to a folder already read (a loop?); skipped",
    ]


def test_read_of_an_unreadable_directory_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def scandir(path: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", scandir)
    assert cli.main(["read", str(tmp_path)]) == 2
    assert "cannot enter: Permission denied" in capsys.readouterr().err


def _warc(path: Path, count: int, *, gzip: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for n in range(count):
            body = STORY.replace("Country", f"Country{n}").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.0")
            record = writer.create_warc_record(
                f"https://example.org/{n}", "response", payload=io.BytesIO(body),
                length=len(body), http_headers=headers,
            )  # fmt: skip
            writer.write_record(record)


@pytest.mark.parametrize("gzip", [True, False])
def test_a_truncated_warc_reports_its_cut(tmp_path: Path, gzip: bool) -> None:
    warc = tmp_path / "crawl.warc"
    _warc(warc, 3, gzip=gzip)
    whole = warc.read_bytes()
    warc.write_bytes(whole[: len(whole) * 9 // 10])  # the third record is cut short
    items = _items([str(warc)])
    assert len([i for i in items if isinstance(i, Page)]) == 2
    (reason,) = _reasons(items)
    assert "truncated" in reason


def test_an_unreadable_warc_record_is_a_failure_and_the_run_goes_on(tmp_path: Path) -> None:
    warc = tmp_path / "bad.warc"
    warc.write_bytes(b"\x00\x01garbage")
    page = tmp_path / "a.html"
    page.write_text(STORY)
    items = _items([str(warc), str(page)])
    assert isinstance(items[0], InputError)
    assert items[0].reason.startswith("unreadable after record 0")
    assert isinstance(items[1], Page)


def test_json_lines_nested_100000_deep_is_one_failure(tmp_path: Path) -> None:
    lines = tmp_path / "pages.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    good = json.dumps({"url": "https://example.org/1", "html": STORY})
    lines.write_text(f"{deep}\n{good}\n")
    items = _items([str(lines)])
    assert _reasons(items) == ["not JSON we read: nested too deeply"]
    assert [i.source for i in items if isinstance(i, Page)] == ["https://example.org/1"]


def test_an_unreadable_json_lines_file_is_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = tmp_path / "pages.jsonl"
    lines.write_text("{}\n")
    page = tmp_path / "b.html"
    page.write_text(STORY)
    real = Path.open

    def locked(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "pages.jsonl":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    items = _items([str(tmp_path)])
    assert _reasons(items) == ["cannot read: Permission denied"]
    assert [Path(i.source).name for i in items if isinstance(i, Page)] == ["b.html"]


class _BrokenFetcher:
    """A fetcher with a bug: the feed's other entries must still be read."""

    def fetch(self, url: str, *, timeout: float, max_bytes: int) -> bytes:
        if url.endswith("/broken"):
            raise ValueError("protocol error")
        return STORY.encode()


def test_a_feed_link_that_breaks_costs_that_entry_only(tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    links = ("https://example.org/broken", "https://example.org/ok")
    items = "".join(f"<item><title>t</title><link>{link}</link></item>" for link in links)
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>')
    got = list(iter_pages([str(feed)], settings=Settings(), fetcher=_BrokenFetcher()))
    assert isinstance(got[0], Failure)
    assert (got[0].error, got[0].message) == ("ValueError", "protocol error")
    assert isinstance(got[1], Page)


def test_an_internal_error_is_recorded_as_such_and_the_ingest_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    for name in ("a.html", "bug.html", "c.html"):
        (corpus / name).write_text(STORY.replace("Country", name[0].upper() + "land"))
    options = IngestOptions(stages=(*TOY_STAGES, buggy))
    with Store(tmp_path / "s.duckdb") as store:
        counts = ingest([str(corpus)], store, options=options, settings=Settings())
        rows = store.query("SELECT source, stage, error FROM failures").rows
    assert (counts.read, counts.failed, counts.internal) == (2, 1, 1)
    assert rows == ((str(corpus / "bug.html"), "buggy", "TypeError"),)


def test_read_dir_goes_on_past_an_internal_error_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a.html", "bug.html", "c.html"):
        (tmp_path / name).write_text(STORY)
    monkeypatch.setattr(
        "dateline.pipeline.default_pipeline", lambda: Pipeline((*TOY_STAGES, buggy))
    )
    assert cli.main(["read", str(tmp_path)]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    failures = [line for line in lines if line.get("schema") == "dateline.failure/1"]
    assert len(lines) == 3
    assert failures == [{
        "schema": "dateline.failure/1", "source": str(tmp_path / "bug.html"), "stage": "buggy",
        "error": "TypeError", "message": "'NoneType' object is not subscriptable",
        "internal": True,
    }]  # fmt: skip


class _DeadFuture:
    """What a chunk's future gives when its worker died."""

    def result(self) -> Iterator[bytes]:
        raise RuntimeError("worker tcp://127.0.0.1:1 died")


def test_a_dask_chunk_whose_worker_died_becomes_failure_rows() -> None:
    pages = (Page("a.html", b"a"), Page("b.html", b"b"))
    plan = Plan(pages=pages, failures=(), skipped=0)
    reader = DaskReader(IngestOptions(stages=TOY_STAGES, engine="dask"))
    _, outcomes = reader._gather(plan, _DeadFuture())  # type: ignore[arg-type]
    assert [(o.source, o.stage, o.error) for o in outcomes] == [  # type: ignore[union-attr]
        ("a.html", "dask", "RuntimeError"),
        ("b.html", "dask", "RuntimeError"),
    ]


def test_a_store_inside_the_ingested_folder_is_not_read_nor_its_lock_files(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.html").write_text("<p>Alpha attacked Beta on 2024-03-04.</p>")
    options = IngestOptions(stages=TOY_STAGES)
    for _ in range(2):  # the second run finds the lock files the first left (store/gate.py)
        with Store(tmp_path / "s.duckdb") as store:
            ingest([str(tmp_path)], store, options=options, settings=Settings())
    assert [p for p in tmp_path.iterdir() if p.name.startswith("s.duckdb.")]
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.count("failures") == 0
        assert store.count("articles") == 1
