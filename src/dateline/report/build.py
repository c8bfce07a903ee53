"""The situation report: what the store says happened in a period, as data, Markdown and HTML.

`build_report` asks the store the same questions the CLI and API ask (analytics/) for one
period with real dates (analytics/compare.py fills an open end from the store) and compares
it with the period of equal length before it (judge.py). The Markdown and HTML come from the
Jinja2 templates in templates/; both list every incident the report cites or shows with the
articles that reported it, by headline and URL, and link the PNG figures plots.py draws,
under the names in `FIGURES`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from dateline.analytics import Summary, summarize
from dateline.analytics.compare import DEFAULT_DAYS, Period, compare, resolve_period
from dateline.analytics.filters import EVERYTHING, Scope
from dateline.analytics.report_data import (
    ArticleRef,
    Edge,
    Escalation,
    Network,
    TypeDay,
    actor_network,
    articles_of,
    count_incidents,
    escalation,
    incidents_by_id,
    recent_incidents,
    types_per_day,
)
from dateline.report.judge import Judgement, judge
from dateline.store.store import Store

# Figure names, in the order the report shows them, with their captions.
FIGURES = {
    "types_per_day": "Incidents over time by PLOVER type",
    "escalation": "Escalation index per week (minus mean Goldstein; up means escalation)",
    "top_dyads": "Dyads with the most incidents",
    "network": "Actor network (edge width: incidents; red: conflict, blue: cooperation)",
}
_RECENT = 10  # incidents listed with their sentences, besides those the judgements cite
_DYADS = 10
_WEEKS = 12  # rows of the escalation table; the figure shows every week
_SENTENCE = 300  # characters of an evidence sentence shown before it is cut
_TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentLine:
    """An incident as the report lists it: what, who, where, its words and its articles."""

    id: str
    when: str  # the date as precise as it is known: a day, a month, a year or a range
    type: str
    who: str
    place: str | None
    reports: int
    stories: int
    background: bool
    sentence: str  # the first report's evidence, cut at _SENTENCE characters
    articles: tuple[ArticleRef, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SituationReport:
    """One period of the store: counts, series, judgements and the incidents behind them."""

    scope: Scope
    period: Period | None  # None when the scope holds no news incident at all
    summary: Summary  # the whole store
    incidents: int  # in the period, background included
    types_per_day: tuple[TypeDay, ...]
    escalation: tuple[Escalation, ...]  # per week
    network: Network
    judgements: tuple[Judgement, ...]
    lines: tuple[IncidentLine, ...]  # the cited and the most recent incidents, newest first

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

    @property
    def numbers(self) -> dict[str, int]:
        """Return each listed incident's number in the report (1 is the first listed)."""
        return {line.id: n for n, line in enumerate(self.lines, start=1)}


def _most(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def build_report(
    store: Store, scope: Scope = EVERYTHING, *, days: int = DEFAULT_DAYS
) -> SituationReport:
    """Return the situation report of a scope's period (by default its last `days` days)."""
    period = resolve_period(store, scope, days=days)
    if period is not None:
        scope = replace(scope, since=period.since, until=period.until)
    judgements = judge(compare(store, scope, period)) if period else judge_nothing()
    cited = [i for j in judgements for i in j.cites]
    recent = [str(r[0]) for r in recent_incidents(store, scope, limit=_RECENT).rows]
    return SituationReport(
        scope=scope,
        period=period,
        summary=summarize(store),
        incidents=count_incidents(store, scope) if period else 0,
        types_per_day=tuple(types_per_day(store, scope)) if period else (),
        escalation=tuple(escalation(store, scope, period="week")) if period else (),
        network=actor_network(store, scope) if period else Network(nodes=(), edges=()),
        judgements=judgements,
        lines=_lines(store, list(dict.fromkeys([*cited, *recent]))) if period else (),
    )


def judge_nothing() -> tuple[Judgement, ...]:
    """Return the one judgement on a scope with no news incident."""
    return (Judgement(text="No incidents in this scope.", cites=()),)


def _lines(store: Store, ids: list[str]) -> tuple[IncidentLine, ...]:
    if not ids:
        return ()
    result, articles = incidents_by_id(store, ids), articles_of(store, ids)
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    return tuple(_line(r, articles.get(str(r["id"]), ())) for r in rows)


def _line(i: dict[str, Any], articles: tuple[ArticleRef, ...]) -> IncidentLine:
    sentence = " ".join(str(i["sentence"]).split())
    if len(sentence) > _SENTENCE:
        sentence = sentence[: _SENTENCE - 1] + "…"
    who = " → ".join(str(n) for n in (i["source_name"], i["target_name"]) if n)
    return IncidentLine(
        id=str(i["id"]), when=_when(i["earliest"], i["latest"]), type=str(i["type"]),
        who=who or "actors unknown", place=i["place_name"], reports=int(i["reports"]),
        stories=int(i["stories"]), background=bool(i["background"]), sentence=sentence,
        articles=articles,
    )  # fmt: skip


def _when(earliest: date | None, latest: date | None) -> str:
    """Return an interval as precisely as it is known: 2024-03-04, 2024-03, 2024, or a range."""
    if earliest is None:
        return "undated"
    if latest is None or latest == earliest:
        return earliest.isoformat()
    if (earliest.month, earliest.day, latest.month, latest.day) == (1, 1, 12, 31) and (
        earliest.year == latest.year
    ):
        return str(earliest.year)
    next_day = date.fromordinal(latest.toordinal() + 1)
    if earliest.day == 1 and next_day.day == 1 and (earliest.year, earliest.month) == (
        latest.year, latest.month
    ):  # fmt: skip
        return f"{earliest:%Y-%m}"
    return f"{earliest} to {latest}"


@cache
def _templates() -> jinja2.Environment:
    # HTML is escaped by Jinja2 (a headline is text, never markup); Markdown by the md filter.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _markdown_text
    env.filters["mdurl"] = _markdown_url
    env.tests["web"] = _is_web
    return env


def _markdown_url(url: str) -> str:
    """Return a URL that cannot end a Markdown link early: spaces and brackets encoded."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _is_web(url: object) -> bool:
    """Return whether a URL may be a link: http(s) only, never javascript: or data:."""
    return isinstance(url, str) and url.lower().startswith(("http://", "https://"))


def _markdown_text(value: object) -> str:
    """Return text with the characters that would make Markdown links or table cells escaped."""
    text = " ".join(str(value).split())
    for char in "\\[]|*_<>":
        text = text.replace(char, "\\" + char)
    return text


def _context(report: SituationReport, figures: Mapping[str, str] | None) -> dict[str, Any]:
    return {"r": report, "figures": dict(figures or {}), "captions": FIGURES,
            "weeks": report.escalation[-_WEEKS:], "numbers": report.numbers}  # fmt: skip


def render_markdown(report: SituationReport, figures: Mapping[str, str] | None = None) -> str:
    """Return the report as Markdown; `figures` maps a FIGURES name to its image link."""
    return _templates().get_template("report.md").render(_context(report, figures))


def render_html(report: SituationReport, figures: Mapping[str, str] | None = None) -> str:
    """Return the report as one HTML page; `figures` maps a FIGURES name to its image link."""
    return _templates().get_template("report.html").render(_context(report, figures))
