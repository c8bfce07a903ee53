"""read_html_page and read_metadata on small pages written for these tests."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from dateline.clean.captions import split_credit
from dateline.clean.html import _deep_tree, read_html_page
from dateline.clean.metadata import read_metadata
from dateline.clean.published import is_shown

from .pages import BODY, json_ld, make_page


def test_read_html_page_keeps_body_and_headline() -> None:
    parts = read_html_page("a.html", make_page())
    assert parts.headline == "Ministers meet over river crossing"
    assert [p for p in parts.paragraphs if p in BODY] == BODY
    assert not any("Copyright" in p or p == "Home" for p in parts.paragraphs)


def test_read_html_page_moves_caption_with_credit_out_of_body() -> None:
    figure = (
        "<div class='wp-caption'><img src='a.jpg'><p class='wp-caption-text'>Farmers queue at "
        "the closed crossing before dawn.© Example Agency</p></div>"
    )
    parts = read_html_page("a.html", make_page(before=figure))
    assert [c.credit for c in parts.captions] == ["© Example Agency"]
    assert not any("Farmers queue" in p for p in parts.paragraphs)


def test_read_html_page_keeps_gallery_text_in_body() -> None:
    gallery = "".join(f"<p class='slide-caption'>{p}</p>" for p in BODY)
    page = make_page().replace("".join(f"<p>{p}</p>" for p in BODY), gallery)
    parts = read_html_page("a.html", page)
    assert parts.captions == ()
    assert [p for p in parts.paragraphs if p in BODY] == BODY


def test_read_html_page_keeps_figcaption_out_of_body() -> None:
    figure = (
        "<figure><img src='bridge.jpg'><figcaption>The old bridge over the river, closed since "
        "the floods, seen from the southern bank. REUTERS/Jane Doe</figcaption></figure>"
    )
    parts = read_html_page("a.html", make_page(before=figure))
    assert len(parts.captions) == 1
    caption = parts.captions[0]
    assert caption.text.startswith("The old bridge over the river")
    assert caption.credit == "REUTERS/Jane Doe"
    assert not any("old bridge over the river" in p for p in parts.paragraphs)


def test_read_html_page_reads_credit_element_inside_caption() -> None:
    figure = (
        "<div class='image-caption'>Delegates arrive at the lakeside hotel for the talks."
        "<span class='credit'>Photo: John Roe</span></div>"
    )
    parts = read_html_page("a.html", make_page(before=figure))
    assert [(c.text, c.credit) for c in parts.captions] == [
        ("Delegates arrive at the lakeside hotel for the talks.", "Photo: John Roe")
    ]


def test_read_html_page_reads_json_ld_metadata() -> None:
    head = json_ld(
        headline="Ministers meet over river crossing",
        datePublished="2031-03-04T09:30:00+01:00",
        author=[{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Ali Khan"}],
        publisher={"@type": "Organization", "name": "Example Daily"},
    )
    parts = read_html_page("a.html", make_page(head=head))
    assert parts.byline == ("Jane Doe", "Ali Khan")
    assert parts.publisher == "Example Daily"
    assert parts.stated_date == date(2031, 3, 4)


def test_read_html_page_reads_meta_tags() -> None:
    head = (
        '<meta property="og:site_name" content="Example Daily">'
        '<meta name="author" content="Jane Doe">'
        '<meta property="article:published_time" content="2031-03-04">'
        '<link rel="canonical" href="https://example.invalid/world/river-talks">'
    )
    shown = "<p class='meta'>Published 4 March 2031</p>"
    parts = read_html_page("a.html", make_page(head=head, before=shown))
    assert parts.byline == ("Jane Doe",)
    assert parts.publisher == "Example Daily"
    assert parts.stated_date == date(2031, 3, 4)
    assert parts.url == "https://example.invalid/world/river-talks"


def test_read_html_page_ignores_a_meta_date_the_page_never_shows() -> None:
    head = '<meta property="article:published_time" content="2031-03-04T10:00:00Z">'
    assert read_html_page("a.html", make_page(head=head)).stated_date is None


def test_read_html_page_takes_a_shown_date_from_markup() -> None:
    shown = '<time datetime="2031-03-04" itemprop="datePublished">04.03.2031</time>'
    assert read_html_page("a.html", make_page(before=shown)).stated_date == date(2031, 3, 4)


def test_read_html_page_invents_no_date() -> None:
    parts = read_html_page("a.html", make_page())
    assert parts.stated_date is None


def test_read_html_page_takes_a_deck_not_the_lede() -> None:
    deck = "Neighbours agree to survey a closed bridge as farmers wait for a way to market"
    page = make_page(head=f'<meta name="description" content="{deck}">')
    assert read_html_page("a.html", page).standfirst == deck
    lede = f'<meta name="description" content="{BODY[0][:150]}">'
    assert read_html_page("a.html", make_page(head=lede)).standfirst is None


def test_read_html_page_takes_a_marked_deck_above_the_byline_out_of_the_body() -> None:
    deck = "Neighbours agree to survey a closed bridge as farmers wait for a way to market"
    head = f'<meta name="description" content="{deck}">'
    before = f"<p class='standfirst'>{deck}</p><p class='byline'>By Jane Doe</p>"
    parts = read_html_page("a.html", make_page(head=head, before=before))
    assert parts.standfirst == deck
    assert deck not in parts.paragraphs


def test_read_html_page_keeps_a_lede_marked_intro_below_the_byline() -> None:
    before = "<p class='byline'>By Jane Doe</p>"
    page = make_page(before=before).replace(f"<p>{BODY[0]}</p>", f"<p class='intro'>{BODY[0]}</p>")
    parts = read_html_page("a.html", page)
    assert parts.standfirst is None
    assert BODY[0] in parts.paragraphs


def test_read_html_page_trims_site_name_from_title() -> None:
    page = make_page(title="Ministers meet over river crossing | Example Daily").replace(
        "<h1>Ministers meet over river crossing</h1>", ""
    )
    head = '<meta property="og:site_name" content="Example Daily">'
    page = page.replace("</head>", f"{head}</head>")
    assert read_html_page("a.html", page).headline == "Ministers meet over river crossing"


def test_read_metadata_skips_broken_json_ld() -> None:
    tree = load_html(make_page(head='<script type="application/ld+json">{"@type": </script>'))
    assert read_metadata(tree).authors == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Troops on parade in the capital. REUTERS/Jane Doe",
            ("Troops on parade in the capital.", "REUTERS/Jane Doe"),
        ),
        ("Troops on parade. (AP Photo/John Roe)", ("Troops on parade.", "AP Photo/John Roe")),
        (
            "Troops on parade. (AP Photo/John Roe, pool)",
            ("Troops on parade.", "AP Photo/John Roe, pool"),
        ),
        (
            "Troops on parade. (Jane Doe/Associated Press)",
            ("Troops on parade.", "Jane Doe/Associated Press"),
        ),
        ("Troops on parade. Photo: Jane Doe", ("Troops on parade.", "Photo: Jane Doe")),
        ("Soldaten bei der Parade. Foto: dpa", ("Soldaten bei der Parade.", "Foto: dpa")),
        ("Troops on parade. © Example Agency", ("Troops on parade.", "© Example Agency")),
        ("Talks on the Israel/Gaza border", ("Talks on the Israel/Gaza border", None)),
        ("Nothing to credit here", ("Nothing to credit here", None)),
    ],
)
def test_split_credit_shapes(text: str, expected: tuple[str, str | None]) -> None:
    assert split_credit(text) == expected


def test_read_html_page_takes_byline_line_out_of_body() -> None:
    parts = read_html_page("a.html", make_page(before="<p>By Jane Doe and Ali Khan</p>"))
    assert parts.byline == ("Jane Doe", "Ali Khan")
    assert not any(p.startswith("By Jane") for p in parts.paragraphs)
    assert ("byline", "By Jane Doe and Ali Khan") in [(r.reason, r.text) for r in parts.removed]


def test_read_html_page_reads_byline_element() -> None:
    byline = "<div class='article-byline'><span>By Jane Doe</span></div>"
    assert read_html_page("a.html", make_page(before=byline)).byline == ("Jane Doe",)


def test_read_html_page_strips_author_lead_in() -> None:
    head = '<meta name="author" content="Von Hans Muster">'
    assert read_html_page("a.html", make_page(head=head)).byline == ("Hans Muster",)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Published 4 March 2031 at 10:00", True),
        ("Posted on March 4th, 2031 by the desk", True),
        ("Veröffentlicht am 04.03.2031", True),
        ("Mis à jour le 4 mars 2031", True),
        ("https://example.invalid/2031/03/04/river-talks", True),
        ("Copyright 2031 Example Daily", False),
        ("Published 14 March 2031", False),
        ("Published 4 May 2031", False),
    ],
)
def test_is_shown_day_forms(text: str, shown: bool) -> None:
    assert is_shown(date(2031, 3, 4), text) is shown


@pytest.mark.parametrize("shown", [True, False])
def test_read_html_page_reads_a_date_with_a_zone_name_dateutil_does_not_know(shown: bool) -> None:
    # htmldate hands "... EDT" to dateutil, which knows no zone names unless told; pytest
    # turns any warning into an error, so this also checks that none escapes.
    head = "<meta property='article:published_time' content='2031-03-04 22:30 EDT'>"
    before = "<p class='date'>Posted March 4, 2031</p>" if shown else ""
    parts = read_html_page("a.html", make_page(head=head, before=before))
    assert parts.stated_date == (date(2031, 3, 4) if shown else None)


@pytest.mark.parametrize(
    "author", ["Updated Dec 9", "Friday", "AP National Security Writer", "Jane Doe •"]
)
def test_read_html_page_keeps_date_stamps_and_titles_out_of_the_byline(author: str) -> None:
    head = f"<meta name='author' content='{author}'>"
    byline = read_html_page("a.html", make_page(head=head)).byline
    assert byline == (("Jane Doe",) if author.startswith("Jane") else ())


def test_read_html_page_unescapes_a_twice_escaped_title() -> None:
    title = "Ministers meet over river crossing&#x3a; talks go on"
    head = f"<meta property='og:title' content='{title.replace('&', '&amp;')}'>"
    page = make_page(head=head).replace("<h1>Ministers meet over river crossing</h1>", "")
    assert (
        read_html_page("a.html", page).headline == "Ministers meet over river crossing: talks go on"
    )


def test_read_html_page_undoes_a_layout_table() -> None:
    story = "".join(f"<p>{p}</p>" for p in BODY)
    menu = "".join(
        f"<tr><td><a href='/{a}'>{a}</a></td><td><a href='/{b}'>{b}</a></td></tr>"
        for a, b in (("Dining", "Travel"), ("Autos", "Homes"), ("Jobs", "Weather"))
    )
    page = make_page().replace(story, f"<table><tr><td>{story}</td></tr>{menu}</table>")
    parts = read_html_page("a.html", page)
    assert any(p.startswith(BODY[0][:40]) for p in parts.paragraphs)
    assert not any(p.strip("| ") == "" for p in parts.paragraphs)


def test_read_html_page_trims_a_breadcrumb_title() -> None:
    page = make_page(title="Example Daily > News > World -- Ministers meet over river crossing")
    page = page.replace("<h1>Ministers meet over river crossing</h1>", "")
    assert read_html_page("a.html", page).headline == "Ministers meet over river crossing"


def test_htmldate_last_resort_parser_reads_english_without_loading_every_locale() -> None:
    # A fresh process: which dateparser locales are loaded is global state. htmldate's own
    # parser loads all 205 on a string none reads (35 MiB, 2 s); ours loads English only.
    code = (
        "import dateline.clean.published\n"
        "from dateparser.languages.loader import default_loader\n"
        "from htmldate.extractors import _external_date\n"
        "assert _external_date('zz qq 2020 ww') is None\n"
        "print(_external_date('March 12, 2021').date(), len(default_loader._loaded_locales))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["2021-03-12", "1"]


def test_a_page_with_a_form_reads_with_every_element_a_plain_html_element() -> None:
    # The page parser picks element classes in C (#12): a <form> or <input> is an HtmlElement
    # like any other, and a page holding a search form reads as it did with lxml's own classes.
    page = make_page().replace(
        "<body>", "<body><form action='/s'><label>Search</label><input name='q'></form>", 1
    )
    tree = _deep_tree(page)
    assert tree is not None
    assert {type(e) for e in tree.iter("form", "input", "label", "p")} == {HtmlElement}
    parts = read_html_page("a.html", page)
    assert [p for p in parts.paragraphs if p in BODY] == BODY
    assert "Search" not in parts.paragraphs
