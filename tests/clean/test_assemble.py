"""assemble_article: the text is joined in order and every offset slices out its text."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from dateline.clean.assemble import MIN_BODY_CHARS, assemble_article
from dateline.clean.parts import PageParts
from dateline.config import Settings
from dateline.errors import InputError
from dateline.reading import Caption

FIRST = (
    "GENEVA (Reuters) - Negotiators from both sides resumed talks on a prisoner exchange on "
    "Monday, two diplomats briefed on the meeting said."
)
SECOND = "The talks are expected to last three days and to end with a joint statement."


def make_parts(**changes: object) -> PageParts:
    fields: dict[str, object] = {
        "headline": "Talks on prisoner exchange resume",
        "standfirst": "Diplomats see a deal within weeks",
        "captions": (Caption(text="Delegates arrive at the venue.", credit="REUTERS/Jane Doe"),),
        "paragraphs": (FIRST, SECOND),
    }
    return PageParts(**(fields | changes))  # type: ignore[arg-type]


def test_assemble_article_min_body_matches_settings() -> None:
    assert Settings().min_body_chars == MIN_BODY_CHARS


def test_assemble_article_joins_text_in_order() -> None:
    article = assemble_article("a.html", make_parts(), kind="html")
    assert article.text.split("\n\n") == [
        "Talks on prisoner exchange resume",
        "Diplomats see a deal within weeks",
        "Delegates arrive at the venue.",
        FIRST.removeprefix("GENEVA (Reuters) - "),
        SECOND,
    ]
    assert article.id == hashlib.sha256(article.text.encode()).hexdigest()[:16]
    assert article.kind == "html"


def test_assemble_article_offsets_slice_their_text() -> None:
    article = assemble_article("a.html", make_parts(), kind="html")
    for caption in article.captions:
        assert article.text[caption.start : caption.end] == caption.text
    assert article.text[article.body_start :] == article.body
    assert article.captions[0].credit == "REUTERS/Jane Doe"


def test_assemble_article_splits_dateline_off_body() -> None:
    article = assemble_article("a.html", make_parts(), kind="html")
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.wire) == ("GENEVA", "Reuters")
    assert article.dateline.text.startswith("GENEVA (Reuters)")
    assert article.body.startswith("Negotiators from both sides")


def test_assemble_article_without_head_starts_with_body() -> None:
    parts = make_parts(headline="", standfirst=None, captions=())
    article = assemble_article("a.txt", parts, kind="text")
    assert article.body_start == 0
    assert article.text == article.body


def test_assemble_article_dates_from_stated_date() -> None:
    article = assemble_article("a.html", make_parts(stated_date=date(2031, 3, 4)), kind="html")
    assert article.published.basis == "metadata"
    assert article.published.earliest == article.published.latest == date(2031, 3, 4)


def test_assemble_article_leaves_undated_to_times() -> None:
    article = assemble_article("a.html", make_parts(), kind="html")
    assert article.published.basis == "none"
    assert article.published.earliest is None


def test_assemble_article_refuses_short_body() -> None:
    with pytest.raises(InputError, match="no article found") as info:
        assemble_article("menu.html", make_parts(paragraphs=("Home", "Contact us")), kind="html")
    assert info.value.source == "menu.html"


@pytest.mark.parametrize(
    "credit",
    [
        "Associated Press writers Jane Doe and John Roe contributed to this report.",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Additional reporting by Jane Doe in Cairo",
    ],
)
def test_assemble_article_moves_closing_credit_lines_to_removed(credit: str) -> None:
    article = assemble_article(
        "a.html", make_parts(paragraphs=(FIRST, SECOND, credit)), kind="html"
    )
    assert credit not in article.body
    assert ("byline", credit) in {(r.reason, r.text) for r in article.removed}


def test_assemble_article_keeps_prose_about_reporting_in_the_body() -> None:
    prose = "Reporting by local radio stations was cut off after the second day of the siege."
    article = assemble_article("a.html", make_parts(paragraphs=(FIRST, prose, SECOND)), kind="html")
    assert prose in article.body


def test_assemble_article_finds_the_dateline_below_a_promo_line() -> None:
    # A wire story opens at its dateline; a short line of page furniture above it is no story.
    parts = make_parts(paragraphs=("More news: Video | Photos", FIRST, SECOND))
    article = assemble_article("a.html", parts, kind="html")
    assert article.dateline is not None
    assert article.dateline.place == "GENEVA"
    assert article.body.startswith("Negotiators from both sides")
    assert ("More news: Video | Photos", "chrome") in [(r.text, r.reason) for r in article.removed]


def test_assemble_article_takes_closing_copyright_lines_out_of_the_body() -> None:
    closing = (
        "Photo Copyright Example Images",
        "Copyright 2031 Example Wire. All rights reserved.",
    )
    article = assemble_article(
        "a.html", make_parts(paragraphs=(FIRST, SECOND, *closing)), kind="html"
    )
    assert "Copyright" not in article.body
    assert [r.reason for r in article.removed if r.text in closing] == ["legal", "legal"]


def test_assemble_article_takes_a_closing_with_wires_line_out() -> None:
    parts = make_parts(paragraphs=(FIRST, SECOND, "With Post Wires"))
    assert "Wires" not in assemble_article("a.html", parts, kind="html").body


def test_assemble_article_keeps_a_closing_sentence_about_copyright() -> None:
    closing = "Copyright lawyers said the ruling would be appealed."
    article = assemble_article(
        "a.html", make_parts(paragraphs=(FIRST, SECOND, closing)), kind="html"
    )
    assert article.body.endswith(closing)
