"""Re-read the stored articles after the lexicon or the code changed; report what moved.

The store keeps each article's clean text, so a re-read runs every stage after clean (the
stages that need the raw bytes are left out) on the stored article and compares its events
with the stored ones by their content-derived ids: new ids were added, missing ids removed,
and ids present on both sides whose date, modality, score or place differ changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from dateline.batch.read import read_readings
from dateline.pipeline import Stage
from dateline.reading import Reading, from_json
from dateline.store.incidents import Gone, update_incidents
from dateline.store.rows import COLUMNS, fact_rows
from dateline.store.store import Failure, Store

# What a re-read compares on an event it finds again (its id fixes the rest).
_COMPARED = ("earliest", "latest", "modality", "goldstein", "place_name", "confidence", "mode")
_CHUNK = 32


@dataclass(frozen=True, slots=True, kw_only=True)
class EventChange:
    """One event added, removed or changed by a re-read."""

    event_id: str
    article_id: str
    type: str
    text: str
    change: str  # added | removed | changed


@dataclass(frozen=True, slots=True, kw_only=True)
class RereadReport:
    """What a re-read did: articles read, event changes, failures."""

    articles: int
    changes: tuple[EventChange, ...]
    failures: tuple[Failure, ...]

    def count(self, change: str) -> int:
        """Return how many events had this change (added, removed, changed)."""
        return sum(1 for c in self.changes if c.change == change)


def reread(
    store: Store,
    stages: Sequence[Stage],
    *,
    on_progress: Callable[[int, int], None] | None = None,
) -> RereadReport:
    """Re-read every stored article with the stages after clean; update the store; report.

    `on_progress(done, total)` is called after each chunk, for a progress bar (#11).
    """
    after_clean = tuple(s for s in stages if "raw" not in s.needs)
    changes: list[EventChange] = []
    failures: list[Failure] = []
    gone: list[Gone] = []  # removed or changed events as they were: where they clustered
    stored, total = store.readings_json(), store.count("articles")
    articles = 0
    while chunk := list(islice(stored, _CHUNK)):
        bare = [_bare(from_json(text)) for _, text in chunk]
        with store.transaction():
            done = read_readings(bare, after_clean)
            failures += [d for d in done if isinstance(d, Failure)]
            readings = [d for d in done if isinstance(d, Reading)]
            for reading in readings:
                old = _stored_events(store, reading)
                diff = _diff(old, _new_events(reading))
                gone += [_gone(old[c.event_id]) for c in diff if c.change != "added"]
                changes += diff
            store.replace_facts(readings)
        articles += len(chunk)
        if on_progress:
            on_progress(articles, total)
    # Only the segments these events touch are re-clustered (#12); added ones are found as
    # events in no incident, changed ones are named.
    changed = [c.event_id for c in changes if c.change == "changed"]
    update_incidents(store, changed=changed, gone=gone)
    return RereadReport(articles=articles, changes=tuple(changes), failures=tuple(failures))


def _bare(reading: Reading) -> Reading:
    """The stored article alone, its facts cleared for the stages to fill again."""
    return Reading(source=reading.source, text=reading.text, article=reading.article)


def _stored_events(store: Store, reading: Reading) -> dict[str, dict[str, Any]]:
    aid = reading.require_article().id
    result = store.query("SELECT * FROM events WHERE article_id = ?", [aid])
    return {row[0]: dict(zip(result.columns, row, strict=True)) for row in result.rows}


def _gone(row: dict[str, Any]) -> Gone:
    return Gone(id=row["id"], type=row["type"], source_name=row["source_name"],
                target_name=row["target_name"], earliest=row["earliest"],
                latest=row["latest"])  # fmt: skip


def _new_events(reading: Reading) -> dict[str, dict[str, Any]]:
    rows = dict(fact_rows(reading).tables)["events"]
    return {row[0]: dict(zip(COLUMNS["events"], row, strict=True)) for row in rows}


def _diff(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> list[EventChange]:
    out: list[EventChange] = []
    for eid in sorted(old.keys() | new.keys()):
        if eid not in old:
            kind = "added"
        elif eid not in new:
            kind = "removed"
        elif any(old[eid][c] != new[eid][c] for c in _COMPARED):
            kind = "changed"
        else:
            continue
        row = new.get(eid) or old[eid]
        out.append(EventChange(event_id=eid, article_id=row["article_id"], type=row["type"],
                               text=row["text"], change=kind))  # fmt: skip
    return out
