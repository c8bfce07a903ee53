"""Read an HTML page into PageParts: trafilatura for the body, our own reading for the rest.

The page is parsed once with lxml; trafilatura extracts the main text from that tree (it copies
it, so our own reads see the page as served). What trafilatura leaves out or mixes in, we do
here: captions and credits apart from the body (captions.py), the standfirst, the byline, the
publisher (metadata.py) and a conservative publication day (published.py).
`removed` lists what we take out of trafilatura's text (headline, deck, captions, credits,
byline lines), then every other visible block of the page the article does not keep, with a
reason (html_blocks.py): nav menus, link lists, appeals, comments, small print ...
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from functools import cache

from lxml.etree import ElementDefaultClassLookup, ParserError, XPath
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    fromstring,
)
from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html

from dateline.clean.bylines import parse_byline, wire_services
from dateline.clean.captions import credited_image_blocks, find_captions, split_credit
from dateline.clean.date_lines import find_day, is_date_line, is_update_line
from dateline.clean.html_blocks import byline_line, removed_blocks, visible_text
from dateline.clean.html_tree import repair_tree
from dateline.clean.metadata import (
    PageMeta,
    clean_space,
    load_hints,
    markup_authors,
    read_metadata,
)
from dateline.clean.page_facts import copyright_holder
from dateline.clean.parts import PageParts
from dateline.errors import InputError
from dateline.reading import Caption, Removed

_TITLE_SEPARATORS = re.compile(r"\s+(?:--|[|–—:·•>-])\s+|\s+[|»]\s*")
_NOT_WORD = re.compile(r"\W+")
_BY = re.compile(r"^by\s+", re.IGNORECASE)
_BYLINE_BLOCKS = 3  # removed byline blocks read for names: the story's comes first
_TEASERS = 2  # excerpts cut off with an ellipsis that make a box of teasers
_TEASER_WORDS = 60  # a teaser is a headline and a sentence or two; longer is story
_STAMP_LINES = 5  # date stamps are looked for among the extracted text's first lines
PROSE_CELL_WORDS = 12  # a table cell this long is text, not a menu label
_DECK_LENGTH = (30, 320)  # a deck is one or two sentences; shorter is a label, longer a lede
_MIN_SITE_NAME = 3  # a shorter title part ("AP", "|") names no site we can tell


# trafilatura's own parser stops at libxml2's default depth of 256 and keeps an empty body
# (a page nested ~255 deep lost all its text, #10); huge_tree lifts that cap. The other
# options are trafilatura's, so its reading of the tree is unchanged.
_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                     remove_comments=True, remove_pis=True, huge_tree=True)  # fmt: skip
# lxml.html picks each element's class in a Python callback (a form class for <form>, <input>
# ...), called whenever any code touches an element: 5,000 calls a page, through trafilatura's
# passes over its copies too, a twentieth of the clean stage. Nothing here or in trafilatura
# uses the form classes, so every element is an HtmlElement, chosen in C. The cleaned pages of
# ../shared/eval (1,214 HTML files) are the same either way.
_PARSER.set_element_class_lookup(
    ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
)


def _deep_tree(text: str) -> HtmlElement | None:
    """Return the page parsed without a depth cap, or None for load_html to try its way."""
    try:
        tree = fromstring(text, parser=_PARSER)
    except (ValueError, ParserError):  # an encoding declaration in a str; no tree at all
        return None
    return tree if isinstance(tree, HtmlElement) and len(tree) else None


def read_html_page(source: str, text: str) -> PageParts:
    """Return the parts of the HTML page `text`."""
    deep = _deep_tree(text)
    tree = load_html(deep if deep is not None else text)
    if tree is None:
        raise InputError(source, "no article found: the HTML has no readable tree")
    tree = repair_tree(tree)
    visible = visible_text(tree)
    meta = read_metadata(tree, visible=visible)
    if not meta.title:  # the <title> stands in, as for the headline and the site's name
        meta = replace(meta, title=clean_space(tree.findtext(".//title") or "") or None)
    marks = _mark_elements(tree)
    captions = find_captions(marks.captions + credited_image_blocks(tree))
    # Comments stay on (the default): trafilatura then cuts the comment section out of the
    # tree before it looks for the main text; we keep only `text`, never `comments`.
    document = bare_extraction(tree, url=meta.url, with_metadata=False)
    found = document.text if isinstance(document, Document) else None
    shown_lines = [clean_space(line) for line in (found or "").split("\n")]
    lines, table_rows = _unbox_table_rows(shown_lines)
    headline = _headline(tree, meta)
    standfirst = _standfirst(marks, meta, lines, headline)
    kept, removed, byline_lines = _sort_lines(lines, headline, standfirst, captions)
    if _captions_outweigh_body(kept, removed):
        captions = ()  # a gallery or slideshow: its "captions" are the story itself
        kept, removed, byline_lines = _sort_lines(lines, headline, standfirst, captions)
    date_line, kept, stamps = _take_date_line(meta, kept)
    kept, teasers = _drop_teaser_tail(kept)
    removed += stamps + teasers
    shown = [*shown_lines, headline, standfirst or "", *_caption_texts(captions)]
    removed += table_rows + removed_blocks(visible, shown)
    return PageParts(
        headline=headline,
        standfirst=standfirst,
        byline=meta.authors
        or _byline_from_markup(marks.bylines, byline_lines, removed)
        or markup_authors(tree),
        publisher=meta.publisher or copyright_holder(visible),
        captions=drop_body_captions(captions, kept),
        paragraphs=tuple(kept),
        removed=tuple(removed),
        stated_date=meta.published,
        date_line=date_line,
        url=meta.url,
    )


def _drop_teaser_tail(kept: list[str]) -> tuple[list[str], list[Removed]]:
    """The body without a box of teasers at its end: a header row ("| Top National News |")
    after the story, then excerpts cut off with an ellipsis ("... the construction of th...").
    trafilatura keeps such a box when it sits in the story's table; a story's own lines are
    not cut off mid-word, and a box of other stories holds several that are."""
    for at, line in enumerate(kept):
        if at == 0 or not _is_row(line):
            continue
        tail = kept[at + 1 :]
        cut = sum(1 for t in tail if t.endswith(("...", "…")))
        if cut >= _TEASERS and all(len(t.split()) <= _TEASER_WORDS for t in tail):
            return kept[:at], [Removed(text=t, reason="link_list") for t in kept[at:]]
    return kept, []


def _is_row(line: str) -> bool:
    return line.startswith("|") and line.endswith("|")


def _take_date_line(meta: PageMeta, kept: list[str]) -> tuple[str | None, list[str], list[Removed]]:
    """The story's date line, and the body without the date stamps at its top.

    A stamp ("30 May 2013 Last updated at 21:02 ET", "Created: Wednesday, 09 Jan 2008") among
    the first lines of the extracted text is page furniture, not story; it moves to the head
    as the date line when it names the publication day, and a second stamp is removed. Only
    a line that names the day the page was dated by is kept as the date line: another date
    beside the headline (a video's, a teaser's) is not the story's.
    """
    top = [i for i, line in enumerate(kept[:_STAMP_LINES]) if is_date_line(line)]
    stamps = [kept[i] for i in top if find_day(kept[i]) == meta.published]
    lines = [meta.date_line, *sorted(stamps, key=is_update_line)] if meta.date_line else stamps
    date_line = next((line for line in lines if line and find_day(line) == meta.published), None)
    if date_line is None:
        return None, kept, []
    moved = set(stamps)
    body = [line for line in kept if line not in moved]
    return date_line.strip("| "), body, [Removed(text=line, reason="date") for line in stamps]


def _unbox_table_rows(lines: list[str]) -> tuple[list[str], list[Removed]]:
    """Undo a layout table: trafilatura writes its rows as "| cell | cell |".

    Old table-layout pages hold the whole story in one cell: a row with prose keeps its
    cells' text, and an empty row (or the "|---|" rule under a header row) is nothing. A row
    of short cells may be a menu or a table the story holds (dropping them cost must-keep
    text on trafilatura-eval), so it stays.
    """
    kept: list[str] = []
    removed: list[Removed] = []
    for line in lines:
        if not (line.startswith("|") and line.endswith("|")):
            kept.append(line)
            continue
        cells = [c.strip() for c in line.strip("|").split("|") if c.strip(" -:")]
        if any(_is_prose(cell) for cell in cells):
            kept.append(" ".join(cells))
        elif cells:
            kept.append(line)  # labels or figures: a menu, or a table the story holds
        else:
            removed.append(Removed(text=line, reason="chrome"))
    return kept, removed


def _is_prose(cell: str) -> bool:
    words = len(cell.split())
    return words >= PROSE_CELL_WORDS or (words >= 5 and cell.endswith((".", "?", "!", '"')))


def _caption_texts(captions: tuple[Caption, ...]) -> list[str]:
    return [text for c in captions for text in (c.text, c.credit or "", f"{c.text} {c.credit}")]


def _headline(tree: HtmlElement, meta: PageMeta) -> str:
    """The h1 when the metadata title confirms it, else the metadata title without site name."""
    # Many CMSs escape the title twice ("Taiwan&#x3a; ..."): lxml undoes one layer only.
    title = html.unescape(meta.title or clean_space(tree.findtext(".//title") or ""))
    for h1 in tree.iter("h1"):
        text = clean_space(h1.text_content())
        if len(text) > 10 and (not title or text.lower() in title.lower()):
            return text
    return _trim_site_name(title, meta.publisher)


def _trim_site_name(title: str, publisher: str | None) -> str:
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    site = (publisher or "").lower()
    kept = [p for p in parts if p.lower() != site and not (site and p.lower() in site)]
    longest = max(kept or parts, key=len)
    return longest.strip() if len(longest) >= 0.4 * len(title) else title


@dataclass(frozen=True, slots=True)
class _Marks:
    """Elements whose tag, class or id says what they hold, in document order."""

    captions: list[HtmlElement] = field(default_factory=list)
    standfirsts: list[HtmlElement] = field(default_factory=list)
    bylines: list[HtmlElement] = field(default_factory=list)
    order: dict[HtmlElement, int] = field(default_factory=dict)

    def in_header(self, element: HtmlElement) -> bool:
        """Whether `element` comes before the first byline or caption: the article's head."""
        position = self.order.get(element, -1)
        later = [self.order[e] for e in (*self.bylines[:1], *self.captions[:1]) if e in self.order]
        return bool(later) and position < min(later)


