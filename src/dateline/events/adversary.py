"""Whom a conflict act with no target in its sentence is aimed at: the source's adversary.

News names the target once and then drops it ("Israel struck Hezbollah ... Israel warns it
will respond"). The adversary is learned from the article's other force events (ASSAULT,
COERCE, THREATEN) with both ends resolved: the actor the source most often fights, in either
direction. Persons count for their side (part_of, else an actor named in their title: "a
senior Hamas leader", else the state of a state office: data/state_titles.txt), units for
their group, armies and ministries for their state. Ties go to the other of the story's two
main actors (roles.py, find_dyad); without force evidence a force act takes that other main
actor, and only then the one the source rejected most. De-escalations (CAMEO 087x: "held
its fire") count as force acts; other conflict acts (demands, accusations) take only the
main pair. A target the text names that is no actor ("attacks on shipping", "killed
civilians") leaves a force act's role empty. Every inferred target lowers the confidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from dateline.events.lexicon import load_lexicon, load_words
from dateline.events.proposals import state_of, token_of
from dateline.events.roles import named_in_title, office_state, resolve
from dateline.reading import Actor, Event, Reading

FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN"})
DE_ESCALATION = "087"  # CAMEO: de-escalate military engagement, aimed at whom one fights
CONFLICT_TYPES = frozenset(
    {
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
)  # fmt: skip  conflict acts that default to the story's other main actor
# "on Monday" is when, "occupied the Golan Heights" is someone's land: neither is a non-actor
# target that rules the adversary out.
NOT_TARGETS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
TARGET_PREPS = frozenset({"on", "against", "at"})  # "attacks on shipping"
INFERRED = 0.1  # confidence lost when the target comes from elsewhere in the article


@dataclass(frozen=True, slots=True)
class Sides:
    """Actor id -> the id of the side it fights for, and the story's main pair."""

    of: dict[str, str]
    dyad: tuple[str, str] | None

    def side(self, actor_id: str) -> str:
        """Return the side an actor counts for."""
        return self.of.get(actor_id, actor_id)

    def partner(self, actor_id: str) -> str | None:
        """Return the other of the story's main pair, if the actor is one of them."""
        if self.dyad is None or actor_id not in self.dyad:
            return None
        return self.dyad[1] if actor_id == self.dyad[0] else self.dyad[0]


def fill_adversaries(
    reading: Reading, events: list[Event], at: dict[int, Token], dyad: tuple[str, str] | None
) -> list[Event]:
    """Return the events with each targetless conflict act aimed at its source's adversary."""
    sides = Sides({a.id: _side(reading, a).id for a in reading.actors}, dyad)
    evidence = [e for e in events if e.source is not None and e.target is not None]
    out = []
    for event in events:
        token = token_of(event, at)
        if event.target is None and event.source and not _names_other(reading, event, token):
            other = _adversary(event, evidence, sides)
            if other is not None and sides.side(other) != sides.side(event.source):
                event = replace(event, target=other, confidence=_less(event.confidence))
        out.append(event)
    return out


def _adversary(event: Event, evidence: list[Event], sides: Sides) -> str | None:
    source = event.source or ""
    if not _is_force(event):  # other conflict acts keep the story's-main-pair default
        return sides.partner(source) if event.type in CONFLICT_TYPES else None
    force = [e for e in evidence if e.type in FORCE_TYPES]
    rejects = [e for e in evidence if e.type == "REJECT"]
    return (
        _counterpart(source, force, sides)
        or sides.partner(source)
        or _counterpart(source, rejects, sides)
    )


def _is_force(event: Event) -> bool:
    """Force acts and their de-escalation (CAMEO 087x: ceasefire, retreat, demobilize)."""
    return event.type in FORCE_TYPES or event.cameo.startswith(DE_ESCALATION)


def _counterpart(source: str, evidence: Sequence[Event], sides: Sides) -> str | None:
    """Return the side the source's side most often meets in the evidence; ties to the dyad."""
    mine, counts = sides.side(source), Counter[str]()
    for event in evidence:
        ends = (sides.side(event.source or ""), sides.side(event.target or ""))
        if mine in ends and ends[0] != ends[1]:
            counts[ends[1] if ends[0] == mine else ends[0]] += 1
    if not counts:
        return None
    best = max(counts.values())
    tied = [side for side, n in counts.items() if n == best]
    if len(tied) == 1:
        return tied[0]
    partner = sides.partner(mine)
    return partner if partner in tied else None


def _side(reading: Reading, actor: Actor) -> Actor:
    """Return the group or state an actor fights for: its part_of chain, a person's title."""
    seen = {actor.id}
    by_id = {a.id: a for a in reading.actors}
    if actor.type == "person" and actor.part_of is None:
        actor = named_in_title(reading, actor) or office_state(reading, actor) or actor
    while actor.part_of in by_id and actor.part_of not in seen:
        seen.add(actor.part_of)
        actor = by_id[actor.part_of]
    return state_of(reading, actor)


def _names_other(reading: Reading, event: Event, trigger: Token | None) -> bool:
    """Does the text give a force act a target that is no actor: "attacks on shipping",
    "three guards were killed", "killed civilians"? Then the role stays empty, not guessed."""
    if trigger is None or not _is_force(event):
        return False
    # "launched attacks on ships": the act's own noun may carry the target.
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    preps = [c for t in (trigger, *objects) for c in t.children
             if c.dep_ == "prep" and c.lower_ in TARGET_PREPS]  # fmt: skip
    named = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    named += [c for c in trigger.children if c.dep_ == "nsubjpass"]
    # A direct object is the victim unless it is what is fired ("fired rockets") or the
    # act itself ("launched attacks").
    if trigger.lemma_.lower() not in load_words("delivery_verbs.txt"):
        named += [o for o in objects if (o.lemma_.lower(), "NOUN") not in load_lexicon()]
    return any(t.ent_type_ not in NOT_TARGETS and resolve(reading, t) is None for t in named)


def _less(confidence: float) -> float:
    return round(max(confidence - INFERRED, 0.05), 2)
