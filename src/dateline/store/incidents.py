"""Rebuild the incidents tables from the stored events (dedup/events.py does the clustering).

Incidents are recomputed over the whole store after each ingest: a new report can join an
old incident, and clustering a few thousand event rows takes well under a second.
"""

from __future__ import annotations

from typing import Any

from dateline.dedup.events import EventRecord, Incident, cluster_incidents
from dateline.store.store import Store

_EVENTS = """
SELECT e.id, e.article_id, a.story_id, a.publisher, e.type, e.source_name, e.target_name,
       e.place_name, e.earliest, e.latest, e.text, e.goldstein, e.background
FROM events e JOIN articles a ON a.id = e.article_id
ORDER BY e.id
"""


def load_event_records(store: Store) -> list[EventRecord]:
    """Return every stored event with its article's story and publisher."""
    return [_record(row) for row in store.con.execute(_EVENTS).fetchall()]


def _record(r: tuple[Any, ...]) -> EventRecord:
    return EventRecord(
        id=r[0], article_id=r[1], story_id=r[2], publisher=r[3], type=r[4],
        source_name=r[5], target_name=r[6], place_name=r[7], earliest=r[8], latest=r[9],
        text=r[10], goldstein=float(r[11] or 0.0), background=bool(r[12]),
    )  # fmt: skip


def rebuild_incidents(store: Store) -> list[Incident]:
    """Cluster the stored events into incidents, replace the incidents tables, return them."""
    incidents = cluster_incidents(load_event_records(store))
    with store.transaction():
        store.con.execute("DELETE FROM incident_events")
        store.con.execute("DELETE FROM incidents")
        for i in incidents:
            store.con.execute(
                "INSERT INTO incidents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [i.id, i.type, i.source_name, i.target_name, i.place_name, i.earliest,
                 i.latest, len(i.event_ids), len(i.article_ids), len(i.story_ids),
                 list(i.publishers), i.goldstein, i.background],
            )  # fmt: skip
        links = [[i.id, eid] for i in incidents for eid in i.event_ids]
        if links:
            store.con.executemany("INSERT INTO incident_events VALUES (?, ?)", links)
    return incidents
