"""Tests for which date a page states when it shows several, and for headline shapes in text
dumps (a dateline line, a link bar, an abbreviation at a title's end). Pages written here."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.clean.date_lines import labelled_days
from dateline.clean.datelines import is_dateline_line
from dateline.clean.lines import read_text_page

_STORY = (
    "Officials from both provinces met on Friday to discuss the water sharing plan that "
    "has divided the valley for a decade, and agreed to meet again next month.\n\n"
    "The talks were the first since the dam opened, and farmers on both banks said they "
    "hoped for an agreement before the dry season begins in the spring.\n\n"
    "A spokesman for the northern province said the two sides had narrowed their "
    "differences but that several questions about the reservoir level remained open.\n"
)


def _page(*head: str) -> str:
    return "\n\n".join(head) + "\n\n" + _STORY


def test_read_text_page_takes_the_date_by_the_headline_not_the_top_bar() -> None:
    page = _page(
        "Wed 9 Apr 2031 | 10:17 GMT",
        "Home",
        "World",
        "Valley provinces agree to keep talking about the dam",
        "Mon Mar 31, 2031 6:20pm GMT",
        "By Jane Doe",
    )
    assert read_text_page(page).stated_date == date(2031, 3, 31)


def test_read_text_page_prefers_a_first_day_to_an_update() -> None:
    page = _page(
        "Valley provinces agree to keep talking about the dam",
        "Updated 2 April 2031",
        "Published 31 March 2031",
    )
    assert read_text_page(page).stated_date == date(2031, 3, 31)


def test_read_text_page_takes_a_bare_first_day_before_its_update() -> None:
    page = _page(
        "Valley provinces agree to keep talking about the dam",
        "Mar 30, 2031 18:22 | Updated Mar 31, 2031 11:52",
    )
    assert read_text_page(page).stated_date == date(2031, 3, 30)


def test_read_text_page_takes_a_date_line_below_a_video_box_out_of_the_body() -> None:
    video = (
        "A short film about the reservoir shows the water level falling through a long, hot "
        "summer and the fields that depend on it turning brown."
    )
    page = _page("Valley talks resume", video, "By Jane Doe", "Apr. 2, 2031")
    parts = read_text_page(page)
    assert parts.stated_date == date(2031, 4, 2)
    assert all("2031" not in paragraph for paragraph in parts.paragraphs)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Published 31 March 2031", date(2031, 3, 31)),
        ("31 March 2031 18:22 GMT | Updated 1 April 2031", date(2031, 3, 31)),
        ("Updated 1 April 2031", None),
    ],
)
def test_labelled_days_reads_a_bare_day_before_an_update_as_published(
    text: str, start: date | None
) -> None:
    published, _updated = labelled_days(text)
    assert (published[0] if published else None) == start


def test_read_text_page_skips_a_dateline_line_for_the_headline() -> None:
    page = _page(
        "Provinces agree to resume dam talks within a month",
        "Jane Doe and John Roe",
        "NORTHPORT — Reuters",
    )
    parts = read_text_page(page)
    assert parts.headline == "Provinces agree to resume dam talks within a month"
    assert parts.byline == ("Jane Doe", "John Roe")


def test_read_text_page_skips_a_bar_of_post_links_for_the_headline() -> None:
    page = _page("« Older post... | Main | Newer post... »", "Dam talks resume in the valley")
    assert read_text_page(page).headline == "Dam talks resume in the valley"


def test_read_text_page_takes_a_headline_ending_on_an_abbreviation() -> None:
    page = _page("Home", "Valley water quarrel goes to the U.N.")
    assert read_text_page(page).headline == "Valley water quarrel goes to the U.N."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("NORTHPORT — Reuters", True),
        ("EASTON/WESTON -- AP", True),
        ("KABUL (AP)", True),
        ("Provinces agree — for now", False),
        ("The valley waits", False),
    ],
)
def test_is_dateline_line_tells_a_dateline_from_a_title(line: str, expected: bool) -> None:
    assert is_dateline_line(line) is expected


def test_read_text_page_takes_no_teaser_date_from_among_the_paragraphs() -> None:
    first, second, third = _STORY.strip().split("\n\n")
    teaser = "Dam levels explained: what the drought means 2:34 AM ET Mon, 7 April 2031"
    page = "\n\n".join(["Valley talks resume", "By Jane Doe", first, second, teaser, third])
    parts = read_text_page(page)
    assert parts.stated_date is None
    assert teaser not in parts.paragraphs


def test_read_text_page_takes_the_date_under_a_deck_that_opened_the_run() -> None:
    deck = (
        "Officials from the two provinces say they are closer than ever to a deal on sharing "
        "the reservoir's water through the dry months."
    )
    page = _page("Valley talks resume", deck, "31 Mar 2031 13:14 GMT Valley, Water")
    assert read_text_page(page).stated_date == date(2031, 3, 31)
