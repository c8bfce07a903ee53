"""Who speaks: the speaker phrase around a cue, its kind, count, affiliation and actor.

Shared by the quotes and sources stages. Kinds follow READING.md: named (a person by name),
publication, anonymous (a person described, not named) and organization (everything else
that speaks: a ministry, an army, a group, a state).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from dateline.actors import actor_at, country_of
from dateline.actors.prose import is_outside_prose
from dateline.nlp.text import (
    doc_sentences,
    doc_tokens,
    entities_within,
    entity_at,
    memo,
    sentence_index,
)
from dateline.quotes.counting import count_of, number_of
from dateline.quotes.cues import is_cue, load_words
from dateline.reading import Actor, Reading, Speaker

HERE = Path(__file__).parent
# Subtrees that hang off a speaker phrase without describing the speaker: "Mikati, who
# heads the cabinet," or "Levy, the spokesman,".
DROPPED_DEPS = frozenset({"relcl", "advcl", "parataxis"})
# Actor types that a speaker belongs to by name ("a senior Hezbollah official" -> Hezbollah);
# states, governments and militaries give a country instead.
GROUP_TYPES = frozenset({"armed_group", "party", "igo", "ngo", "company"})
# Adjectives that tie a source to a body it is not part of: "sources close to Hamas".
# "familiar with" is left out on purpose: it says what a source knows, not whom it serves.
CLOSENESS_WORDS = frozenset({"close", "linked", "loyal", "affiliated", "allied"})
# Prepositions that tie a person to a body: "a spokesman for Hamas", "an official at the UN".
MEMBERSHIP_PREPS = frozenset({"of", "for", "from", "at", "with"})
# Entities a speaker phrase never cuts in two.
NAME_ENTS = frozenset({"PERSON", "ORG"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
PLACE_ENTS = frozenset({"GPE", "LOC", "NORP"})
PRONOUN_GENDERS = {"he": "m", "him": "m", "she": "f", "her": "f"}
# Entities an "it" speaker may stand for: a body or a state ("Israel said ... it said").
BODY_ENTS = frozenset({"ORG", "GPE", "NORP"})
# How far back a pronoun speaker may look for the person it stands for, in sentences.
PRONOUN_REACH = 3


def speaker_phrase(head: Token, cue: Token | None = None) -> Span:
    """Return the phrase a speaker head stands for, without relative clauses and asides.

    When the parser hangs the cue inside the subject ("Priebus said" as one phrase), the
    cue's branch is cut off.
    """
    kept = _kept(head)
    if cue is not None and cue.i in kept:
        kept -= {t.i for t in cue.subtree}
    lo = hi = head.i
    while _joins(head.doc, lo - 1, lo - 2, kept):
        lo -= 1
    while _joins(head.doc, hi + 1, hi + 2, kept):
        hi += 1
    lo, hi = _whole_names(head.doc, lo, hi)
    while lo < head.i and head.doc[lo].is_punct:
        lo += 1
    while hi > head.i and head.doc[hi].is_punct:
        hi -= 1  # "Dadullah—who ...": a dash glued to the name is no part of it
    return head.doc[lo : hi + 1]


def _whole_names(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Widen the phrase to whole names: the parser can split "al-Assad" into three subjects."""
    first, last = entity_at(doc, lo), entity_at(doc, hi)
    if first is not None and first.label_ in NAME_ENTS and "\n" not in first.text:
        lo = min(lo, first.start)
    if last is not None and last.label_ in NAME_ENTS and "\n" not in last.text:
        hi = max(hi, last.end - 1)
    return lo, hi


def _joins(doc: Doc, at: int, beyond: int, kept: set[int]) -> bool:
    """A kept word joins the phrase; so does a comma between kept words ("Lebanese, U.S.")."""
    if not 0 <= at < len(doc) or "\n" in doc[at].text:
        return False  # a speaker phrase never runs over a line break
    return at in kept or (doc[at].text == "," and beyond in kept and doc[at].head.i in kept)


def _kept(head: Token) -> set[int]:
    kept = {head.i}
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in DROPPED_DEPS or _is_aside(child) or _is_when(child):
                continue
            kept.add(child.i)
            stack.append(child)
    return kept


def _is_when(token: Token) -> bool:
    """ "militias on Friday": a date the parser hangs on the speaker says when, not who."""
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children
    )


