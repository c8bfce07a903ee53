"""The tense of the clause a time expression sits in: past, present or future.

"said on Tuesday" is the Tuesday before publication, "will meet on Tuesday" the one after;
news reports in the past, so an unclear clause counts as past. Read from the spaCy parse:
climb from the expression to its verb, then look at the verb's tag and auxiliaries.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.times.lexicon import future_cues

_MAX_CLIMB = 6  # heads to climb from the expression to a verb; deeper means a long noun chain


def tense_at(doc: Doc, start: int, end: int) -> str:
    """Return "past", "present" or "future" for the clause around text[start:end]."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "past"
    verb = _verb_of(span.root)
    if verb is None:
        return "past"
    return _tense_of(verb)


def _verb_of(token: Token) -> Token | None:
    for _ in range(_MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _tense_of(verb: Token) -> str:
    if any(_is_future_cue(t, verb) for t in (verb, *verb.children, *_chain(verb))):
        return "future"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in auxes):
        return "present"
    return "past"


def _is_future_cue(token: Token, verb: Token) -> bool:
    cues = future_cues()
    if token.lower_ not in cues and (token.lemma_ not in cues or token.tag_ == "VBD"):
        return False
    return token is verb or token.dep_ in ("aux", "xcomp", "ROOT", "ccomp", "advcl")


def _chain(verb: Token) -> list[Token]:
    # "plans to meet on Tuesday": the infinitive's governor carries the future.
    out: list[Token] = []
    token = verb
    while token.dep_ in ("xcomp", "ccomp") and token.head is not token and len(out) < 3:
        token = token.head
        out.append(token)
    return out
