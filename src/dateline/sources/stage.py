"""Find sources: every attribution the story rests on, named or anonymous, with a count.

Needs: doc (nlp), actors (actors) and quotes (quotes). Fills: sources. Leaves to quotes/
the words each source said.

A source is a person, a described person ("three Lebanese officials"), a publication or an
organisation that the story cites: the subject of a speech verb ("officials said"), the
object of "according to", or whom the reporter consulted ("Reuters consulted 11 officials").
It is recorded once, where first cited: a later definite mention of the same kind of source
("the officials said", "the sources said") or of the same named person adds nothing. States
are left out on purpose: "Israel has said it ..." states a policy, it does not cite anyone;
a body described by its kind ("the Turkish military announced", "police said") cites
itself (body_nouns.txt). Two named people in one attribution are two sources (#9).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise
from pathlib import Path

from spacy.tokens import Doc, Token

from dateline.nlp.text import doc_tokens, entity_at
from dateline.pipeline import stage
from dateline.quotes.cues import (
    SpanIndex,
    according_to,
    find_cues,
    find_quoted,
    load_words,
    paragraph_of,
)
from dateline.quotes.speakers import (
    describe,
    is_person,
    is_pronoun,
    partitive_noun,
    resolve_title,
    speaker_phrase,
)
from dateline.reading import Reading, Source, Speaker

HERE = Path(__file__).parent
TERMINAL = frozenset(".!?:;\"”’')")  # ":" ends "The minister said:" before a quote
# A headline or deck is one sentence; longer than this it is a paragraph of body text (a
# judgement: the longest decks in ../shared/eval run to about 250 characters).
MAX_TITLE_CHARS = 320
SENTENCE_END = re.compile(r"[a-z0-9][.!?][\"”’']?\s+[A-Z]")
DEFINITE = frozenset({"the", "these", "those"})
# Named entities that cite a body rather than a place: "the Pentagon said", "Amnesty said".
ORGANIZATION_ENTS = frozenset({"ORG", "PERSON"})
VIA_ENTS = frozenset({"ORG", "PERSON", "WORK_OF_ART"})


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A phrase head that may be a source, and the cue that cites it (None for "according to")."""

    head: Token
    cue: Token | None


@dataclass(slots=True)
class _Seen:
    """What earlier sources named, to tell a new source from a re-mention."""

    lemmas: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    texts: set[str] = field(default_factory=set)


@stage(needs={"doc", "actors", "quotes"}, fills={"sources"}, english_only=True)
def find_sources(reading: Reading) -> Reading:
    """Return the reading with its sources, numbered in text order."""
    doc = reading.require_doc()
    quoted = find_quoted(reading.text)
    inside = SpanIndex.of(quoted)
    seen = _Seen()
    sources: list[Source] = []
    body_start = reading.article.body_start if reading.article else 0
    for candidate in _candidates(doc, _quote_speakers(reading)):
        at = candidate.head.idx
        if at < body_start or _in_title(reading.text, at) or inside.holds(at):
            continue  # headlines repeat the body's citations; quoted words are not citations
        if not _may_cite(candidate.head):
            continue
        speaker = describe(candidate.head, reading, candidate.cue)
        if _is_remention(candidate.head, speaker, seen) or _names_again(candidate, quoted, seen):
            continue
        _remember(candidate.head, speaker, seen)
        for one in _each_named(doc, speaker):
            sources.append(_source(one, candidate, len(sources) + 1))
    return replace(reading, sources=tuple(sources))


