"""Tree repairs before trafilatura (html_tree.py, #9): lead paragraphs a browser shows and
trafilatura dropped. Pages written for these tests."""

from __future__ import annotations

from lxml.html import fromstring

from dateline.clean.html import read_html_page
from dateline.clean.html_tree import repair_tree

from .pages import BODY

LEAD = (
    "The two governments agreed on Monday to reopen the river crossing for farmers within a "
    "month, ending a closure that has lasted nine years."
)


def _page(story: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Crossing to reopen</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<h1>Crossing to reopen within a month</h1>{story}"
        "<footer><p>Copyright 2031 Example Daily. All rights reserved.</p></footer></body></html>"
    )


def _paragraphs() -> str:
    return "".join(f"<p>{p}</p>" for p in BODY)


def test_repair_tree_wraps_a_containers_leading_text() -> None:
    tree = repair_tree(fromstring(f"<html><body><span>{LEAD}{_paragraphs()}</span></body></html>"))
    first = tree.find(".//span/p")
    assert first is not None
    assert first.text == LEAD


def test_repair_tree_leaves_a_short_label_before_paragraphs() -> None:
    tree = repair_tree(
        fromstring(f"<html><body><div>RIVERTON --{_paragraphs()}</div></body></html>")
    )
    div = tree.find(".//div")
    assert div is not None
    assert div.text == "RIVERTON --"


def test_read_html_page_keeps_the_lead_before_the_first_paragraph() -> None:
    parts = read_html_page("a.html", _page(f"<span class='fullstory'>{LEAD}{_paragraphs()}</span>"))
    assert parts.paragraphs[0] == LEAD


def test_read_html_page_keeps_the_text_after_a_template_tag() -> None:
    # A CMS left an unknown <doc.copyright> tag before the lead; a browser shows its tail.
    story = (
        f"<div>RIVERTON --<doc.copyright holder='Example Wire'></doc.copyright> {LEAD}"
        f"{_paragraphs()}</div>"
    )
    parts = read_html_page("a.html", _page(story))
    assert LEAD in parts.paragraphs[0]


def test_read_html_page_reads_a_layout_table_as_blocks() -> None:
    menu = (
        "<td><a href='/a'>Weather</a><br><a href='/b'>Traffic</a><br><a href='/c'>Sports</a></td>"
    )
    story = f"<table><tr>{menu}<td>{_paragraphs()}</td></tr></table>"
    parts = read_html_page("a.html", _page(story))
    assert list(parts.paragraphs[: len(BODY)]) == BODY
    assert not any("|" in p for p in parts.paragraphs)


def test_repair_tree_keeps_a_data_table() -> None:
    rows = "".join(
        f"<tr><td>{name}</td><td>{n}</td></tr>" for name, n in (("North", 4), ("South", 7))
    )
    tree = repair_tree(fromstring(f"<html><body><table>{rows}</table></body></html>"))
    assert tree.find(".//table") is not None


def test_read_html_page_drops_a_box_of_teasers_after_the_story() -> None:
    teasers = [
        "Harbour strike enters third week Dock workers in the northern port said on Friday they "
        "would stay out until the owners agreed to talks on pay and th...",
        "Council votes on river tolls The city council will decide next week whether to charge "
        "drivers for crossing the old bridge, a plan the mayor has cal...",
    ]
    rows = "".join(f"<tr><td></td><td>{t}</td></tr>" for t in teasers)
    box = f"<table><tr><td>Top World News</td><td></td></tr>{rows}</table>"
    parts = read_html_page("a.html", _page(f"<div>{_paragraphs()}{box}</div>"))
    assert list(parts.paragraphs) == BODY


def test_read_html_page_reads_a_credited_text_by_a_photo_as_its_caption() -> None:
    # No caption class: the photo credit at the end says the text describes the photo.
    caption = "Ferry crews load lorries at the river crossing on March 3, 2031."
    photo = f"<div id='mainImage'><img src='ferry.jpg'>{caption} (REUTERS/Jane Doe)</div>"
    parts = read_html_page("a.html", _page(f"{photo}<div>{_paragraphs()}</div>"))
    assert [(c.text, c.credit) for c in parts.captions] == [(caption, "REUTERS/Jane Doe")]
    assert caption not in " ".join(parts.paragraphs)


def test_read_html_page_takes_no_site_description_for_a_deck() -> None:
    blurb = (
        "Example Daily - news about politics, business and sport from the river valley and beyond."
    )
    head = f"<meta name='description' content='{blurb}'>"
    page = _page(f"<div>{_paragraphs()}</div>").replace(
        "<title>Crossing to reopen</title>",
        f"<title>Crossing to reopen - Example Daily</title>{head}",
    )
    assert read_html_page("a.html", page).standfirst is None
    deck = page.replace(
        blurb, "Farmers will drive minutes, not hours, to the markets on the far bank."
    )
    assert read_html_page("a.html", deck).standfirst is not None


def test_read_html_page_reads_the_byline_of_a_block_outside_the_text() -> None:
    byline = "<div class='storyByline'>By JANE DOE<br>AP Diplomatic Correspondent<br></div>"
    parts = read_html_page("a.html", _page(f"{byline}<div>{_paragraphs()}</div>"))
    assert parts.byline == ("Jane Doe",)


def test_read_html_page_keeps_a_wire_byline_before_a_teasers_author() -> None:
    byline = "<div class='story-byline'>The Associated Press</div>"
    teaser = (
        "<div class='card'><a href='/x'>Another story</a>"
        "<div class='card-author'>Jane Roe</div></div>"
    )
    parts = read_html_page("a.html", _page(f"{byline}<div>{_paragraphs()}</div>{teaser}"))
    assert parts.byline == ("The Associated Press",)
