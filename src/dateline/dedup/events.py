"""Incidents: the same event reported in several stories, counted once.

One kidnapping told by a hundred outlets must be one record (GDELT's users' first
complaint). Reports of one incident share the PLOVER type and the source and target actor
names, have compatible places (equal, or one unknown), dates within `WINDOW_DAYS` of each
other, and evidence that shares enough words. No library clusters event records on these
keys, so the greedy pass below is ours.

Events told as history ("in 2022, he brokered a deal") keep their own dates: they join an
incident of that time or make one marked `background`, never an incident of the day.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

# An event dated more than two weeks before the article appeared is history the story
# retells, not the day's news: "last week" still counts as news, "in March" (months ago) not.
BACKGROUND_DAYS = 14
# Wire copies and follow-ups of one incident are dated within a few days of each other;
# three days absorbs time zones and "on Tuesday" resolved against different publication days.
WINDOW_DAYS = 3
# Evidence overlap (Jaccard of content words) needed to merge. With both actors known the
# dyad already says most, so a little shared wording suffices; with one side unknown the
# wording must carry the match. Set by hand on sentences written for tests/dedup; the
# news-sample has too few shared incidents to calibrate on (see the report of issue #5).
TEXT_MIN_DYAD = 0.1
TEXT_MIN = 0.3
_WORD = re.compile(r"[^\W\d_]{4,}")  # words of 4+ letters: drops most function words cheaply


@dataclass(frozen=True, slots=True, kw_only=True)
class EventRecord:
    """One stored event with what clustering needs from its article."""

    id: str
    article_id: str
    story_id: str
    publisher: str | None
    type: str
    source_name: str | None
    target_name: str | None
    place_name: str | None
    earliest: date | None
    latest: date | None
    text: str
    goldstein: float
    background: bool = False
    source_key: str | None = None  # the parties' name_keys (store/actor_names.py, #9)
    target_key: str | None = None
    lat: float | None = None  # the place's (#9)
    lon: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Incident:
    """One real-world event with all its reports, their sources and the spread of dates."""

    id: str
    type: str
    source_name: str | None
    target_name: str | None
    place_name: str | None
    earliest: date | None
    latest: date | None
    event_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    story_ids: tuple[str, ...]
    publishers: tuple[str, ...]
    goldstein: float
    background: bool
    source_key: str | None = None  # the first report's parties' name_keys (#9)
    target_key: str | None = None
    lat: float | None = None  # of place_name, from the report that gave it (#9)
    lon: float | None = None


@dataclass(slots=True)
class _Unit:
    """Twin reports: one act told in the same words in copies of one story (.html and .txt of
    one page, a wire copy) are one unit, so they always share an incident even where their
    dates, read from different copies, differ (#12: 114 of 712 twins were split)."""

    members: list[EventRecord]
    day: int  # the earliest member's day as an ordinal; UNDATED when no member is dated
    words: frozenset[str]
    places: frozenset[str]


@dataclass(slots=True)
class _Cluster:
    first: EventRecord
    anchor: int  # its first unit's day: the window is measured from here
    members: list[EventRecord] = field(default_factory=list)
    # Distinct word sets only: copies of a story repeat the same evidence, and comparing
    # against each copy again made a busy dyad quadratic (#12).
    words: set[frozenset[str]] = field(default_factory=set)
    places: set[str] = field(default_factory=set)


UNDATED = date.max.toordinal()
Block = tuple[str, str, str]


def is_background(day: date | None, published: date | None) -> bool:
    """Return True when an event's day lies well before the article's publication."""
    if day is None or published is None:
        return False
    return day < published - timedelta(days=BACKGROUND_DAYS)


def cluster_incidents(events: Iterable[EventRecord]) -> list[Incident]:
    """Return the incidents the events describe, each event in exactly one.

    Units arrive in date order, so a cluster whose anchor lies more than WINDOW_DAYS before
    the unit at hand can never be joined again; dropping it keeps the cost linear in the
    events (each unit meets only the clusters open in its window).
    """
    clusters: list[_Cluster] = []
    for units in _blocks(events).values():
        open_clusters: list[_Cluster] = []
        for unit in units:
            open_clusters = [c for c in open_clusters if unit.day - c.anchor <= WINDOW_DAYS]
            match = next((c for c in open_clusters if _joins(c, unit)), None)
            if match is None:
                match = _Cluster(first=unit.members[0], anchor=unit.day)
                open_clusters.append(match)
                clusters.append(match)
            match.members += unit.members
            match.words.add(unit.words)
            match.places |= unit.places
    return [_incident(c) for c in clusters]


def segments(events: Iterable[EventRecord]) -> list[list[EventRecord]]:
    """Split events into parts that cluster independently: a block, cut where no twin unit
    falls within WINDOW_DAYS of the one before (every cluster is closed by then), so that
    clustering any set of whole parts gives their incidents as clustering everything does."""
    parts: list[list[EventRecord]] = []
    for units in _blocks(events).values():
        last = None
        for unit in units:
            if last is None or unit.day - last > WINDOW_DAYS:
                parts.append([])
            parts[-1] += unit.members
            last = unit.day
    return parts


def block_of(kind: str, source_name: str | None, target_name: str | None) -> Block:
    """Return the block of an event: only events of one block can be one incident."""
    return (kind, _norm(source_name), _norm(target_name))


def day_of(earliest: date | None, latest: date | None) -> int:
    """Return the day an event is clustered on, as an ordinal (UNDATED when it has none)."""
    day = earliest or latest
    return day.toordinal() if day else UNDATED


def _blocks(events: Iterable[EventRecord]) -> dict[Block, list[_Unit]]:
    """Group events into twin units, by block, each block's units in date order."""
    twins: dict[tuple[str, ...], list[EventRecord]] = {}
    for event in sorted(events, key=_order):
        twins.setdefault(_twin_key(event), []).append(event)
    blocks: dict[Block, list[_Unit]] = {}
    for members in twins.values():
        blocks.setdefault(_block(members[0]), []).append(_unit(members))
    for units in blocks.values():
        units.sort(key=_unit_order)
    return blocks


def _unit(members: list[EventRecord]) -> _Unit:
    first = members[0]  # members come in date order: the first has the unit's day
    places = frozenset(_norm(m.place_name) for m in members if m.place_name)
    day = day_of(first.earliest, first.latest)
    return _Unit(members=members, day=day, words=_words(first.text), places=places)


def _twin_key(event: EventRecord) -> tuple[str, ...]:
    return (event.story_id, *_block(event), " ".join(event.text.split()))


def _unit_order(unit: _Unit) -> tuple[int, str]:
    return (unit.day, unit.members[0].id)


def _order(event: EventRecord) -> tuple[date, str]:
    return (event.earliest or event.latest or date.max, event.id)


def _block(event: EventRecord) -> Block:
    return block_of(event.type, event.source_name, event.target_name)


def _norm(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text))


