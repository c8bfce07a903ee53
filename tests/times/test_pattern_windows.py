"""Searching near each pattern's needle finds what one scan of the whole text finds (#12)."""

from __future__ import annotations

import random
from operator import attrgetter

from dateline.times.patterns import Candidate, _compiled, find_candidates

PHRASES = [
    "three days ago", "last week", "on March 3, 2021", "in the spring of 1999", "the 1990s",
    "about two years", "early Tuesday morning", "10:30 a.m. GMT", "a week since his killing",
    "the first quarter of 2020", "every other week", "17128", "1945 percent", "recently",
    "for years", "the coming months", "25.0657,,55.17128", "the next few days", "daily",
]  # fmt: skip
FILLER = ["the", "minister", "said", "that", "talks", "would", "go", "on", "in", "the", "capital"]


def whole_text_scan(text: str) -> list[tuple[str, int, int]]:
    """The reference: every pattern over the whole text, longest first, no overlaps."""
    found = []
    for rank, compiled in enumerate(_compiled()):
        for match in compiled.pattern.finditer(text):
            start, end = match.span("t") if "t" in compiled.pattern.groupindex else match.span()
            while end > start and text[end - 1] in " ,\n\t":
                end -= 1
            if end > start:
                found.append((-(end - start), rank, Candidate(compiled.kind, start, end, match)))
    found.sort(key=lambda f: (f[0], f[1]))
    taken: list[Candidate] = []
    for _, _, cand in found:
        if all(cand.end <= c.start or cand.start >= c.end for c in taken):
            taken.append(cand)
    return [(c.kind, c.start, c.end) for c in sorted(taken, key=attrgetter("start"))]


def test_windowed_search_equals_a_whole_text_scan() -> None:
    rng = random.Random(12)
    for _ in range(40):
        words: list[str] = []
        for _ in range(rng.randrange(50, 400)):
            words.append(rng.choice(PHRASES) if rng.random() < 0.08 else rng.choice(FILLER))
        text = " ".join(words)
        got = [(c.kind, c.start, c.end) for c in find_candidates(text)]
        assert got == whole_text_scan(text)


def test_a_number_cut_by_a_window_end_is_no_year() -> None:
    # The window around "1913" reaches 200 characters on, to just after "1712" of "17128": had
    # it ended there, "1712" would have ended on a word boundary.
    text = "in 1913" + " x" * 96 + " 55.17128 units"
    assert text.index("17128") + 4 == text.index("1913") + 4 + 200
    assert [text[c.start : c.end] for c in find_candidates(text)] == ["1913"]
