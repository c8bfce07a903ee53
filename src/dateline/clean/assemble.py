"""PageParts to Article: split the dateline off, join the text, set every offset.

`Article.text` is headline, standfirst, caption texts and body, joined by blank lines, in that
order (READING.md); each caption's start/end and `body_start` point into it. Both page readers
(HTML and plain text) end here, so the dateline of either is split the same way.
"""

from __future__ import annotations

import hashlib

from dateline.clean.datelines import split_dateline
from dateline.clean.parts import PageParts
from dateline.errors import InputError
from dateline.reading import Article, Caption, Dateline, Published

# Stages get no Settings, so this equals Settings.min_body_chars (config.py).
MIN_BODY_CHARS = 120
_JOIN = "\n\n"


def assemble_article(source: str, parts: PageParts, *, kind: str) -> Article:
    """Return the Article the parts make, or raise InputError when there is no body."""
    dateline, paragraphs = _split_dateline(parts.paragraphs)
    body = _JOIN.join(paragraphs)
    if len(body) < MIN_BODY_CHARS:
        raise InputError(
            source, f"no article found: {len(body)} characters of body, fewer than {MIN_BODY_CHARS}"
        )
    head = [piece for piece in (parts.headline, parts.standfirst) if piece]
    captions, text = _place_captions(_JOIN.join(head), parts.captions)
    body_start = len(text) + len(_JOIN) if text else 0
    text = f"{text}{_JOIN}{body}" if text else body
    published = Published()
    if parts.stated_date:
        day = parts.stated_date
        published = Published(earliest=day, latest=day, basis="metadata")
    return Article(
        id=hashlib.sha256(text.encode()).hexdigest()[:16],
        source=source,
        publisher=parts.publisher,
        headline=parts.headline,
        standfirst=parts.standfirst,
        byline=parts.byline,
        dateline=dateline,
        published=published,
        captions=captions,
        body=body,
        text=text,
        body_start=body_start,
        removed=parts.removed,
        url=parts.url,
        kind=kind,
    )


def _split_dateline(paragraphs: tuple[str, ...]) -> tuple[Dateline | None, list[str]]:
    kept = [p.strip() for p in paragraphs if p.strip()]
    if not kept:
        return None, kept
    dateline, rest = split_dateline(kept[0])
    kept[0] = rest.strip()
    return dateline, [p for p in kept if p]


def _place_captions(text: str, captions: tuple[Caption, ...]) -> tuple[tuple[Caption, ...], str]:
    """Append each caption's text after `text`; return the captions with their offsets."""
    placed: list[Caption] = []
    for caption in captions:
        start = len(text) + len(_JOIN) if text else 0
        text = f"{text}{_JOIN}{caption.text}" if text else caption.text
        placed.append(Caption(text=caption.text, credit=caption.credit, start=start, end=len(text)))
    return tuple(placed), text
