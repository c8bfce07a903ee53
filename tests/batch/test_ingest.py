"""The ingest loop: resume after a kill, failures recorded, inputs of every format, Dask = local."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from batch_toy import TOY_STAGES, toy_clean
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.batch import IngestOptions, ingest
from dateline.config import Settings
from dateline.fetch import FakeFetcher
from dateline.pipeline import stage
from dateline.reading import Reading
from dateline.store import Store

TABLES = (
    "inputs",
    "articles",
    "actors",
    "mentions",
    "quotes",
    "sources",
    "events",
    "times",
    "places",
    "quantities",
    "failures",
    "incidents",
    "incident_events",
)


def _story(n: int) -> str:
    return (
        f"<html><body><p>Published 2024-03-0{n % 9 + 1}</p><p>Report number {n}. "
        f"Country{n} attacked Target{n} on 2024-03-0{n % 9 + 1}. Officials spoke of the "
        f"damage in district {n} and of talks to follow.</p></body></html>"
    )


def _corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"page{n}.html").write_text(_story(n), encoding="utf-8")
    return folder


def _options(**kw: Any) -> IngestOptions:
    return IngestOptions(stages=TOY_STAGES, **kw)


def _dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    return {t: sorted(store.query(f"SELECT * FROM {t}").rows, key=repr) for t in TABLES}


def test_ingest_resumes_after_a_kill_without_losing_or_doubling(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "news", 7)

    @stage(needs={"article"}, fills=set())
    def die_on_page4(reading: Reading) -> Reading:
        if reading.source.endswith("page4.html"):
            raise KeyboardInterrupt  # what a Ctrl-C or a kill does mid-chunk
        return reading

    with Store(tmp_path / "s.duckdb") as store:
        killer = _options(chunk=2)
        killer = replace(killer, stages=(*TOY_STAGES, die_on_page4))
        with pytest.raises(KeyboardInterrupt):
            ingest([str(corpus)], store, options=killer, settings=Settings())
        assert store.count("articles") == 4  # chunks {0,1} and {2,3} committed; {4,5} not
        assert store.count("events") == 4
    with Store(tmp_path / "s.duckdb") as store:
        counts = ingest([str(corpus)], store, options=_options(chunk=2), settings=Settings())
        assert (counts.read, counts.skipped, counts.failed) == (3, 4, 0)
        assert store.count("articles") == 7
        assert store.count("inputs") == 7
        assert store.count("events") == 7
        sources = [r[0] for r in store.query("SELECT source FROM articles").rows]
        assert sorted(sources) == sorted(str(p) for p in corpus.iterdir())


def test_ingest_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "news", 3)
    with Store(tmp_path / "s.duckdb") as store:
        ingest([str(corpus)], store, options=_options(), settings=Settings())
        before = _dump(store)
        counts = ingest([str(corpus)], store, options=_options(), settings=Settings())
        assert (counts.read, counts.skipped) == (0, 3)
        assert _dump(store) == before


def test_ingest_records_every_failed_input_with_its_reason(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "news", 1)
    (corpus / "empty.html").write_bytes(b"")
    (corpus / "image.jpg").write_bytes(b"\xff\xd8\xff\x00\x10JFIF\x00" * 10)
    missing = str(tmp_path / "nowhere.html")
    with Store(tmp_path / "s.duckdb") as store:
        counts = ingest([str(corpus), missing], store, options=_options(), settings=Settings())
        rows = store.query("SELECT source, stage, error, message FROM failures ORDER BY 1").rows
        again = ingest([str(corpus), missing], store, options=_options(), settings=Settings())
        assert again.failed == 3  # failures are retried (the code may have improved) ...
        assert store.count("failures") == 3  # ... and replace their old rows, never double
    assert counts.failed == 3
    assert rows == (
        (str(corpus / "empty.html"), "toy_clean", "InputError", "0 bytes, nothing to read"),
        (str(corpus / "image.jpg"), "toy_clean", "InputError", "binary data, not a page"),
        (missing, "input", "InputError", "no such file or directory"),
    )


def test_ingest_records_an_unexpected_stage_error_and_goes_on(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "news", 3)

    def _explode(readings: Any) -> Any:
        for r in readings:
            if r.source.endswith("page1.html"):
                raise IndexError("list index out of range")
            yield r

    @stage(needs={"article"}, fills=set(), many=_explode)
    def fragile(reading: Reading) -> Reading:
        return next(iter(_explode([reading])))

    options = replace(_options(), stages=(toy_clean, fragile))
    with Store(tmp_path / "s.duckdb") as store:
        counts = ingest([str(corpus)], store, options=options, settings=Settings())
        rows = store.query("SELECT source, stage, error FROM failures").rows
    assert (counts.read, counts.failed) == (2, 1)
    assert rows == ((str(corpus / "page1.html"), "fragile", "IndexError"),)


def test_ingest_reads_json_lines_feeds_and_warc(tmp_path: Path) -> None:
    lines = tmp_path / "pages.jsonl"
    records = [
        {"url": "https://example.org/1", "html": _story(1), "fetched_at": "2024-03-02"},
        {"url": "https://example.org/2", "text": "Country2 attacked Target2 on 2024-03-03."},
    ]
    lines.write_text("\n".join(json.dumps(r) for r in records) + "\n{not json\n")
    (tmp_path / "local.html").write_text(_story(3))
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>a</title><link>local.html</link></item>"
        "<item><title>b</title><link>https://example.org/4</link></item></channel></rss>"
    )
    fetcher = FakeFetcher({"https://example.org/4": _story(4).encode()})
    warc = tmp_path / "crawl.warc.gz"
    _write_warc(warc, {"https://example.org/5": _story(5), "https://example.org/6": _story(6)})
    targets = [str(lines), str(feed), str(warc)]
    with Store(tmp_path / "s.duckdb") as store:
        local = Settings(allow_local=True)  # the feed links a file beside it (issue #10)
        counts = ingest(targets, store, options=_options(), settings=local, fetcher=fetcher)
        got = dict(store.query("SELECT source, fetched_at FROM inputs").rows)
        failed = store.query("SELECT source, message FROM failures").rows
    assert counts.read == 6
    assert got == {
        "https://example.org/1": "2024-03-02",
        "https://example.org/2": None,
        str(tmp_path / "local.html"): None,
        "https://example.org/4": None,
        "https://example.org/5": "2024-03-05T00:00:00Z",
        "https://example.org/6": "2024-03-05T00:00:00Z",
    }
    assert failed == (
        (f"{lines}:3", "not JSON: Expecting property name enclosed in double quotes"),
    )


def _write_warc(path: Path, pages: dict[str, str]) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, html in pages.items():
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0"
            )
            body = html.encode()
            record = writer.create_warc_record(  # a length spares warcio a temporary file
                url,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-03-05T00:00:00Z"},
            )
            writer.write_record(record)


def test_dask_path_stores_the_same_rows_as_the_local_path(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "news", 6)
    (corpus / "empty.html").write_bytes(b"")
    (corpus / "copy.html").write_text(_story(2).replace("<p>", "<div>"))  # same text, new bytes
    with Store(tmp_path / "local.duckdb") as store:
        local = ingest([str(corpus)], store, options=_options(chunk=3), settings=Settings())
        expected = _dump(store)
    options = _options(engine="dask", workers=2, processes=False, chunk=1)  # 4 chunks in flight
    with Store(tmp_path / "dask.duckdb") as store:
        counts = ingest([str(corpus)], store, options=options, settings=Settings())
        got = _dump(store)
    assert (counts.read, counts.copies, counts.failed) == (local.read, local.copies, local.failed)
    assert (counts.read, counts.copies, counts.failed) == (6, 1, 1)
    assert got == expected


_KILL_SCRIPT = """
import os, signal, sys
from dataclasses import replace
from batch_toy import TOY_STAGES
from dateline.batch import IngestOptions, ingest
from dateline.config import Settings
from dateline.pipeline import stage
from dateline.store import Store

@stage(needs={"article"}, fills=set())
def kill_on_page5(reading):
    if reading.source.endswith("page5.html"):
        os.kill(os.getpid(), signal.SIGKILL)  # no cleanup, no rollback: the process is gone
    return reading

store = Store(sys.argv[2])
options = IngestOptions(stages=(*TOY_STAGES, kill_on_page5), chunk=2)
ingest([sys.argv[1]], store, options=options, settings=Settings())
"""


def test_ingest_resumes_after_sigkill_mid_transaction(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "news", 7)
    store_path = tmp_path / "s.duckdb"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent)}
    done = subprocess.run(
        [sys.executable, "-c", _KILL_SCRIPT, str(corpus), str(store_path)],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    with Store(store_path) as store:
        assert store.count("articles") == 4  # pages 0-3 committed; the chunk {4, 5} was not
        counts = ingest([str(corpus)], store, options=_options(chunk=2), settings=Settings())
        assert (counts.read, counts.skipped) == (3, 4)
        assert store.count("articles") == store.count("inputs") == store.count("events") == 7
