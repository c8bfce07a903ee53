"""actors: who is in the story (see stage.py); lookups for later stages."""

from dateline.actors.dictionary import ActorDictionary, Entry, country_of, load_actor_dictionary
from dateline.actors.generic import is_role_noun
from dateline.actors.lookup import actor_at
from dateline.actors.stage import find_actors

__all__ = [
    "ActorDictionary",
    "Entry",
    "actor_at",
    "country_of",
    "find_actors",
    "is_role_noun",
    "load_actor_dictionary",
]
