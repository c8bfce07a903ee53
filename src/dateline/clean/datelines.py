"""Datelines: the place and wire that open a news story, split off its first paragraph.

Covers the wire and newspaper forms `BEIRUT (Reuters) -`, `WASHINGTON, Jan 5 (Reuters) -`,
`KYIV, Ukraine (AP) —`, `GAZA CITY —`, `(CNN) —`, `RAMALLAH, Dec. 29 (Xinhua) --` with a hyphen,
en dash, em dash, double hyphen or the old AP underscore. No library parses datelines (trafilatura
and newspaper3k leave them on the body), so this is ours: a regular expression finds the head
before the first dash, and small checks decide whether that head is a dateline or the start of
an ordinary sentence ("US President Joe Biden - who ...").
"""

from __future__ import annotations

import re

from dateline.clean.bylines import wire_services
from dateline.reading import Dateline

_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
    r"|January|February|March|April|June|July|August|September|October|November|December"
)
# The head runs to the first dash that stands apart from a word: "AL-ARISH" keeps its hyphen,
# "BEIRUT (Reuters)- The" and "JERUSALEM--President" still split.
_HEAD = re.compile(
    r"^(?P<head>[^\n]{2,90}?)"
    r"(?P<dash>\s*(?:--|[–—])\s*|\s+[-_]\s*|(?<=\))\s*-\s*)"
    r"(?P<rest>\S.*)$",
    re.DOTALL,
)
_WIRE = re.compile(r"\s*\((?P<wire>[A-Za-z][\w .&!'’-]{1,30})\)\s*$")
_DATE = re.compile(rf"^(?:{_MONTH})\s+\d{{1,2}}$")
_REGION = re.compile(r"^[^\W\d_][\w'’.-]*(?:\s[^\W\d_][\w'’.-]*){0,2}$")
_PLACE = re.compile(r"^[^\W\d_][\w'’./&-]*(?:\s[\w'’./&-]+){0,3}$")
# A head with no wire is only a dateline when what follows reads as a sentence; this keeps
# "FDFA - Federal Department of Foreign Affairs" and similar glossary lines out.
_SENTENCE_END = re.compile(r"[.!?]['\"’”)]*\s*$")
_MIN_REST_WORDS = 4
_LINE_SPLIT = re.compile(r"\s+(?:--|[–—-])\s+")


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """Return (the dateline, the paragraph without it), or (None, paragraph) when it has none."""
    match = _HEAD.match(paragraph.lstrip())
    if match is None:
        return None, paragraph
    head, rest = match.group("head").strip(), match.group("rest")
    found = _read_head(head)
    if found is None or not _reads_as_sentence(rest, has_wire=found[1] is not None):
        return None, paragraph
    place, wire = found
    text = (head + match.group("dash")).strip()
    return Dateline(place=place, wire=wire, text=text), rest


def _read_head(head: str) -> tuple[str | None, str | None] | None:
    """Return (place, wire) when `head` is a dateline head, else None."""
    wire = None
    wire_match = _WIRE.search(head)
    if wire_match:
        wire = wire_match.group("wire").strip()
        head = head[: wire_match.start()].strip()
    if not head:
        return (None, wire) if wire else None
    place, *others = [part.strip() for part in head.split(",")]
    if not _is_place(place, has_wire=wire is not None):
        return None
    if not all(_DATE.match(part) or _REGION.match(part) for part in others):
        return None
    return place, wire


def _is_place(place: str, *, has_wire: bool) -> bool:
    """Upper case ("GAZA CITY"); title case only when a wire vouches for it ("Kabul (AP) -")."""
    if not _PLACE.match(place) or len(place) < 2:
        return False
    if place.isupper():
        return True
    return has_wire and all(word[0].isupper() for word in place.split())


def _reads_as_sentence(rest: str, *, has_wire: bool) -> bool:
    words = rest.split()
    # A story's first sentence starts with a capital, a digit or a quote: "NATO - the alliance".
    if len(words) < _MIN_REST_WORDS or rest[0].islower():
        return False
    return has_wire or bool(_SENTENCE_END.search(rest)) or len(words) >= 3 * _MIN_REST_WORDS


def is_dateline_line(line: str) -> bool:
    """True for a dateline standing on its own line: `BEIRUT — Reuters`, `KABUL (AP)`.

    Text dumps put it between the headline and the story; it stands alone like a title,
    but a place followed by a news agency is none.
    """
    parts = _LINE_SPLIT.split(line.strip(), maxsplit=1)
    if len(parts) == 2:
        place, wire = parts
        return wire.lower() in wire_services() and _is_place(place.split(",")[0], has_wire=True)
    found = _read_head(line.strip())
    return found is not None and found[1] is not None
