"""Pages that used to crash or lose the clean stage (issue #10's reproducers)."""

from __future__ import annotations

import pytest

from dateline.clean import clean_article
from dateline.clean.stage import MAX_TEXT_CHARS
from dateline.reading import Reading

SENTENCE = "Envoys met in Geneva on Monday to discuss the ceasefire and the prisoner exchange. "
BODY = f"<p>{SENTENCE * 5}</p>"


def _page(head: str = "", body: str = BODY) -> bytes:
    return f"<html><head>{head}</head><body><h1>Talks</h1>{body}</body></html>".encode()


def _json_ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


@pytest.mark.parametrize(
    "data",
    [
        '{"@type": null}',
        "5",
        '{"@type": 5, "author": 7, "datePublished": 3, "headline": ["x"]}',
        "[" * 500 + '{"@type": "NewsArticle", "headline": "Talks"}' + "]" * 500,
        '{"@graph": ' * 500 + "{}" + "}" * 500,
        "[" * 100_000 + "]" * 100_000,
    ],
    ids=["type-null", "number", "wrong-kinds", "list-500-deep", "graph-500-deep", "100000-deep"],
)
def test_issue_10_odd_json_ld_is_ignored_not_a_crash(data: str) -> None:
    reading = clean_article(Reading(source="p.html", raw=_page(_json_ld(data))))
    assert SENTENCE.strip() in reading.text


@pytest.mark.parametrize("depth", [255, 300, 1_000])
def test_issue_10_deeply_nested_html_keeps_its_body(depth: int) -> None:
    body = "<div>" * depth + BODY + "</div>" * depth
    reading = clean_article(Reading(source="deep.html", raw=_page(body=body)))
    assert SENTENCE.strip() in reading.text


def test_issue_10_text_over_the_cap_is_read_in_part_with_a_note() -> None:
    paragraph = SENTENCE * 10
    count = 2 * MAX_TEXT_CHARS // len(paragraph) + 1
    text = "Talks resume\n\n" + "\n\n".join([paragraph] * count)
    reading = clean_article(Reading(source="big.txt", raw=text.encode()))
    assert MAX_TEXT_CHARS // 2 < len(reading.text) <= MAX_TEXT_CHARS
    (note,) = reading.notes
    assert note.startswith("clean: body cut to its first")
    assert "the rest is unread" in note


def test_one_huge_paragraph_is_cut_at_a_word() -> None:
    text = "Talks resume\n\n" + SENTENCE * (MAX_TEXT_CHARS // len(SENTENCE) + 100)
    reading = clean_article(Reading(source="big.txt", raw=text.encode()))
    assert len(reading.text) <= MAX_TEXT_CHARS
    assert reading.text.split()[-1] in SENTENCE.split()  # no word cut in half
    assert len(reading.notes) == 1
