"""Repairs to a page's tree before trafilatura reads it: text a browser shows that it drops.

trafilatura reads a page element by element, so prose that sits in no element of its own
goes missing, and with it, most often, the story's lead paragraph (issue #9):
- A container's leading text before its first paragraph (`<span>Lead sentence.<p>Second
  paragraph</p>`, table-era CMS output). A browser shows it as a block of its own (CSS calls
  it an anonymous block box); we give it a <p> so trafilatura sees it too.
- Text inside or after an element whose tag no HTML version knows and that names a
  namespace or a template field (`<doc.copyright holder="...">` then the lead, Word's
  `<o:p>`, `<st1:place>`). A browser renders such an element's children and tail inline;
  trafilatura drops the element with its tail. Unwrapping it (keeping its text and tail
  where they were) is what the browser shows. Custom elements with a hyphen (`<my-card>`) are
  web components whose content is often script-drawn, so they are left alone.
- A layout table: the old way to lay out a page, with the story in one cell. trafilatura
  reads every table as data and writes the whole story as one table row ("| ... |"), glued
  to the menus and teasers in the other cells. A table that nests another table, or one of
  whose cells holds a paragraph of prose, is layout (a data table's cells hold values and
  labels), so its rows and cells become plain blocks, as Readability's layout-table test
  also decides.
The repairs change no text, only the elements that hold it.
"""

from __future__ import annotations

import re

from lxml.etree import XPath, strip_tags
from lxml.html import HtmlElement, fromstring

# A namespaced (`o:p`, `st1:place`, `fb:like`) or dotted template tag (`doc.copyright`).
_FOREIGN_TAG = re.compile(r"^[A-Za-z][\w-]*[.:][\w.:-]+$")
# Tags whose leading text a browser shows as a block beside paragraphs inside them.
_CONTAINERS = frozenset({"div", "span", "td", "section", "article", "main", "font", "center"})
_PARAGRAPHS = frozenset({"p"})
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")
_DOTTED_OR_COLON = XPath("//*[contains(name(), ':') or contains(name(), '.')]")
# Containers with leading text and a paragraph child: the few _has_loose_lead must read.
_LEAD_HOLDERS = XPath(
    f"//*[{' or '.join(f'self::{tag}' for tag in sorted(_CONTAINERS))}]"
    "[p][text()[normalize-space()]]"
)
LEAD_MIN_WORDS = 12  # shorter leading text is a label ("JERUSALEM --", "Updated"), not prose


def repair_tree(tree: HtmlElement) -> HtmlElement:
    """Return the tree (changed in place) with foreign tags unwrapped and loose leads wrapped."""
    _unwrap_foreign_tags(tree)
    _wrap_loose_leads(tree)
    _unbox_layout_tables(tree)
    return tree


def _unwrap_foreign_tags(tree: HtmlElement) -> None:
    # XPath finds the candidates in C; a walk over every element in Python cost 4% of a page.
    named = _DOTTED_OR_COLON(tree)
    foreign = {el.tag for el in named if isinstance(el.tag, str) and _FOREIGN_TAG.match(el.tag)}
    if foreign:
        strip_tags(tree, *foreign)


def _wrap_loose_leads(tree: HtmlElement) -> None:
    for container in [el for el in _LEAD_HOLDERS(tree) if _has_loose_lead(el)]:
        lead = fromstring("<p></p>")
        lead.text, container.text = container.text, None
        container.insert(0, lead)


def _has_loose_lead(element: HtmlElement) -> bool:
    """Prose as the element's own leading text, with a paragraph among its children."""
    if not _is_prose(element.text or ""):
        return False
    return any(child.tag in _PARAGRAPHS for child in element)


_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")


def _unbox_layout_tables(tree: HtmlElement) -> None:
    layout = [table for table in tree.iter("table") if _is_layout_table(table)]
    for table in layout:
        for part in [table, *table.iter(*_TABLE_PARTS[1:])]:
            part.tag = "div"


def _is_layout_table(table: HtmlElement) -> bool:
    """A table that nests a table or holds a paragraph of prose in a cell."""
    if table.find(".//table") is not None:
        return True
    return any(_is_prose(p.text_content()) for p in table.iter(*_PARAGRAPHS))


def _is_prose(text: str) -> bool:
    words = " ".join(text.split())
    return len(words.split()) >= LEAD_MIN_WORDS and bool(_SENTENCE_END.search(words))