def _is_aside(token: Token) -> bool:
    """Spaced punctuation and what follows a comma are asides; "Al-Akhbar"'s hyphen is not.

    So is a clause on a participle after a comma: "X, speaking on condition of anonymity",
    "Y, reporting from Gaza" say where or how the speaker spoke, not who they are ("a job
    posting", which the parser may read the same way, has no comma).
    """
    after_comma = token.i > 0 and token.doc[token.i - 1].text == ","
    if token.dep_ == "acl" and after_comma:
        return True
    if token.dep_ == "punct":
        return bool(token.whitespace_) or token.i == 0 or bool(token.doc[token.i - 1].whitespace_)
    return token.dep_ == "appos" and token.i > 0 and token.doc[token.i - 1].text == ","


def is_pronoun(token: Token) -> bool:
    """Return True for a singular personal pronoun ("he", "she")."""
    return token.pos_ == "PRON" and token.lower_ in load_words("pronouns.txt")


def resolve_pronoun(token: Token, skip: Iterable[tuple[int, int]]) -> Token | None:
    """Return the head of the person a pronoun speaker stands for, or None.

    Subjects (and "according to" objects) are the likeliest antecedents (the centering
    heuristic), and words inside quotes
    belong to another voice. In the pronoun's own sentence any earlier subject will do ("X
    was hopeful that ..., he said"); before it, the subject of a main clause or a speech verb
    comes first ("An official said soldiers had entered. ... he said" is the official), then
    any subject, within PRONOUN_REACH sentences.
    """
    quoted = tuple(skip)
    own = token.sent.start
    people = [
        t
        for t in doc_tokens(token.doc)[_reach_start(token) : token.i]
        if (t.dep_ in ("nsubj", "nsubjpass") or _cites(t) or _introduced(t))
        and is_person(t)
        and t.tag_ not in PLURAL_TAGS  # "he" is one person, never "our friends"
        and _gender_of(t) in (None, PRONOUN_GENDERS.get(token.lower_))
        and not _inside(t.idx, quoted)
        and not is_outside_prose(t.doc[t.i : t.i + 1])  # "End Quote President Assad": a label
    ]
    main = [
        t
        for t in people
        if t.i >= own or t.head.dep_ == "ROOT" or is_cue(t.head) or _cites(t) or _introduced(t)
    ]
    chosen = main or people
    return chosen[-1] if chosen else None


@cache
def load_genders() -> dict[str, str]:
    """Return gendered titles and person nouns from gendered_words.tsv."""
    rows = (HERE / "gendered_words.tsv").read_text(encoding="utf-8").splitlines()
    pairs = (r.split("\t") for r in rows if r.strip() and not r.startswith("#"))
    return {word.strip(): gender.strip() for word, gender in pairs}


def _gender_of(head: Token) -> str | None:
    """Return "m" or "f" when the head or a title before it tells, else None."""
    words = [head, *(c for c in head.children if c.dep_ in ("compound", "appos") and c.i < head.i)]
    genders = {load_genders().get(t.lower_.rstrip(".")) for t in words} - {None}
    return genders.pop() if len(genders) == 1 else None


def resolve_it(token: Token, skip: Iterable[tuple[int, int]]) -> Token | None:
    """Return the head of the body an "it" speaker stands for, or None.

    "NATO said in a statement. ... "...," it said": the last subject before it, within
    PRONOUN_REACH sentences and outside quotes, that names a body or a publication.
    """
    if token.lower_ != "it":
        return None
    quoted = tuple(skip)
    bodies = [
        t
        for t in doc_tokens(token.doc)[_reach_start(token) : token.i]
        if t.dep_ in ("nsubj", "nsubjpass")
        and (t.ent_type_ in BODY_ENTS or t.lemma_.lower() in load_words("publication_nouns.txt"))
        and t.tag_ not in PLURAL_TAGS
        and not _inside(t.idx, quoted)
    ]
    return bodies[-1] if bodies else None


def resolve_title(head: Token, skip: Iterable[tuple[int, int]]) -> Token | None:
    """Return the last person named earlier with the title a definite speaker gives.

    "President Jonas Berg ... the president said" is Berg: a title with "the" and no name
    refers back, as a pronoun does, to the person the story named with it.
    """
    if not _is_person_noun(head) or head.tag_ in PLURAL_TAGS:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    if any(c.pos_ == "PROPN" and c.dep_ in ("appos", "compound") for c in head.children):
        return None  # "the minister, Abdul Obeidi" names its own person
    quoted = tuple(skip)
    lemma = head.lemma_.lower()
    people = _person_names(head.doc)
    # The nearest before the head, walking back from it: a scan of the whole doc for every
    # "the minister said" was quadratic in the text's length (#10).
    for at in reversed(range(bisect_left(people, head.i))):
        token = head.doc[people[at]]
        if not _inside(token.idx, quoted) and any(
            c.dep_ in ("compound", "appos") and c.lemma_.lower() == lemma for c in token.children
        ):
            return token
    return None


