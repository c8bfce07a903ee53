"""A period of the store against the one before it, of the same length: the numbers behind the
situation report's judgements (what escalated, which dyads, which actors are new).

A report's period is what the analyst asked for; a side left open ends at the latest news
incident in scope, and starts `DEFAULT_DAYS` before the end, so a report reads as a
situation report of the recent past, not as a history of everything ever stored (#11).
Incidents are news of their day only (background and undated ones are left out), counted
once however many reports they have, on their first day, as in every series (report_data.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from dateline.analytics.filters import Scope, incident_sql
from dateline.analytics.query import party_pairs
from dateline.store.store import Store

DEFAULT_DAYS = 30


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """A report's period, both ends included, and the period of equal length before it."""

    since: date
    until: date

    @property
    def days(self) -> int:
        """Return the period's length in days."""
        return (self.until - self.since).days + 1

    @property
    def previous(self) -> Period:
        """Return the period of the same length that ends the day before this one begins."""
        return Period(since=self.since - timedelta(days=self.days),
                      until=self.since - timedelta(days=1))  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Incident:
    """An incident of a period: enough to count, rank and cite it."""

    id: str
    type: str
    source: str | None
    target: str | None
    day: date
    goldstein: float | None
    reports: int
    # Every (source, target) pair of actor names (canonical, #9), coordinated parties included
    # (#8: "X and Y attacked Z" is X->Z and Y->Z); empty unless both first parties are known.
    pairs: tuple[tuple[str, str], ...] = ()

    def parties(self) -> set[str]:
        """Return the names of every party: those of its pairs, else its one known party."""
        if self.pairs:
            return {name for pair in self.pairs for name in pair}
        return {n for n in (self.source, self.target) if n}


@dataclass(frozen=True, slots=True, kw_only=True)
class Side:
    """The incidents of one period."""

    period: Period
    incidents: tuple[Incident, ...]

    def types(self) -> Counter[str]:
        """Return incidents per PLOVER type."""
        return Counter(i.type for i in self.incidents)

    def dyads(self) -> Counter[tuple[str, str]]:
        """Return incidents per directed dyad (both actors known), every party counted."""
        return Counter(pair for i in self.incidents for pair in i.pairs)

    def index(self) -> float | None:
        """Return the escalation index (minus mean Goldstein), None without incidents."""
        scores = [i.goldstein or 0.0 for i in self.incidents]
        return -sum(scores) / len(scores) if scores else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Comparison:
    """A period, the one before it, and the actors that first appear in the period."""

    now: Side
    before: Side
    new_actors: tuple[str, ...]  # in the period's incidents, in no earlier incident in scope


def resolve_period(store: Store, scope: Scope, *, days: int = DEFAULT_DAYS) -> Period | None:
    """Return the scope's dates, open ends filled from the store; None if it has no news."""
    if scope.since and scope.until:
        return Period(since=scope.since, until=scope.until)
    where, params = incident_sql(replace(scope, since=None, until=scope.until))
    rows = store.query(f"SELECT max(i.earliest) FROM incidents i WHERE {where}", params).rows
    latest = rows[0][0] if rows and rows[0][0] else None
    if scope.since:
        return Period(since=scope.since, until=max(latest or scope.since, scope.since))
    until = scope.until or latest
    if until is None:
        return None
    return Period(since=until - timedelta(days=days - 1), until=until)


def compare(store: Store, scope: Scope, period: Period) -> Comparison:
    """Return the period's incidents, the previous period's, and the period's new actors."""
    now = _side(store, scope, period)
    before = _side(store, scope, period.previous)
    where, params = incident_sql(replace(scope, since=None, until=period.since - timedelta(1)))
    rows = store.query(
        f"SELECT DISTINCT name FROM (SELECT i.source_name AS name FROM incidents i WHERE {where} "
        f"UNION ALL SELECT i.target_name FROM incidents i WHERE {where}) WHERE name IS NOT NULL",
        [*params, *params],
    ).rows
    known = {str(r[0]) for r in rows} | _pair_names(store, where, params)
    named = Counter(n for i in now.incidents for n in i.parties())
    new = tuple(n for n, _ in sorted(named.items(), key=_most_named) if n not in known)
    return Comparison(now=now, before=before, new_actors=new)


def _pair_names(store: Store, where: str, params: list[Any]) -> set[str]:
    """The names of the parties of the incidents in `where`, coordinated ones included."""
    rows = store.query(
        f"WITH {party_pairs(where)} SELECT source_name FROM pairs UNION SELECT target_name "
        "FROM pairs",
        params,
    ).rows
    return {str(r[0]) for r in rows}


def _most_named(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _side(store: Store, scope: Scope, period: Period) -> Side:
    where, params = incident_sql(replace(scope, since=period.since, until=period.until))
    rows = store.query(
        "SELECT i.id, i.type, i.source_name, i.target_name, i.earliest, i.goldstein, i.reports "
        f"FROM incidents i WHERE {where} ORDER BY i.earliest DESC, i.reports DESC, i.id",
        params,
    ).rows
    pairs: dict[str, list[tuple[str, str]]] = {}
    for r in store.query(
        f"WITH {party_pairs(where)} SELECT id, source_name, target_name FROM pairs "
        "ORDER BY id, source_name, target_name",
        params,
    ).rows:
        pairs.setdefault(str(r[0]), []).append((str(r[1]), str(r[2])))
    incidents = tuple(
        Incident(id=str(r[0]), type=str(r[1]), source=r[2], target=r[3], day=r[4],
                 goldstein=r[5], reports=int(r[6]), pairs=tuple(pairs.get(str(r[0]), ())))
        for r in rows
    )  # fmt: skip
    return Side(period=period, incidents=incidents)
