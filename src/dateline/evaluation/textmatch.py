"""Text comparison as GOLD.md defines it: whitespace, quotes and case do not count.

Gold fragments have no offsets, so we find them in the article text after normalising
both, and map positions back to the original offsets the reading's facts carry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_FOLD = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'}
)
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Return text with whitespace collapsed, typographic quotes made plain, lower case."""
    return _SPACE.sub(" ", text.translate(_FOLD)).strip().lower()


@dataclass(frozen=True, slots=True)
class NormalText:
    """A normalised copy of a text with a map from its positions back to the original."""

    text: str
    origin: tuple[int, ...]  # origin[i] = offset in the original text of normalised char i

    def find_all(self, fragment: str) -> Iterator[tuple[int, int]]:
        """Yield (start, end) in ORIGINAL offsets of each occurrence of `fragment`."""
        needle = normalize(fragment)
        if not needle:
            return
        at = self.text.find(needle)
        while at >= 0:
            yield self.origin[at], self.origin[at + len(needle) - 1] + 1
            at = self.text.find(needle, at + 1)


def normal_text(text: str) -> NormalText:
    """Return the normalised text and its offset map (one pass, same rules as normalize)."""
    chars: list[str] = []
    origin: list[int] = []
    pending_space = False
    for i, ch in enumerate(text.translate(_FOLD)):
        if ch.isspace():
            pending_space = bool(chars)
            continue
        if pending_space:
            chars.append(" ")
            origin.append(i - 1)
            pending_space = False
        chars.append(ch.lower())
        origin.append(i)
    return NormalText("".join(chars), tuple(origin))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Return True when two half-open ranges share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def token_overlap(a: str, b: str) -> float:
    """Return the share of the longer phrase's tokens that the other phrase has too."""
    left, right = normalize(a).split(), normalize(b).split()
    if not left or not right:
        return 0.0
    shared = sum(1 for token in set(left) if token in right)
    return shared / max(len(set(left)), len(set(right)))
