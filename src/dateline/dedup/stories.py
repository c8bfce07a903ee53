"""Stories: a new article joins the story of its most similar earlier copy (#12).

An article's MinHash signature (dedup/articles.py, computed where the article is read) is cut
into BANDS bands of ROWS values. Two articles that agree on every value of some band are
candidates; a candidate is a copy when the share of equal values in the two signatures (the
MinHash estimate of their Jaccard similarity) reaches THRESHOLD. A new article joins the
story of its best copy, else starts a story named by its own id, so a story id never changes
once given.

We band the signatures ourselves, and keep each article's band keys in the store (table
article_bands, store/stories.py), rather than use datasketch's MinHashLSH: that index imports
scipy into the one writing process (47 MiB with datasketch, where #12 caps every process at
500 MB) and holds every stored signature in memory, rebuilt from the whole store at each
ingest start. The rules are datasketch's, so the stories are the same as with its index: its
(bands, rows) for THRESHOLD and NUM_PERM (tests/dedup/test_stories.py compares), its Jaccard
estimate, and among candidates over the threshold the highest (score, article id) wins.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

NUM_PERM = 128
# Estimated Jaccard of 3-word shingles above which two bodies are one story. Calibrated on
# ../shared/eval/news-sample, each page read from its .html and from its .txt (the same
# story, different chrome): the 43 pairs score 0.61 to 1.00 (median 0.91) and no page scores
# over 0.09 against another story, so 0.5 finds all pairs with a wide margin on both sides
# (benchmarks/ingest.py --calibrate). The sample holds no outlet's rewrite of a wire story;
# such edits score lower than chrome does, which is why the threshold sits well below 0.61.
THRESHOLD = 0.5
# What datasketch's MinHashLSH chooses for THRESHOLD and NUM_PERM (the least weighted sum of
# false positive and negative odds, equal weights); a test asks datasketch, so they cannot drift.
BANDS, ROWS = 25, 5
# Hex digits of a band's md5 kept as its key: 60 bits fit a BIGINT. Two different bands that
# share a key only add a candidate, which the similarity check then turns away.
KEY_DIGITS = 15

Signature = tuple[int, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Known:
    """An article already given its story: a stored one, or an earlier one of the same chunk."""

    article_id: str
    story_id: str
    signature: Signature


def band_keys(signature: Sequence[int]) -> tuple[int, ...]:
    """Return the key of each band of a signature, in band order (none for an empty one)."""
    return _band_keys(tuple(signature))


# A chunk's new articles are asked for their keys three times (to look up candidates, to match,
# for the rows written): 25 md5s each, computed once. A chunk is 16 articles by default.
@lru_cache(maxsize=256)
def _band_keys(signature: Signature) -> tuple[int, ...]:
    if len(signature) != NUM_PERM:  # datasketch indexes only full signatures
        return ()
    return tuple(_key(signature[band * ROWS : (band + 1) * ROWS]) for band in range(BANDS))


def _key(values: Sequence[int]) -> int:
    # Migration 6 (store/migrate.py) computes the same in SQL for stored signatures: the md5 of
    # the values in decimal, comma-separated. md5, not Python's or DuckDB's hash(), because the
    # keys are kept in the file and must not change with either's version.
    text = ",".join(str(v) for v in values).encode()
    return int(hashlib.md5(text, usedforsecurity=False).hexdigest()[:KEY_DIGITS], 16)


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Return the estimated Jaccard similarity of two signatures: the share of equal values."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def assign_stories(new: Sequence[tuple[str, Signature]], stored: Iterable[Known]) -> list[str]:
    """Return each new article's story id, in order: its best earlier copy's, else its own.

    `stored` needs only the stored articles that share a band with one of the new ones; each
    new article is matched against those and against the new ones before it.
    """
    buckets: dict[tuple[int, int], list[Known]] = defaultdict(list)
    for known in stored:
        _file(buckets, known, band_keys(known.signature))
    stories = []
    for article_id, signature in new:
        keys = band_keys(signature)
        story = _best_copy(buckets, signature, keys) or article_id
        stories.append(story)
        _file(buckets, Known(article_id=article_id, story_id=story, signature=signature), keys)
    return stories


def _file(buckets: dict[tuple[int, int], list[Known]], known: Known, keys: Sequence[int]) -> None:
    for band, key in enumerate(keys):
        buckets[band, key].append(known)


def _best_copy(
    buckets: dict[tuple[int, int], list[Known]], signature: Signature, keys: Sequence[int]
) -> str | None:
    """Return the story of the most similar candidate over THRESHOLD, or None."""
    candidates = {
        known.article_id: known
        for band, key in enumerate(keys)
        for known in buckets.get((band, key), ())
    }
    best: tuple[float, str] | None = None
    for known in candidates.values():
        score = similarity(signature, known.signature)
        if score >= THRESHOLD and (best is None or (score, known.article_id) > best):
            best = (score, known.article_id)
    return candidates[best[1]].story_id if best else None
