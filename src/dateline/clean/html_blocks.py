"""The page blocks an HTML page shows that the article does not keep, each with its reason.

trafilatura leaves the page chrome out of its main text without saying what it dropped, and
no library lists it, so we do: every block-level element's own visible text (its text nodes
outside nested blocks) is one block; a block whose words are not in the kept article is
removed, and why comes from general features, in this order:
- the block's own words: an appeal cue ("Donate", "Sign up"; appeal_cues.txt), a link-list
  head ("Related stories"; link_list_heads.txt), a whole-line menu or share word
  (chrome_words.txt), small print ("All rights reserved"), a short date line;
- the region it sits in: the block or its nearest ancestor whose tag or class / id says what
  it holds (nav, footer, "comments", "cookie-banner", "newsletter", "related" ...;
  html_hints.yaml);
- its shape: a list item that is mostly link text is a link list, any short block that is
  mostly link text is chrome;
- otherwise "boilerplate".
Runs of short blocks with one reason are merged into one entry so the list stays readable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml.html import HtmlElement

from dateline.clean.line_features import DATE_SHAPE, load_words
from dateline.clean.metadata import load_hints
from dateline.clean.story_date import VISIBLE_TEXT
from dateline.reading import Removed

# Visible text: no scripts, styles or templates. (An ancestor test for hidden elements would
# double the cost of the walk for the few pages that hide any text.)
_TEXT = VISIBLE_TEXT
_WORDS = re.compile(r"\w+")
_SHORT_WORDS = 5  # shorter blocks must match a whole kept line: "Home" is in "homeland"
_PLAIN_CHARS = 40  # long enough that being inside a kept line means being kept
_LINK_SHARE = 0.6  # a block with this share of its characters in links is a list of links
_SHORT_CHARS = 200  # a link-dense block longer than this is prose with links, not chrome
_MERGE_CHARS = 80  # blocks shorter than this merge with neighbours of the same reason
_MERGED_MAX = 400
_MAX_ENTRIES = 300  # past this, one entry counts the rest (comment threads run to thousands)
_DATE_WORDS = 12


@dataclass(slots=True)
class _Block:
    element: HtmlElement
    pieces: list[str]
    link_chars: int = 0


def visible_text(tree: HtmlElement) -> list[Any]:
    """The page's visible text nodes (lxml strings that know their element), in page order.

    html.py reads them once and hands them both to the publication-day check and to
    removed_blocks: each walk over a large page costs about a millisecond.
    """
    nodes: list[Any] = _TEXT(tree)
    return nodes


def removed_blocks(nodes: list[Any], kept: list[str]) -> list[Removed]:
    """Return a Removed entry for every visible block whose text is not among `kept`.

    `nodes` are the page's visible text nodes (visible_text).
    """
    keys = [_words(line) for line in kept]
    lines, joined = set(keys), f" {' '.join(keys)} "
    # Most kept blocks are a kept line as written: a plain substring test spares the word
    # split that the rest (list items, tables, text cut at <br>) need.
    plain = " ".join(" ".join(kept).split())
    removed: list[Removed] = []
    regions: dict[HtmlElement, str | None] = {}
    for block in _blocks(nodes):
        text = " ".join(" ".join(block.pieces).split())
        if len(text) >= _PLAIN_CHARS and text in plain:
            continue
        words = _words(text)
        if not words or words in lines:
            continue
        if words.count(" ") + 1 >= _SHORT_WORDS and f" {words} " in joined:
            continue
        removed.append(Removed(text=text, reason=_reason(block, text, regions)))
    return _capped(_merged(removed))


def _words(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def _blocks(nodes: list[Any]) -> list[_Block]:
    """Each block element's own text, in document order of its first words."""
    owner: dict[HtmlElement, tuple[HtmlElement, bool]] = {}
    blocks: dict[HtmlElement, _Block] = {}
    block_tags = _block_tags()
    for node in nodes:
        element = node.getparent()
        if element is not None and node.is_tail:
            element = element.getparent()
        if element is None:
            continue
        # Most text sits right in its block (<p>, <li>): no walk up, no memo.
        if element.tag in block_tags:
            block_element, in_link = element, False
        else:
            block_element, in_link = _owner(element, owner)
        block = blocks.get(block_element)
        if block is None:
            block = blocks[block_element] = _Block(block_element, [])
        block.pieces.append(node)
        if in_link:
            block.link_chars += len(node.strip())
    return list(blocks.values())


@cache
def _block_tags() -> frozenset[str]:
    tags: list[str] = load_hints()["block_tags"]
    return frozenset(tags)


def _owner(
    element: HtmlElement, memo: dict[HtmlElement, tuple[HtmlElement, bool]]
) -> tuple[HtmlElement, bool]:
    """The nearest block element at or above `element`, and whether a link lies between."""
    found = memo.get(element)
    if found is not None:
        return found
    parent = element.getparent()
    if element.tag in _block_tags() or not isinstance(element.tag, str) or parent is None:
        found = (element, False)
    else:
        block, in_link = _owner(parent, memo)
        found = (block, in_link or element.tag == "a")
    memo[element] = found
    return found


