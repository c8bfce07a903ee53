"""Bylines: the people and the organisation that signed a story.

"By Jane Doe and John Roe, Associated Press" -> (("Jane Doe", "John Roe"), "Associated Press").
Also "Jane Doe, Reuters", "By JANE DOE | CNN", "By Jane Doe, Staff Writer" and the Reuters
trailer "Reporting by ...; Editing by ...". trafilatura and htmldate only read authors from
markup and meta tags; a byline written in the text needs its own reading, which is this module.
Word lists (wire services, outlet words, job titles) are data files beside it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from dateline.clean.site_names import has_ui_word, is_date_stamp

_HERE = Path(__file__).parent
_MAX_CHARS = 200  # a byline is one short line; longer lines are prose that begins with "By"
_BY = re.compile(r"^by\b[:\s]*", re.IGNORECASE)
# "Reporting by X in Kyiv; Additional reporting by Y; Editing by Z" (Reuters' trailer).
_TRAILER_PART = re.compile(
    r"^\(?(?:additional |further )?(?:reporting|editing|writing|compiled|"
    r"compiled and edited|research|graphics) by\s+(?P<names>.+?)\)?\.?$",
    re.IGNORECASE,
)
# Time stamps that CMSs print on the byline line: "By Jane Doe, CNN Updated 12:03 PM ET ..."
_STAMP = re.compile(r"\s*(?:[|,•]\s*)?\b(?:Updated|Published|Posted|Last updated)\b.*$")
_SEGMENTS = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+")
_NAME_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.IGNORECASE)
_AND = re.compile(r"\s(?:and|&)\s", re.IGNORECASE)
_PLACE_TAIL = re.compile(r"\s+(?:in|at|from|reporting from)\s+[A-Z].*$")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.)$")
# Lower-case words inside personal names ("Ahmed bin Ali", "Ursula von der Leyen").
_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "ben", "abu", "de", "da", "di", "du", "dos", "der", "den"}
    | {"van", "von", "la", "le", "ter", "zu", "y"}
)
_MAX_NAME_WORDS = 5


@cache
def _load_words(name: str) -> frozenset[str]:
    lines = (_HERE / name).read_text(encoding="utf-8").splitlines()
    return frozenset(s.lower() for line in lines if (s := line.strip()) and not s.startswith("#"))


def wire_services() -> frozenset[str]:
    """Return the lower-cased names of news agencies and wire services (wire_services.txt)."""
    return _load_words("wire_services.txt")


def parse_byline(line: str) -> tuple[tuple[str, ...], str | None]:
    """Return (person names, organisation) of a byline, or ((), None) when it is not one."""
    line = " ".join(line.split())
    if not line or len(line) > _MAX_CHARS:
        return (), None
    trailer = _parse_trailer(line)
    if trailer:
        return trailer, None
    signed = _BY.match(line)
    body = _STAMP.sub("", line[signed.end() :] if signed else line).strip(" ,.;:")
    names, organisation = _parse_body(body)
    if signed:
        return (names, organisation) if names or organisation else ((), None)
    # Without "By" a line is a byline only in the "Name, Organisation" shape.
    return (names, organisation) if names and organisation else ((), None)


def _parse_trailer(line: str) -> tuple[str, ...]:
    names: list[str] = []
    for part in line.strip(" ()").split(";"):
        match = _TRAILER_PART.match(part.strip())
        if match is None:
            return ()
        found = _split_names(match.group("names"))
        if found is None:
            return ()
        names.extend(found)
    return tuple(dict.fromkeys(names))


def _parse_body(body: str) -> tuple[tuple[str, ...], str | None]:
    """Names, then an organisation after a comma, a bar or a spaced dash."""
    first, *others = _SEGMENTS.split(body)
    parts = [part.strip() for part in first.split(",")]
    # A list of names ends with "and": in "A and B, Harbour Courier" what follows is no name.
    joined = next((i for i, part in enumerate(parts) if _AND.search(part)), len(parts))
    others = parts[joined + 1 :] + others
    parts = parts[: joined + 1]
    organisation = next((o for o in map(_as_organisation, others) if o), None)
    while len(parts) > 1:
        tail = parts[-1]
        if tail.lower() in _load_words("byline_roles.txt") or is_role(tail):
            parts.pop()
        elif _is_organisation(tail):
            organisation = organisation or _as_organisation(tail)
            parts.pop()
        else:
            break
    names = _capitals_before_role(first) or _split_names(", ".join(parts))
    if names is None:
        whole = _as_organisation(first)
        return (), whole if whole and _is_organisation(first) else organisation
    return names, organisation


def _capitals_before_role(text: str) -> tuple[str, ...] | None:
    """ "TERENCE HUNT AP White House Correspondent": a name in capitals, then a job title in
    title case, the comma lost where a <br> stood between them (old AP pages)."""
    words = text.split()
    if "," in text:
        return None  # the comma is there: the parts were split already
    caps = 0
    while caps < len(words) and words[caps].isupper() and words[caps].isalpha():
        caps += 1
    rest = " ".join(words[caps:])
    if caps < 2 or not rest or not is_role(rest):
        return None
    # The title may open with its agency in capitals too ("AP"): a name has no such word.
    while caps > 2 and words[caps - 1].lower() in wire_services():
        caps -= 1
    return _split_names(" ".join(words[:caps]))


def _split_names(text: str) -> tuple[str, ...] | None:
    """Each name of "Jane Doe, John Roe and Ann Poe in Kyiv", or None if one is not a name."""
    names = []
    for piece in _NAME_SPLIT.split(text.strip()):
        name = _PLACE_TAIL.sub("", piece.strip(" .")).strip()
        if not _is_name(name):
            return None
        names.append(_normalise_case(name))
    return tuple(names) or None


def _is_name(name: str) -> bool:
    words = name.split()
    # One word is a newsroom or a pen name more often than a person: not a name here.
    if not 2 <= len(words) <= _MAX_NAME_WORDS or not words[0][0].isupper():
        return False
    if _is_organisation(name) or has_ui_word(name) or is_date_stamp(name):
        return False  # "Print Story | Email Story", "Updated Dec 9": page furniture
    return all(_NAME_WORD.match(w) or w.lower() in _PARTICLES for w in words)


def _is_organisation(text: str) -> bool:
    text = _as_organisation(text) or ""
    lowered = text.lower().removeprefix("the ")
    if lowered in wire_services() or text.lower() in wire_services():
        return True
    words = lowered.split()
    return bool(words) and words[-1] in _load_words("outlet_words.txt") and text[0].isupper()


def is_names_only(text: str) -> bool:
    """True when the line is only people's names ("Jane Doe and John Roe"): a byline."""
    return _split_names(text) is not None


