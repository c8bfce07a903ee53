"""Placeholder: the times stage is being built (see the issues)."""

from __future__ import annotations

from dateline.pipeline import stage
from dateline.reading import Reading


@stage(needs={"doc", "article"}, fills={"times"}, english_only=True)
def resolve_times(reading: Reading) -> Reading:
    """Return the reading unchanged until this stage is built."""
    return reading
