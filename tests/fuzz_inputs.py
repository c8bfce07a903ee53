"""Hypothesis strategies for hostile inputs (issue #10): HTML, text, JSON-LD, feeds, WARC, JSONL.

Shared by tests/test_fuzz.py (a bounded run in CI) and benchmarks/robustness.py (counts and
the worst time per KB). Each strategy draws bytes an unlucky crawl or an attacker could hand
us: odd nesting, stray quote marks, wrong JSON-LD types, cut containers.
"""

from __future__ import annotations

import gzip
import io
import json
from typing import Any

from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

WORDS = (
    "the", "minister", "said", "talks", "in", "Geneva", "resumed", "on", "Monday", "after",
    "shelling", "killed", "12", "people", "officials", "Hezbollah", "Israel", "Israël", "Kyiv",
    "army", "ceasefire", "rejected", "according", "to", "sources",
)  # fmt: skip
MARKS = ['"', "“", "”", "'", "‘", "’", "«", "»", ":", ".", ",", "\n", "\n\n", " — "]
TAGS = ["div", "p", "span", "article", "section", "h1", "h2", "a", "li", "ul", "table", "td",
        "figure", "figcaption", "time", "b", "i", "blockquote", "nav", "footer"]  # fmt: skip

LINKS = (
    "https://news.example/a", "http://127.0.0.1/x", "/etc/passwd", "file:///etc/hosts",
    "javascript:alert(1)", "ftp://x/y", "", "local.html", "https://[::1]:80/", "http://",
    "https://:0/",
)  # fmt: skip
KEYS = ["@type", "@graph", "headline", "author", "name", "datePublished", "publisher", "url"]


def _nested(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)


json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    _nested,
    max_leaves=20,
)


@st.composite
def prose(draw: st.DrawFn, max_pieces: int = 120) -> str:
    """Words, quote marks, dates and breaks in any order."""
    pieces = st.sampled_from(WORDS) | st.sampled_from(MARKS) | st.text(max_size=8)
    return " ".join(draw(st.lists(pieces, max_size=max_pieces)))


def _deep_json(depth: int) -> str:
    return "[" * depth + '{"@type": "NewsArticle"}' + "]" * depth


@st.composite
def json_ld(draw: st.DrawFn) -> str:
    """A JSON-LD script body: any JSON value, a deep one, or broken JSON."""
    kind = draw(st.sampled_from(["value", "deep", "broken"]))
    if kind == "deep":
        return _deep_json(draw(st.integers(100, 5_000)))
    text = json.dumps(draw(json_values))
    return text[: draw(st.integers(0, len(text)))] if kind == "broken" else text


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    """An HTML page: nested tags (sometimes very deep), prose, JSON-LD and meta tags."""
    depth = draw(st.sampled_from([0, 3, 40, 300, 1_200]))
    tag = draw(st.sampled_from(TAGS))
    blocks = draw(st.lists(st.tuples(st.sampled_from(TAGS), prose()), max_size=12))
    body = "".join(f"<{t}>{text}</{t}>" for t, text in blocks)
    ld = draw(st.lists(json_ld(), max_size=2))
    head = "".join(f'<script type="application/ld+json">{s}</script>' for s in ld)
    meta = draw(st.text(max_size=30))
    page = (
        f'<html><head><meta name="author" content="{meta}">{head}</head><body>'
        f"<h1>{draw(prose(max_pieces=10))}</h1>{f'<{tag}>' * depth}{body}{f'</{tag}>' * depth}"
        "</body></html>"
    )
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
    return page.encode(encoding, errors="replace")


@st.composite
def text_pages(draw: st.DrawFn) -> bytes:
    """A plain-text page, or raw bytes that may not be text at all."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=2_000))
    return draw(prose(max_pieces=400)).encode(draw(st.sampled_from(["utf-8", "utf-16-le"])))


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    """An RSS feed whose links point anywhere: URLs, paths, other schemes, nothing."""
    links = st.sampled_from(LINKS)
    items = "".join(
        f"<item><title>{draw(st.text(max_size=10))}</title><link>{link}</link></item>"
        for link in draw(st.lists(links | st.text(max_size=30), max_size=6))
    )
    xml = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
    cut = draw(st.integers(0, len(xml)))
    return xml[: cut if draw(st.booleans()) else len(xml)].encode("utf-8", errors="replace")


@st.composite
def warcs(draw: st.DrawFn) -> bytes:
    """A WARC file of pages, gzipped or not, cut short or with flipped bytes."""
    gzipped = draw(st.booleans())
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for n, page in enumerate(draw(st.lists(html_pages(), min_size=1, max_size=3))):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.0")
        record = writer.create_warc_record(f"https://news.example/{n}", "response",
                                           payload=io.BytesIO(page), length=len(page),
                                           http_headers=headers)  # fmt: skip
        writer.write_record(record)
    data = bytearray(out.getvalue())
    # Drawn before the length is known and taken modulo it: warcio stamps each record with a
    # fresh id and date, so the length varies between runs of the same example.
    damage = draw(st.sampled_from(["none", "cut", "flip"]))
    at, flip = draw(st.integers(0)), draw(st.integers(1, 255))
    if damage == "cut":
        data = data[: at % (len(data) + 1)]
    elif damage == "flip" and data:
        data[at % len(data)] ^= flip
    return bytes(data)


URLS = st.text(max_size=20)


@st.composite
def json_lines(draw: st.DrawFn) -> bytes:
    """JSON Lines: records of any shape, deep nesting, broken lines, gzip noise."""
    line = (
        st.builds(json.dumps, json_values)
        | st.builds(json.dumps, st.fixed_dictionaries({"url": URLS, "html": st.text(max_size=200)}))
        | st.integers(1_000, 100_000).map(_deep_json)
        | st.text(max_size=50)
    )
    text = "\n".join(draw(st.lists(line, max_size=6)))
    raw = text.encode("utf-8", errors="replace")
    return gzip.compress(raw) if draw(st.integers(0, 9)) == 0 else raw
