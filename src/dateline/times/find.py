"""Find and resolve every time expression of a parsed text against a reference day.

`find_candidates` (patterns.py) proposes expressions from the text; the checks here use the
parse to drop what is no time ("Resolution 1701", "2006 soldiers", "May I", "a daily
basis"); `read_times` resolves the rest in the tense of their clause. The same function
serves the pipeline stage and the TempEval benchmark.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from dateline.nlp.text import doc_text
from dateline.times.lexicon import month_leads
from dateline.times.patterns import Candidate, find_candidates
from dateline.times.resolve import resolve
from dateline.times.tense import tense_at
from dateline.times.timex import Context, Resolved

_NOT_A_YEAR_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
_NAME_ENTS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT"})
_DAY_KINDS = frozenset({"date", "iso", "numeric"})


@dataclass(frozen=True, slots=True)
class Found:
    """A time expression: where it is, what it means, and the tense around it."""

    cand: Candidate
    resolved: Resolved
    tense: str


def find_times(doc: Doc) -> list[Candidate]:
    """Return the time expressions in a parsed text, without what the parse rules out."""
    return [c for c in find_candidates(doc_text(doc)) if _is_time(c, doc)]


def read_times(doc: Doc, ref: date | None, cands: list[Candidate] | None = None) -> list[Found]:
    """Return every time expression resolved against `ref` (None: only absolute ones)."""
    cands = find_times(doc) if cands is None else cands
    tenses = [tense_at(doc, c.start, c.end) for c in cands]
    first = [resolve(c, Context(ref, t)) for c, t in zip(cands, tenses, strict=True)]
    out = []
    for cand, tense, resolved in zip(cands, tenses, first, strict=True):
        if resolved is not None and cand.kind == "since":
            anchor = _anchor(doc, cand, cands, first)
            resolved = resolve(cand, Context(ref, tense, anchor))
        if resolved is not None:
            out.append(Found(cand, resolved, tense))
    return out


def _anchor(
    doc: Doc, cand: Candidate, cands: list[Candidate], resolved: list[Resolved | None]
) -> date | None:
    # "one week since his killing ... Jan. 14, 2024": count from the sentence's own date.
    sent = _sentence(doc, cand)
    for other, res in zip(cands, resolved, strict=True):
        if other.kind not in _DAY_KINDS or res is None or res.earliest != res.latest:
            continue
        if sent is not None and sent.start_char <= other.start < sent.end_char:
            return res.earliest
    return None


def _sentence(doc: Doc, cand: Candidate) -> Span | None:
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span.sent if span is not None and doc.has_annotation("SENT_START") else None


def _tokens(doc: Doc, cand: Candidate) -> Span | None:
    return doc.char_span(cand.start, cand.end, alignment_mode="expand")


def _is_time(cand: Candidate, doc: Doc) -> bool:
    span = _tokens(doc, cand)
    if span is None or len(span) == 0:
        return False
    if cand.kind == "year" and not (cand.part("mod") or cand.part("fiscal")):
        return _is_year(span)
    if cand.kind == "month" and not (cand.part("mod") or cand.part("rel") or cand.part("year")):
        return _is_month(span)
    if cand.kind == "set" and cand.part("adverb"):
        return span[0].pos_ != "ADJ"  # "a daily basis" describes a noun
    if cand.kind in ("weekday", "season"):
        return span.root.ent_type_ not in _NAME_ENTS
    return True


def _is_year(span: Span) -> bool:
    token = span[-1]
    if token.ent_type_ in _NOT_A_YEAR_ENTS:
        return False
    before = token.nbor(-1) if token.i > 0 else None
    if before is not None and (before.text in ("$", "#", "No", "No.") or _is_name(before)):
        return False  # "$2000", "Resolution 1701", "Flight 2020"
    return not (token.dep_ == "nummod" and token.head.tag_ == "NNS")  # "2006 soldiers"


def _is_name(token: Token) -> bool:
    # A capitalised noun right before a number names it ("Resolution 1701") unless it is a
    # month or the first word of the sentence.
    return token.is_title and token.pos_ in ("PROPN", "NOUN") and not token.is_sent_start


def _is_month(span: Span) -> bool:
    token = span[0]
    if token.ent_type_ in _NAME_ENTS or token.tag_ in ("MD", "VB", "VBP"):
        return False
    if token.lower_ not in ("may", "march"):
        return True
    before = token.nbor(-1) if token.i > 0 else None
    return before is not None and before.lower_ in month_leads()
