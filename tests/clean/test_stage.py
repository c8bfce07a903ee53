"""clean_article end to end: every input kind, every bad input, and the seed's article facts."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from dateline.clean import clean_article
from dateline.clean.stage import is_html
from dateline.config import Settings
from dateline.errors import InputError
from dateline.fetch import FakeFetcher
from dateline.inputs import iter_inputs
from dateline.reading import Reading

from .pages import BODY, make_page

PLAIN_PAGE = "\n\n".join(
    [
        "Example Daily",
        "Ministers meet over river crossing",
        "LAKETOWN (Example Wire) - " + BODY[0],
        *BODY[1:],
        "Subscribe to our newsletter",
    ]
)

GERMAN_PAGE = make_page().replace(
    "".join(f"<p>{p}</p>" for p in BODY),
    "<p>Die Außenminister beider Länder trafen sich am Dienstag in einem Hotel am See, um über "
    "den umstrittenen Grenzübergang zu sprechen, wie Vertreter beider Delegationen mitteilten.</p>"
    "<p>Die Gespräche dauerten sechs Stunden und endeten ohne gemeinsame Erklärung, doch beide "
    "Seiten nannten die Stimmung konstruktiv und wollen sich im nächsten Monat wieder treffen.</p>",
)


def read(raw: bytes, source: str = "page") -> Reading:
    return clean_article(Reading(source=source, raw=raw))


def test_clean_article_reads_html() -> None:
    reading = read(make_page().encode(), "saved.txt")  # the name says text; the content says HTML
    article = reading.require_article()
    assert article.kind == "html"
    assert reading.text == article.text
    assert article.headline == "Ministers meet over river crossing"
    assert article.body.split("\n\n") == BODY
    assert article.language == "en"


def test_clean_article_reads_plain_text() -> None:
    article = read(PLAIN_PAGE.encode(), "story.html").require_article()
    assert article.kind == "text"
    assert article.dateline is not None
    assert article.dateline.place == "LAKETOWN"
    assert "Subscribe" not in article.body
    assert article.body.startswith(BODY[0][:40])


def test_clean_article_reads_other_languages() -> None:
    article = read(GERMAN_PAGE.encode("cp1252"), "de.html").require_article()
    assert article.language == "de"
    assert "Außenminister" in article.body


def test_clean_article_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(PLAIN_PAGE.encode("utf-16")))
    monkeypatch.setattr(sys, "stdin", stdin)
    (reading,) = iter_inputs("-", settings=Settings())
    assert isinstance(reading, Reading)
    assert read(reading.raw, reading.source).require_article().kind == "text"


def test_clean_article_reads_url_through_fetcher() -> None:
    url = "https://example.invalid/world/river-talks"
    fetcher = FakeFetcher({url: make_page().encode()})
    (reading,) = iter_inputs(url, settings=Settings(), fetcher=fetcher)
    assert isinstance(reading, Reading)
    assert clean_article(reading).require_article().source == url


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "0 bytes"),
        (b"\n \n", "only whitespace"),
        (b"%PDF-1.4 stream", "binary"),
        (b"\x00\x01\x02\x03 data", "binary"),
        (b"<html><body><nav><a href='/'>Home</a></nav><p>Sign in</p></body></html>", "no article"),
        (b"Home\n\nContact\n\nSign in", "no article"),
    ],
    ids=["empty", "whitespace", "pdf", "nul", "html-without-article", "text-without-article"],
)
def test_clean_article_refuses_bad_input(raw: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason) as info:
        read(raw, "bad/input")
    assert str(info.value).startswith("bad/input: ")


def test_clean_article_refuses_over_the_cap() -> None:
    with pytest.raises(InputError, match="over the size cap"):
        read(b" " * (Settings().max_bytes + 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", True),
        ("<div><p>One</p><p>Two</p><p>Three</p><p>Four</p><a href='/'>Five</a></div>", True),
        (PLAIN_PAGE, False),
        ("The ratio was <5% and x > 3 in the <b> test.\n\nAnother line.", False),
    ],
    ids=["document", "fragment", "plain", "angle-brackets"],
)
def test_is_html_by_content(text: str, expected: bool) -> None:
    assert is_html(text) is expected


def test_clean_article_seed_article_facts(seed_path: Path) -> None:
    gold = json.loads(seed_path.with_suffix(".gold.json").read_text(encoding="utf-8"))["article"]
    article = read(seed_path.read_bytes(), str(seed_path)).require_article()
    assert article.headline == gold["headline"]
    assert article.standfirst == gold["standfirst"]
    assert article.publisher == gold["publisher"]
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.wire) == (
        gold["dateline"]["place"],
        gold["dateline"]["wire"],
    )
    assert any(gold["byline"][0] in name for name in article.byline)
    for expected in gold["captions"]:
        caption = next(c for c in article.captions if expected["fragment"] in c.text)
        assert caption.credit == expected["credit"]
        assert article.text[caption.start : caption.end] == caption.text
        assert expected["fragment"] not in article.body
    for fragment in gold["body_includes"]:
        assert fragment in article.body
    for fragment in gold["body_excludes"]:
        assert fragment not in article.body
