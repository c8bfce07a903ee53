"""Stories: the same story republished by several outlets is one story with many copies.

Each article body becomes a MinHash of its word shingles (datasketch); an LSH index finds
earlier articles whose estimated Jaccard similarity passes `THRESHOLD`. A new article joins
the story of its most similar earlier copy, else starts a story named by its own id, so a
story id never changes once given. Signatures are kept in the store, and the index is
rebuilt from them when an ingest resumes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SCHEME = "affine32"  # datasketch 2 needs the scheme named to rebuild a MinHash from values
SHINGLE = 3  # words per shingle
# Estimated Jaccard of 3-word shingles above which two bodies are one story. Calibrated on
# ../shared/eval/news-sample, each page read from its .html and from its .txt (the same
# story, different chrome): the 43 pairs score 0.61 to 1.00 (median 0.91) and no page scores
# over 0.09 against another story, so 0.5 finds all pairs with a wide margin on both sides
# (benchmarks/ingest.py --calibrate). The sample holds no outlet's rewrite of a wire story;
# such edits score lower than chrome does, which is why the threshold sits well below 0.61.
THRESHOLD = 0.5
_WORD = re.compile(r"\w+")


def minhash_signature(body: str) -> tuple[int, ...]:
    """Return the MinHash values of the body's word shingles (empty body: empty tuple)."""
    words = [w.casefold() for w in _WORD.findall(body)]
    if not words:
        return ()
    count = max(1, len(words) - SHINGLE + 1)
    shingles = {" ".join(words[i : i + SHINGLE]).encode() for i in range(count)}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(sorted(shingles))
    return tuple(int(v) for v in minhash.digest())


def _minhash(signature: Sequence[int]) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=list(signature), scheme=SCHEME)


class StoryIndex:
    """Which story each article belongs to, found by MinHash LSH over stored signatures."""

    def __init__(self, *, threshold: float = THRESHOLD) -> None:
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._stories: dict[str, str] = {}
        self._signatures: dict[str, MinHash] = {}
        self.threshold = threshold

    def add(self, article_id: str, story_id: str, signature: Sequence[int]) -> None:
        """Remember an article, its story and its signature."""
        self._stories[article_id] = story_id
        if signature and article_id not in self._signatures:
            minhash = _minhash(signature)
            self._signatures[article_id] = minhash
            self._lsh.insert(article_id, minhash)

    def find_story(self, signature: Sequence[int]) -> str | None:
        """Return the story of the most similar known article, or None if none is close."""
        if not signature:
            return None
        minhash = _minhash(signature)
        best: tuple[float, str] | None = None
        for other in self._lsh.query(minhash):
            score = minhash.jaccard(self._signatures[other])
            # LSH returns likely candidates; keep only those truly over the threshold.
            if score >= self.threshold and (best is None or (score, other) > best):
                best = (score, other)
        return self._stories[best[1]] if best else None

    def assign(self, article_id: str, signature: Sequence[int]) -> str:
        """Return the article's story id (an earlier copy's, else its own) and remember it."""
        story = self._stories.get(article_id) or self.find_story(signature) or article_id
        self.add(article_id, story, signature)
        return story
