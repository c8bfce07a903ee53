"""removed_blocks: every visible block the article leaves out is listed, with a reason."""

from __future__ import annotations

import re

from trafilatura.utils import load_html

from dateline.clean.html import read_html_page
from dateline.clean.html_blocks import removed_blocks, visible_text
from dateline.reading import Removed

from .pages import BODY, make_page

_AFTER = (
    "<div class='newsletter-box'><h3>The morning briefing</h3>"
    "<p>Sign up to get our reporters' best work in your inbox every day</p></div>"
    "<h2>Related stories</h2><ul>"
    "<li><a href='/a'>Water talks stall again as the spring floods arrive early</a></li>"
    "<li><a href='/b'>Border towns count the cost of a decade of closed bridges</a></li></ul>"
    "<section id='comments'><p>Thank you for covering this, my family farms near the river "
    "and nobody else reports it.</p></section>"
    "<div class='cookie-notice'>This site uses cookies to measure how you use it. "
    "<button>Got it</button></div>"
)
_BEFORE = "<div class='story-byline'>By Jane Doe</div>"


def _reasons(removed: tuple[Removed, ...] | list[Removed]) -> dict[str, str]:
    return {entry.text: entry.reason for entry in removed}


def test_read_html_page_lists_page_chrome_with_reasons() -> None:
    parts = read_html_page("a.html", make_page(before=_BEFORE, after=_AFTER))
    reasons = _reasons(parts.removed)
    assert reasons["Home World"] == "chrome"  # a nav bar's links are one block
    assert reasons["By Jane Doe"] == "byline"
    assert (
        reasons[
            "The morning briefing | Sign up to get our reporters' best work in your inbox every day"
        ]
        == "appeal"
    )
    related = [text for text, reason in reasons.items() if reason == "link_list"]
    assert related[:1] == [
        "Related stories | Water talks stall again as the spring floods arrive early | "
        "Border towns count the cost of a decade of closed bridges"
    ]
    assert any(r == "comment" and "my family farms" in t for t, r in reasons.items())
    assert reasons["This site uses cookies to measure how you use it. Got it"] == "cookie"
    assert reasons["Copyright 2031 Example Daily. All rights reserved."] == "legal"
    assert [p for p in parts.paragraphs if p in BODY] == BODY


def test_read_html_page_drops_no_visible_block_silently() -> None:
    page = make_page(before=_BEFORE, after=_AFTER)
    parts = read_html_page("a.html", page)
    listed = " ".join([parts.headline, *parts.paragraphs, *(r.text for r in parts.removed)])
    words = set(re.findall(r"\w+", listed.lower()))
    shown = " ".join(visible_text(load_html(page)))
    assert set(re.findall(r"\w+", shown.lower())) <= words


def test_removed_blocks_skip_text_the_article_keeps() -> None:
    tree = load_html(make_page())
    removed = removed_blocks(visible_text(tree), [*BODY, "Ministers meet over river crossing"])
    assert not any(entry.text in BODY for entry in removed)
    # "Home" is a word of no body line here, but a short block must match a whole kept line.
    assert _reasons(removed)["Home World"] == "chrome"


def test_removed_blocks_short_block_inside_a_kept_line_is_still_listed() -> None:
    page = make_page(before="<div>Back</div>")
    kept = ["Officials said they would go back to the table next month.", *BODY]
    removed = removed_blocks(visible_text(load_html(page)), kept)
    assert "Back" in _reasons(removed)


def test_removed_blocks_reads_link_dense_blocks_by_shape() -> None:
    links = "".join(
        f"<li><a href='/{n}'>Other story number {n} about the valley</a></li>" for n in range(3)
    )
    bar = "<div><a href='/x'>Rivers</a> <a href='/y'>Bridges</a> <a href='/z'>Borders</a></div>"
    page = make_page(after=f"<ul>{links}</ul>{bar}")
    reasons = _reasons(removed_blocks(visible_text(load_html(page)), BODY))
    listed = " | ".join(f"Other story number {n} about the valley" for n in range(3))
    assert reasons[listed] == "link_list"  # short neighbours of one reason are one entry
    assert reasons["Rivers Bridges Borders"] == "chrome"


def test_removed_blocks_counts_what_it_does_not_list() -> None:
    comments = "".join(
        f"<div class='reader-post'><p>Reader note {n}: the crossing matters to every family "
        f"on the river, and this is the {n}th time I have said it here.</p></div>"
        for n in range(400)
    )
    removed = removed_blocks(visible_text(load_html(make_page(after=comments))), BODY)
    assert len(removed) == 301
    assert re.fullmatch(r"\d+ more removed blocks not listed \(\d+ chars\)", removed[-1].text)
