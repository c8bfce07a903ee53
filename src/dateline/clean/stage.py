"""clean_article: raw bytes to the clean article (needs raw; fills article, text).

decode (decode.py: empty, binary, over the cap, encoding) -> HTML or plain text, told apart by
content, never by file name -> the HTML reader (html.py) or the plain-text line classifier
(lines.py) -> PageParts -> the assembler (assemble.py: dateline, text, offsets) -> language.
Bad input raises InputError(source, reason). The publication day comes from metadata or a
date the page states; otherwise `published.basis` stays "none" and resolve_times infers it
from the text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.clean.assemble import assemble_article
from dateline.clean.decode import decode_page
from dateline.clean.html import read_html_page
from dateline.clean.language import detect_language
from dateline.clean.lines import read_text_page
from dateline.clean.parts import PageParts
from dateline.pipeline import stage
from dateline.reading import Reading

# Markers only an HTML document has near its top; a news dump in plain text never opens so.
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_TAG = re.compile(r"</?(?:p|div|span|a|br|h[1-6]|article|section|li|ul|img|table|meta|script)\b")
_SNIFF = 20_000  # characters to look at; a page's markup shows well before this
_MIN_TAGS = 8  # a text dump quotes a tag or two at most; an HTML fragment has dozens
# The most body text one reading holds: spaCy's own default max_length (nlp/ allows twice it).
MAX_TEXT_CHARS = 1_000_000


@stage(needs={"raw"}, fills={"article", "text"})
def clean_article(reading: Reading) -> Reading:
    """Return the reading with its clean article and the text every offset refers to."""
    text = decode_page(reading.source, reading.raw)
    if is_html(text):
        parts, kind = read_html_page(reading.source, text), "html"
    else:
        parts, kind = read_text_page(text), "text"
    parts, cut = cap_paragraphs(parts, MAX_TEXT_CHARS)
    article = assemble_article(reading.source, parts, kind=kind)
    article = replace(article, language=detect_language(article.body))
    notes = (*reading.notes, cut) if cut else reading.notes
    return replace(reading, article=article, text=article.text, notes=notes)


def cap_paragraphs(parts: PageParts, limit: int) -> tuple[PageParts, str | None]:
    """Return the parts with the body cut to about `limit` characters, and a note if cut.

    spaCy refuses a text over its max_length (E088) and needs about 1 GB per 100,000
    characters to parse one; a 20 MB text dump is no single article, so its first part is
    read and the note says how much was left (#10).
    """
    kept: list[str] = []
    used = len(parts.headline) + len(parts.standfirst or "")
    for paragraph in parts.paragraphs:
        room = limit - used
        if len(paragraph) > room:
            if room > 0 and not kept:  # one huge paragraph: keep its first whole words
                kept.append(paragraph[:room].rsplit(" ", 1)[0])
            break
        kept.append(paragraph)
        used += len(paragraph) + 2
    if len(kept) == len(parts.paragraphs) and kept[-1:] == list(parts.paragraphs[-1:]):
        return parts, None
    total = sum(len(p) for p in parts.paragraphs)
    note = (
        f"clean: body cut to its first {sum(len(p) for p in kept):,} of {total:,} "
        f"characters ({len(kept)} of {len(parts.paragraphs)} paragraphs); the rest is unread"
    )
    return replace(parts, paragraphs=tuple(kept)), note  # fmt: skip


def is_html(text: str) -> bool:
    """Return True when `text` is HTML markup rather than a plain-text page."""
    head = text[:_SNIFF]
    if _HTML_START.search(head[:2000]):
        return True
    return len(_TAG.findall(head)) >= _MIN_TAGS