def _joins(cluster: _Cluster, unit: _Unit) -> bool:
    if unit.places and cluster.places and not unit.places & cluster.places:
        return False
    if UNDATED in (unit.day, cluster.anchor) and unit.day != cluster.anchor:
        return False  # undated: only with other undated reports
    first = unit.members[0]
    need = TEXT_MIN_DYAD if first.source_name and first.target_name else TEXT_MIN
    return max(_jaccard(unit.words, other) for other in cluster.words) >= need


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 1.0


def _incident(cluster: _Cluster) -> Incident:
    members = sorted(cluster.members, key=_order)
    first = cluster.first
    earliest = [m.earliest for m in members if m.earliest]
    latest = [m.latest or m.earliest for m in members if m.latest or m.earliest]
    placed = [m for m in members if m.place_name]
    goldstein = sorted(m.goldstein for m in members)[len(members) // 2]  # median report
    return Incident(
        id=hashlib.sha256(f"incident\x1f{first.id}".encode()).hexdigest()[:16],
        type=first.type,
        source_name=first.source_name,
        target_name=first.target_name,
        place_name=placed[0].place_name if placed else None,
        earliest=min(earliest) if earliest else None,
        latest=max(d for d in latest if d) if latest else None,
        event_ids=tuple(m.id for m in members),
        article_ids=tuple(dict.fromkeys(m.article_id for m in members)),
        story_ids=tuple(dict.fromkeys(m.story_id for m in members)),
        publishers=tuple(sorted({m.publisher for m in members if m.publisher})),
        goldstein=goldstein,
        background=all(m.background for m in members),
        source_key=first.source_key,
        target_key=first.target_key,
        lat=placed[0].lat if placed else None,
        lon=placed[0].lon if placed else None,
    )