@cache
def _class_patterns() -> dict[str, re.Pattern[str]]:
    hints = load_hints()
    return {
        kind: re.compile("|".join(re.escape(word) for word in hints[f"{kind}_classes"]))
        for kind in ("caption", "standfirst", "byline")
    }


_MARKED = XPath("//figcaption | //body//*[@class or @id]")
_DECK_TAGS = frozenset({"p", "div", "h2", "span"})


def _mark_elements(tree: HtmlElement) -> _Marks:
    """One pass over the classed elements; an XPath contains() per word is 5x slower."""
    patterns = _class_patterns()
    marks = _Marks()
    for position, element in enumerate(_MARKED(tree)):
        marks.order[element] = position
        if element.tag == "figcaption":
            marks.captions.append(element)
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        if patterns["caption"].search(names):
            marks.captions.append(element)
        elif patterns["byline"].search(names):
            marks.bylines.append(element)
        elif element.tag in _DECK_TAGS and patterns["standfirst"].search(names):
            marks.standfirsts.append(element)
    return marks


def _standfirst(marks: _Marks, meta: PageMeta, lines: list[str], headline: str) -> str | None:
    """A deck from markup, else the meta description when it reads as a deck, not the lede."""
    body_start = " ".join(lines[:3]).lower()
    for element in marks.standfirsts[:5]:
        text = clean_space(element.text_content())
        if not _is_one_block(element) or not _is_deck(text, headline):
            continue
        # Marked as a deck and set above the byline or lead photo: the page's own layout says
        # it is no lede, even when trafilatura keeps it as the body's first line. A block
        # marked "intro" or "lede" lower down may be the first paragraph itself.
        if marks.in_header(element) or not _repeats_lede(text, body_start):
            return text
    description = meta.description or ""
    if _is_deck(description, headline) and not _repeats_lede(description, body_start):
        return None if _is_site_blurb(description, meta, headline) else description
    return None


