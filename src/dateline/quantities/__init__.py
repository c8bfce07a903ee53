"""quantities: see stage.py."""

from dateline.quantities.stage import find_quantities

__all__ = ["find_quantities"]
