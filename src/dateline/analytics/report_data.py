"""The series behind the situation report and the dashboard: incidents per day by PLOVER type,
an escalation index per week, the actor network, and incidents with their source sentences.

Everything counts incidents (dedup/events.py), not reports, for the reason analytics/query.py
gives: a burst of coverage is not a burst of violence. Background incidents (history a story
retells) are left out of the series, since they are not news of their day, but stay listed.

The escalation index of a period is minus the mean Goldstein score of its incidents: Goldstein
runs from -10 (military attack) to +10 (military aid), so the sign is flipped to make a rising
line mean escalation. A mean rather than a sum keeps a week with more reporting from reading
as a week with more conflict; the incident count is kept beside it for that question.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.analytics.filters import EVERYTHING, Scope, incident_sql
from dateline.analytics.query import party_pairs
from dateline.errors import InputError
from dateline.store.store import Result, Store

PERIODS = ("day", "week", "month")  # a long span in days draws bars thinner than a pixel


@dataclass(frozen=True, slots=True, kw_only=True)
class TypeDay:
    """How many incidents of one PLOVER type began on one day."""

    day: date
    type: str
    incidents: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Escalation:
    """One period's escalation index (minus mean Goldstein) and what it is made of."""

    start: date  # the period's first day (a Monday for weeks)
    incidents: int
    conflict: int  # incidents with a negative Goldstein score
    goldstein: float  # mean Goldstein score of the incidents
    index: float  # -goldstein: up means escalation


@dataclass(frozen=True, slots=True, kw_only=True)
class Edge:
    """A directed dyad of the actor network, weighted by its incidents."""

    source: str
    target: str
    incidents: int
    goldstein: float  # summed over the dyad's incidents


