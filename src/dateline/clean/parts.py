"""PageParts: what a page reader (HTML or plain text) hands to the article assembler.

Both readers fill the same parts; `stage.py` decides which reader a page needs (by content,
not file name), splits the dateline off the first body paragraph, and assembles
`Article.text` = headline + standfirst + captions + body, joined by blank lines, with offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateline.reading import Caption, Removed


@dataclass(frozen=True, slots=True, kw_only=True)
class PageParts:
    """The pieces of one page, before they are joined into the article text."""

    headline: str
    standfirst: str | None = None
    byline: tuple[str, ...] = ()
    publisher: str | None = None
    captions: tuple[Caption, ...] = ()  # offsets are set by the assembler
    paragraphs: tuple[str, ...] = ()  # body paragraphs; the dateline is still on the first
    removed: tuple[Removed, ...] = ()
    stated_date: date | None = None  # a publication date the page states (meta or a date line)
    date_line: str | None = None  # the story's date line as shown; the text carries it
    url: str | None = None
