"""Questions asked of the store: events, actors, dyad timelines, a corpus summary."""

from __future__ import annotations

from dateline.analytics.filters import Scope
from dateline.analytics.listing import Listing, Order, find_events, find_incidents
from dateline.analytics.query import (
    Day,
    Summary,
    find_actors,
    summarize,
    timeline,
    top_dyads,
)
from dateline.analytics.table import format_result

__all__ = [
    "Day",
    "Listing",
    "Order",
    "Scope",
    "Summary",
    "find_actors",
    "find_events",
    "find_incidents",
    "format_result",
    "summarize",
    "timeline",
    "top_dyads",
]
