"""labelled_days and the publication day of HTML pages: a day the page labels as its own."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.clean.date_lines import labelled_days
from dateline.clean.html import read_html_page

from .pages import make_page


@pytest.mark.parametrize(
    ("text", "published", "updated"),
    [
        ("By Jane Doe | Published on Tuesday, 4 March 2031 at 10:00", [date(2031, 3, 4)], []),
        ("Veröffentlicht am 04.03.2031, 10:00 Uhr", [date(2031, 3, 4)], []),
        ("Last updated: March 5, 2031 Share", [], [date(2031, 3, 5)]),
        (
            "Publié le 4 mars 2031 · Mis à jour le 5 mars 2031",
            [date(2031, 3, 4)],
            [date(2031, 3, 5)],
        ),
        ("The published report of 2031 says little", [], []),
        ("Posted 31.02.2031", [], []),  # no such day
    ],
)
def test_labelled_days_reads_label_and_date(
    text: str, published: list[date], updated: list[date]
) -> None:
    assert labelled_days(text) == (published, updated)


def test_read_html_page_prefers_the_labelled_day_to_another_shown_date() -> None:
    # A reader's comment shows a later day, which htmldate would take; the label says which.
    before = "<p class='meta'>Published 4 March 2031</p>"
    after = "<div class='comment'><time datetime='2031-03-09'>9 March 2031</time> Agreed.</div>"
    assert read_html_page("a.html", make_page(before=before, after=after)).stated_date == date(
        2031, 3, 4
    )


def test_read_html_page_trusts_no_label_of_a_teaser_list() -> None:
    teasers = "".join(
        f"<li><a href='/{day}'>Another story</a> Published {day} March 2031</li>" for day in (1, 2)
    )
    assert read_html_page("a.html", make_page(after=f"<ul>{teasers}</ul>")).stated_date is None


def test_read_html_page_takes_a_teaser_list_day_its_tags_confirm() -> None:
    teasers = "".join(
        f"<li><a href='/{day}'>Another story</a> Published {day} March 2031</li>" for day in (1, 2)
    )
    head = "<meta property='article:published_time' content='2031-03-02T08:00:00Z'>"
    parts = read_html_page("a.html", make_page(head=head, after=f"<ul>{teasers}</ul>"))
    assert parts.stated_date == date(2031, 3, 2)


def test_read_html_page_falls_back_to_the_update_label() -> None:
    page = make_page(before="<p class='meta'>Updated: 5 March 2031</p>")
    assert read_html_page("a.html", page).stated_date == date(2031, 3, 5)
