"""Whether a string can be a site's or outlet's name: the check both page readers share.

Publishers come from metadata (og:site_name, JSON-LD publisher.name, twitter:site) on HTML
pages and from repeated or stated lines on text dumps (page_facts.py); both sources also
hold site controls ("Share on LinkedIn", "Help and Contact Us") and handles ("@example").
Author names from bylines and metadata are checked against the same control words and
against date stamps that CMSs print in the byline's place ("Updated Dec 9").
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_ROMAN_YEAR = re.compile(r"^[MDCLXVI]+$")  # "© MMIX"
_MAX_NAME_WORDS = 6


@cache
def _words(name: str) -> frozenset[str]:
    lines = (Path(__file__).parent / name).read_text(encoding="utf-8").splitlines()
    return frozenset(s.lower() for line in lines if (s := line.strip()) and not s.startswith("#"))


def has_ui_word(text: str) -> bool:
    """True when a word of `text` labels a site control ("Print", "Share", "Privacy")."""
    return any(word.strip("&:,.()|").lower() in _words("ui_words.txt") for word in text.split())


def ui_word_count(text: str) -> int:
    """How many words of `text` label site controls."""
    ui = _words("ui_words.txt")
    return sum(word.strip("&:,.()|").lower() in ui for word in text.split())


def is_date_stamp(text: str) -> bool:
    """True when `text` is only date and time words and numbers ("Updated Dec 9", "Friday")."""
    words = [word.strip(",.:|•").lower() for word in text.split()]
    dated = _words("date_words.txt")
    return bool(words) and all(not w or w in dated or w.replace(":", "").isdigit() for w in words)


def is_site_name(name: str, *, cased: bool = True) -> bool:
    """A name, not a year, a handle, a sentence or a site control ("Share on LinkedIn").

    `cased`: the name must open with a capital (text dumps, where a lower-case line is prose;
    metadata may spell a site in lower case, "examplenews.com").
    """
    words = name.split()
    if not words or len(words) > _MAX_NAME_WORDS or name.startswith("@"):
        return False
    if cased and not name[0].isupper():
        return False
    if _ROMAN_YEAR.match(name) or name.isdigit():
        return False
    return not has_ui_word(name)
