"""places: see stage.py."""

from dateline.places.stage import find_places

__all__ = ["find_places"]
