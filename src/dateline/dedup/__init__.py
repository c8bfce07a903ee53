"""Deduplication at two levels: stories (near-duplicate articles) and incidents (events)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.dedup.events import EventRecord, Incident, cluster_incidents, is_background

if TYPE_CHECKING:
    from dateline.dedup.articles import minhash_signature

__all__ = [
    "EventRecord",
    "Incident",
    "cluster_incidents",
    "is_background",
    "minhash_signature",
]


def __getattr__(name: str) -> Any:
    # Signatures need numpy's random generator and hashlib: loaded on first use only, so that
    # query commands, which import the store and through it dedup/events.py, stay fast (#12).
    if name == "minhash_signature":
        from dateline.dedup import articles

        return getattr(articles, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
