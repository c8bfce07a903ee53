"""Lookups other stages use to tie their facts to actors: `actor_at`."""

from __future__ import annotations

from dateline.reading import Actor, Reading


def actor_at(reading: Reading, start: int, end: int) -> Actor | None:
    """Return the actor with a mention overlapping [start, end), the tightest one first."""
    best: tuple[int, int, Actor] | None = None
    for actor in reading.actors:
        for mention in actor.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap <= 0:
                continue
            # Most overlap first, then the shortest mention: "U.S. envoy Amos Hochstein" asked
            # about "Amos Hochstein" is the person, not the United States inside the title.
            extent = mention.end - mention.start
            if best is None or (overlap, -extent) > (best[0], best[1]):
                best = (overlap, -extent, actor)
    return best[2] if best else None
