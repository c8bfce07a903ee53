"""sources: see stage.py."""

from dateline.sources.stage import find_sources

__all__ = ["find_sources"]
