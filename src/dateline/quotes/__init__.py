"""quotes: see stage.py."""

from dateline.quotes.stage import find_quotes

__all__ = ["find_quotes"]
