"""Dictionary matches over a Doc: states, their bodies, organisations, "the group".

`find_hits` returns `Hit`s: token spans naming a dictionary entry (by name, alias, capital or
nationality adjective), a state's body ("Lebanese government", "Israel's Prime Minister's
Office"), or a description of the story's armed group ("the terror group") left for the
stage to resolve. Longest match wins. Matching is case-insensitive except that a capital in
the dictionary needs a capital in the text and an acronym needs capitals: "US" the state is
not "us" the pronoun, "Turkey" is not "turkey".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from dateline.actors.dictionary import (
    ActorDictionary,
    Entry,
    Institution,
    load_actor_dictionary,
    read_table,
)
from dateline.nlp.text import doc_tokens

GROUP = "group"  # Hit.kind of "the group": resolved to the salient armed group by the stage
# A state's name, but not its capital, can own a body: "Beirut police" is the city's.
OWNERS = frozenset({"name", "adjective"})
POSSESSIVES = frozenset({"'s", "’s"})
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
MAX_INSTITUTION_TOKENS = 4
# Name particles that news writes in either case: "al-Manar" / "Al-Manar", "the White House".
CASELESS = frozenset({"al", "el", "ad", "ash", "as", "az", "bin", "ibn", "abu", "de", "the"})
# "a Britain-based group": the state is where the group sits, not who it is.
LOCATIVE = frozenset({"based", "headquartered", "registered"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A token span that names an actor: a dictionary entry, a state's body, or "the group"."""

    span: Span
    kind: str  # name | adjective | capital | institution | group
    entry: Entry | None = None  # the entry, or for an institution the state it belongs to
    institution: Institution | None = None


@dataclass(frozen=True, slots=True)
class _Alias:
    text: str
    entry: Entry
    kind: str
    words: tuple[str, ...]  # the alias as tokens, to check capitals against the text


@cache
def _group_words() -> dict[str, str]:
    return {row[0].strip(): row[1].strip() for row in read_table("group_nouns.tsv")}


@cache
def _matcher(vocab: Vocab) -> tuple[PhraseMatcher, dict[str, list[_Alias]]]:
    # One matcher per Vocab: PhraseMatcher patterns are tied to the Vocab's string store.
    make_doc = spacy.blank("en", vocab=vocab).make_doc
    matcher = PhraseMatcher(vocab, attr="LOWER")
    aliases: dict[str, list[_Alias]] = {}
    for entry in load_actor_dictionary().entries:
        for kind, names in _names_by_kind(entry):
            for text in names:
                words = tuple(t.text for t in make_doc(text))
                key = " ".join(words).lower()
                if key not in aliases:
                    matcher.add(key, [make_doc(text)])
                aliases.setdefault(key, []).append(_Alias(text, entry, kind, words))
    return matcher, aliases


def _names_by_kind(entry: Entry) -> tuple[tuple[str, tuple[str, ...]], ...]:
    capital = (entry.capital,) if entry.capital else ()
    return (
        ("name", (entry.name, *entry.aliases)),
        ("capital", capital),
        ("adjective", entry.adjectives),
    )


def find_hits(doc: Doc) -> list[Hit]:
    """Return the dictionary hits of the Doc, longest first where they overlap, in text order."""
    matcher, aliases = _matcher(doc.vocab)
    hits: list[Hit] = []
    for key, start, end in matcher(doc):
        span = doc[start:end]
        alias = next((a for a in aliases[doc.vocab.strings[key]] if _same_case(a, span)), None)
        if alias is not None:
            hits.append(_extend(Hit(span, alias.kind, alias.entry), load_actor_dictionary()))
    hits.extend(_find_group_descriptions(doc))
    by_span = {(h.span.start, h.span.end): h for h in reversed(hits)}  # first alias wins
    kept = [by_span[(s.start, s.end)] for s in filter_spans([h.span for h in by_span.values()])]
    return sorted((h for h in kept if not (h.kind == "capital" and _is_place(h.span))), key=_start)


