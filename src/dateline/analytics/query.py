"""Events, actors, dyad timelines and the corpus summary, read from the store.

Timelines count incidents, not reports: one event told by ten outlets is one incident on
its first day (dedup/events.py), so a burst of coverage does not read as a burst of
violence. Goldstein scores are summed per day over incidents, each at its median report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.analytics.filters import like
from dateline.errors import InputError
from dateline.store.store import Result, Store


@dataclass(frozen=True, slots=True, kw_only=True)
class Day:
    """One day of a dyad's timeline."""

    day: date
    incidents: int
    reports: int
    goldstein: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    """What the store holds, in counts, plus its most named actors and busiest dyads."""

    articles: int
    stories: int
    events: int
    incidents: int
    failures: int
    top_actors: tuple[tuple[str, int], ...]  # name, articles naming it
    top_dyads: tuple[tuple[str, str, int], ...]  # source, target, incidents


def find_actors(store: Store, *, limit: int = 50, offset: int = 0) -> Result:
    """Return actors by name with how many articles and mentions name them, most named first."""
    return store.query(
        "SELECT a.name, any_value(a.type) AS type, any_value(a.country) AS country, "
        "count(DISTINCT a.article_id) AS articles, count(m.start) AS mentions "
        "FROM actors a LEFT JOIN mentions m ON m.article_id = a.article_id "
        "AND m.kind = 'actor' AND m.fact_id = a.id "
        "GROUP BY a.name ORDER BY articles DESC, mentions DESC, a.name LIMIT ? OFFSET ?",
        [limit, offset],
    )


def timeline(store: Store, source: str, target: str) -> list[Day]:
    """Return per-day incident and report counts and summed Goldstein for a dyad, either way."""
    rows = store.query(
        "SELECT earliest, count(*), sum(reports), sum(goldstein) FROM incidents "
        "WHERE earliest IS NOT NULL AND ("
        "(lower(source_name) = lower(?) AND lower(target_name) = lower(?)) OR "
        "(lower(source_name) = lower(?) AND lower(target_name) = lower(?))) "
        "GROUP BY earliest ORDER BY earliest",
        [source, target, target, source],
    ).rows
    return [Day(day=r[0], incidents=int(r[1]), reports=int(r[2]), goldstein=float(r[3]))
            for r in rows]  # fmt: skip


def top_dyads(store: Store, *, limit: int = 5) -> tuple[tuple[str, str, int], ...]:
    """Return the dyads with the most incidents: (source, target, incidents)."""
    rows = store.query(
        "SELECT source_name, target_name, count(*) AS n FROM incidents "
        "WHERE source_name IS NOT NULL AND target_name IS NOT NULL "
        "GROUP BY ALL ORDER BY n DESC, source_name, target_name LIMIT ?",
        [limit],
    ).rows
    return tuple((str(r[0]), str(r[1]), int(r[2])) for r in rows)


def summarize(store: Store, *, top: int = 10) -> Summary:
    """Return the store's counts, top actors and top dyads."""
    actors = find_actors(store, limit=top).rows
    return Summary(
        articles=store.count("articles"),
        stories=_scalar(store, "SELECT count(DISTINCT story_id) FROM articles"),
        events=store.count("events"),
        incidents=store.count("incidents"),
        failures=store.count("failures"),
        top_actors=tuple((str(r[0]), int(r[3])) for r in actors),
        top_dyads=top_dyads(store, limit=top),
    )


def _scalar(store: Store, sql: str) -> int:
    rows: tuple[tuple[Any, ...], ...] = store.query(sql).rows
    return int(rows[0][0]) if rows else 0


def require_actors(store: Store, names: Sequence[str | None]) -> None:
    """Raise InputError naming the first given name no stored actor's name contains."""
    for name in names:
        if (
            name
            and not store.query(
                "SELECT 1 FROM actors WHERE name ILIKE ? ESCAPE '\\' LIMIT 1", [like(name)]
            ).rows
        ):
            raise InputError(name, "no stored actor's name contains this; see `dateline actors`")
