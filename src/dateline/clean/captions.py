"""Photo captions and their credits, found in HTML and kept apart from the body.

No extractor separates captions (trafilatura drops or inlines them), so we find them in the
markup ourselves: <figcaption>, elements whose class or id names a caption, and a credit that
is either its own element (class "credit", "copyright") or the tail of the caption text in a
wire shape ("REUTERS/Jane Doe", "AP Photo/John Roe", "Photo: Jane Doe", "© dpa").
"""

from __future__ import annotations

import re
from functools import cache

from lxml.etree import XPath
from lxml.html import HtmlElement

from dateline.clean.bylines import wire_services
from dateline.clean.metadata import clean_space, load_hints
from dateline.reading import Caption

_NAME = r"[A-Z][\w.&'’-]*"
# AGENCY/Name or Agency Photo/Name at the end of a caption, optionally in brackets, with the
# wire's note on where the photo came from ("AP Photo/Jane Doe, Pool", "..., File").
_SLASH_CREDIT = re.compile(
    rf"[(\[]?((?:{_NAME}\s){{0,2}}{_NAME}\s?/\s?{_NAME}(?:\s{_NAME}){{0,3}}"
    r"(?:,\s?(?:[Pp]ool|POOL|[Ff]ile|FILE|[Hh]andout|HANDOUT))?)[)\]]?\.?\s*$"
)
_COPYRIGHT = re.compile(r"[(\[]?(©\s*[^()\[\]]{2,80}?)[)\]]?\.?\s*$")
_CREDIT_TAIL = 120
_MAX_CAPTION = 600  # longer "captions" are galleries or articles that borrowed the class


@cache
def _credit_words() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_hints()["credit_words"])
    return re.compile(
        rf"[(\[]?((?:{words})\s*(?::|by\b|©)\s*[^()\[\]:]{{2,80}}?)[)\]]?\.?\s*$", re.IGNORECASE
    )


@cache
def _credit_xpath() -> XPath:
    tests = " or ".join(
        f"contains(concat(@class, ' ', @id), '{word}')" for word in load_hints()["credit_classes"]
    )
    return XPath(f".//*[{tests}]")


def split_credit(text: str) -> tuple[str, str | None]:
    """Return (caption, credit) with a trailing photo credit split off, or (text, None)."""
    text = clean_space(text)
    # Credits are short and end the caption: searching the tail keeps long lines cheap.
    offset = max(0, len(text) - _CREDIT_TAIL)
    tail = text[offset:]
    lowered = tail.lower()
    # Each pattern needs its mark, and a search for a line end tries every position of the
    # tail: a line without the mark skips the pattern (most lines have none of them).
    marks = ("/" in tail, "©" in tail, "©" in tail or ":" in tail or "by" in lowered)
    for pattern, marked in zip((_SLASH_CREDIT, _COPYRIGHT, _credit_words()), marks, strict=True):
        match = pattern.search(tail) if marked else None
        if match and _is_credit(match.group(1)):
            return text[: offset + match.start()].rstrip(" -–—|,"), match.group(1).strip()
    return text, None


def _is_credit(credit: str) -> bool:
    """A slash credit must look like an agency (upper case) or a photo desk, not a phrase."""
    if "/" not in credit:
        return True
    agency, after = (part.strip() for part in credit.split("/", 1))
    words = agency.split()
    if agency.isupper() or words[-1].lower() in {"photo", "photos", "pool"} or "Getty" in credit:
        return True
    # "Jane Doe/Associated Press": the photographer, then the wire that sent the photo.
    return after.split(",")[0].strip().lower() in wire_services()


# In XPath, so lxml sizes each block in C: a nav bar's icons sit in blocks of whole pages.
_IMAGE_PARENTS = XPath(
    f"//img/parent::*[string-length(normalize-space(.)) >= 3 and "
    f"string-length(normalize-space(.)) <= {_MAX_CAPTION}]"
)


def credited_image_blocks(tree: HtmlElement) -> list[HtmlElement]:
    """Blocks that hold a photo and a short text ending in a photo credit: captions in markup
    that names none ("<div id='articleBodyImageH'><img ...>Firemen prepare ... (REUTERS/Jane
    Doe)</div>"). The credit is what says the text describes the photo."""
    blocks = []
    for element in _IMAGE_PARENTS(tree):
        caption, credit = split_credit(element.text_content())
        if caption and credit:
            blocks.append(element)
    return blocks


def find_captions(elements: list[HtmlElement]) -> tuple[Caption, ...]:
    """Return the captions, with credits, of these candidate elements (outermost only)."""
    seen: set[str] = set()
    captions: list[Caption] = []
    chosen: set[HtmlElement] = set()
    for element in elements:
        if any(parent in chosen for parent in element.iterancestors()):
            continue
        caption = _read_caption(element)
        if caption is None or caption.text in seen:
            continue
        chosen.add(element)
        seen.add(caption.text)
        captions.append(caption)
    return tuple(captions)


def _read_caption(element: HtmlElement) -> Caption | None:
    full = clean_space(element.text_content())
    if not 3 <= len(full) <= _MAX_CAPTION:
        return None
    credits = [clean_space(e.text_content()) for e in _credit_xpath()(element)]
    credit = next((c for c in credits if c and c != full), None)
    if credit:
        text = clean_space(full.replace(credit, " ")).rstrip(" -–—|,")
        return Caption(text=text, credit=credit) if text else None
    text, credit = split_credit(full)
    return Caption(text=text, credit=credit) if text else None
