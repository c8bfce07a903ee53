"""Fuzzing (issue #10): no input under the caps crashes a stage or a container reader.

Bounded for CI (about two minutes on 2 cores): a fixed number of derandomized examples per
kind, no example database. "Crash" means any exception that is not our InputError, or a
failure row of an internal error. Timing is benchmarks/robustness.py's question, not a test's.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.batch.sources import Page, iter_pages
from dateline.clean import clean_article
from dateline.config import Settings
from dateline.errors import InputError
from dateline.fetch import FakeFetcher
from dateline.reading import Reading
from fuzz_inputs import feeds, html_pages, json_lines, prose, text_pages, warcs

BOUNDED = settings(
    max_examples=300, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)  # fmt: skip


def _clean(raw: bytes) -> None:
    try:
        reading = clean_article(Reading(source="fuzz", raw=raw))
    except InputError:
        return  # refused with a reason: what bad input should get
    assert reading.article is not None
    assert reading.text == reading.article.text


@BOUNDED
@given(html_pages())
def test_fuzz_html_pages_never_crash_clean(raw: bytes) -> None:
    _clean(raw)


@BOUNDED
@given(text_pages())
def test_fuzz_text_and_bytes_never_crash_clean(raw: bytes) -> None:
    _clean(raw)


def _items(name: str, raw: bytes) -> list[object]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(raw)
        fetcher = FakeFetcher({"https://news.example/a": b"<p>Talks resumed.</p>"})
        return list(iter_pages([str(path)], settings=Settings(), fetcher=fetcher))


def _only_pages_and_reasons(items: list[object]) -> None:
    crashes = [i for i in items if not isinstance(i, (Page, InputError))]
    assert not crashes, crashes  # a Failure here is an internal error on one input


@BOUNDED
@given(feeds())
def test_fuzz_feeds_never_crash_or_read_local_files(raw: bytes) -> None:
    items = _items("feed.rss", raw)
    _only_pages_and_reasons(items)
    assert all(i.source.startswith("https://") for i in items if isinstance(i, Page))


@BOUNDED
@given(warcs())
def test_fuzz_warc_files_never_crash(raw: bytes) -> None:
    _only_pages_and_reasons(_items("crawl.warc.gz", raw))


@BOUNDED
@given(json_lines())
def test_fuzz_json_lines_never_crash(raw: bytes) -> None:
    _only_pages_and_reasons(_items("pages.jsonl", raw))


@pytest.mark.model
@settings(max_examples=25, deadline=None, derandomize=True, database=None)
@given(st.lists(prose(max_pieces=60), min_size=1, max_size=8))
def test_fuzz_prose_with_stray_quote_marks_reads_through_every_stage(
    paragraphs: list[str],
) -> None:
    from dateline.batch.read import read_one
    from dateline.pipeline import default_pipeline

    raw = ("Talks resume\n\n" + "\n\n".join(paragraphs)).encode()
    done = read_one(Reading(source="fuzz.txt", raw=raw), default_pipeline().stages)
    if isinstance(done, Reading):
        assert all(done.text[q.start : q.end] == q.text for q in done.quotes)
    else:
        assert done.error in {"InputError"}, done
