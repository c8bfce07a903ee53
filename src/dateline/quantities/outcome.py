"""What happened to the people a number counts: "killing 43 soldiers" -> "killed".

A casualty count is tallied by its outcome (killed, wounded, missing), so the outcome joins
the unit: 43 "soldiers killed". The parse says which counts are casualties: the count is the
object of a verb of harm ("killing at least 43 soldiers", "wounding 38"), its passive
subject ("22 insurgents were killed"), the subject of dying ("five people died"), of a state
of harm ("six have gone missing", "three are dead"), the object left in one ("left 43
soldiers dead"), or its noun is described by one ("600 injured people"). The verbs and
adjectives are data (data/harm_outcomes.tsv).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.tokens import Token

DATA = Path(__file__).parent / "data"
_FOLLOW = frozenset({"conj", "appos"})  # "killed three soldiers and two civilians"
_ACTIVE_OBJECTS = frozenset({"dobj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass"})
_STATE_DEPS = frozenset({"acomp", "oprd", "attr"})  # "gone missing", "are dead"
_DYING = frozenset({"die"})
# "the lives of 655 fighters were lost", "655 fighters lost their lives": a death.
_LOSS_VERBS = frozenset({"lose"})
_LOSS_OBJECTS = frozenset({"life"})


@cache
def harm_outcomes() -> dict[str, str]:
    """Return lemma -> outcome word ("kill" -> "killed") from data/harm_outcomes.tsv."""
    lines = (DATA / "harm_outcomes.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return {row[0]: row[1] for row in rows}


def outcome_of(counted: Token) -> str | None:
    """Return the outcome word for the people `counted` (the noun or bare number), or None."""
    outcomes = harm_outcomes()
    described = [c.lower_ for c in counted.children if c.dep_ == "amod" and c.lower_ in outcomes]
    if described:
        return outcomes[described[0]]
    token = counted
    while token.dep_ in _FOLLOW and token.head.i != token.i:
        token = token.head
    head, lemma = token.head, token.head.lemma_.lower()
    harmed = token.dep_ in _ACTIVE_OBJECTS | _PASSIVE_SUBJECTS and head.pos_ == "VERB"
    if harmed and lemma in outcomes and lemma not in _DYING:
        return outcomes[lemma]
    if token.dep_ in _ACTIVE_OBJECTS:
        return _state_of(head)  # "left 43 soldiers dead"
    if token.dep_ == "nsubj":
        return _subject_outcome(head)
    return None


def _state_of(verb: Token) -> str | None:
    outcomes = harm_outcomes()
    state = next((c for c in verb.children if c.dep_ in _STATE_DEPS), None)
    return outcomes.get(state.lower_) if state is not None else None


def _subject_outcome(verb: Token) -> str | None:
    outcomes = harm_outcomes()
    lemma = verb.lemma_.lower()
    if lemma in _DYING:
        return outcomes[lemma]
    if lemma in _LOSS_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _LOSS_OBJECTS for c in verb.children
    ):
        return outcomes["die"]
    return _state_of(verb)