def _each_named(doc: Doc, speaker: Speaker) -> list[Speaker]:
    """Split "X, an official in Y, and Col. Z of the border forces" into one source a name.

    Two named people who said the same thing are two sources an analyst weighs apart;
    unnamed ones ("three officials and a diplomat") stay one source with their count.
    """
    if speaker.kind != "named" or speaker.count is None or speaker.count < 2:
        return [speaker]
    span = doc.char_span(speaker.start or 0, speaker.end or 0, alignment_mode="expand")
    if span is None:
        return [speaker]
    cuts = [t for t in span if t.lower_ == "and" and _opens_name(t)]
    bounds = [span.start, *(t.i for t in cuts), span.end]
    out = []
    for lo, hi in pairwise(bounds):
        part = doc[lo:hi]
        words = [t for t in part if not (t.is_punct or t.lower_ == "and")]
        if not words:
            continue
        piece = doc[words[0].i : words[-1].i + 1]
        out.append(replace(speaker, text=piece.text, count=1, start=piece.start_char,
                           end=piece.end_char))  # fmt: skip
    return out or [speaker]


def _opens_name(conjunction: Token) -> bool:
    # "and" right before a name or its untagged title ("and Col. Hussein Tamir").
    after = conjunction.doc[conjunction.i + 1 : conjunction.i + 4]
    return any(t.ent_type_ == "PERSON" for t in after)


def _in_title(text: str, at: int) -> bool:
    """Return True inside a paragraph that ends without a full stop: a headline or a deck.

    The clean stage's body_start says where the body begins when the input had markup; plain
    text inputs carry their headline as a first line without one, which this catches.
    """
    first, last = paragraph_of(text, at)
    while last > first and text[last - 1].isspace():
        last -= 1
    if last - first > MAX_TITLE_CHARS:  # before slicing: a paragraph may be the whole page
        return False
    line = text[first:last]
    if SENTENCE_END.search(line):
        return False  # a paragraph of sentences is body, whatever trails it ("click here")
    return bool(line) and line[-1] not in TERMINAL


def _quote_speakers(reading: Reading) -> frozenset[int]:
    """Return where each quote's speaker phrase starts."""
    return frozenset(q.speaker.start for q in reading.quotes if q.speaker and q.speaker.start)


def _candidates(doc: Doc, speakers: frozenset[int]) -> list[_Candidate]:
    """Return cited phrase heads in text order, each once.

    A speech verb cites its subject when it reports something: a clause ("officials said
    that ...") or a quotation (its subject speaks a quote); "a leader alluded to it" does not.
    """
    found: dict[int, _Candidate] = {}
    for cue in find_cues(doc):
        subject = cue.subject
        if subject is None or is_pronoun(subject):
            continue
        if cue.content is not None or speaker_phrase(subject, cue.token).start_char in speakers:
            found.setdefault(subject.i, _Candidate(subject, cue.token))
    for _, obj in according_to(doc):
        found.setdefault(obj.i, _Candidate(_maker(obj), None))
    for token in doc_tokens(doc):
        if _is_report(token) and (shown := _shown_by(token)) is not None:
            found.setdefault(token.i, _Candidate(_maker(token), shown))
    for token in doc_tokens(doc):
        if token.lemma_.lower() in load_consult_verbs():
            for child in token.children:
                if child.dep_ == "dobj":
                    found.setdefault(child.i, _Candidate(child, None))
    return [found[i] for i in sorted(found)]


def load_consult_verbs() -> frozenset[str]:
    """Return the verb lemmas whose object is a source the reporter went to."""
    return load_consult_words("consult_verbs.txt")


@cache
def load_consult_words(name: str) -> frozenset[str]:
    """Return the lower-cased entries of a one-word-a-line data file in this folder."""
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip().lower() for s in lines if s.strip() and not s.startswith("#"))


def _is_report(token: Token) -> bool:
    return token.lemma_.lower() in load_consult_words("report_nouns.txt")


def _shown_by(report: Token) -> Token | None:
    """Return the verb by which a report attributes: "statistics show ...", "a report showing
    ..." (a participle on the report), or None."""
    if report.dep_ == "nsubj" and _shows(report.head):
        return report.head
    # The parser may hang the participle on the maker ("a report aired by X showing ...").
    return next((t for t in report.subtree if t.dep_ == "acl" and _shows(t)), None)