def names_only(text: str) -> tuple[str, ...]:
    """The names of a byline without its "By" ("Jane Doe and John Roe"), or ()."""
    return _split_names(text) or ()


def is_role(text: str) -> bool:
    """True for a job title, not a name: "Staff Writer", "AP National Security Writer".

    Two words ending in a role may be a pen name ("Roving Reporter"): only a whole title
    or three words and more ending in a role count.
    """
    words = text.lower().split()
    roles = _load_words("byline_roles.txt")
    if " ".join(words) in roles:
        return True
    return len(words) >= 3 and (words[-1] in roles or " ".join(words[-2:]) in roles)


def _as_organisation(text: str) -> str | None:
    """ "Associated Press Writer" -> "Associated Press"; None when nothing is left."""
    words = text.strip(" .").split()
    roles = _load_words("byline_roles.txt")
    while words and (" ".join(words[-2:]).lower() in roles or words[-1].lower() in roles):
        cut = 2 if " ".join(words[-2:]).lower() in roles and len(words) > 2 else 1
        words = words[:-cut]
    organisation = " ".join(words)
    if organisation.isupper() and len(words) > 1:  # "ASSOCIATED PRESS"; "CNN" stays
        organisation = organisation.title()
    if organisation.lower().startswith("the ") and organisation[4:].lower() in wire_services():
        organisation = organisation[4:]
    return organisation if organisation and organisation[0].isupper() else None


def _normalise_case(name: str) -> str:
    """ "JANE DOE" -> "Jane Doe"; mixed-case names stay as written."""
    return name.title() if name.isupper() and len(name) > 3 else name
