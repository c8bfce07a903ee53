"""The parse: the English pipeline with our paragraph-break component."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def test_a_blank_line_ends_a_sentence_without_a_stop(nlp: Language) -> None:
    doc = nlp("Storm floods coastal towns\n\nHeavy rain cut roads across the coast on Friday.")
    assert [s.text.strip() for s in doc.sents][:2] == [
        "Storm floods coastal towns",
        "Heavy rain cut roads across the coast on Friday.",
    ]


def test_a_single_line_break_is_a_hard_wrap_not_a_boundary(nlp: Language) -> None:
    doc = nlp("The minister said the talks\nwould resume on Monday in the capital.")
    assert len(list(doc.sents)) == 1
