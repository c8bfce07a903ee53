"""Small news pages written for the clean tests: our own sentences inside site chrome."""

from __future__ import annotations

import json

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