def _is_site_blurb(description: str, meta: PageMeta, headline: str) -> bool:
    """A description that opens with the site's own name ("Example News - world news about
    business, politics ...") describes the site, on every page of it: no deck. The site's
    name is the publisher's or what the page title holds besides the headline."""
    title = html.unescape(meta.title or "")
    names = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip() != headline]
    names = [n for n in (*names, meta.publisher or "") if len(n) >= _MIN_SITE_NAME]
    return any(description.lower().startswith(name.lower()) for name in names)


_BLOCKS = XPath(".//p | .//div | .//li | .//h1 | .//h2 | .//h3 | .//ul")


def _is_one_block(element: HtmlElement) -> bool:
    """A deck is one block of prose: no nested blocks, at most one link (a teaser list is not)."""
    return len(element.findall(".//a")) <= 1 and len(_BLOCKS(element)) <= 1


def _is_deck(text: str, headline: str) -> bool:
    low, high = _DECK_LENGTH
    if not low <= len(text) <= high or text.endswith(("...", "…", "[…]")):
        return False
    return text.lower() != headline.lower()


def _repeats_lede(text: str, body_start: str) -> bool:
    """A description that repeats the lede (or its first words) is an SEO excerpt, not a deck."""
    return text[:50].lower() in body_start


def _sort_lines(
    lines: list[str], headline: str, standfirst: str | None, captions: tuple[Caption, ...]
) -> tuple[list[str], list[Removed], list[str]]:
    """Split trafilatura's lines into body, removed (with reason) and byline lines."""
    known = {_key(headline): "headline", _key(standfirst or ""): "standfirst"}
    for caption in captions:
        known[_key(caption.text)] = "caption"
        known[_key(f"{caption.text}{caption.credit or ''}")] = "caption"
        known[_key(caption.credit or "")] = "credit"
    known.pop("", None)
    kept: list[str] = []
    removed: list[Removed] = []
    bylines: list[str] = []
    for index, line in enumerate(lines):
        reason = known.get(_key(line)) or _credit_reason(line, known)
        if reason is None and _is_byline(line, index, len(lines)):
            bylines.append(line)
            reason = "byline"
        if reason:
            removed.append(Removed(text=line, reason=reason))
        elif line:
            kept.append(line)
    return kept, removed, bylines


