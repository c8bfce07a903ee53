"""Quotation marks and speech cues: where words are quoted, and which verb reports them.

The word lists are data files beside this module. We wrote the quote-mark scanner ourselves:
spaCy has no notion of a quotation spanning paragraphs, and the common regex `"[^"]*"` breaks
on typographic marks and on the newswire habit of re-opening, not closing, a quote that runs
on into the next paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from operator import attrgetter
from pathlib import Path

from spacy.tokens import Doc, Token

from dateline.nlp.text import doc_tokens, memo

HERE = Path(__file__).parent
OPENING = '“"'
CLOSING = '”"'
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# A cue reached through these arcs borrows its head's subject: "declined to comment",
# "..., saying", "and added".
BORROWING_DEPS = frozenset({"xcomp", "advcl", "conj", "parataxis", "pcomp", "prep"})
CLIMB = 3
# What ends a quotation right before an inverted cue: '"...," said X', '"...?" asked X'.
INVERTING = frozenset({",", "”", '"', "?", "!", "—"})
INVERTED_REACH = 8  # tokens after the cue in which the inverted speaker stands
CONTENT_DEPS = frozenset({"ccomp"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})  # "which", "that", "who" as a subject
# What may stand before a reported clause without being part of it: "that", commas.
LEADING_JUNK = frozenset({"that", ",", ":", "-", "–", "—"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech verb with the head of its subject and the reported clause, where present."""

    token: Token
    subject: Token | None
    content: tuple[int, int] | None  # character span of the reported clause


BREAK = re.compile(r"\n[^\S\n]*\n\s*")  # a blank line: READING.md joins paragraphs so


def paragraph_of(text: str, at: int) -> tuple[int, int]:
    """Return (start, end) of the blank-line paragraph holding offset `at`.

    A single line break is a hard wrap inside a paragraph, not a paragraph's end.
    """
    starts, ends = _breaks(text)
    index = bisect_right(ends, at)  # the breaks that end at or before `at`
    first = ends[index - 1] if index else 0
    after = bisect_left(starts, at)  # the first break that starts at or after `at`
    return first, starts[after] if after < len(starts) else len(text)


@lru_cache(maxsize=4)
def _breaks(text: str) -> tuple[list[int], list[int]]:
    """The (starts, ends) of the text's blank lines, found once per text.

    Searching from the top on every call made quotes and sources quadratic in the text's
    length (a 269 KB page with 4,800 quote marks took minutes, #10); the cache key is the
    text itself, whose hash Python keeps.
    """
    found = [(m.start(), m.end()) for m in BREAK.finditer(text)]
    return [start for start, _ in found], [end for _, end in found]


@dataclass(frozen=True, slots=True)
class SpanIndex:
    """Spans sorted by start, with the furthest end so far, to tell by bisection whether an
    offset is inside any of them; scanning them all per offset was quadratic (#10)."""

    starts: tuple[int, ...]
    reach: tuple[int, ...]

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]]) -> SpanIndex:
        """Return the index of the spans."""
        ordered = sorted(spans)
        return cls(tuple(s for s, _ in ordered), tuple(accumulate((e for _, e in ordered), max)))

    def holds(self, at: int) -> bool:
        """Return True when `at` is inside one of the spans."""
        index = bisect_right(self.starts, at) - 1
        return index >= 0 and self.reach[index] > at


@cache
def load_words(name: str) -> frozenset[str]:
    """Return the lower-cased entries of a one-word-a-line data file in this folder."""
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip().lower() for s in lines if s.strip() and not s.startswith("#"))


