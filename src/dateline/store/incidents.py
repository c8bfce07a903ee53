"""Keep the incidents tables in step with the stored events (dedup/events.py clusters them).

An ingest or re-read changes a few blocks (type, source, target) at a few dates. Clusters of
a block never reach across a gap of more than the window (dedup/events.py `segments`), so
only the segments that hold a changed event, or lie within the window of one, are
re-clustered; their old incidents are deleted and the new ones inserted, one Arrow insert
per table. An incident's id comes from its first report, so incidents of untouched segments,
and touched ones that gained a later report, keep their ids. `rebuild_incidents` redoes the
whole store the same way; the tests hold the two to the same rows (#12).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pyarrow as pa

from dateline.dedup.events import (
    WINDOW_DAYS,
    Block,
    EventRecord,
    Incident,
    block_of,
    cluster_incidents,
    day_of,
    segments,
)
from dateline.store.store import Store

_EVENTS = """
SELECT e.id, e.article_id, a.story_id, a.publisher, e.type, e.source_name, e.target_name,
       e.place_name, e.earliest, e.latest, e.text, e.goldstein, e.background,
       e.source_key, e.target_key, e.lat, e.lon
FROM events e JOIN articles a ON a.id = e.article_id
"""
_INCIDENTS = pa.schema([
    ("id", pa.string()), ("type", pa.string()), ("source_name", pa.string()),
    ("target_name", pa.string()), ("place_name", pa.string()), ("earliest", pa.date32()),
    ("latest", pa.date32()), ("reports", pa.int32()), ("articles", pa.int32()),
    ("stories", pa.int32()), ("publishers", pa.list_(pa.string())), ("goldstein", pa.float64()),
    ("background", pa.bool_()), ("source_key", pa.string()), ("target_key", pa.string()),
    ("lat", pa.float64()), ("lon", pa.float64()),
])  # fmt: skip
_LINKS = pa.schema([("incident_id", pa.string()), ("event_id", pa.string())])


@dataclass(frozen=True, slots=True, kw_only=True)
class Gone:
    """An event as it was before a re-read removed or re-dated it: where it used to cluster."""

    id: str
    type: str
    source_name: str | None
    target_name: str | None
    earliest: date | None
    latest: date | None


# Events clustered at a time: blocks never share an incident, so they are re-clustered a few
# thousand events at a time and only those are in memory (a 3,200-article ingest held all of
# its 48,000 events and their incidents at once, the writer's peak: 682 MiB, #12).
_BATCH_EVENTS = 5_000


def rebuild_incidents(store: Store) -> int:
    """Cluster every stored event into incidents, replacing the tables; return their count."""
    light = store.con.execute("SELECT id, type, source_name, target_name FROM events").fetchall()
    with store.transaction():
        store.con.execute("DELETE FROM incident_events")
        store.con.execute("DELETE FROM incidents")
        for ids in _batches(_ids_by_block(light, None)):
            _insert(store, cluster_incidents(_records_of(store, ids)))
    store.con.execute("CHECKPOINT")  # deleted rows leave the file now, not at some later open
    return store.count("incidents")


def update_incidents(
    store: Store, *, changed: Collection[str] = (), gone: Sequence[Gone] = ()
) -> int:
    """Re-cluster the segments touched by new events (those in no incident yet), changed
    event ids and gone events; return the number of incidents.

    New events are found as those no incident holds, so a run killed after committing
    articles but before this step is caught up by the next run.
    """
    light = store.con.execute(
        "SELECT id, type, source_name, target_name, earliest, latest, "
        "id NOT IN (SELECT event_id FROM incident_events) FROM events"
    ).fetchall()
    fresh = set(changed) | {r[0] for r in light if r[6]}
    if not fresh and not gone:
        return store.count("incidents")
    touched = {_block_of_row(r) for r in light if r[0] in fresh}
    touched |= {block_of(g.type, g.source_name, g.target_name) for g in gone}
    stored = {r[0] for r in light}
    blocks = {_block_of_row(r) for r in light}
    deleted = False
    for ids in _batches(_ids_by_block(light, touched)):
        records = _records_of(store, ids)
        batch_blocks = {_block(e) for e in records}
        near = [g for g in gone if block_of(g.type, g.source_name, g.target_name) in batch_blocks]
        outcome = _recluster(store, records, fresh, near, stored)
        if outcome is None:
            return rebuild_incidents(store)  # an old incident reaches outside (older code): redo
        deleted = deleted or outcome
    emptied = [g for g in gone if block_of(g.type, g.source_name, g.target_name) not in blocks]
    if emptied:  # blocks left with no event: their old incidents go too
        deleted = bool(_recluster(store, [], fresh, emptied, stored)) or deleted
    if deleted:
        store.con.execute("CHECKPOINT")  # deleted rows leave the file now (#12: it grew 40%)
    return store.count("incidents")


def _recluster(
    store: Store,
    records: list[EventRecord],
    fresh: set[str],
    gone: Sequence[Gone],
    stored: set[str],
) -> bool | None:
    """Re-cluster the touched segments of these blocks' events; True if incidents were
    deleted, None when an old incident reaches past them (the store needs a rebuild)."""
    days = _touched_days(records, fresh, gone)
    selected = [p for p in segments(records) if _near(p, days)]
    reclustered = {e.id for p in selected for e in p}
    old = _old_incidents(store, [*reclustered, *(g.id for g in gone)])
    if (old.events & stored) - reclustered:
        return None
    with store.transaction():
        _delete(store, old.incidents)
        _insert(store, cluster_incidents([e for p in selected for e in p]))
    return bool(old.incidents)


def _ids_by_block(
    light: Sequence[tuple[Any, ...]], touched: set[Block] | None
) -> dict[Block, list[str]]:
    """Event ids by block, of the touched blocks only (None: of every block)."""
    ids: dict[Block, list[str]] = {}
    for row in light:
        block = _block_of_row(row)
        if touched is None or block in touched:
            ids.setdefault(block, []).append(row[0])
    return ids


def _batches(ids_by_block: dict[Block, list[str]]) -> Iterator[list[str]]:
    """Whole blocks' event ids, about `_BATCH_EVENTS` at a time."""
    batch: list[str] = []
    for ids in ids_by_block.values():
        batch.extend(ids)
        if len(batch) >= _BATCH_EVENTS:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass(frozen=True, slots=True)