def _is_place(span: Span) -> bool:
    """Return True where a capital is where things happen, not who acts: "talks in Paris".

    A capital reads as its state ("Washington rebuffed", "Moscow's offer", "by Beirut") as a
    subject, a possessor or an agent; anywhere else it is a place, left to find_places.
    Without a parse (hand-built Docs) every capital reads as its state.
    """
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if not root.dep_:
        return False
    if span.end < len(span.doc) and span.doc[span.end].text in POSSESSIVES:
        return False
    if root.dep_ == "pobj" and root.head.lower_ == "by":
        return False
    return root.dep_ not in AGENT_DEPS


def _start(hit: Hit) -> int:
    return hit.span.start


def _same_case(alias: _Alias, span: Span) -> bool:
    for word, token in zip(alias.words, span, strict=True):
        if word.lower() in CASELESS:
            continue
        letters = [c for c in word if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            if not token.text.isupper():  # an acronym: "US", "AP", "WHO"
                return False
        elif letters and letters[0].isupper() and not _first_letter(token.text).isupper():
            return False
    return True


def _first_letter(text: str) -> str:
    return next((c for c in text if c.isalpha()), "")


def _extend(hit: Hit, dictionary: ActorDictionary) -> Hit:
    """Grow a state hit into its body, and a group's hit over "terror group" after it."""
    entry = hit.entry
    if entry is not None and entry.type == "state" and hit.kind in OWNERS:
        return _extend_institution(hit, dictionary)
    if entry is not None and entry.type in {"armed_group", "party"}:
        end = _group_description_end(hit.span.doc, hit.span.end)
        if end > hit.span.end:
            return Hit(hit.span.doc[hit.span.start : end], hit.kind, entry)
    return hit


def _extend_institution(hit: Hit, dictionary: ActorDictionary) -> Hit:
    doc, start = hit.span.doc, hit.span.end
    if hit.kind == "name" and start < len(doc) and doc[start].text in POSSESSIVES:
        start += 1
    phrases = _institution_phrases(dictionary)
    lowers = [t.lower_ for t in doc_tokens(doc)[start : start + MAX_INSTITUTION_TOKENS]]
    for size in range(len(lowers), 0, -1):
        words = " ".join(lowers[:size])
        words = words.replace(" 's", "'s").replace(" ’s", "'s").replace("’", "'")
        if words in phrases:
            span = doc[hit.span.start : start + size]
            return Hit(span, "institution", hit.entry, phrases[words])
    return hit


@cache
def _institution_phrases(dictionary: ActorDictionary) -> dict[str, Institution]:
    return {i.phrase: i for i in dictionary.institutions}


def _group_description_end(doc: Doc, start: int) -> int:
    """Return the end of "terror group" / "movement" from `start`, or `start` if none."""
    words = _group_words()
    i, modified = start, False
    while i < len(doc) and words.get(doc[i].lower_) == "modifier":
        i, modified = i + 1, True
    if i < len(doc) and _is_group_noun(doc[i], modified=modified):
        return i + 1
    return start


def _is_group_noun(token: Token, *, modified: bool) -> bool:
    kind = _group_words().get(token.lower_)
    return kind == "noun" or (kind == "qualified_noun" and modified)


def _find_group_descriptions(doc: Doc) -> list[Hit]:
    """Return "the group", "the terror group", "Terror group" (a headline drops "the")."""
    hits = []
    words = _group_words()
    for token in doc_tokens(doc):
        if token.lower_ != "the" and not (token.is_title and words.get(token.lower_) == "modifier"):
            continue
        start = token.i + 1 if token.lower_ == "the" else token.i
        end = _group_description_end(doc, start)
        if end == start and token.lower_ != "the":
            continue
        if end > start and not _is_followed_by_name(doc, end):
            hits.append(Hit(doc[token.i : end], GROUP))
    return hits


def _is_followed_by_name(doc: Doc, end: int) -> bool:
    # "the Islamic Movement" is a name, not a description; "the group Hamas" names the group
    # itself, and the dictionary finds it; "the group of mediators" is some other group.
    if doc[end - 1].is_title:
        return True
    return end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].lower_ == "of")