@lru_cache(maxsize=8)
def find_quoted(text: str) -> tuple[tuple[int, int], ...]:
    """Return the (start, end) of the words inside each pair of quotation marks.

    Quotes and sources both ask for the same text: the last few answers are kept."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    # Only marks and line breaks move the walk: it jumps from one to the next (a step per
    # character was a tenth of the quote stage).
    marks = _DOUBLE_MARKS.finditer(text)
    resume = 0
    for mark in marks:
        at = mark.start()
        if at < resume:
            continue
        ch = text[at]
        if ch == "\n":
            if opened is not None and BREAK.match(text, at):
                opened, resume = _carry_over(text, at, opened)
            continue
        if ch in OPENING and _may_open(text, at) and (opened is None or _reopens(text, at)):
            opened = at  # a mark that can only open restarts a quote whose close went missing
        elif opened is not None and ch in CLOSING:
            spans.append((opened + 1, at))
            opened = None
    spans += _single_quoted(text, spans)
    return tuple(sorted(_trimmed(text, s, e) for s, e in spans if e > s + 1))


SINGLE_OPENING = "‘'"
SINGLE_CLOSING = "’'"
_DOUBLE_MARKS = re.compile(f"[{OPENING}{CLOSING}\n]")
_ANY_MARK = re.compile(f"[{OPENING}{CLOSING}{SINGLE_OPENING}{SINGLE_CLOSING}\n]")
# What may stand before a single mark that opens a quote: a space, a bracket, a dash, or a
# mark that just closed one ("...Commission.''I call upon ..." runs two quotes together).
_BEFORE_SINGLE_OPEN = " \t\n([{-–—\"“'’"


def _single_quoted(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the spans inside single quotation marks (British style: 'Resign!' he yelled).

    A single mark is also an apostrophe ("Georgia's", "the rebels' leader", "'90s"), so a
    mark opens only at a word's start, before a letter or digit, and closes only at a
    word's end, before a space or punctuation; a pair never crosses a paragraph break, and
    marks inside a double-quoted span are nested quotes, part of the outer quotation.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    # The double-quoted spans come in text order without overlap, so one pointer walks them
    # along with `at`; testing every span at every character was quadratic (#10).
    blocked, index = sorted((s - 1, e) for s, e in taken), 0
    # Only marks and line breaks matter; a double-quoted span starts at its mark, so the
    # walk still enters every span it must skip.
    for mark in _ANY_MARK.finditer(text):
        at, ch = mark.start(), mark.group()
        while index < len(blocked) and blocked[index][1] < at:
            index += 1
        if index < len(blocked) and blocked[index][0] <= at:
            opened = None if opened is not None and opened < at else opened
            continue
        if ch == "\n" and BREAK.match(text, at):
            opened = None
        elif opened is None and ch in SINGLE_OPENING and _opens_single(text, at):
            opened = at
        elif opened is not None and ch in SINGLE_CLOSING and _closes_single(text, at):
            if " " in text[opened + 1 : at].strip():
                spans.append((opened + 1, at))
            opened = None  # one word in single marks is a term ('tit-for-tat'), not words said
    return spans


def _opens_single(text: str, at: int) -> bool:
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return before in _BEFORE_SINGLE_OPEN and after.isalnum() and not _is_year_mark(text, at)


def _is_year_mark(text: str, at: int) -> bool:
    return bool(re.match(r"['‘]\d\ds\b", text[at : at + 5]))  # "the '90s"


def _closes_single(text: str, at: int) -> bool:
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _may_open(text: str, at: int) -> bool:
    """A straight mark opens after a space, a bracket or a dash, and before a word or mark.

    After a letter, digit or comma it closes (or means inches); before a space it closes.
    """
    if text[at] == "“":
        return True
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isspace() or before in "([{-–—") and not after.isspace()


def _reopens(text: str, at: int) -> bool:
    """A typographic opening mark, or a straight one between a space and a word, opens."""
    return text[at] == "“" or (_may_open(text, at) and text[at + 1 : at + 2].isalnum())


def _carry_over(text: str, at: int, opened: int) -> tuple[int | None, int]:
    """At a line break inside an open quote: go on when the next paragraph re-opens it."""
    nxt = at
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    if nxt < len(text) and text[nxt] in OPENING:
        return opened, nxt + 1  # newswire style: the paragraph continues the same quote
    return None, at + 1  # an unclosed mark: no quote rather than half a paragraph


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def is_cue(token: Token) -> bool:
    """Return True when the token is a verb that reports speech."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in load_words("speech_cues.txt")


def is_refusal(cue: Token) -> bool:
    """Return True for "declined to comment", "did not say": no words are reported."""
    refused = cue.dep_ == "xcomp" and cue.head.lemma_.lower() in load_words("refusal_verbs.txt")
    return refused or any(child.dep_ == "neg" for child in cue.children)


