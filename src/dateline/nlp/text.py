"""What several stages read off one parse, built once per Doc.

spaCy's `Doc.text` joins every token's text on each call, so a stage that asks for it per
mention turns linear work quadratic (a 156 KB text: 1,100 calls, 90 s). The joined text is
kept in the Doc's own `user_data` dict the first time it is asked for, and so is what
`memo` builds (the tokens, the speech cues both quotes and sources read): spaCy makes a new
Token object at every `doc[i]` and every step of `for t in doc`, and a dozen passes over
each article cost a tenth of the reading (#12).

A memo that holds Tokens holds its Doc: `forget` drops them once a reading is through every
stage (Pipeline does), so that the Doc is freed at once rather than by the cycle collector.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TypeVar, cast

from spacy.tokens import Doc, Span, Token

_KEY = "dateline.text"
_MEMO = "dateline.memo."
T = TypeVar("T")


def doc_text(doc: Doc) -> str:
    """Return `doc.text`, computed once per Doc."""
    text = doc.user_data.get(_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_KEY] = text
    return text


def entity_at(doc: Doc, i: int) -> Span | None:
    """Return the named entity holding token `i`, read from the tokens' IOB tags around it.

    `Doc.ents` builds every entity span on each call: asking it once per mention makes a
    stage quadratic. The tags give the one entity in time proportional to its length."""
    if not 0 <= i < len(doc) or doc[i].ent_iob_ not in ("B", "I"):
        return None
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[i].ent_type_)


def doc_entities(doc: Doc) -> tuple[Span, ...]:
    """Return `doc.ents`, built once per Doc (each `Doc.ents` builds every entity Span anew)."""
    return memo(doc, "ents", lambda d: tuple(d.ents))


def entities_within(span: Span) -> list[Span]:
    """Return `span.ents`: the entities wholly inside the span, up to the first that runs past
    its end. `Span.ents` walks `Doc.ents`, so a stage asking it per speaker rebuilt the whole
    Doc's entities hundreds of times a page; the memo is found by bisection instead."""
    entities = doc_entities(span.doc)
    starts = memo(span.doc, "entity_starts", lambda d: [e.start for e in doc_entities(d)])
    found = []
    for at in range(bisect_left(starts, span.start), len(entities)):  # no copy of the tail
        if entities[at].end > span.end:
            break
        found.append(entities[at])
    return found


def doc_sentences(doc: Doc) -> list[Span]:
    """Return the Doc's sentences, built once per Doc (`Doc.sents` walks every token)."""
    return memo(doc, "sentences", lambda d: list(d.sents))


def sentence_index(doc: Doc, i: int) -> int:
    """Return the index in `doc_sentences` of the sentence holding token `i`."""
    starts = memo(doc, "sentence_starts", lambda d: [s.start for s in doc_sentences(d)])
    return bisect_right(starts, i) - 1


def memo(doc: Doc, name: str, build: Callable[[Doc], T]) -> T:
    """Return `build(doc)`, built on the first call for this Doc and name."""
    key = _MEMO + name
    if key not in doc.user_data:
        doc.user_data[key] = build(doc)
    return cast(T, doc.user_data[key])


def doc_tokens(doc: Doc) -> list[Token]:
    """Return the Doc's tokens as a list, built once (index it instead of `doc[i]`)."""
    return memo(doc, "tokens", list)


def forget(doc: Doc) -> None:
    """Drop every memo of the Doc (they are rebuilt if asked for again)."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(_MEMO)]:
        del doc.user_data[key]


def tokens_by_offset(doc: Doc) -> dict[int, Token]:
    """Return each token by its character offset, built once."""
    return memo(doc, "by_offset", lambda d: {t.idx: t for t in doc_tokens(d)})
