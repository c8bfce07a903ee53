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

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Token

from dateline.events.adversary import fill_adversaries
from dateline.events.lexicon import code_info, load_lexicon, load_words
from dateline.events.proposals import (
    fill_answered,
    fill_demanded,
    fill_proposers,
    find_proposals,
    token_of,
)
from dateline.events.roles import find_dyad, resolve
from dateline.events.syntax import is_definite_noun
from dateline.nlp.text import doc_tokens, tokens_by_offset
from dateline.reading import Actor, Event, Reading

# Journalism's own acts: asking, consulting, being told. A media actor on either end of these
# is the reporting, not the story; its acts of other kinds (a ban on a channel) are events.
REPORTING_TYPES = frozenset({"CONSULT", "REQUEST"})
RESPONSE_HOPS = 3  # how far up the tree an attack looks for "responding", "retaliating"
INFERRED = 0.1  # confidence lost when a role comes from elsewhere in the article


def resolve_discourse(reading: Reading, events: Sequence[Event]) -> list[Event]:
    """Return the events with journalism's acts dropped and open roles filled from the article."""
    actors = {a.id: a for a in reading.actors}
    kept = [e for e in events if not _is_reporting(e, actors)]
    at = tokens_by_offset(reading.require_doc())
    proposals = find_proposals(reading, kept, at)
    events = fill_proposers(kept, proposals, at)
    events = fill_answered(events, proposals, at)
    events = fill_demanded(reading, events, at)
    events = fill_retaliations(events, at)
    events = fill_anaphoric_attackers(events, at)
    events = fill_condemned_attackers(events, at)
    events = fill_claimed_attacks(reading, events, at)
    return fill_adversaries(reading, events, at, _interacting(find_dyad(reading), events))


def _interacting(dyad: tuple[str, str] | None, events: list[Event]) -> tuple[str, str] | None:
    """The story's main pair only when the text itself has one act between them: two much
    mentioned actors that never meet ("the Taliban" and "Pakistan", named in a background
    paragraph) are no evidence of whom a targetless act is aimed at."""
    if dyad is None:
        return None
    pair = set(dyad)
    meet = any(pair <= {e.source, e.target, *e.co_sources, *e.co_targets} for e in events)
    return dyad if meet else None


def _is_reporting(event: Event, actors: dict[str, Actor]) -> bool:
    if event.type not in REPORTING_TYPES:
        return False
    ends = (actors.get(event.source or ""), actors.get(event.target or ""))
    return any(actor is not None and actor.type == "media" for actor in ends)


def fill_retaliations(events: list[Event], at: dict[int, Token]) -> list[Event]:
    """Return the events with each targetless retaliation aimed at the attack it answers."""
    out = []
    for event in events:
        token = token_of(event, at) if event.type == "ASSAULT" else None
        if token is not None and event.target is None and event.source and _answers(token):
            attacker = _attacker_before(events, token, at, not_=event.source)
            if attacker is not None:
                event = replace(event, target=attacker, confidence=_less(event.confidence))
        out.append(event)
    return out


def fill_anaphoric_attackers(events: list[Event], at: dict[int, Token]) -> list[Event]:
    """ "The attack on the army camp involved two car bombs": a definite attack noun with no
    attacker of its own refers back to an attack told before; it takes that attack's source."""
    out: list[Event] = []
    last_attacker: str | None = None  # carried along: one pass, linear in the events
    struck: set[str] = set()  # who the attacks told so far struck
    for event in events:
        token = token_of(event, at) if event.type == "ASSAULT" and event.source is None else None
        if (
            token is not None
            and last_attacker is not None
            and is_definite_noun(token)
            and not _dated(token)
            # "the assassination of X" where no attack told so far struck X is another act
            and (event.target is None or event.target in struck)
        ):
            event = replace(event, source=last_attacker, confidence=_less(event.confidence))
        if event.type == "ASSAULT" and event.source is not None:
            last_attacker = event.source
        if event.type == "ASSAULT" and event.target is not None:
            struck.add(event.target)
        out.append(event)
    return out


