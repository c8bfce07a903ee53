"""Who made a proposal, and who a demand asks to act: roles the clause often leaves unsaid.

A proposal-like noun ("ideas", "plan", "offer", data/proposal_nouns.txt) has an author when
the text says so: a possessor or demonym ("Washington's ideas", "a Freedonian plan"), a `by`
agent ("the plan presented by X"), the subject of a relative clause ("the ideas that X
floated"), the subject of a proposing verb ("X tabled a plan"), or a REQUEST coded on it.
A person who speaks for a state abroad (data/envoy_titles.txt) authors for that state.

With the authors known: a rejection or acceptance of a proposal targets its author, also
when the proposal is named again later ("both ideas"); a proposal made to someone with no
agent ("X was presented with a plan") is the most recent proposer's; a demand targets the
actor named inside what it demands ("the withdrawal of X's fighters").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from dateline.events.lexicon import NOUN_POS, load_cues, load_words
from dateline.events.roles import RELATIVE, agents, names_agent, resolve, source_tokens
from dateline.nlp.text import doc_tokens
from dateline.reading import Actor, Event, Reading

AUTHOR_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# Determiners that point back to a proposal already named: "both ideas", "the plan".
ANAPHORIC = frozenset({"the", "this", "that", "these", "those", "both", "such", "either"})
DET_DEPS = frozenset({"det", "predet"})
ANSWER_TYPES = frozenset({"REJECT", "AGREE", "CONCEDE"})  # what answers a proposal
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
ACT_DEPS = frozenset({"ccomp", "xcomp", "acl"})  # clauses that spell out what is demanded
NAMING_POS = frozenset({"NOUN", "PROPN", "PRON", "ADJ"})  # ADJ: demonyms, "Sylvanian troops"
# Where a demanded act goes is not who does it: "deployment ... to the border".
LOCATIVE = frozenset({"to", "from", "in", "into", "at", "near", "across", "toward", "towards",
                      "inside", "within", "along", "through", "over", "on"})  # fmt: skip
# Bodies of a state whose demanded acts are the state's: "deployment of the X army" asks X.
BODY_TYPES = frozenset({"military", "government", "police"})
INFERRED = 0.1  # confidence lost when a role comes from elsewhere in the article


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposal-like noun in the article and the actor id of its author, if named."""

    token: int
    lemma: str
    author: str | None


def find_proposals(
    reading: Reading, events: Sequence[Event], at: dict[int, Token]
) -> list[Proposal]:
    """Return the article's proposal-like nouns, in text order, with their authors."""
    nouns = load_words("proposal_nouns.txt")
    requested = {t.i: e.source for e in events if e.type == "REQUEST" and (t := token_of(e, at))}
    found = []
    for token in doc_tokens(reading.require_doc()):
        if token.pos_ in NOUN_POS and token.lemma_.lower() in nouns:
            author = _author(reading, token) or requested.get(token.i)
            found.append(Proposal(token.i, token.lemma_.lower(), author))
    return found


def token_of(event: Event, at: dict[int, Token]) -> Token | None:
    """Return the token of the event's trigger (`at`: token by character offset)."""
    return at.get(event.trigger.start) if event.trigger is not None else None


def _author(reading: Reading, noun: Token) -> str | None:
    for token in _author_tokens(noun):
        actor = resolve(reading, token)
        if actor is not None:
            return speaks_for(reading, actor).id
    return None


def _author_tokens(noun: Token) -> Iterator[Token]:
    yield from (c for c in noun.children if c.dep_ in AUTHOR_DEPS and names_agent(c))
    proposing = load_words("proposing_verbs.txt")
    for clause in noun.children:
        if clause.dep_ == "acl":  # "the plan presented by X"
            yield from agents(clause)
        elif clause.dep_ == "relcl" and clause.lemma_.lower() in proposing:  # "ideas X floated"
            yield from (
                c for c in clause.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE
            )
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in proposing:
        yield from source_tokens(noun.head)  # "X tabled a plan", "a plan was tabled by X"


def speaks_for(reading: Reading, actor: Actor) -> Actor:
    """Return the state an envoy speaks for, else the actor itself."""
    role = (actor.role or "").lower()
    if actor.type != "person" or not any(
        _has_words(role, t) for t in load_words("envoy_titles.txt")
    ):
        return actor
    return next((a for a in reading.actors if a.type == "state" and a.country == actor.country
                 and actor.country), actor)  # fmt: skip


def _has_words(text: str, words: str) -> bool:
    return f" {words} " in f" {text} "


def fill_proposers(
    events: list[Event], proposals: list[Proposal], at: dict[int, Token]
) -> list[Event]:
    """Return the events with agentless proposals given the most recent proposer as source."""
    nouns = load_words("proposal_nouns.txt")
    out = []
    for event in events:
        token = token_of(event, at)
        if (
            event.source is None
            and event.type == "REQUEST"
            and token is not None
            and (token.lemma_.lower() in nouns)
        ):
            author = _latest_author(proposals, token.i, exclude=event.target)
            if author is not None:
                event = replace(event, source=author, confidence=_less(event.confidence))
        out.append(event)
    return out


