"""A reading as rows of the store's tables (schema.sql), keyed by article id and offsets.

Both ingest paths (one process, Dask) turn readings into rows here, so they write the same
rows. Event ids derive from content: the article id, the evidence offsets, the type, the
CAMEO code and the actor names, so they are stable across re-runs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.dedup.events import is_background
from dateline.errors import PipelineError
from dateline.reading import Event, Reading, to_json

Row = tuple[Any, ...]

# Column order of each table, as in schema.sql (the store inserts by name).
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id", "source", "content_hash", "story_id", "publisher", "headline", "url", "language",
        "kind", "published_earliest", "published_latest", "published_basis", "dateline_place",
        "dateline_wire", "text", "reading", "minhash",
    ),
    "actors": (
        "article_id", "id", "name", "type", "country", "role", "part_of", "code", "name_key",
        "mentions",
    ),
    "mentions": ("article_id", "kind", "fact_id", "text", "start", "end"),
    "quotes": (
        "article_id", "id", "text", "direct", "speaker_text", "speaker_actor", "speaker_kind",
        "speaker_affiliation", "speaker_count", "cue", "start", "end",
    ),
    "sources": (
        "article_id", "id", "text", "kind", "count", "affiliation", "via", "actor", "start", "end",
    ),
    "events": (
        "id", "article_id", "local_id", "type", "mode", "cameo", "cameo_label", "goldstein",
        "plover_score", "source_actor", "target_actor", "source_name", "target_name",
        "modality", "earliest", "latest", "date_basis", "background", "place_id", "place_name",
        "attribution", "confidence", "trigger", "text", "start", "end", "co_sources",
        "co_targets", "source_key", "target_key", "lat", "lon",
    ),
    "times": ("article_id", "text", "earliest", "latest", "value", "type", "start", "end"),
    "places": ("article_id", "id", "name", "country", "lat", "lon", "kind", "geonameid"),
    "quantities": ("article_id", "text", "value", "unit", "start", "end"),
    "article_bands": ("band", "key", "article_id"),  # migration 6; store/stories.py
}  # fmt: skip

FACT_TABLES = (
    "actors", "mentions", "quotes", "sources", "events", "times", "places", "quantities",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class FactRows:
    """The rows one reading adds to each fact table, by table name."""

    tables: tuple[tuple[str, tuple[Row, ...]], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Prepared:
    """A reading's rows, built where it was read (a worker process, a Dask worker), so that
    the one writer only assigns its story and inserts them (#12)."""

    article_id: str
    source: str
    article: Row  # its story_id (STORY) is given by the writer
    signature: tuple[int, ...]  # MinHash of the body (dedup/articles.py)
    facts: FactRows


STORY = COLUMNS["articles"].index("story_id")


def prepare(reading: Reading, *, content_hash: str) -> Prepared:
    """Return every row a reading adds to the store, its story left for the writer."""
    from dateline.dedup.articles import minhash_signature  # reading processes only

    article = reading.require_article()
    signature = minhash_signature(article.body or article.text)
    row = article_row(reading, content_hash=content_hash, story_id="", minhash=signature)
    return Prepared(article_id=article.id, source=reading.source, article=row,
                    signature=signature, facts=fact_rows(reading))  # fmt: skip


def article_row(
    reading: Reading, *, content_hash: str, story_id: str, minhash: tuple[int, ...]
) -> Row:
    """Return the articles row of a reading."""
    article = reading.require_article()
    line = article.dateline
    return (
        article.id, article.source, content_hash, story_id, article.publisher,
        article.headline, article.url, article.language, article.kind,
        article.published.earliest, article.published.latest, article.published.basis,
        line.place if line else None, line.wire if line else None, article.text,
        to_json(reading, indent=None), list(minhash),
    )  # fmt: skip


def fact_rows(reading: Reading) -> FactRows:
    """Return the rows of every fact table for one reading."""
    aid = reading.require_article().id
    r = reading
    tables: dict[str, list[Row]] = {name: [] for name in FACT_TABLES}
    for actor in r.actors:
        # name_key waits for the story, which the writer assigns (store/actor_names.py)
        tables["actors"].append((aid, actor.id, actor.name, actor.type, actor.country,
                                 actor.role, actor.part_of, actor.code, None,
                                 len(actor.mentions)))  # fmt: skip
        tables["mentions"] += [(aid, "actor", actor.id, m.text, m.start, m.end)
                               for m in actor.mentions]  # fmt: skip
    for place in r.places:
        tables["places"].append((aid, place.id, place.name, place.country, place.lat,
                                 place.lon, place.kind, place.geonameid))  # fmt: skip
        tables["mentions"] += [(aid, "place", place.id, m.text, m.start, m.end)
                               for m in place.mentions]  # fmt: skip
    for q in r.quotes:
        s = q.speaker
        tables["quotes"].append((
            aid, q.id, q.text, q.direct, s.text if s else None, s.actor if s else None,
            s.kind if s else None, s.affiliation if s else None, s.count if s else None,
            q.cue, q.start, q.end,
        ))  # fmt: skip
    tables["sources"] = [(aid, s.id, s.text, s.kind, s.count, s.affiliation, s.via, s.actor,
                          s.start, s.end) for s in r.sources]  # fmt: skip
    tables["times"] = [(aid, t.text, t.earliest, t.latest, t.value, t.type, t.start, t.end)
                       for t in r.times]  # fmt: skip
    tables["quantities"] = [(aid, q.text, q.value, q.unit, q.start, q.end)
                            for q in r.quantities]  # fmt: skip
    tables["events"] = _event_rows(reading)
    return FactRows(tuple((name, tuple(rows)) for name, rows in tables.items()))


def _event_rows(reading: Reading) -> list[Row]:
    aid = reading.require_article().id
    names = {a.id: a.name for a in reading.actors}
    places = {p.id: p for p in reading.places}
    rows: dict[str, Row] = {}  # by event id: the same fact told twice is one row
    for e in reading.events:
        source, target = names.get(e.source or ""), names.get(e.target or "")
        eid = event_id(aid, e, source, target)
        earliest, latest, basis = _event_days(reading, e)
        place = places.get(e.place or "")
        published = reading.require_article().published.earliest
        rows.setdefault(eid, (
            eid, aid, e.id, e.type, e.mode, e.cameo, e.cameo_label, e.goldstein, e.plover_score,
            e.source, e.target, source, target, e.modality, earliest, latest, basis,
            basis == "event" and is_background(latest or earliest, published),
            e.place, place.name if place else None, e.attribution, e.confidence,
            e.trigger.text if e.trigger else None, e.evidence.text, e.evidence.start,
            e.evidence.end, list(e.co_sources), list(e.co_targets),
            None, None,  # source_key, target_key: the writer's, like the actors' name_key
            place.lat if place else None, place.lon if place else None,
        ))  # fmt: skip
    return list(rows.values())


def _event_days(reading: Reading, event: Event) -> tuple[date | None, date | None, str]:
    """The event's own days; else the publication's (news reports the day's events)."""
    when = event.date
    if when is not None and (when.earliest or when.latest):
        return when.earliest, when.latest, "event"
    published = reading.require_article().published
    if published.earliest or published.latest:
        return published.earliest, published.latest, "published"
    return None, None, "none"


def event_id(article_id: str, event: Event, source: str | None, target: str | None) -> str:
    """Return the content-derived id of an event: stable while its words and coding are."""
    if not article_id:
        raise PipelineError(f"{event.id}: an event needs its article's id")
    key = "\x1f".join(
        (article_id, str(event.evidence.start), str(event.evidence.end), event.type,
         event.cameo, source or "", target or "")
    )  # fmt: skip
    return hashlib.sha256(key.encode()).hexdigest()[:16]
