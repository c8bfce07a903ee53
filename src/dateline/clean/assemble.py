"""PageParts to Article: split the dateline off, join the text, set every offset.

`Article.text` is headline, standfirst, the page's date line, caption texts and body, joined by
blank lines, in that order (READING.md's order, with the date line added in #9); each caption's
start/end and `body_start` point into it. Both page readers (HTML and plain text) end here, so
the dateline of either is split the same way.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

from dateline.clean.date_lines import opening_day
from dateline.clean.datelines import split_dateline
from dateline.clean.parts import PageParts
from dateline.errors import InputError
from dateline.reading import Article, Caption, Dateline, Published, Removed

# Stages get no Settings, so this equals Settings.min_body_chars (config.py).
MIN_BODY_CHARS = 120
_JOIN = "\n\n"
CREDIT_TAIL = 3  # contributor lines close a story: only its last paragraphs are tested
CREDIT_MAX_CHARS = 300  # a longer paragraph is prose that happens to mention reporting
PROMO_LINES = 2  # lines of page furniture looked past for a dateline; more is a story
PROMO_MAX_WORDS = 12  # html_tree.LEAD_MIN_WORDS: a longer line is prose
_SENTENCE_END = re.compile(r"[.!?]['\"’”)]*$")


def assemble_article(source: str, parts: PageParts, *, kind: str) -> Article:
    """Return the Article the parts make, or raise InputError when there is no body."""
    dateline, paragraphs, promos = _split_dateline(parts.paragraphs)
    paragraphs, credits = _split_contributor_lines(paragraphs)
    body = _JOIN.join(paragraphs)
    if len(body) < MIN_BODY_CHARS:
        raise InputError(
            source, f"no article found: {len(body)} characters of body, fewer than {MIN_BODY_CHARS}"
        )
    # The page's date line follows the headline and deck, as pages print it: it is a time
    # the reader is shown (READING.md), so the text carries it, but it is no body text.
    head = [piece for piece in (parts.headline, parts.standfirst, parts.date_line) if piece]
    captions, text = _place_captions(_JOIN.join(head), parts.captions)
    body_start = len(text) + len(_JOIN) if text else 0
    text = f"{text}{_JOIN}{body}" if text else body
    published = Published()
    day = parts.stated_date or (opening_day(paragraphs[0]) if paragraphs else None)
    if day:
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
        date_line=parts.date_line,
        captions=captions,
        body=body,
        text=text,
        body_start=body_start,
        removed=parts.removed + promos + credits,
        url=parts.url,
        kind=kind,
    )


def _split_dateline(
    paragraphs: tuple[str, ...],
) -> tuple[Dateline | None, list[str], tuple[Removed, ...]]:
    """The dateline, the paragraphs without it, and the promo lines that stood before it.

    A wire story opens at its dateline ("BAGHDAD (Reuters) - ..."), so short lines of no
    prose above it ("Experience more news: Video | Photos") are the page's, not the story's.
    """
    kept = [p.strip() for p in paragraphs if p.strip()]
    for at, paragraph in enumerate(kept[: PROMO_LINES + 1]):
        dateline, rest = split_dateline(paragraph)
        if dateline is not None:
            promos = tuple(Removed(text=p, reason="chrome") for p in kept[:at])
            return dateline, [p for p in [rest.strip(), *kept[at + 1 :]] if p], promos
        if not _is_promo(paragraph):
            break
    return None, kept, ()


def _is_promo(paragraph: str) -> bool:
    return len(paragraph.split()) < PROMO_MAX_WORDS and not _SENTENCE_END.search(paragraph)


# A story's closing copyright notice, its photo's too ("Photo Copyright Getty Images"): the
# wire's or agency's legal line, not the story's prose. A bare "Copyright" must carry a year
# or "rights reserved" to be one: "Copyright lawyers said ..." is a sentence.
_COPYRIGHT_LINE = re.compile(
    r"^(?:(?:photo|image|video)\s+copyright\s|(?:©|\(c\))|"
    r"copyright\s(?=.*(?:\b(?:19|20)\d\d\b|rights\s+reserved)))",
    re.IGNORECASE,
)


@cache
def _contributor_patterns() -> tuple[re.Pattern[str], ...]:
    lines = (Path(__file__).parent / "contributor_lines.txt").read_text(encoding="utf-8")
    return tuple(
        re.compile(line.strip())
        for line in lines.splitlines()
        if line.strip() and not line.startswith("#")
    )


def _split_contributor_lines(paragraphs: list[str]) -> tuple[list[str], tuple[Removed, ...]]:
    """Take the closing credit lines ("X contributed to this report") and copyright notices
    ("Copyright 2031 Example Wire. All rights reserved.") out of the body."""
    tail = range(max(len(paragraphs) - CREDIT_TAIL, 1), len(paragraphs))
    reasons = {i: reason for i in tail if (reason := _closing_reason(paragraphs[i]))}
    kept = [p for i, p in enumerate(paragraphs) if i not in reasons]
    removed = tuple(Removed(text=paragraphs[i], reason=reasons[i]) for i in sorted(reasons))
    return kept, removed


def _closing_reason(paragraph: str) -> str | None:
    if _is_contributor_line(paragraph):
        return "byline"
    text = paragraph.strip()
    if len(text) <= CREDIT_MAX_CHARS and _COPYRIGHT_LINE.match(text):
        return "legal"
    return None


def _is_contributor_line(paragraph: str) -> bool:
    text = paragraph.strip()
    return len(text) <= CREDIT_MAX_CHARS and any(p.search(text) for p in _contributor_patterns())


def _place_captions(text: str, captions: tuple[Caption, ...]) -> tuple[tuple[Caption, ...], str]:
    """Append each caption's text after `text`; return the captions with their offsets."""
    placed: list[Caption] = []
    for caption in captions:
        start = len(text) + len(_JOIN) if text else 0
        text = f"{text}{_JOIN}{caption.text}" if text else caption.text
        placed.append(Caption(text=caption.text, credit=caption.credit, start=start, end=len(text)))
    return tuple(placed), text