def _person_names(doc: Doc) -> list[int]:
    """The indexes of the doc's tokens in a PERSON name tagged as proper nouns, found once per
    Doc (a memo on the Doc, let go with it: an lru_cache kept its last Docs alive)."""
    return memo(doc, "person_names", _find_person_names)


def _find_person_names(doc: Doc) -> list[int]:
    return [t.i for t in doc_tokens(doc) if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]


def _introduced(token: Token) -> bool:
    """Return True for a person the story brings in with "a" and no name, outside an object:
    "Mr Assad's comments came as a Syrian doctor in Qusair described ...". News introduces a
    new speaker so and goes on with "He told the BBC ..."; the parser may hang the phrase
    anywhere (here on "as"), so its role in the parse is not asked, only that nobody acts on
    it ("met a farmer" is an object, not a speaker)."""
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
    return indefinite and token.dep_ not in ("dobj", "dative", "iobj") and _is_person_noun(token)


def _cites(token: Token) -> bool:
    """Return True for the object of "according to": a speaker as much as a subject is."""
    return (
        token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"
    )


def _reach_start(token: Token) -> int:
    # Sentences of prose only: a pull quote or a label between ("Start Quote ... End Quote
    # President Assad") is no step of the story a pronoun looks back over.
    sentences = doc_sentences(token.doc)
    index = sentence_index(token.doc, token.i)
    steps = 0
    while index > 0 and steps < PRONOUN_REACH:
        index -= 1
        steps += not is_outside_prose(sentences[index])
    return sentences[index].start


def _inside(at: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= at < end for start, end in spans)


def is_person(token: Token) -> bool:
    """Return True when a token heads a phrase that names or describes a person."""
    if token.ent_type_ == "PERSON" or _is_person_noun(token):
        return True
    return token.pos_ == "PROPN" and _has_title(token)


def _is_person_noun(token: Token) -> bool:
    """A role noun ("official", "the President"), not a name that contains one ("Guard")."""
    role = token.pos_ != "PROPN" or not token.ent_type_
    return role and token.lemma_.lower() in load_words("speaker_nouns.txt")


def _has_title(name: Token) -> bool:
    """A name with a person noun beside it: "spokesman Assem Jihad", "Jihad, the spokesman".

    A country is no person whatever stands beside it: "NATO member Poland" is a state (the
    tagger's GPE alone would not do: it calls many surnames places).
    """
    if name.ent_type_ in PLACE_ENTS and country_of(name.text) is not None:
        return False
    return any(c.dep_ in ("compound", "appos") and _is_person_noun(c) for c in name.children)


def partitive_noun(head: Token) -> Token:
    """Return the noun a partitive stands for: "two of the three officials" -> officials."""
    if number_of(head) is None:
        return head
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return obj if obj is not None else head


def kind_of(head: Token, actor: Actor | None, cue: Token | None) -> str:
    """Return named, publication, anonymous or organization for a speaker head."""
    head = partitive_noun(head)
    lemma = head.lemma_.lower()
    if (actor and actor.type == "person") or head.ent_type_ == "PERSON":
        return "named"
    if (actor and actor.type == "media") or lemma in load_words("publication_nouns.txt"):
        return "publication"
    if head.pos_ == "PROPN" and _has_title(head):
        return "named"  # a name the tagger missed, with its title: "Assem Jihad, the spokesman"
    if head.pos_ == "PROPN" and not head.ent_type_ and _ends_in_name(head):
        return "named"  # "Inspector General of Punjab Police Nasim Ahmed": a title, then a name
    if _is_person_noun(head):
        return "anonymous"
    if cue is not None and cue.lemma_.lower() in load_words("publication_verbs.txt"):
        return "publication"  # an organisation that "wrote" or "reported" is a publication
    if head.pos_ == "NOUN" and is_anonymous(head.sent.text):
        return "anonymous"  # "a Pentagon insider, speaking on condition of anonymity"
    return "organization"


def _ends_in_name(head: Token) -> bool:
    """Return True when a person's name closes the phrase a title heads."""
    span = speaker_phrase(head)
    return any(ent.label_ == "PERSON" and ent.end == span.end for ent in entities_within(span))


