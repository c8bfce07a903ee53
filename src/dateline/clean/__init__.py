"""clean: see stage.py."""

from dateline.clean.stage import clean_article

__all__ = ["clean_article"]