def subject_of(cue: Token) -> Token | None:
    """Return the head of the cue's subject, borrowing its head's subject when it has none.

    Climbs at most CLIMB arcs ("declined to comment", "by saying", "and added"); a cue with
    no subject that follows a quote takes the person right after it ("..., asked Jane Doe").
    """
    token = cue
    for _ in range(CLIMB):
        for child in token.children:
            if child.dep_ in SUBJECT_DEPS and child.tag_ in RELATIVE_TAGS:
                # "a bartender who said ...": the relative clause's noun is the speaker
                return token.head if token.dep_ == "relcl" else None
            if child.dep_ in SUBJECT_DEPS:
                return child
            if child.dep_ == "agent":  # "was told by a diplomat"
                return next((t for t in child.children if t.dep_ == "pobj"), None)
        if token.dep_ == "acl" and _may_speak(token.head):
            return token.head  # "the leader of the party, saying ...": the noun speaks
        if token.dep_ == "acl":  # "said in a statement saying ...": whoever made it speaks
            token = _governing_verb(token.head) or token
            continue
        if token.dep_ not in BORROWING_DEPS or token.head.i == token.i:
            break
        token = token.head
    return _inverted_subject(cue)


def _may_speak(noun: Token) -> bool:
    """Return True for a noun that can say something: a person, a body, a publication."""
    if noun.ent_type_ in ("PERSON", "ORG"):
        return True
    lemma = noun.lemma_.lower()
    return lemma in load_words("speaker_nouns.txt") or lemma in load_words("publication_nouns.txt")


def _governing_verb(token: Token) -> Token | None:
    """Return the verb a noun phrase hangs from ("in a statement" -> "said"), if near."""
    for _ in range(CLIMB):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _inverted_subject(cue: Token) -> Token | None:
    """The speaker after the cue in '"...," said the minister' and '"...?" asked Jane Doe'."""
    doc = cue.doc
    if cue.i == 0 or doc[cue.i - 1].text not in INVERTING:
        return None
    for token in doc[cue.i + 1 : min(len(doc), cue.i + INVERTED_REACH)]:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        while token.dep_ in ("compound", "amod") and token.head.i > token.i:
            token = token.head  # "campaign manager Robby Mook" -> Mook
        # A noun in a prepositional phrase ('..., saying in a statement') is where or how
        # the words were said, not who said them.
        return None if token.dep_ == "pobj" else token
    return None


def paragraph_ids(doc: Doc) -> list[int]:
    """Return, for each token, the number of the blank-line paragraph it stands in.

    spaCy keeps a run of line breaks as a token of its own, so counting those is enough.
    """
    return memo(doc, "paragraph_ids", _paragraph_ids)


def _paragraph_ids(doc: Doc) -> list[int]:
    ids, number = [], 0
    for token in doc_tokens(doc):
        if token.text.count("\n") >= 2:
            number += 1
        ids.append(number)
    return ids


def content_of(cue: Token, paragraphs: list[int]) -> tuple[int, int] | None:
    """Return the character span of the clause the cue reports, without "that".

    The span never holds the cue, its speaker, or a later cue's own clause ("..., adding
    that ..."), and never leaves the cue's paragraph (the parser can join a headline on).
    """
    clause = next((c for c in cue.children if c.dep_ in CONTENT_DEPS), None)
    clause = clause or _statement_clause(cue)
    if clause is not None:
        tokens = list(clause.subtree) + _second_complement(cue, clause)
    elif cue.dep_ == "parataxis":  # "..., one of the officials said, even after ...": the
        own = {t.i for t in cue.subtree}  # parser hangs the cue off the clause it reports
        tokens = [t for t in cue.head.subtree if t.i not in own and t.i < cue.i]
    else:
        return None
    cut = {cue.i} | _subject_tokens(cue) | _nested_cue_tokens(tokens, cue)
    return clause_span(tokens, cut, paragraphs, paragraphs[cue.i])


def _second_complement(cue: Token, clause: Token) -> list[Token]:
    """Return the tokens of a second reported clause the parser hung on the cue as a
    conjunct: 'said firefighters controlled the fire, and that production was continuing'
    reports both; "that" marks the second as said, not as something the speaker did next."""
    doc = cue.doc
    last = max(t.i for t in clause.subtree)
    for conj in (c for c in cue.children if c.dep_ == "conj" and c.i > last):
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in conj.children):
            first = min(t.i for t in conj.subtree)
            return list(doc[last + 1 : first]) + list(conj.subtree)
    return []