def _reason(block: _Block, text: str, memo: dict[HtmlElement, str | None]) -> str:
    return _text_reason(text) or _region(block.element, memo) or _shape_reason(block, text)


def _text_reason(text: str) -> str | None:
    """What the block's own words say it is; a long block's words say nothing here."""
    if len(text) > _SHORT_CHARS:
        return None
    lowered = text.lower()
    if _opens_with(lowered, "appeal_cues.txt"):
        return "appeal"
    if _opens_with(lowered, "link_list_heads.txt"):
        return "link_list"
    if lowered.strip(" .:|>»›•·-–—") in _chrome_words():
        return "chrome"
    if lowered.startswith(("©", "copyright")) or _legal_cue().search(lowered):
        return "legal"
    if text.count(" ") < _DATE_WORDS and DATE_SHAPE.search(text):
        return "date"
    if byline_line().match(text):
        return "byline"
    return None


@cache
def _chrome_words() -> frozenset[str]:
    return frozenset(load_words("chrome_words.txt"))


@cache
def byline_line() -> re.Pattern[str]:
    """ "By Jane Doe", "Von Hans Muster", "Par Marie Dupont": a byline line."""
    words = "|".join(re.escape(word) for word in load_hints()["byline_line_words"])
    return re.compile(rf"^(?:{words})\s+\S", re.IGNORECASE)


def _opens_with(lowered: str, list_name: str) -> bool:
    """True when the text opens with one of the list's entries as whole words."""
    return _opening(list_name).match(lowered) is not None


@cache
def _opening(list_name: str) -> re.Pattern[str]:
    # One alternation, not a startswith per cue: this runs on every removed block.
    cues = "|".join(re.escape(cue) for cue in load_words(list_name))
    return re.compile(rf"(?:{cues})(?![^\W_])")


@cache
def _legal_cue() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(cue) for cue in load_hints()["legal_cues"]))


@cache
def _region_words() -> tuple[re.Pattern[str], dict[str, tuple[int, str]]]:
    """One pattern for every class word, and each word's (rank, reason).

    One search per element: most elements match no word and are done at once.
    """
    classes: dict[str, list[str]] = load_hints()["region_classes"]
    ranks = {
        word: (rank, reason)
        for rank, (reason, words) in reversed(list(enumerate(classes.items())))
        for word in words
    }
    alternation = "|".join(re.escape(word) for word in sorted(ranks, key=len, reverse=True))
    return re.compile(rf"(?<![a-z])(?:{alternation})"), ranks


@cache
def _region_tags() -> dict[str, str]:
    tags: dict[str, list[str]] = load_hints()["region_tags"]
    return {tag: reason for reason, names in tags.items() for tag in names}


def _region(element: HtmlElement, memo: dict[HtmlElement, str | None]) -> str | None:
    """The reason the nearest telling element at or above `element` gives.

    A loop up the ancestors, not recursion: a page may nest a thousand divs deep (#10).
    """
    chain: list[HtmlElement] = []
    reason: str | None = None
    current: HtmlElement | None = element
    while current is not None:
        if current in memo:
            reason = memo[current]
            break
        chain.append(current)
        reason = _own_region(current)
        if reason is not None:
            break
        current = current.getparent()
    for passed in chain:
        memo[passed] = reason
    return reason


def _own_region(element: HtmlElement) -> str | None:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    if len(names) > 1:
        pattern, ranks = _region_words()
        found = [ranks[match.group(0)] for match in pattern.finditer(names)]
        if found:
            return min(found)[1]  # the reason listed first in html_hints.yaml
    if element.tag == "figcaption":
        return "caption"
    return _region_tags().get(str(element.tag))


def _shape_reason(block: _Block, text: str) -> str:
    linked = block.link_chars >= _LINK_SHARE * len(text)
    if linked and block.element.tag in {"li", "ul", "ol"}:
        return "link_list"
    if linked and len(text) <= _SHORT_CHARS:
        return "chrome"
    return "boilerplate"


def _merged(removed: list[Removed]) -> list[Removed]:
    """Runs of short entries with one reason become one entry, their texts joined by ' | '."""
    merged: list[Removed] = []
    for entry in removed:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.reason == entry.reason
            and len(entry.text) < _MERGE_CHARS
            and len(last.text) + len(entry.text) < _MERGED_MAX
            and (len(last.text) < _MERGE_CHARS or " | " in last.text)
        ):
            merged[-1] = Removed(text=f"{last.text} | {entry.text}", reason=entry.reason)
        else:
            merged.append(entry)
    return merged


def _capped(removed: list[Removed]) -> list[Removed]:
    if len(removed) <= _MAX_ENTRIES:
        return removed
    rest = removed[_MAX_ENTRIES:]
    count = f"{len(rest)} more removed blocks not listed ({sum(len(r.text) for r in rest)} chars)"
    return [*removed[:_MAX_ENTRIES], Removed(text=count, reason="boilerplate")]