@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    """An actor of the network with how many incidents it takes part in."""

    name: str
    incidents: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Network:
    """The actor network: its nodes and weighted, directed edges."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def types_per_day(store: Store, scope: Scope = EVERYTHING, *, period: str = "day") -> list[TypeDay]:
    """Return incidents per day (week from its Monday, or month) and PLOVER type, oldest first."""
    if period not in PERIODS:  # it goes into the SQL text, so only known words pass
        raise InputError(period, "a period is day, week or month")
    where, params = incident_sql(scope)
    rows = store.query(
        f"SELECT CAST(date_trunc('{period}', i.earliest) AS DATE), i.type, count(*) "
        f"FROM incidents i WHERE {where} "
        "GROUP BY ALL ORDER BY 1, 2",
        params,
    ).rows
    return [TypeDay(day=r[0], type=str(r[1]), incidents=int(r[2])) for r in rows]


def escalation(
    store: Store, scope: Scope = EVERYTHING, *, period: str = "week"
) -> list[Escalation]:
    """Return the escalation index per day or week (minus mean Goldstein), oldest first."""
    if period not in PERIODS:  # it goes into the SQL text, so only known words pass
        raise InputError(period, "an escalation period is day, week or month")
    where, params = incident_sql(scope)
    rows = store.query(
        f"SELECT CAST(date_trunc('{period}', i.earliest) AS DATE) AS start, count(*), "
        "count(*) FILTER (WHERE i.goldstein < 0), avg(coalesce(i.goldstein, 0)) "
        f"FROM incidents i WHERE {where} GROUP BY 1 ORDER BY 1",
        params,
    ).rows
    return [_escalation(r) for r in rows]


def _escalation(r: tuple[Any, ...]) -> Escalation:
    mean = round(float(r[3]), 2)
    return Escalation(start=r[0], incidents=int(r[1]), conflict=int(r[2]), goldstein=mean,
                      index=-mean if mean else 0.0)  # fmt: skip


# The heaviest dyads (`top`) and, per actor they join, how many distinct incidents of those
# dyads it takes part in: with coordinated parties one incident is several edges ("X and Y
# attacked Z" is X->Z and Y->Z), and Z took part in one incident, not two (#8).
_NETWORK = """
WITH {pairs},
top AS (
    SELECT p.source_key, p.target_key, any_value(p.source_name) AS s,
           any_value(p.target_name) AS t, count(*) AS n, sum(coalesce(i.goldstein, 0)) AS g
    FROM pairs p JOIN incidents i ON i.id = p.id
    GROUP BY p.source_key, p.target_key ORDER BY n DESC, s, t LIMIT ?
),
ends AS (
    SELECT p.id, top.s AS name FROM pairs p
    JOIN top ON top.source_key = p.source_key AND top.target_key = p.target_key
    UNION ALL
    SELECT p.id, top.t FROM pairs p
    JOIN top ON top.source_key = p.source_key AND top.target_key = p.target_key
)
SELECT 'edge', s, t, n, g FROM top
UNION ALL SELECT 'node', name, NULL, count(DISTINCT id), NULL FROM ends GROUP BY name
"""


def actor_network(store: Store, scope: Scope = EVERYTHING, *, limit: int = 30) -> Network:
    """Return the `limit` heaviest dyads as edges, with the actors they join as nodes; every
    party of a coordinated act counts (#8), one node per actor however named (#9)."""
    where, params = incident_sql(scope)
    rows = store.query(_NETWORK.format(pairs=party_pairs(where)), [*params, limit]).rows
    edges = tuple(
        sorted(
            (Edge(source=str(r[1]), target=str(r[2]), incidents=int(r[3]), goldstein=float(r[4]))
             for r in rows if r[0] == "edge"),
            key=lambda e: (-e.incidents, e.source, e.target),
        )
    )  # fmt: skip
    weight = [(str(r[1]), int(r[3])) for r in rows if r[0] == "node"]
    nodes = tuple(Node(name=n, incidents=w) for n, w in sorted(weight, key=_heaviest))
    return Network(nodes=nodes, edges=edges)


def _heaviest(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


# One row per incident with its earliest report's evidence sentence and article: the analyst
# checks an incident against the words it came from.
_INCIDENTS = """
SELECT i.id, i.type, i.source_name, i.target_name, i.place_name, i.earliest, i.latest,
       i.reports, i.articles, i.stories, i.goldstein, i.background,
       arg_min(e.text, {first}) AS sentence,
       arg_min(e.article_id, {first}) AS article_id,
       arg_min(a.headline, {first}) AS headline,
       arg_min(a.publisher, {first}) AS publisher
FROM incidents i
JOIN incident_events ie ON ie.incident_id = i.id
JOIN events e ON e.id = ie.event_id
JOIN articles a ON a.id = e.article_id
WHERE {where}
GROUP BY ALL
ORDER BY i.earliest DESC NULLS LAST, i.reports DESC, i.id
LIMIT ? OFFSET ?
"""
_FIRST = "(coalesce(a.published_earliest, DATE '9999-12-31'), e.id)"


def recent_incidents(
    store: Store,
    scope: Scope = EVERYTHING,
    *,
    limit: int = 20,
    offset: int = 0,
) -> Result:
    """Return incidents, newest first, each with its first report's sentence and article."""
    where, params = incident_sql(scope, news_only=False)
    sql = _INCIDENTS.format(first=_FIRST, where=where)
    return store.query(sql, [*params, limit, offset])


def count_incidents(store: Store, scope: Scope = EVERYTHING) -> int:
    """Return how many incidents (background included) a scope covers."""
    where, params = incident_sql(scope, news_only=False)
    rows = store.query(f"SELECT count(*) FROM incidents i WHERE {where}", params).rows
    return int(rows[0][0]) if rows else 0


def incidents_by_id(store: Store, ids: Sequence[str]) -> Result:
    """Return the incidents with these ids, as recent_incidents does, newest first."""
    sql = _INCIDENTS.format(first=_FIRST, where="i.id IN (SELECT unnest(?))")
    return store.query(sql, [list(ids), len(ids), 0])


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleRef:
    """An article that reported an incident: how a reader finds and cites it."""

    id: str
    headline: str | None
    publisher: str | None
    url: str | None
    source: str  # the input it was read from: a URL, a path, a WARC record
    published: date | None


def articles_of(store: Store, ids: Sequence[str]) -> dict[str, tuple[ArticleRef, ...]]:
    """Return, per incident id, every article that reported it, earliest published first."""
    rows = store.query(
        "SELECT DISTINCT ie.incident_id, a.id, a.headline, a.publisher, a.url, a.source, "
        "a.published_earliest FROM incident_events ie JOIN events e ON e.id = ie.event_id "
        "JOIN articles a ON a.id = e.article_id WHERE ie.incident_id IN (SELECT unnest(?)) "
        "ORDER BY 1, a.published_earliest NULLS LAST, a.publisher NULLS LAST, a.id",
        [list(ids)],
    ).rows
    found: dict[str, list[ArticleRef]] = {}
    for r in rows:
        ref = ArticleRef(id=str(r[1]), headline=r[2], publisher=r[3], url=r[4],
                         source=str(r[5]), published=r[6])  # fmt: skip
        found.setdefault(str(r[0]), []).append(ref)
    return {key: tuple(refs) for key, refs in found.items()}