def _statement_clause(cue: Token) -> Token | None:
    """The clause of 'said in a statement that ...', which the parser hangs on "statement".

    A clause marked "that" under the cue's prepositional object is what was said: "that" as
    a mark (not as a relative pronoun, which is a subject or object) opens a complement.
    """
    for prep in (c for c in cue.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in obj.children:
                marks = (m for m in clause.children if m.dep_ == "mark" and m.i < clause.i)
                if clause.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in marks):
                    return clause
    return None


def _subject_tokens(cue: Token) -> set[int]:
    return {t.i for c in cue.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}


def _nested_cue_tokens(tokens: list[Token], cue: Token) -> set[int]:
    """Tokens of another cue that speaks on in the same voice ("..., adding that ...").

    Such a cue has no subject of its own and reports its own clause, a quote of its own.
    """
    nested = (
        t
        for t in tokens
        if t.i != cue.i
        and t.dep_ in ("advcl", "conj")
        and is_cue(t)
        and not any(c.dep_ in SUBJECT_DEPS for c in t.children)
        and any(c.dep_ in CONTENT_DEPS for c in t.children)
    )
    return {t.i for n in nested for t in n.subtree}


def clause_span(
    tokens: list[Token], cut: set[int], paragraphs: list[int], paragraph: int
) -> tuple[int, int] | None:
    """Return the span of the longest unbroken run of `tokens` outside `cut`, trimmed.

    A reported clause is one stretch of text: when the cue or its speaker stands inside the
    clause's words ("X, who a spokesman said had left", "A, according to B, C"), quoting
    across them would put the attribution into the quote, so the longer side is kept.
    """
    runs: list[list[Token]] = []
    for token in sorted(tokens, key=attrgetter("i")):  # a subtree over a relcl is unordered
        if token.i in cut or token.is_space or paragraphs[token.i] != paragraph:
            runs.append([])
            continue
        if runs and runs[-1] and runs[-1][-1].i == token.i - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    trimmed = [_trim(run) for run in runs]
    best = max(trimmed, key=_word_count, default=[])
    if not best:
        return None
    return best[0].idx, best[-1].idx + len(best[-1])


def _trim(run: list[Token]) -> list[Token]:
    start, end = 0, len(run)
    while start < end and (run[start].lower_ in LEADING_JUNK or run[start].is_punct):
        start += 1
    # "said whether ..." loses its mark; "said (that) if it joins, it will ..." keeps its "if",
    # which marks a condition inside the reported clause, not the clause itself.
    if start < end and run[start].dep_ == "mark" and run[start].head.dep_ in CONTENT_DEPS:
        start += 1
    while end > start and run[end - 1].is_punct:
        end -= 1
    return run[start:end]


def _word_count(run: list[Token]) -> int:
    return sum(not t.is_punct for t in run)


def find_cues(doc: Doc) -> tuple[Cue, ...]:
    """Return every speech cue in the doc with its subject and reported clause."""
    return memo(doc, "cues", _find_cues)


def _find_cues(doc: Doc) -> tuple[Cue, ...]:
    paragraphs = paragraph_ids(doc)
    return tuple(
        Cue(token=t, subject=subject_of(t), content=content_of(t, paragraphs))
        for t in doc_tokens(doc)
        if is_cue(t) and not is_refusal(t)
    )


def according_content(according: Token) -> tuple[int, int] | None:
    """Return the span of the clause "according to X" qualifies, without that phrase."""
    clause = according.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head  # "... is 7 km away, according to X": climb to the verb
    own = {t.i for t in according.subtree}
    paragraphs = paragraph_ids(according.doc)
    return clause_span(list(clause.subtree), own, paragraphs, paragraphs[according.i])


def according_to(doc: Doc) -> tuple[tuple[Token, Token], ...]:
    """Return (according, object) pairs of each "according to X"."""
    return memo(doc, "according_to", _according_to)


def _according_to(doc: Doc) -> tuple[tuple[Token, Token], ...]:
    pairs = []
    for token in doc_tokens(doc):
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if obj is not None:
            pairs.append((token, obj))
    return tuple(pairs)
