"""actors: who is in the story (see stage.py); lookups for later stages.

The names below load their module on first use (PEP 562): the store's writer needs only
`identity` and `dictionary`, and importing the stage here made every writer import spaCy
(87 MiB of a process whose memory #12 caps).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.actors.dictionary import (
        ActorDictionary,
        Entry,
        country_of,
        load_actor_dictionary,
    )
    from dateline.actors.generic import is_role_noun
    from dateline.actors.lookup import actor_at
    from dateline.actors.stage import find_actors

_HOMES = {
    "ActorDictionary": "dictionary",
    "Entry": "dictionary",
    "country_of": "dictionary",
    "load_actor_dictionary": "dictionary",
    "is_role_noun": "generic",
    "actor_at": "lookup",
    "find_actors": "stage",
}

__all__ = [
    "ActorDictionary",
    "Entry",
    "actor_at",
    "country_of",
    "find_actors",
    "is_role_noun",
    "load_actor_dictionary",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"dateline.actors.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'dateline.actors' has no attribute {name!r}")
