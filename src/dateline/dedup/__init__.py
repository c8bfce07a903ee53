"""Deduplication at two levels: stories (near-duplicate articles) and incidents (events)."""

from __future__ import annotations

from dateline.dedup.articles import StoryIndex, minhash_signature
from dateline.dedup.events import EventRecord, Incident, cluster_incidents, is_background

__all__ = [
    "EventRecord",
    "Incident",
    "StoryIndex",
    "cluster_incidents",
    "is_background",
    "minhash_signature",
]
