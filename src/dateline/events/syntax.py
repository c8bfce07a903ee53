"""Small questions about a parse that several event modules ask the same way."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.events.lexicon import load_cues

DEFINITE = frozenset({"the", "this", "that"})


def is_light(verb: Token) -> bool:
    """A support verb (cues.tsv "light"): it carries an event noun ("held talks")."""
    light = load_cues().get("light", {})
    if verb.lemma_.lower() in light:
        return True
    # The lemmatizer slips on some past forms ("staged" -> "stag"): try the form without
    # its "-d" or "-ed".
    word = verb.lower_
    return verb.tag_ in ("VBD", "VBN") and (word[:-1] in light or word[:-2] in light)


def hangs_on_with(verb: Token) -> bool:
    """ "with no agreement being reached", "without a shot being fired": a clause hung as the
    object of "with" or "without" (an absolute clause)."""
    return verb.dep_ == "pcomp" and verb.head.lower_ in ("with", "without")


def is_infinitive(verb: Token) -> bool:
    """ "to talk": a verb with the infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_infinitive_advcl(token: Token) -> bool:
    """ "offered on Monday to talk": an infinitive complement the parser hung as advcl."""
    return token.dep_ == "advcl" and is_infinitive(token)


def is_definite_noun(token: Token) -> bool:
    """ "the attack", "this bombing": a noun that refers back to something told before."""
    return token.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children
    )


STATING_AUX = frozenset({"may", "might", "could", "would", "has", "have", "had"})


def is_finite_statement(clause: Token) -> bool:
    """ "the attack may have targeted the minister", "it was a mistake": a clause with its own
    subject and a finite or modal verb states something; "that Syria join the talks", with a
    bare verb, is what is proposed."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in clause.children)
    finite = clause.tag_ in ("VBD", "VBZ") or any(
        a.dep_ in ("aux", "auxpass") and a.lower_ in STATING_AUX for a in clause.children
    )
    return own_subject and finite
