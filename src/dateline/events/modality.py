"""Modality: is the event asserted, negated, proposed, demanded, conditional, intended or
hypothetical? Read from the clause around the trigger with the cues in data/cues.tsv.

Order matters and follows how the cues nest: a negation on the event's own verb chain wins
("has not been involved in talks"); then a condition on that chain ("will respond ... if",
"until", "once"); then what governs the event ("a proposal that ...", "called for",
"ready to"); then a modal auxiliary ("would", "could"). Rejections are events, not negations:
"ruled out" is coded REJECT by the lexicon and stays asserted.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from dateline.events.lexicon import load_cues, load_words
from dateline.events.syntax import is_finite_statement, is_infinitive, is_infinitive_advcl

CHAIN_DEPS = frozenset({"xcomp", "prep", "pobj", "dobj", "acomp", "attr", "pcomp", "acl", "amod"})
GOVERN_HOPS = 4
FUTURE = frozenset({"will", "shall", "would"})  # lemmas: "won't" parses as wo/will


def find_modality(trigger: Token, code: str, *, intended: bool = False) -> str:
    """Return the modality of the event `trigger` names (CAMEO `code`)."""
    chain = list(_chain(trigger))
    if any(c.dep_ == "neg" for t in chain for c in t.children) or _no_theme(trigger):
        return "negated"
    if _conditional(chain):
        return "conditional"
    if intended:
        return "intended"
    governed = _governed(trigger, chain) or _committed(chain) or _modified(trigger)
    if governed:
        return governed
    if trigger.lemma_.lower() in _cues("gov", "proposed") and any(
        c.dep_ in ("xcomp", "advcl") and is_infinitive(c) for c in trigger.children
    ):
        return "proposed"  # "offered to talk with Hamas": the offer is a proposal
    if code.startswith("10"):
        return "proposed" if trigger.lemma_.lower() in _cues("gov", "proposed") else "demanded"
    if any(c.dep_ == "aux" and c.lower_ in _cues("aux", "hypothetical") for t in chain
           for c in t.children):  # fmt: skip
        return "hypothetical"
    return "asserted"


def _no_theme(trigger: Token) -> bool:
    """ "reached no agreement", "no agreement was reached": the act's theme is denied."""
    themes = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        themes.append(trigger.head)  # "no agreement reached" (a headline)
    if trigger.pos_ == "NOUN":
        themes.append(trigger)  # "no agreement"
    return any(c.dep_ == "det" and c.lower_ == "no" for t in themes for c in t.children)


def in_condition(trigger: Token) -> bool:
    """Is the trigger inside the condition of another act ("... if a deal cannot be reached",
    "unless the attacks stop")? A condition is not an act: the act it conditions is coded."""
    clause = list(_chain(trigger))[-1]
    marks = _cues("mark", "conditional")
    return clause.dep_ == "advcl" and any(
        m.dep_ in ("mark", "advmod") and m.lower_ in marks for m in clause.children
    )


def is_future(trigger: Token) -> bool:
    """Return True when the trigger's verb chain carries a future auxiliary ("will fire")."""
    chain = _chain(trigger)
    return any(c.dep_ == "aux" and c.lemma_.lower() in FUTURE for t in chain for c in t.children)


def _cues(role: str, signal: str) -> set[str]:
    return {word for word, sig in load_cues().get(role, {}).items() if sig == signal}


def _chain(trigger: Token) -> Iterator[Token]:
    """Yield the trigger and the tokens it hangs from up to its clause's verb."""
    token = trigger
    yield token
    for _ in range(GOVERN_HOPS):
        # "vowed on Monday to finish": the parser may hang an infinitive complement as advcl.
        # "plans to reverse its position and lift sanctions": a conjunct of a complement
        # shares its governor.
        shared = token.dep_ == "conj" and token.head.dep_ in ("xcomp", "ccomp")
        if (token.dep_ not in CHAIN_DEPS and not is_infinitive_advcl(token) and not shared) or (
            token.head.i == token.i
        ):
            return
        token = token.head
        yield token
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("xcomp", "acomp", "pcomp"):
            return


def _conditional(chain: list[Token]) -> bool:
    # "Resign! Otherwise we will protest": the condition is the sentence before.
    if any(c.dep_ == "advmod" and c.lower_ == "otherwise" for t in chain for c in t.children):
        return True
    return bool(_condition_clauses(chain))


def _condition_clauses(chain: list[Token]) -> list[Token]:
    marks = _cues("mark", "conditional")
    # "warns it will respond ... if", "threatened to flood the city if": the condition may
    # sit one complement clause down.
    tops = chain + [c for t in chain for c in t.children if c.dep_ in ("ccomp", "xcomp")]
    clauses = [c for t in tops for c in t.children if c.dep_ == "advcl"]
    return [
        c for c in clauses
        if any(m.dep_ in ("mark", "advmod") and m.lower_ in marks for m in c.children)
    ]  # fmt: skip


def condition_subjects(trigger: Token) -> list[Token]:
    """ "threatened to flood the capital if the authorities do not overturn the result": who
    must meet the condition (the authorities), the one a threat is aimed at."""
    clauses = _condition_clauses(list(_chain(trigger)))
    return [c for clause in clauses for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]


def _committed(chain: list[Token]) -> str | None:
    """ "pledged to restart talks", "promised to free": a commitment is to a future act."""
    commit = load_cues().get("commit", {})
    return next((commit[t.lemma_.lower()] for t in chain if t.lemma_.lower() in commit), None)


def _modified(trigger: Token) -> str | None:
    """ "a planned visit", "the proposed talks": a noun event's modifier gives its modality."""
    gov = load_cues().get("gov", {})
    mods = [c for c in trigger.children if c.dep_ == "amod" and c.lemma_.lower() in gov]
    return gov[mods[0].lemma_.lower()] if trigger.pos_ == "NOUN" and mods else None


def _states_a_belief(verb: Token, clause: Token) -> bool:
    return verb.lemma_.lower() in load_words("belief_verbs.txt") and is_finite_statement(clause)


def _governed(trigger: Token, chain: list[Token]) -> str | None:
    gov = load_cues().get("gov", {})
    for token in chain[1:]:
        signal = gov.get(token.lemma_.lower())
        if signal and not (signal == "negated" and trigger.lemma_.lower() in gov):
            return signal
    head = chain[-1].head if chain else trigger
    # "a proposal that its fighters move": the clause hangs from the cue noun.
    if chain[-1].dep_ in ("acl", "ccomp", "relcl") and head.lemma_.lower() in gov:
        if _states_a_belief(head, chain[-1]):
            return None  # "suggested the attack may have targeted X": a belief, no proposal
        return gov[head.lemma_.lower()]
    return None
