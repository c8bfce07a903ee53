"""Roles the clause leaves open, filled from the rest of the article (issue #4, round 2).

Runs after clause-level coding (stage.py) over the article's events in text order:

- journalism's own acts are not events: a news outlet consulting officials or asking for
  comment is how the story was reported, not what it reports;
- the authors of proposals (proposals.py): a rejection targets whoever made what is rejected,
  an unattributed proposal is the most recent proposer's, a demand targets the actor expected
  to carry it out;
- a retaliation targets the attacker it answers;
- a conflict act with no target in its sentence acts on its source's adversary, learned from
  the article's other conflict events, else on the other of the story's two main actors.

We wrote this ourselves: event coders (PETRARCH2, the PLOVER coders) code one sentence at a
time and leave these roles empty.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dateline.events.proposals import (
    fill_answered,
    fill_demanded,
    fill_proposers,
    find_proposals,
)
from dateline.reading import Actor, Event, Reading

# Journalism's own acts: asking, consulting, being told. A media actor on either end of these
# is the reporting, not the story; its acts of other kinds (a ban on a channel) are events.
REPORTING_TYPES = frozenset({"CONSULT", "REQUEST"})


def resolve_discourse(reading: Reading, events: Sequence[Event]) -> list[Event]:
    """Return the events with journalism's acts dropped and open roles filled from the article."""
    actors = {a.id: a for a in reading.actors}
    kept = [e for e in events if not _is_reporting(e, actors)]
    at = {token.idx: token for token in reading.require_doc()}
    proposals = find_proposals(reading, kept, at)
    events = fill_proposers(kept, proposals, at)
    events = fill_answered(events, proposals, at)
    return fill_demanded(reading, events, at)


def _is_reporting(event: Event, actors: dict[str, Actor]) -> bool:
    if event.type not in REPORTING_TYPES:
        return False
    ends = (actors.get(event.source or ""), actors.get(event.target or ""))
    return any(actor is not None and actor.type == "media" for actor in ends)


def trigger_token(doc: Doc, event: Event) -> Token | None:
    """Return the token of the event's trigger, if the event has one."""
    if event.trigger is None:
        return None
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