def _captions_outweigh_body(kept: list[str], removed: list[Removed]) -> bool:
    caption_chars = sum(len(r.text) for r in removed if r.reason == "caption")
    return caption_chars > sum(len(line) for line in kept)


def _key(text: str) -> str:
    """Letters and digits only, lower case: the same words whatever the spacing or punctuation."""
    return _NOT_WORD.sub("", text).lower()


def _credit_reason(line: str, known: dict[str, str]) -> str | None:
    """A line that is only a photo credit, or a known caption with a credit we had not seen."""
    text, credit = split_credit(line)
    if not credit:
        return None
    if not text:
        return "credit"
    return "caption" if known.get(_key(text)) == "caption" else None


def drop_body_captions(captions: tuple[Caption, ...], paragraphs: list[str]) -> tuple[Caption, ...]:
    """Captions whose text runs inside a body paragraph are body text in caption markup
    (galleries, slideshows); the body keeps them, the caption list does not repeat them."""
    body = _key(" ".join(paragraphs))
    return tuple(c for c in captions if len(_key(c.text)) < 20 or _key(c.text) not in body)


def _is_byline(line: str, index: int, count: int) -> bool:
    near_edge = index < 3 or index >= count - 2
    return near_edge and len(line) < 100 and bool(byline_line().match(line))


def _byline_from_markup(
    elements: list[HtmlElement], byline_lines: list[str], removed: list[Removed]
) -> tuple[str, ...]:
    """Names from a "By ..." line in the body, else from an element with a byline class,
    else from a block the page showed outside the extracted text that reads as a byline.

    A byline that names only a wire ("The Associated Press") is the byline as written: the
    story is the wire's, and trafilatura's page-wide author search would name a teaser's
    author instead (#9).
    """
    blocks = [r.text for r in removed if r.reason == "byline"][:_BYLINE_BLOCKS]
    # The element's text pieces apart: "By JANE DOE<br>AP Writer" is no "DOEAP".
    marked = (clean_space(" ".join(e.itertext())) for e in elements[:3])
    for text in [*byline_lines, *marked, *blocks]:
        names, organisation = parse_byline(text)
        if names:
            return names
        if _is_wire(organisation or _BY.sub("", text)):
            return (_BY.sub("", text).strip(),)
    return ()


def _is_wire(name: str) -> bool:
    """ "The Associated Press", "Reuters": a wire service's name, alone."""
    words = name.strip(" .").split()
    if words[:1] and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words).lower() in wire_services()
