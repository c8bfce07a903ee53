"""Quotation marks and cue words, without the spaCy model."""

from __future__ import annotations

import spacy

from dateline.quotes.counting import count_of, number_of
from dateline.quotes.cues import find_quoted, load_words


def _quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quoted(text)]


def test_find_quoted_straight_marks() -> None:
    text = 'The mayor said: "We will rebuild the bridge," and left.'
    assert _quoted(text) == ["We will rebuild the bridge"]


def test_find_quoted_typographic_marks() -> None:
    text = "“Talks will go on,” the envoy said, adding “nothing is settled.”"
    assert _quoted(text) == ["Talks will go on", "nothing is settled."]


def test_find_quoted_runs_over_paragraphs_when_the_next_reopens() -> None:
    text = "“The first part runs on.\n\n“The second part ends it,” she said."
    assert _quoted(text) == ["The first part runs on.\n\n“The second part ends it"]


def test_find_quoted_drops_an_unclosed_mark_at_the_paragraph_end() -> None:
    text = "He said “this never closes.\n\nA new paragraph without a mark."
    assert _quoted(text) == []


def test_find_quoted_ignores_inches_after_a_digit() -> None:
    text = 'A 12" pipe burst, and "the water rose fast," a resident said.'
    assert _quoted(text) == ["the water rose fast"]


def test_load_words_reads_cues_without_comments() -> None:
    cues = load_words("speech_cues.txt")
    assert {"say", "tell", "warn", "allude"} <= cues
    assert not any(word.startswith("#") for word in cues)


def _doc(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> spacy.tokens.Doc:
    doc = spacy.tokens.Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    for token, tag in zip(doc, tags, strict=True):
        token.tag_ = tag
    return doc


def test_count_of_adds_coordinated_counted_nouns() -> None:
    # "three officials and a diplomat"
    doc = _doc(
        ["three", "officials", "and", "a", "diplomat"],
        [1, 1, 1, 4, 1],
        ["nummod", "ROOT", "cc", "det", "conj"],
        ["CD", "NNS", "CC", "DT", "NN"],
    )
    assert count_of(doc[1]) == 4


def test_count_of_a_partitive_counts_its_first_number() -> None:
    # "two of the three officials"
    doc = _doc(
        ["two", "of", "the", "three", "officials"],
        [0, 0, 4, 4, 1],
        ["ROOT", "prep", "det", "nummod", "pobj"],
        ["CD", "IN", "DT", "CD", "NNS"],
    )
    assert count_of(doc[0]) == 2


def test_count_of_a_bare_plural_is_unknown() -> None:
    doc = _doc(["senior", "officials"], [1, 1], ["amod", "ROOT"], ["JJ", "NNS"])
    assert count_of(doc[1]) is None


def test_count_of_a_plural_after_a_is_not_one() -> None:
    doc = _doc(["a", "few", "officials"], [2, 2, 2], ["det", "amod", "ROOT"], ["DT", "JJ", "NNS"])
    assert count_of(doc[2]) is None


def test_number_of_reads_words_and_digits() -> None:
    doc = spacy.blank("en")("eleven 1,200 dozen many")
    assert [number_of(t) for t in doc] == [11, 1200, 12, None]


def test_find_quoted_restarts_after_a_stray_closing_mark() -> None:
    text = '"We must address" the crisis," he said.\n\n"Nothing else matters," she said.'
    assert _quoted(text)[-1] == "Nothing else matters"


def test_find_quoted_reads_through_a_hard_wrapped_line() -> None:
    text = '"The talks will resume\nnext week," the envoy said.'
    assert _quoted(text) == ["The talks will resume\nnext week"]