def _shows(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in load_consult_words(
        "showing_verbs.txt"
    )


def _maker(report: Token) -> Token:
    """Return who made a report: "the ministry's figures" -> ministry, "a report aired by
    Syrian state TV" -> TV; the report itself when the text names no maker."""
    if not _is_report(report):
        return report
    for child in report.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "acl":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if obj is not None:
                return obj
    return report


def _may_cite(head: Token) -> bool:
    """Return True for people, described people, publications and organisations, not states."""
    noun = partitive_noun(head)
    if noun.ent_type_ in ("GPE", "NORP", "LOC"):
        return False
    named = noun.ent_type_ in ORGANIZATION_ENTS or _is_publication(noun)
    return is_person(noun) or named or _is_body(noun) or _is_described_report(noun)


def _is_described_report(noun: Token) -> bool:
    # "U.S. military statistics show": a report with words of whose it is cites its maker; a
    # bare "the report" refers back to one cited before.
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    return _is_report(noun) and bool(modifiers)


def _is_body(noun: Token) -> bool:
    """A body described by its kind ("the Turkish military", "police") cites itself.

    A bare "the group" or "the ministry" with nothing else stands for a body named before:
    that body was cited then, or is a state or party whose policy the sentence states.
    """
    if noun.lemma_.lower() not in load_consult_words("body_nouns.txt"):
        return False
    modifiers = [c for c in noun.children if c.dep_ not in ("det", "punct")]
    bare_definite = not modifiers and any(c.lower_ in DEFINITE for c in noun.children)
    return not bare_definite


def _is_publication(token: Token) -> bool:
    return token.lemma_.lower() in load_words("publication_nouns.txt")


def _is_remention(head: Token, speaker: Speaker, seen: _Seen) -> bool:
    """Return True for "the officials" after officials were cited, or a name cited before.

    A phrase cited again word for word ("officials said" twice, "a senior official" in the
    lede and again with more words later, "Our correspondent ... our correspondent") is a
    re-mention too: with nothing new in the words there is nothing to tell two sources apart.
    """
    if speaker.actor and speaker.actor in seen.actors:
        return True
    if " ".join(speaker.text.lower().split()) in seen.texts:
        return True
    if speaker.kind in ("named", "organization", "publication"):
        return head.lower_ in seen.names
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)
    return definite and all(lemma in seen.lemmas for lemma in _lemmas(head))


def _names_again(candidate: _Candidate, quoted: tuple[tuple[int, int], ...], seen: _Seen) -> bool:
    """Return True for "the president" after President X was cited: the same person."""
    named = resolve_title(candidate.head, quoted)
    return named is not None and named.lower_ in seen.names


def _remember(head: Token, speaker: Speaker, seen: _Seen) -> None:
    if speaker.actor:
        seen.actors.add(speaker.actor)
    seen.names.add(head.lower_)
    seen.texts.add(" ".join(speaker.text.lower().split()))
    seen.lemmas.update(_lemmas(head))


def _lemmas(head: Token) -> set[str]:
    nouns = (head, *head.conjuncts)
    return {partitive_noun(n).lemma_.lower() for n in nouns}


def _source(speaker: Speaker, candidate: _Candidate, number: int) -> Source:
    return Source(
        id=f"s{number}",
        text=speaker.text,
        kind=speaker.kind,
        count=speaker.count,
        affiliation=speaker.affiliation,
        start=speaker.start or 0,
        end=speaker.end or 0,
        via=_via(candidate.cue),
        actor=speaker.actor,
    )


def _via(cue: Token | None) -> str | None:
    """Return the outlet a source spoke to: "told the Financial Times" -> Financial Times."""
    if cue is None or cue.lemma_.lower() != "tell":
        return None
    for child in cue.children:
        if child.dep_ in ("dobj", "dative") and child.ent_type_ in VIA_ENTS:
            ent = entity_at(cue.doc, child.i)
            name = ent.text if ent is not None else child.text
            return name.removeprefix("the ").removeprefix("The ")
    return None
