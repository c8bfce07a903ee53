"""events: see stage.py."""

from dateline.events.stage import code_events

__all__ = ["code_events"]
