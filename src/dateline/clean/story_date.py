"""The story's date line on an HTML page: the short line beside the headline that dates it.

A page may show several dates: today's in its top bar (the day it was served), the story's
beside its headline, teasers' in a sidebar. The one a reader takes for the story's is the
date line nearest the headline, above it (a kicker) or below it (under the byline), as the
plain-text reader already decides (page_facts.find_stated_date). htmldate, which takes the
first date it meets, read swissinfo's top bar ("Tuesday 15.01.2008") for a story dated
"January 5, 2008 - 6:11 PM" above its headline, and every relative day of the story moved
by ten days (#9). The line is kept as the page shows it: READING.md's times list a page's
visible date, so the article text carries it (assemble.py), and it dates the story when the
page's own tags name no day it shows (published.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from lxml.etree import XPath

from dateline.clean.date_lines import find_day, is_date_line, is_update_line

# The page's visible text nodes, in page order (html_blocks.visible_text reads them so too).
VISIBLE_TEXT = XPath(
    "//body//text()[normalize-space()][not(parent::script or parent::style or "
    "parent::noscript or parent::template or parent::svg)]"
)
_BEFORE = 8  # visible text nodes above the headline searched: a kicker, a section name
_AFTER = 40  # and below it: byline, share buttons and a photo stand between (nypost: 38)
_HEAD_TAGS = frozenset({"h1", "h2"})
_MIN_HEADLINE = 10
_LIST_TAGS = frozenset({"li"})  # not dd: a <dl> often pairs "Published" with its date
_MIN_HEADLINE_WORDS = 4  # fewer words that the title holds may be a menu's "World News"


@dataclass(frozen=True, slots=True)
class DateLine:
    """A date line as the page shows it, and the day it names."""

    text: str
    day: date


def find_date_line(nodes: list[Any], title: str | None) -> DateLine | None:
    """Return the date line nearest the headline among the page's visible text nodes, or None.

    `nodes` are lxml text nodes (visible_text); `title` is the page's metadata title, used
    to find the headline when no h1 holds it.
    """
    at = _headline_index(nodes, title)
    if at is None:
        return None
    lo, hi = max(0, at - _BEFORE), min(len(nodes), at + _AFTER + 1)
    found: list[tuple[bool, int, DateLine]] = []
    for index in range(lo, hi):
        text = " ".join(str(nodes[index]).split())
        if index == at or _in_list(nodes[index]):
            continue  # a list's dates are its items': teasers, comments, an archive
        if is_date_line(text) and (day := find_day(text)):
            # An update stamp counts only when no other line dates the story, as in
            # page_facts.find_stated_date; then the nearer line, then the one below.
            rank = 2 * abs(index - at) + (index < at)
            found.append((is_update_line(text), rank, DateLine(text=text, day=day)))
    return min(found, key=_rank)[2] if found else None


def _in_list(node: Any) -> bool:
    element = node.getparent() if hasattr(node, "getparent") else None
    for _ in range(4):  # <li><div><a>Story</a> <span>Published ...</span></div></li>
        if element is None:
            return False
        if element.tag in _LIST_TAGS:
            return True
        element = element.getparent()
    return False


def _rank(item: tuple[bool, int, DateLine]) -> tuple[bool, int]:
    return item[0], item[1]


def _headline_index(nodes: list[Any], title: str | None) -> int | None:
    """The first node of an h1 (or h2) the title names, else of the first h1, else the first
    node of some words the title names (table-era pages set the headline in <b>); or None."""
    wanted = " ".join((title or "").lower().split())
    first_h1 = in_title = None
    for index, node in enumerate(nodes):
        text = " ".join(str(node).split())
        if len(text) <= _MIN_HEADLINE:
            continue
        named = bool(wanted) and text.lower() in wanted
        if not named and first_h1 is not None:
            continue  # only a named node can still win; spare the walk up its parents
        heading = _heading_of(node)
        if heading and named:
            return index
        if first_h1 is None and heading == "h1":
            first_h1 = index
        if in_title is None and named and len(text.split()) >= _MIN_HEADLINE_WORDS:
            in_title = index
    return first_h1 if first_h1 is not None else in_title


def _heading_of(node: Any) -> str | None:
    parent = node.getparent() if hasattr(node, "getparent") else None
    for _ in range(3):  # <h1><a><span>Headline</span></a></h1>
        if parent is None:
            return None
        if isinstance(parent.tag, str) and parent.tag.lower() in _HEAD_TAGS:
            return str(parent.tag).lower()
        parent = parent.getparent()
    return None
