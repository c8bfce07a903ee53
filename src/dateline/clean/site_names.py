"""Whether a string can be a site's or outlet's name: the check both page readers share.

Publishers come from metadata (og:site_name, JSON-LD publisher.name, twitter:site) on HTML
pages and from repeated or stated lines on text dumps (page_facts.py); both sources also
hold site controls ("Share on LinkedIn", "Help and Contact Us") and handles ("@example").
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_ROMAN_YEAR = re.compile(r"^[MDCLXVI]+$")  # "© MMIX"
_MAX_NAME_WORDS = 6


@cache
def _ui_words() -> frozenset[str]:
    lines = (Path(__file__).parent / "ui_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(s.lower() for line in lines if (s := line.strip()) and not s.startswith("#"))


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
    return not any(word.strip("&:,.()").lower() in _ui_words() for word in words)
