"""read_html_page and read_metadata on small pages written for these tests."""

from __future__ import annotations

import json
from datetime import date

import pytest
from trafilatura.utils import load_html

from dateline.clean.captions import split_credit
from dateline.clean.html import read_html_page
from dateline.clean.metadata import read_metadata

BODY = [
    "The foreign ministers of the two countries met on Tuesday in a lakeside hotel to discuss "
    "the disputed river crossing, officials from both delegations said afterwards.",
    "The talks lasted six hours and ended without a joint statement, although both sides "
    "described the atmosphere as constructive and agreed to meet again next month.",
    "Farmers on both banks have complained for years that the closed crossing forces them to "
    "drive three hours to reach markets that lie a few hundred metres away.",
    "A spokesman for the northern ministry said technical teams would survey the old bridge "
    "before any decision on reopening it was taken by the two governments.",
]


def make_page(*, head: str = "", before: str = "", after: str = "", title: str = "") -> str:
    """A news page with site chrome around an article of our own BODY paragraphs."""
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        f"<!DOCTYPE html><html><head><title>{title or 'Ministers meet over river crossing'}"
        f"</title>{head}</head><body><nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
        f"<article><h1>Ministers meet over river crossing</h1>{before}{paragraphs}{after}"
        "</article><footer><p>Copyright 2031 Example Daily. All rights reserved.</p></footer>"
        "</body></html>"
    )


def json_ld(**fields: object) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", **fields}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_read_html_page_keeps_body_and_headline() -> None:
    parts = read_html_page("a.html", make_page())
    assert parts.headline == "Ministers meet over river crossing"
    assert [p for p in parts.paragraphs if p in BODY] == BODY
    assert not any("Copyright" in p or p == "Home" for p in parts.paragraphs)


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
    parts = read_html_page("a.html", make_page(head=head))
    assert parts.byline == ("Jane Doe",)
    assert parts.publisher == "Example Daily"
    assert parts.stated_date == date(2031, 3, 4)
    assert parts.url == "https://example.invalid/world/river-talks"


def test_read_html_page_invents_no_date() -> None:
    parts = read_html_page("a.html", make_page())
    assert parts.stated_date is None


def test_read_html_page_takes_a_deck_not_the_lede() -> None:
    deck = "Neighbours agree to survey a closed bridge as farmers wait for a way to market"
    page = make_page(head=f'<meta name="description" content="{deck}">')
    assert read_html_page("a.html", page).standfirst == deck
    lede = f'<meta name="description" content="{BODY[0][:150]}">'
    assert read_html_page("a.html", make_page(head=lede)).standfirst is None


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
        ("Troops on parade. Photo: Jane Doe", ("Troops on parade.", "Photo: Jane Doe")),
        ("Soldaten bei der Parade. Foto: dpa", ("Soldaten bei der Parade.", "Foto: dpa")),
        ("Troops on parade. © Example Agency", ("Troops on parade.", "© Example Agency")),
        ("Talks on the Israel/Gaza border", ("Talks on the Israel/Gaza border", None)),
        ("Nothing to credit here", ("Nothing to credit here", None)),
    ],
)
def test_split_credit_shapes(text: str, expected: tuple[str, str | None]) -> None:
    assert split_credit(text) == expected
