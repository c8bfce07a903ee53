"""What an HTML page says about itself: title, deck, authors, publisher, URL, publication day.

Sources in order of trust: the article's JSON-LD (schema.org), then <meta> tags (Open Graph,
Dublin Core, publisher tags), then visible markup (h1, <time>, rel=author), then htmldate
without its extensive search. The extensive search guesses from copyright lines and any date
on the page, which dates nearly every undated page; a wrong date is worse than none (#2).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from lxml.html import HtmlElement
from trafilatura.metadata import extract_author

from dateline.clean.bylines import is_role
from dateline.clean.published import find_published
from dateline.clean.site_names import has_ui_word, is_date_stamp, is_site_name
from dateline.clean.story_date import VISIBLE_TEXT, DateLine, find_date_line

MAX_LD_DEPTH = 6  # levels of lists and @graph searched for the article's object (#10)
_AUTHOR_JOINS = re.compile(r"\s+(?:and|und|et|y|e|&)\s+|\s*[,;/]\s*")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True, kw_only=True)
class PageMeta:
    """The metadata found on one page; None or () where the page says nothing."""

    title: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    date_line: str | None = None  # the story's date line as the page shows it (story_date.py)


@cache
def load_hints() -> dict[str, Any]:
    """Return the HTML hint lists of html_hints.yaml."""
    text = (Path(__file__).parent / "html_hints.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def read_metadata(tree: HtmlElement, *, visible: list[str] | None = None) -> PageMeta:
    """Return what the page's JSON-LD, meta tags and markup say about the article.

    `visible`: the page's visible text nodes, when the caller has them already.
    """
    hints = load_hints()
    ld = _article_json_ld(tree)
    meta = _meta_tags(tree)
    title = _first(ld.get("headline"), *_pick(meta, hints["title_meta"]))
    nodes = VISIBLE_TEXT(tree) if visible is None else visible
    line = find_date_line(nodes, title or tree.findtext(".//title"))
    return PageMeta(
        title=title,
        description=_first(*_pick(meta, hints["description_meta"]), ld.get("description")),
        authors=_authors(ld, meta, tree),
        publisher=_publisher(ld, meta),
        url=_first(_canonical(tree), *_pick(meta, hints["url_meta"]), ld.get("url")),
        published=_published(tree, ld, meta, nodes, line),
        date_line=line.text if line else None,
    )


def _publisher(ld: dict[str, Any], meta: dict[str, str]) -> str | None:
    """The first stated site name that is a name: not a handle or a control's label."""
    names = [_name_of(ld.get("publisher")), *_pick(meta, load_hints()["publisher_meta"])]
    return _first(*(n for n in names if n and is_site_name(clean_space(n), cased=False)))


def clean_space(text: str) -> str:
    """Return `text` with runs of whitespace made one space, stripped."""
    return _SPACE.sub(" ", text).strip()


def _first(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, str) and clean_space(value):
            return clean_space(value)
    return None


def _pick(meta: dict[str, str], keys: list[str]) -> list[str]:
    return [meta[key] for key in keys if key in meta]


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    meta: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if key and content and content.strip():
            meta.setdefault(key.strip().lower(), content.strip())
    return meta


def _canonical(tree: HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return str(link.get("href"))
    return None


def _article_json_ld(tree: HtmlElement) -> dict[str, Any]:
    """Return the JSON-LD object that describes the article, or {}."""
    types = set(load_hints()["article_types"])
    found: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (json.JSONDecodeError, RecursionError):  # RecursionError: [[[... 100,000 deep
            continue  # broken JSON-LD is common; the meta tags still speak
        found.extend(_objects(data))
    # An article kind beats a WebPage, which beats nothing.
    ranked = sorted((obj for obj in found if _types(obj) & types), key=_is_page)
    return ranked[0] if ranked else {}


def _is_page(obj: dict[str, Any]) -> bool:
    return bool(_types(obj) & {"WebPage", "ItemPage"})


def _objects(data: Any) -> list[dict[str, Any]]:
    """The objects at the top, in top-level lists and in @graph, level by level.

    A loop with a depth cap, not recursion: a hostile page nests lists 500 deep (#10), and
    real JSON-LD puts the article within a few levels.
    """
    found: list[dict[str, Any]] = []
    level: list[Any] = [data]
    for _ in range(MAX_LD_DEPTH):
        deeper: list[Any] = []
        for item in level:
            if isinstance(item, list):
                deeper.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                deeper.append(item.get("@graph", []))
        level = deeper
    return found


def _types(obj: dict[str, Any]) -> set[str]:
    """The object's @type names; none when @type is missing or not text (null, 5)."""
    kind = obj.get("@type")
    if isinstance(kind, str):
        return {kind}
    return {k for k in kind if isinstance(k, str)} if isinstance(kind, list) else set()


def _name_of(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) and value.strip() else None


def _authors(ld: dict[str, Any], meta: dict[str, str], tree: HtmlElement) -> tuple[str, ...]:
    raw = ld.get("author") or ld.get("creator")
    people = raw if isinstance(raw, list) else [raw]
    names = [name for person in people if (name := _name_of(person))]
    if not names:
        names = [v for v in _pick(meta, load_hints()["author_meta"]) if _is_name(v)][:1]
    if not names:
        names = [clean_space(a.text_content()) for a in tree.xpath("//a[@rel='author']")][:3]
    return _split_names(names)


def markup_authors(tree: HtmlElement) -> tuple[str, ...]:
    """Authors by trafilatura's byline XPaths, which know many blog and CMS byline shapes.

    It costs a copy of the tree and a dozen page-wide searches (a tenth of reading a page),
    so html.py calls it last, when the metadata and our own byline reading are silent.
    """
    return _split_names((extract_author(tree) or "").split(";"))


def _split_names(names: list[str]) -> tuple[str, ...]:
    split = (part for name in names for part in _AUTHOR_JOINS.split(_strip_lead_in(name)))
    cleaned = (clean_space(n).strip(" •·|-–—:") for n in split)
    return tuple(dict.fromkeys(n for n in cleaned if _is_name(n) and _is_author(n)))


def _is_author(name: str) -> bool:
    """Not a date stamp ("Updated Dec 9"), a job title ("Staff Writer") or a control label."""
    return not (is_date_stamp(name) or is_role(name) or has_ui_word(name))


@cache
def _lead_in() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_hints()["author_lead_ins"])
    return re.compile(rf"^(?:(?:{words})\b\s*:?\s*)+", re.IGNORECASE)


def _strip_lead_in(name: str) -> str:
    """ "Post author By Jane Doe" -> "Jane Doe"."""
    return _lead_in().sub("", clean_space(name))


def _is_name(value: str) -> bool:
    """True for a person or desk name, not a URL, handle, address or a link label."""
    value = value.strip()
    if not 1 < len(value) < 80 or len(value.split()) > 6:
        return False
    return not re.search(r"https?:|www\.|@|\.(?:com|de|org|net)\b|^\W|[→»|]", value)


def _published(
    tree: HtmlElement,
    ld: dict[str, Any],
    meta: dict[str, str],
    visible: list[str],
    line: DateLine | None,
) -> date | None:
    stated = _pick(meta, load_hints()["date_meta"])
    stated += [str(t.get("datetime")) for t in tree.xpath("//time[@pubdate or @itemprop]")]
    url = _first(_canonical(tree), *_pick(meta, load_hints()["url_meta"]))
    return find_published(
        tree,
        ld=ld,
        ld_types=_types(ld),
        stated=stated,
        url=url,
        visible=visible,
        date_line=line.day if line else None,
    )
