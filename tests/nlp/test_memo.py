"""Memos on a Doc: built once, and let go once a reading is through every stage (#12)."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from dateline.nlp.text import (
    doc_entities,
    doc_sentences,
    doc_tokens,
    entities_within,
    forget,
    memo,
    sentence_index,
)
from dateline.pipeline import Pipeline, default_stages
from dateline.reading import Reading


def test_a_memo_is_built_once_per_doc_and_rebuilt_after_forget() -> None:
    doc = spacy.blank("en")("The envoy met the minister.")
    built: list[int] = []

    def count(d: object) -> int:
        built.append(1)
        return len(built)

    assert memo(doc, "n", count) == memo(doc, "n", count) == 1
    assert [t.text for t in doc_tokens(doc)] == ["The", "envoy", "met", "the", "minister", "."]
    forget(doc)
    assert memo(doc, "n", count) == 2


def test_a_reading_through_every_stage_keeps_no_memo() -> None:
    # Memos hold Tokens, which hold their Doc: left in place they would keep every Doc of a
    # run alive until the cycle collector's next full pass.
    page = (
        b"Rebels attacked an army post near the capital on Monday, officials said. "
        b'"We will answer this," the defence minister told reporters, according to a statement.'
    )
    reading = Pipeline(default_stages()).run(Reading(source="t.txt", raw=page))
    assert reading.doc is not None
    assert not any(str(k).startswith("dateline.memo") for k in reading.doc.user_data)


def test_entities_within_a_span_are_spacys_own() -> None:
    # The memo and bisection stand in for Span.ents, which walks every entity of the Doc: on
    # every span of a Doc with entities set by hand, the same entities in the same order.
    doc = spacy.blank("en")("Kofi Annan and Ban Ki-moon met in New York with UN staff on Monday .")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 7, "PERSON"), Span(doc, 9, 11, "GPE"),
                Span(doc, 12, 13, "ORG"), Span(doc, 15, 16, "DATE")]  # fmt: skip
    assert doc_entities(doc) == tuple(doc.ents)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            assert [(e.start, e.end, e.label_) for e in entities_within(span)] == [
                (e.start, e.end, e.label_) for e in span.ents
            ]


def test_each_token_finds_its_own_sentence() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Talks resumed. The envoy left! Did they agree? Officials said no.")
    assert [s.text for s in doc_sentences(doc)] == [s.text for s in doc.sents]
    for token in doc:
        assert doc_sentences(doc)[sentence_index(doc, token.i)] == token.sent
