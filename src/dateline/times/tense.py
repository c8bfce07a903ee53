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
    verb = verb_of(span.root)
    if verb is None:
        return "past"
    if span.root.head.lower_ in ("until", "till") and verb.tag_ != "VBD":
        return "future"  # "postponed until Saturday": a day still to come
    return _tense_of(verb)


def verb_of(token: Token) -> Token | None:
    """Return the verb a token hangs from (itself if a verb), or None."""
    for _ in range(_MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _tense_of(verb: Token) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in future_cues() for c in auxes) or _is_future_verb(verb, auxes):
        return "future"
    if any(t.lemma_ in future_cues() for t in _chain(verb)):
        return "future"  # "plans to meet on Tuesday", "is set to resume Monday"
    if _is_open_infinitive(verb, auxes):
        return "future"  # "for the program to run through June"
    if verb.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in auxes):
        return "present"
    return "past"


def _is_future_verb(verb: Token, auxes: list[Token]) -> bool:
    # "the vote is expected on Monday"; but not "the record set on Aug. 6".
    if verb.lemma_ not in future_cues():
        return False
    return verb.tag_ in ("VB", "VBZ", "VBP", "VBG") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def _is_open_infinitive(verb: Token, auxes: list[Token]) -> bool:
    if verb.tag_ != "VB" or not any(a.lower_ == "to" for a in auxes):
        return False
    governor = verb.head
    while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
        governor = governor.head
    return governor.tag_ != "VBD" and not any(c.tag_ == "VBD" for c in governor.children)


def _chain(verb: Token) -> list[Token]:
    # "plans to meet on Tuesday": the infinitive's governor carries the future.
    out: list[Token] = []
    token = verb
    while token.dep_ in ("xcomp", "ccomp") and token.head.i != token.i and len(out) < 3:
        token = token.head
        out.append(token)
    return out
