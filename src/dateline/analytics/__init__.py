"""Questions asked of the store: events, actors, dyad timelines, a corpus summary."""

from __future__ import annotations

from dateline.analytics.query import (
    Day,
    Summary,
    find_actors,
    find_events,
    summarize,
    timeline,
    top_dyads,
)
from dateline.analytics.table import format_result

__all__ = [
    "Day",
    "Summary",
    "find_actors",
    "find_events",
    "format_result",
    "summarize",
    "timeline",
    "top_dyads",
]
