"""Fictional actors for event tests: sentences about Freedonia and Sylvania, resolved by
surface form, so a test reads the events layer alone without the actors stage."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language

from dateline.events import code_events
from dateline.reading import Actor, Event, Mention, Reading

# Actor names the tests resolve; each maps every surface form to one actor.
ACTORS = {
    "Freedonia": ("Freedonia", "Freedonian", "Freedonia's"),
    "Sylvania": ("Sylvania", "Sylvanian"),
    "the Rebels": ("Red Brigade",),
    "Ana Costa": ("Ana Costa", "Costa"),
    "United Nations": ("United Nations", "UN"),
}

KINDS = {"Ana Costa": "person", "the Rebels": "armed_group"}  # the others are states


def actors_in(text: str) -> tuple[Actor, ...]:
    """Return an actor for each fictional name the text mentions, with every mention."""
    actors = []
    for i, (name, forms) in enumerate(ACTORS.items(), 1):
        mentions = [
            Mention(text=m.group(), start=m.start(), end=m.end())
            for form in forms
            for m in re.finditer(rf"\b{re.escape(form)}\b", text)
        ]
        if mentions:
            kind = KINDS.get(name, "state")
            actors.append(Actor(id=f"a{i}", name=name, type=kind, country=None,
                                mentions=tuple(mentions)))  # fmt: skip
    return tuple(actors)


def read_events(nlp: Language, text: str, **layers: Any) -> Reading:
    """Return the reading of `text` with its events coded over the fictional actors."""
    return code_events(
        Reading(source="t", text=text, doc=nlp(text), actors=actors_in(text), **layers)
    )


def role_names(reading: Reading, event: Event) -> tuple[str | None, str | None]:
    """Return the names of the event's source and target."""
    names = {a.id: a.name for a in reading.actors}
    return names.get(event.source or ""), names.get(event.target or "")