def _latest_author(
    proposals: list[Proposal], before: int, *, lemma: str | None = None, exclude: str | None
) -> str | None:
    """Return the author of the last proposal before token `before` (of `lemma` if given)."""
    for proposal in reversed(proposals):
        if (
            proposal.token < before
            and proposal.author not in (None, exclude)
            and (lemma is None or proposal.lemma == lemma)
        ):
            return proposal.author
    return None


def _less(confidence: float) -> float:
    return round(max(confidence - INFERRED, 0.05), 2)


def fill_answered(
    events: list[Event], proposals: list[Proposal], at: dict[int, Token]
) -> list[Event]:
    """Return the events with each rejection or acceptance of a proposal aimed at its author."""
    by_token = {p.token: p for p in proposals}
    out = []
    for event in events:
        token = token_of(event, at) if event.type in ANSWER_TYPES else None
        answered = _answered(token) if token is not None else None
        proposal = by_token.get(answered.i) if answered is not None else None
        if answered is not None and proposal is not None:
            event = _to_author(event, answered, proposal, proposals)
        out.append(event)
    return out


def _answered(trigger: Token) -> Token | None:
    """What is rejected or accepted: "rejected the plan", "the plan was rejected",
    "rejection of the plan", "open to the offer"."""
    if trigger.pos_ == "VERB":
        return next((c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")), None)
    preps = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("of", "to")]
    return next((g for p in preps for g in p.children if g.dep_ == "pobj"), None)


def _to_author(event: Event, noun: Token, proposal: Proposal, proposals: list[Proposal]) -> Event:
    author, confidence = proposal.author, event.confidence
    if author is None and any(c.lower_ in ANAPHORIC for c in noun.children if c.dep_ in DET_DEPS):
        # "both ideas", "the plan": the proposal named before, of the same word if there is one.
        author = _latest_author(proposals, noun.i, lemma=proposal.lemma, exclude=event.source)
        author = author or _latest_author(proposals, noun.i, exclude=event.source)
        confidence = _less(confidence) if event.target is None else confidence
    if author is None or author == event.source:
        return event
    return replace(event, target=author, confidence=confidence)


def fill_demanded(reading: Reading, events: list[Event], at: dict[int, Token]) -> list[Event]:
    """Return the events with each demand aimed at the actor named in what it demands."""
    out = []
    for event in events:
        token = token_of(event, at) if event.type == "REQUEST" else None
        if token is not None and event.modality in ("demanded", "proposed"):
            actor = _expected(reading, token, exclude=event.source)
            event = replace(event, target=actor) if actor is not None else event
        out.append(event)
    return out


def _expected(reading: Reading, trigger: Token, *, exclude: str | None) -> str | None:
    """Return the actor id named inside the first demanded act that names one, never the
    source or its own state ("the U.S. demanded the release of American hostages")."""
    by_id = {a.id: a for a in reading.actors}
    source = by_id.get(exclude or "")
    own = {exclude, *(a.id for a in reading.actors if a.type == "state" and source
                       and a.country and a.country == source.country)}  # fmt: skip
    for act in _demanded_acts(trigger):
        if act.pos_ in ("VERB", "AUX"):  # "that its fighters move": the clause's subject acts
            tokens = [t for s in act.children if s.dep_ in SUBJECT_DEPS for t in s.subtree]
        elif resolve(reading, act) is not None:
            return None  # "demanded Sylvania ...": the object is the actor; roles.py has it
        else:  # "the withdrawal of X's fighters": an actor inside the action noun's phrase
            tokens = _inside(act)
        for token in tokens:
            actor = resolve(reading, token) if token.pos_ in NAMING_POS else None
            if actor is not None and (state := state_of(reading, actor).id) not in own:
                return state
    return None


def _demanded_acts(trigger: Token) -> list[Token]:
    """What is demanded: an action noun or complement clause of the trigger; for "demands
    include the deployment of ...", the object of the verb that spells the demand out.
    Nouns first: a clause may be the parser hanging the speech verb there ("... ,' shouted X")."""
    acts = [c for c in trigger.children if c.dep_ == "dobj"] if trigger.pos_ == "VERB" else []
    preps = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("of", "for")]
    acts += [g for p in preps for g in p.children if g.dep_ == "pobj"]
    if trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in load_cues().get("extend", {}):
        acts += [c for c in trigger.head.children if c.dep_ in ("dobj", "attr")]
    return acts + [c for c in trigger.children if c.dep_ in ACT_DEPS and c.pos_ in ("VERB", "AUX")]


def _inside(noun: Token) -> list[Token]:
    """The tokens of a noun's phrase, less the noun and where the act goes ("to the border")."""
    places = {t.i for p in noun.subtree if p.dep_ == "prep" and p.lower_ in LOCATIVE
              for t in p.subtree}  # fmt: skip
    return [t for t in noun.subtree if t.i != noun.i and t.i not in places]


def state_of(reading: Reading, actor: Actor) -> Actor:
    """Return the state an army, police or government body belongs to, else the actor."""
    if actor.type not in BODY_TYPES:
        return actor
    states = [a for a in reading.actors if a.type == "state"]
    owner = next((a for a in states if a.id == actor.part_of), None)
    return owner or next((a for a in states if actor.country and a.country == actor.country), actor)
