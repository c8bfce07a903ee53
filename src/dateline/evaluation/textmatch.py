"""Text comparison as GOLD.md defines it: whitespace, quotes and case do not count.

Gold fragments have no offsets (and a page's .html gives other offsets than its text dump),
so facts are compared with fragments as texts, never by position.
"""

from __future__ import annotations

import re

_FOLD = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'}
)
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Return text with whitespace collapsed, typographic quotes made plain, lower case."""
    return _SPACE.sub(" ", text.translate(_FOLD)).strip().lower()


_WORD = re.compile(r"\w+")
WORD_SHARE = 0.6  # GOLD.md: texts overlap when they share 60% of the shorter's distinct words
MIN_WORDS = 3  # ... and the shorter has at least this many


def texts_overlap(a: str, b: str) -> bool:
    """Return True when two texts overlap as GOLD.md defines it: one contains the other, or
    they share at least 60% of the distinct words of the shorter (which has three or more)."""
    left, right = normalize(a), normalize(b)
    if not left or not right:
        return False
    if left in right or right in left:
        return True
    words_a, words_b = set(_WORD.findall(left)), set(_WORD.findall(right))
    shorter = min(words_a, words_b, key=len)
    if len(shorter) < MIN_WORDS:
        return False
    return len(words_a & words_b) >= WORD_SHARE * len(shorter)


def token_overlap(a: str, b: str) -> float:
    """Return the share of the longer phrase's tokens that the other phrase has too."""
    left, right = normalize(a).split(), normalize(b).split()
    if not left or not right:
        return 0.0
    shared = sum(1 for token in set(left) if token in right)
    return shared / max(len(set(left)), len(set(right)))