class _Old:
    incidents: list[str]
    events: set[str]


def _old_incidents(store: Store, event_ids: list[str]) -> _Old:
    """The incidents holding any of the events, and every event they hold."""
    rows = store.con.execute(
        "SELECT incident_id, event_id FROM incident_events WHERE incident_id IN "
        "(SELECT incident_id FROM incident_events WHERE event_id IN (SELECT unnest(?)))",
        [event_ids],
    ).fetchall()
    return _Old(incidents=sorted({r[0] for r in rows}), events={r[1] for r in rows})


def _delete(store: Store, incident_ids: list[str]) -> None:
    if incident_ids:
        store.con.execute(
            "DELETE FROM incident_events WHERE incident_id IN (SELECT unnest(?))", [incident_ids]
        )
        store.con.execute("DELETE FROM incidents WHERE id IN (SELECT unnest(?))", [incident_ids])


def _records_of(store: Store, ids: list[str]) -> list[EventRecord]:
    rows = store.con.execute(_EVENTS + " WHERE e.id IN (SELECT unnest(?))", [ids]).fetchall()
    return [_record(r) for r in rows]


def _touched_days(
    records: Iterable[EventRecord], changed: set[str], gone: Sequence[Gone]
) -> dict[Block, set[int]]:
    """Each touched block's days: a changed event's and its twins' (its unit may have moved),
    and a gone event's old day (the segment it left may have split)."""
    changed_twins = {_twin(e) for e in records if e.id in changed}
    days: dict[Block, set[int]] = {}
    for e in records:
        if _twin(e) in changed_twins:
            days.setdefault(_block(e), set()).add(day_of(e.earliest, e.latest))
    for g in gone:
        block = block_of(g.type, g.source_name, g.target_name)
        days.setdefault(block, set()).add(day_of(g.earliest, g.latest))
    return days


def _near(part: list[EventRecord], days: dict[Block, set[int]]) -> bool:
    """True when a touched day of the part's block falls within the window of the part."""
    own = [day_of(e.earliest, e.latest) for e in part]
    low, high = min(own) - WINDOW_DAYS, max(own) + WINDOW_DAYS
    return any(low <= day <= high for day in days.get(_block(part[0]), ()))


def _twin(e: EventRecord) -> tuple[str, ...]:
    return (e.story_id, *_block(e), " ".join(e.text.split()))


def _block(e: EventRecord) -> Block:
    return block_of(e.type, e.source_name, e.target_name)


def _block_of_row(row: tuple[Any, ...]) -> Block:
    return block_of(row[1], row[2], row[3])


def _insert(store: Store, incidents: list[Incident]) -> None:
    if not incidents:
        return
    table = pa.Table.from_pylist([_incident_row(i) for i in incidents], schema=_INCIDENTS)
    links = pa.Table.from_pylist(
        [{"incident_id": i.id, "event_id": e} for i in incidents for e in i.event_ids],
        schema=_LINKS,
    )
    for name, data in (("incidents", table), ("incident_events", links)):
        store.con.register("_incoming", data)
        try:
            store.con.execute(f"INSERT INTO {name} SELECT * FROM _incoming")
        finally:
            store.con.unregister("_incoming")


def _incident_row(i: Incident) -> dict[str, Any]:
    return {
        "id": i.id, "type": i.type, "source_name": i.source_name, "target_name": i.target_name,
        "place_name": i.place_name, "earliest": i.earliest, "latest": i.latest,
        "reports": len(i.event_ids), "articles": len(i.article_ids),
        "stories": len(i.story_ids), "publishers": list(i.publishers),
        "goldstein": i.goldstein, "background": i.background, "source_key": i.source_key,
        "target_key": i.target_key, "lat": i.lat, "lon": i.lon,
    }  # fmt: skip


def _record(r: tuple[Any, ...]) -> EventRecord:
    return EventRecord(
        id=r[0], article_id=r[1], story_id=r[2], publisher=r[3], type=r[4],
        source_name=r[5], target_name=r[6], place_name=r[7], earliest=r[8], latest=r[9],
        text=r[10], goldstein=float(r[11] or 0.0), background=bool(r[12]), source_key=r[13],
        target_key=r[14], lat=r[15], lon=r[16],
    )  # fmt: skip
