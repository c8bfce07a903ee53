"""The story's date line (story_date.py, #9): the date beside the headline dates the story and
stays in the article text; a top bar's "today" and teaser lists' dates do not. Pages written
for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.clean.assemble import assemble_article
from dateline.clean.date_lines import find_day, is_date_line
from dateline.clean.html import read_html_page
from dateline.clean.lines import read_text_page
from dateline.clean.stage import clean_article
from dateline.reading import Reading

from .pages import BODY, make_page


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("March 4, 2031 - 6:11 PM", date(2031, 3, 4)),
        ("1:23 p.m. March 4, 2031", date(2031, 3, 4)),
        ("Created: Tuesday, 04 Mar 2031, 7:51 PM CST", date(2031, 3, 4)),
        ("4 March 2031 –", date(2031, 3, 4)),
        ("Thu Mar 6, 2031 12:30pm EST", date(2031, 3, 6)),
    ],
)
def test_is_date_line_reads_stamps(text: str, day: date) -> None:
    assert is_date_line(text)
    assert find_day(text) == day


@pytest.mark.parametrize(
    "text",
    [
        "The two ministers met at the lakeside hotel on Tuesday, March 4, 2031",
        "No date at all in this short line",
        "Deadline: 15 March 2031",  # an offer's or event's date, not the page's
        "Antworten bis 23.03.2031",
        "9-23 March 2031 | Mon-Fri 9-16",
    ],
)
def test_is_date_line_refuses_prose_and_dateless_lines(text: str) -> None:
    assert not is_date_line(text)


def _top_bar_page() -> str:
    # The site's top bar shows the day the page was served, as htmldate's first date; the
    # story's own date line sits above its headline.
    top = "<div id='header-date'>Tuesday 18.03.2031</div>"
    return (
        make_page(before="", head="")
        .replace("<body>", f"<body>{top}", 1)
        .replace("<article>", "<article><span class='story-date'>March 4, 2031 - 6:11 PM</span>", 1)
    )


def test_read_html_page_dates_the_story_by_the_line_beside_its_headline() -> None:
    parts = read_html_page("a.html", _top_bar_page())
    assert parts.stated_date == date(2031, 3, 4)
    assert parts.date_line == "March 4, 2031 - 6:11 PM"


def test_clean_article_keeps_the_date_line_in_the_text_not_the_body() -> None:
    reading = clean_article(Reading(source="a.html", raw=_top_bar_page().encode()))
    article = reading.article
    assert article is not None
    assert article.date_line == "March 4, 2031 - 6:11 PM"
    assert "March 4, 2031 - 6:11 PM" in reading.text[: article.body_start]
    assert "6:11 PM" not in article.body


def test_read_html_page_ignores_dates_in_a_list_below_the_headline() -> None:
    teasers = "".join(f"<li><a href='/{d}'>Another story</a> {d} March 2031</li>" for d in (1, 2))
    parts = read_html_page("a.html", make_page(after=f"<ul>{teasers}</ul>"))
    assert parts.date_line is None


def test_read_html_page_moves_a_stamp_from_the_body_to_the_date_line() -> None:
    # A stamp the extractor keeps as the story's first line is furniture: one date line, and
    # not body text.
    stamp = "<p>Last updated: 4 March 2031 10:02 GMT</p>"
    head = "<meta property='article:published_time' content='2031-03-04T08:00:00Z'>"
    parts = read_html_page("a.html", make_page(head=head, before=stamp))
    assert parts.date_line == "Last updated: 4 March 2031 10:02 GMT"
    assert all("Last updated" not in p for p in parts.paragraphs)


def test_read_text_page_keeps_the_date_line_it_dates_the_story_by() -> None:
    page = "\n\n".join(["Home", "Valley provinces agree to talk", "March 4, 2031", *BODY])
    parts = read_text_page(page)
    assert parts.stated_date == date(2031, 3, 4)
    assert parts.date_line == "March 4, 2031"
    article = assemble_article("a.txt", parts, kind="text")
    assert article.text.split("\n\n")[:2] == ["Valley provinces agree to talk", "March 4, 2031"]


def test_read_html_page_dates_a_yearless_stamp_by_the_copyright_year() -> None:
    # "Last Update: 3/04" leaves out the year the page was served; its copyright notice says it.
    page = make_page(before="<p class='stamp'>Last Update: 3/14 1:10 pm</p>").replace(
        "Copyright 2031", "Copyright 2032"
    )
    assert read_html_page("a.html", page).stated_date == date(2032, 3, 14)


def test_read_html_page_refuses_an_ambiguous_yearless_stamp() -> None:
    page = make_page(before="<p class='stamp'>Last Update: 3/4 1:10 pm</p>")
    assert read_html_page("a.html", page).stated_date is None


def test_assemble_article_dates_a_story_whose_first_paragraph_opens_with_a_date() -> None:
    first = f"4 March 2031 – {BODY[0]}"
    article = assemble_article(
        "a.txt", read_text_page("\n\n".join(["Valley talks", first, *BODY[1:]])), kind="text"
    )
    assert (article.published.earliest, article.published.basis) == (date(2031, 3, 4), "metadata")


def test_read_text_page_dates_a_yearless_stamp_by_the_copyright_year() -> None:
    page = "\n\n".join(
        [
            "Valley provinces agree to talk",
            "Last Update: 3/14 1:10 pm",
            *BODY,
            "Copyright 2031 Example Wire.",
        ]
    )
    assert read_text_page(page).stated_date == date(2031, 3, 14)