def is_anonymous(sentence: str) -> bool:
    """Return True when a sentence says its speaker is unnamed on purpose."""
    lowered = " ".join(sentence.lower().split())
    return any(marker in lowered for marker in load_words("anonymity_markers.txt"))


def head_actor(span: Span, head: Token, reading: Reading) -> Actor | None:
    """Return the actor the speaker itself is: at its head, or named in apposition."""
    named = [t for t in span if t.i == head.i or (t.dep_ == "appos" and t.head.i == head.i)]
    for token in named:
        actor = actor_at(reading, token.idx, token.idx + len(token))
        if actor is not None:
            return actor
    return None


def affiliation_of(span: Span, head: Token, reading: Reading) -> str | None:
    """Return the group name or ISO country a speaker phrase ties its speaker to, or None.

    The speaker's own actor first (its country, or its name for a group); then the actors
    named inside the first conjunct ("three Lebanese officials" -> LBN); None when they name
    more than one country ("Lebanese, U.S. and Israeli officials").
    """
    own = head_actor(span, head, reading)
    if own is not None and own.type in GROUP_TYPES:
        return own.name
    if own is not None and own.country:
        return own.country
    first = _first_conjunct(span, head)
    found = [a for a in _modifier_actors(first, reading) if a is not own]
    groups = [a.name for a in found if a.type in GROUP_TYPES]
    if groups:
        return groups[0]
    countries = {a.country for a in found if a.country}
    if not found:  # no actor tagged there: read demonyms and country names ourselves
        countries = {c for t in first if not _is_stance(t) and (c := country_of(t.text))}
    return countries.pop() if len(countries) == 1 else None


def _first_conjunct(span: Span, head: Token) -> list[Token]:
    """The words before the head, "of/for/from/at X" after it ("spokesman for Hamas") and
    "close to X" ("sources close to Hamas")."""
    before = [t for t in span if t.i < head.i]
    after = [
        t
        for child in head.children
        if child.dep_ == "prep" and child.lower_ in MEMBERSHIP_PREPS
        for t in child.subtree
    ]
    return before + after + [head.doc[i] for i in sorted(_closeness(head))]


def _closeness(head: Token) -> set[int]:
    """The words of "close to X" or "linked to X" after a source: X is whom it is close to."""
    return {
        t.i
        for adjective in head.children
        if adjective.dep_ == "amod" and adjective.lemma_.lower() in CLOSENESS_WORDS
        for prep in adjective.children
        if prep.dep_ == "prep" and prep.lower_ in ("to", "with")
        for t in prep.subtree
    }


def _modifier_actors(tokens: list[Token], reading: Reading) -> list[Actor]:
    found: list[Actor] = []
    for token in tokens:
        if _is_stance(token):
            continue  # "pro-Hezbollah" says what a speaker favours, not whom it belongs to
        actor = actor_at(reading, token.idx, token.idx + len(token))
        if actor is not None and actor not in found:
            found.append(actor)
    return found


def _is_stance(token: Token) -> bool:
    doc = token.doc
    before = doc[token.i - 2 : token.i].text.replace(" ", "").lower() if token.i >= 2 else ""
    return before in ("pro-", "anti-")


def _named_count(span: Span, kind: str) -> int:
    """One, or one per person named in a coordination: "X, an official, and Col. Y" is 2.

    Counted on the names rather than the parse, which often hangs the second name on a
    place in the first one's description.
    """
    if kind != "named":
        return 1
    return 1 + sum(ent.label_ == "PERSON" and _after_and(ent) for ent in entities_within(span))


def _after_and(name: Span) -> bool:
    """Return True when "and" stands right before a name or its title ("and Col. Y")."""
    at = name.start - 1
    while at >= 0 and name.doc[at].pos_ == "PROPN" and not name.doc[at].ent_type_:
        at -= 1  # untagged titles: "Col.", "Gen."
    return at >= 0 and name.doc[at].lower_ == "and"


def describe(head: Token, reading: Reading, cue: Token | None) -> Speaker:
    """Return the Speaker a speaker head stands for."""
    span = speaker_phrase(head, cue)
    actor = head_actor(span, head, reading)
    kind = kind_of(head, actor, cue)
    count = count_of(head) if kind == "anonymous" else _named_count(span, kind)
    return Speaker(
        text=span.text,
        actor=actor.id if actor else None,
        kind=kind,
        affiliation=affiliation_of(span, head, reading),
        count=count,
        start=span.start_char,
        end=span.end_char,
    )
