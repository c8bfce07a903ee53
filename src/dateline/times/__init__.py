"""times: see stage.py."""

from dateline.times.stage import resolve_times

__all__ = ["resolve_times"]
