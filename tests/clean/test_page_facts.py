"""find_publisher and the metadata publisher: a site's name, never a site control's label."""

from __future__ import annotations

import pytest

from dateline.clean.html import read_html_page
from dateline.clean.lines import read_text_page
from dateline.clean.site_names import is_site_name

from .pages import BODY, make_page

_STORY = "\n\n".join(["Ministers meet over river crossing", *BODY])


def _dump(top: list[str], bottom: list[str]) -> str:
    """A page dump: lines above the story, the story, lines below it."""
    return "\n".join([*top, "", _STORY, "", *bottom])


def test_find_publisher_skips_a_share_button_repeated_top_and_bottom() -> None:
    # The share bar shows above and below the story; the footer's copyright names the site.
    page = _dump(
        ["Share on Facebook", "Share on LinkedIn"],
        [
            "Share on Facebook",
            "Share on LinkedIn",
            "© 2031 Example Gazette Ltd. All rights reserved.",
        ],
    )
    assert read_text_page(page).publisher == "Example Gazette"


def test_find_publisher_gives_none_for_a_repeated_help_link_alone() -> None:
    page = _dump(["Help and Contact Us", "World"], ["Help and Contact Us", "Terms of Service"])
    assert read_text_page(page).publisher is None


def test_find_publisher_takes_a_repeated_outlet_name_without_a_stated_one() -> None:
    page = _dump(["Harbour Evening News", "Menu"], ["Harbour Evening News", "About us"])
    assert read_text_page(page).publisher == "Harbour Evening News"


def test_find_publisher_skips_a_repeated_section_name() -> None:
    page = _dump(["Nation & World", "Sport"], ["Nation & World", "© 2031 Example Herald"])
    assert read_text_page(page).publisher == "Example Herald"


@pytest.mark.parametrize(
    ("footer", "name"),
    [
        ("© Example Wire 2031 All rights reserved", "Example Wire"),
        ("© Copyright 2019-2031 Example Media Group LLC. Terms", "Example Media Group"),
        ("© MMXXXI", None),
        ("Copyright, respective author or news agency", None),
    ],
)
def test_find_publisher_reads_the_copyright_holder(footer: str, name: str | None) -> None:
    assert read_text_page(_dump(["Menu"], [footer])).publisher == name


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("Example Gazette", True),
        ("Share on Li", False),
        ("Print Story", False),
        ("Sign in", False),
        ("Sponsored Links", False),
        ("@examplegazette", False),
    ],
)
def test_is_site_name_tells_names_from_controls(name: str, ok: bool) -> None:
    assert is_site_name(name) is ok


def test_read_html_page_skips_a_twitter_handle_as_publisher() -> None:
    head = "<meta name='twitter:site' content='@exampledaily'>"
    # Not the handle: the holder in the footer's "Copyright 2031 Example Daily."
    assert read_html_page("a.html", make_page(head=head)).publisher == "Example Daily"
    head += "<meta property='og:site_name' content='The Example Daily'>"
    assert read_html_page("a.html", make_page(head=head)).publisher == "The Example Daily"
