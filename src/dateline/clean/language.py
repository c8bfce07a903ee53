"""The language of an article, as an ISO 639-1 code, by py3langid.

py3langid is a character n-gram classifier trained on 97 languages; it needs no network, loads
in well under a second and classifies a page in about a millisecond.
"""

from __future__ import annotations

import py3langid

_SAMPLE = 600  # characters: plenty for a paragraph of prose; the time grows with the text
_MIN_CHARS = 20  # below this any answer is a guess


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of `text`'s language, or None when it is too short to tell."""
    sample = text[:_SAMPLE]
    if len(sample.strip()) < _MIN_CHARS:
        return None
    language, _score = py3langid.classify(sample)
    return str(language)
