"""Story signatures: each article body becomes a MinHash of its word shingles.

The reading processes compute them (store/rows.py `prepare`); dedup/stories.py matches them
into stories in the writer.

The MinHash is datasketch's "affine32" scheme (datasketch 2.0, its default), computed here
with numpy rather than by datasketch itself. Why: `from datasketch import MinHash` runs the
package's `__init__`, which imports its LSH indexes and with them scipy: 41 MiB of resident
memory and 0.6 s in every reading process, for a function of a dozen numpy lines. #12 caps
each reading process at 500 MB, and those 41 MiB buy its parse batches. The scheme is
datasketch's exactly (the SHA-1 of each shingle, the MurmurHash3 finalizer, affine maps with
odd multipliers drawn as datasketch draws them with seed 1), so stores written before keep
their stories; tests/dedup/test_articles.py holds the values equal to datasketch's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import cache

import numpy as np
import numpy.typing as npt

from dateline.dedup.stories import NUM_PERM

SCHEME = "affine32"  # datasketch's name for the scheme; tests build its MinHash with it
SEED = 1  # datasketch's default seed
SHINGLE = 3  # words per shingle
_WORD = re.compile(r"\w+")
_U32 = np.uint32
# The MurmurHash3 32-bit finalizer's shifts and multipliers (public domain, Austin Appleby).
_FMIX = (_U32(16), _U32(0x85EBCA6B), _U32(13), _U32(0xC2B2AE35), _U32(16))

Array = npt.NDArray[np.uint32]


def minhash_signature(body: str) -> tuple[int, ...]:
    """Return the MinHash values of the body's word shingles (empty body: empty tuple)."""
    words = [w.casefold() for w in _WORD.findall(body)]
    if not words:
        return ()
    count = max(1, len(words) - SHINGLE + 1)
    shingles = {" ".join(words[i : i + SHINGLE]).encode() for i in range(count)}
    return tuple(int(v) for v in minhash_values(shingles))


def minhash_values(items: Iterable[bytes]) -> Array:
    """Return the NUM_PERM MinHash values of a set of byte strings (affine32, seed 1)."""
    hashes = np.fromiter((_sha1_32(item) for item in items), dtype=_U32).reshape(-1, 1)
    if not len(hashes):  # datasketch's empty MinHash: every value at its maximum
        return np.full(NUM_PERM, np.iinfo(_U32).max, dtype=_U32)
    multipliers, offsets = _permutations()
    with np.errstate(over="ignore"):  # uint32 arithmetic wraps: that is the modulo 2^32
        permuted = _fmix(hashes) * multipliers + offsets
    return np.asarray(permuted.min(axis=0), dtype=_U32)  # numpy types min() as Any


def _sha1_32(item: bytes) -> int:
    """The first four bytes of the SHA-1, little-endian (datasketch's sha1_hash32)."""
    return int.from_bytes(hashlib.sha1(item).digest()[:4], "little")


def _fmix(values: Array) -> Array:
    s1, m1, s2, m2, s3 = _FMIX
    values = values ^ (values >> s1)
    values = values * m1
    values = values ^ (values >> s2)
    values = values * m2
    return values ^ (values >> s3)


@cache
def _permutations() -> tuple[Array, Array]:
    """Odd multipliers and offsets, drawn in datasketch's order from its seeded generator."""
    generator = np.random.RandomState(SEED)
    multipliers = generator.randint(0, 1 << 31, NUM_PERM, dtype=_U32) * _U32(2) + _U32(1)
    offsets = generator.randint(0, 1 << 32, NUM_PERM, dtype=_U32)
    return multipliers, offsets
