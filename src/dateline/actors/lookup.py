"""Lookups other stages use to tie their facts to actors: `actor_at`.

Quotes and events ask about every token they consider (tens of thousands of calls over a
news sample), so the mentions are indexed once per reading: sorted by start, searched by
bisection. The index is kept per thread (Dask may run stages in threads) for the last
reading asked about, which is the one a stage works through.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from dataclasses import dataclass

from dateline.reading import Actor, Mention, Reading


@dataclass(frozen=True, slots=True)
class _Index:
    actors: tuple[Actor, ...]  # the tuple indexed, compared by identity
    starts: tuple[int, ...]
    mentions: tuple[tuple[Mention, int], ...]  # each mention with its actor's rank
    longest: int


_last = threading.local()


def actor_at(reading: Reading, start: int, end: int) -> Actor | None:
    """Return the actor with a mention overlapping [start, end), the tightest one first."""
    index = _index_of(reading.actors)
    best: tuple[int, int, int] | None = None
    first = bisect_left(index.starts, start - index.longest)
    for mention, rank in index.mentions[first : bisect_left(index.starts, end)]:
        overlap = min(end, mention.end) - max(start, mention.start)
        if overlap <= 0:
            continue
        # Most overlap first, then the shortest mention: "U.S. envoy Amos Hochstein" asked
        # about "Amos Hochstein" is the person, not the United States inside the title.
        # Ties go to the actor named first.
        key = (overlap, -(mention.end - mention.start), -rank)
        if best is None or key > best:
            best = key
    return index.actors[-best[2]] if best else None


def _index_of(actors: tuple[Actor, ...]) -> _Index:
    index: _Index | None = getattr(_last, "index", None)
    if index is None or index.actors is not actors:
        pairs = sorted(
            ((m, rank) for rank, a in enumerate(actors) for m in a.mentions), key=_mention_start
        )
        longest = max((m.end - m.start for m, _ in pairs), default=0)
        index = _Index(actors, tuple(m.start for m, _ in pairs), tuple(pairs), longest)
        _last.index = index
    return index


def _mention_start(pair: tuple[Mention, int]) -> int:
    return pair[0].start
