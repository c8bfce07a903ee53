"""actors: see stage.py."""

from dateline.actors.stage import find_actors

__all__ = ["find_actors"]
