"""The situation report: what the store says happened in a period, as data and as Markdown.

`build_report` asks the store the same questions the CLI and API ask (analytics/); the
Markdown links to the PNG figures plots.py draws, under the names in `FIGURES`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.analytics import Summary, summarize
from dateline.analytics.filters import Scope
from dateline.analytics.report_data import (
    Edge,
    Escalation,
    Network,
    TypeDay,
    actor_network,
    count_incidents,
    escalation,
    recent_incidents,
    types_per_day,
)
from dateline.store.store import Result, Store

# Figure names, in the order the report shows them, with their captions.
FIGURES = {
    "types_per_day": "Incidents over time by PLOVER type",
    "escalation": "Escalation index per week (minus mean Goldstein; up means escalation)",
    "top_dyads": "Dyads with the most incidents",
    "network": "Actor network (edge width: incidents; red: conflict, blue: cooperation)",
}
_RECENT = 10  # incidents listed with their sentences
_DYADS = 10
_WEEKS = 12  # rows of the escalation table; the figure shows every week
_SENTENCE = 300  # characters of an evidence sentence shown before it is cut


@dataclass(frozen=True, slots=True, kw_only=True)
class SituationReport:
    """Counts, series, dyads, network and recent incidents for one scope of the store."""

    scope: Scope
    summary: Summary  # the whole store
    incidents: int  # in scope, background included
    types_per_day: tuple[TypeDay, ...]
    escalation: tuple[Escalation, ...]  # per week
    network: Network
    recent: Result  # analytics.report_data.recent_incidents

    @property
    def type_totals(self) -> tuple[tuple[str, int], ...]:
        """Return (PLOVER type, incidents) over the period, most frequent first."""
        counts: Counter[str] = Counter()
        for day in self.types_per_day:
            counts[day.type] += day.incidents
        return tuple(sorted(counts.items(), key=_most))

    @property
    def top_dyads(self) -> tuple[Edge, ...]:
        """Return the dyads with the most incidents."""
        return self.network.edges[:_DYADS]


def _most(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def build_report(
    store: Store,
    *,
    since: date | None = None,
    until: date | None = None,
    actor: str | None = None,
) -> SituationReport:
    """Return the situation report of the incidents in a date range involving an actor."""
    scope = Scope(since=since, until=until, actor=actor)
    return SituationReport(
        scope=scope,
        summary=summarize(store),
        incidents=count_incidents(store, scope),
        types_per_day=tuple(types_per_day(store, scope)),
        escalation=tuple(escalation(store, scope, period="week")),
        network=actor_network(store, scope),
        recent=recent_incidents(store, scope, limit=_RECENT),
    )


def render_markdown(report: SituationReport, figures: Mapping[str, str] | None = None) -> str:
    """Return the report as Markdown; `figures` maps a FIGURES name to its image link."""
    parts = [
        _heading(report),
        _overview(report),
        _figure(figures, "types_per_day"),
        _types(report),
        _figure(figures, "escalation"),
        _escalation(report),
        _figure(figures, "top_dyads"),
        _dyads(report),
        _figure(figures, "network"),
        _recent(report),
        _caveats(),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def _heading(report: SituationReport) -> str:
    scope = report.scope
    period = f"{scope.since or 'the first incident'} to {scope.until or 'the last incident'}"
    lines = ["# Situation report", "", f"Period: {period}."]
    if scope.actor:
        lines.append(f"Actor: incidents with an actor whose name contains “{scope.actor}”.")
    return "\n".join(lines)


def _overview(report: SituationReport) -> str:
    s = report.summary
    news = sum(d.incidents for d in report.types_per_day)
    return (
        "## Overview\n\n"
        f"The store holds {s.articles} articles in {s.stories} stories, {s.events} coded "
        f"events and {s.incidents} incidents; inputs that could not be read: {s.failures}.\n"
        f"In this report's scope: {report.incidents} incidents, {news} of them news of their "
        f"day and {report.incidents - news} told as background or undated."
    )


def _figure(figures: Mapping[str, str] | None, name: str) -> str:
    if not figures or name not in figures:
        return ""
    return f"![{FIGURES[name]}]({figures[name]})"


def _types(report: SituationReport) -> str:
    rows = [(t, str(n)) for t, n in report.type_totals]
    return "## Incidents by type\n\n" + _table(("PLOVER type", "incidents"), rows)


def _escalation(report: SituationReport) -> str:
    weeks = report.escalation[-_WEEKS:]
    rows = [(str(w.start), str(w.incidents), str(w.conflict), f"{w.goldstein:+.1f}",
             f"{w.index:+.1f}") for w in weeks]  # fmt: skip
    shown = f"the last {len(weeks)} of {len(report.escalation)} weeks with incidents"
    text = f"## Escalation\n\nWeeks with incidents ({shown}):\n\n" + _table(
        ("week of", "incidents", "conflictual", "mean Goldstein", "index"), rows
    )
    if len(weeks) >= 2:
        change = weeks[-1].index - weeks[-2].index
        trend = "rose" if change > 0 else "fell" if change < 0 else "held"
        text += (
            f"\n\nThe index {trend} by {abs(change):.1f} from the week of {weeks[-2].start} "
            f"to the week of {weeks[-1].start}."
        )
    return text


def _dyads(report: SituationReport) -> str:
    rows = [(e.source, e.target, str(e.incidents), f"{e.goldstein:+.1f}")
            for e in report.top_dyads]  # fmt: skip
    return "## Top dyads\n\n" + _table(("source", "target", "incidents", "Goldstein sum"), rows)


def _recent(report: SituationReport) -> str:
    result = report.recent
    if not result.rows:
        return "## Recent incidents\n\nNone in this scope."
    lines = ["## Recent incidents"]
    for row in result.rows:
        lines.append(_incident(dict(zip(result.columns, row, strict=True))))
    return "\n\n".join(lines)


def _incident(i: dict[str, Any]) -> str:
    who = " → ".join(str(n) for n in (i["source_name"], i["target_name"]) if n) or "actors unknown"
    where = f" in {i['place_name']}" if i["place_name"] else ""
    when = i["earliest"] or "undated"
    note = " (background)" if i["background"] else ""
    sentence = " ".join(str(i["sentence"]).split())
    if len(sentence) > _SENTENCE:
        sentence = sentence[: _SENTENCE - 1] + "…"
    return (
        f"- **{when}** {i['type']}: {who}{where}{note}; {i['reports']} reports in "
        f"{i['stories']} stories.\n  > {sentence}\n  ({_cited(i)})"
    )


def _cited(i: dict[str, Any]) -> str:
    headline = i["headline"] or f"article {i['article_id']}"
    return f"{i['publisher']}: {headline}" if i["publisher"] else headline


def _caveats() -> str:
    return (
        "## How to read this\n\n"
        "Events are coded by machine from the articles' sentences and may be wrong; every "
        "incident above quotes the sentence it came from. An incident is one event however "
        "many outlets reported it, dated by its earliest report."
    )


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    if not rows:
        return "None in this scope."
    cells = [header, tuple("---" for _ in header), *rows]
    return "\n".join("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in cells)
