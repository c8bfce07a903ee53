"""Story signatures: each article body becomes a MinHash of its word shingles (datasketch).

The reading processes compute them (store/rows.py `prepare`); dedup/stories.py matches them
into stories without datasketch, in the writer.
"""

from __future__ import annotations

import re

from datasketch import MinHash

from dateline.dedup.stories import NUM_PERM

SCHEME = "affine32"  # datasketch 2 needs the scheme named to rebuild a MinHash from values
SHINGLE = 3  # words per shingle
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
