"""Placeholder: the events stage is being built (see the issues)."""

from __future__ import annotations

from dateline.pipeline import stage
from dateline.reading import Reading


@stage(
    needs={"doc", "actors", "quotes", "sources", "times", "places"},
    fills={"events"},
    english_only=True,
)
def code_events(reading: Reading) -> Reading:
    """Return the reading unchanged until this stage is built."""
    return reading