def fill_condemned_attackers(events: list[Event], at: dict[int, Token]) -> list[Event]:
    """ "X condemned the attack", "denounced the bombing": a condemnation of an act is aimed at
    whoever did it, the source of that attack (or of the last attack told before it)."""
    by_trigger = {e.trigger.start: e for e in events if e.trigger is not None}
    attackers = sorted(
        (e.evidence.start, e.source, _lemma(e, at))
        for e in events
        if e.type == "ASSAULT" and e.source
    )
    out: list[Event] = []
    for event in events:
        token = token_of(event, at) if event.type == "ACCUSE" and event.target is None else None
        acts = [o for o in (token.children if token is not None else ())
                if o.dep_ in ("dobj", "pobj", "nsubjpass") and _is_attack_noun(o)]  # fmt: skip
        if acts:
            told = by_trigger.get(acts[0].idx)
            doer = told.source if told is not None and told.source else None
            doer = doer or _last_attacker(attackers, acts[0].idx, acts[0].lemma_.lower())
            if doer is not None and doer != event.source:
                event = replace(event, target=doer, confidence=_less(event.confidence))
        out.append(event)
    return out


def fill_claimed_attacks(
    reading: Reading, events: list[Event], at: dict[int, Token]
) -> list[Event]:
    """ "The Islamic State group later claimed responsibility for the attack": the claimer is
    the source of the attack claimed, the last attack told before the claim with none."""
    out = list(events)
    for offset, claimer in _claims(reading):
        open_attacks = [i for i, e in enumerate(out) if e.type == "ASSAULT" and e.source is None
                        and e.evidence.start < offset and e.target != claimer]  # fmt: skip
        if open_attacks:
            i = open_attacks[-1]
            out[i] = replace(out[i], source=claimer, confidence=_less(out[i].confidence))
    return out


def _claims(reading: Reading) -> Iterator[tuple[int, str]]:
    """(offset, claimer's actor id) of each "claimed responsibility (credit) for <an attack>"."""
    verbs = load_words("claim_verbs.txt")
    for token in doc_tokens(reading.require_doc()):
        if token.lower_ not in ("responsibility", "credit") or token.dep_ != "dobj":
            continue
        verb = token.head
        claimed = any(g.dep_ == "pobj" and _is_attack_noun(g) for p in token.children
                      if p.dep_ == "prep" and p.lower_ == "for" for g in p.children)  # fmt: skip
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.lemma_.lower() in verbs and claimed and subjects:
            claimer = resolve(reading, subjects[0])
            if claimer is not None:
                yield token.idx, claimer.id


def _is_attack_noun(token: Token) -> bool:
    entries = load_lexicon().get((token.lemma_.lower(), "NOUN"), ())
    return any((info := code_info(e.code)) is not None and info.type == "ASSAULT" for e in entries)


def _last_attacker(attackers: list[tuple[int, str, str]], before: int, lemma: str) -> str | None:
    """The source of the last attack told before `before` by the same word ("condemned the
    attack" is the gunmen's attack, not the police raid that ended it), else of the last
    attack told before it (attackers sorted by offset)."""
    at = bisect_left(attackers, (before, "", ""))
    same = [a for a in attackers[:at] if a[2] == lemma]
    if same:
        return same[-1][1]
    return attackers[at - 1][1] if at else None


def _lemma(event: Event, at: dict[int, Token]) -> str:
    token = token_of(event, at)
    return token.lemma_.lower() if token is not None else ""


def _dated(noun: Token) -> bool:
    """ "the February 2005 murder of X", "yesterday's assassination": a dated act is named
    anew, it does not refer back to the attack just told."""
    return any(c.ent_type_ in ("DATE", "TIME") for c in noun.children if c.dep_ != "prep")


def _answers(trigger: Token) -> bool:
    """Is the attack an answer: "responding with airstrikes", "struck in retaliation"?"""
    words = load_words("response_words.txt")
    near = [trigger, *[*trigger.ancestors][:RESPONSE_HOPS]]
    near += [g for c in trigger.children for g in (c, *c.children)]
    return any(t.lemma_.lower() in words for t in near)


def _attacker_before(
    events: list[Event], trigger: Token, at: dict[int, Token], *, not_: str
) -> str | None:
    """Return the source of the nearest earlier attack in this or the previous sentence."""
    sentence = trigger.sent
    start = trigger.doc[sentence.start - 1].sent.start_char if sentence.start else 0
    earlier = [
        e for e in events
        if e.type == "ASSAULT" and e.source not in (None, not_) and e.trigger is not None
        and start <= e.trigger.start < trigger.idx
    ]  # fmt: skip
    return max(earlier, key=_trigger_start).source if earlier else None


def _trigger_start(event: Event) -> int:
    return event.trigger.start if event.trigger is not None else -1


def _less(confidence: float) -> float:
    return round(max(confidence - INFERRED, 0.05), 2)
