"""How many people a source phrase stands for: "three officials and a diplomat" is 4.

Written here rather than taken from a library: number parsers (e.g. word2number) read a
number, but not which number counts people in a coordinated, partitive noun phrase.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.tokens import Token

HERE = Path(__file__).parent
SINGULAR_TAGS = frozenset({"NN", "NNP"})
COUNTING_DEPS = frozenset({"nummod", "det", "quantmod"})


@cache
def load_numbers() -> dict[str, int]:
    """Return number words and their values from number_words.tsv."""
    rows = (HERE / "number_words.tsv").read_text(encoding="utf-8").splitlines()
    pairs = (r.split("\t") for r in rows if r.strip() and not r.startswith("#"))
    return {word.strip(): int(value) for word, value in pairs}


def number_of(token: Token) -> int | None:
    """Return the value of a number word or numeral, or None when it is not one."""
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return load_numbers().get(text)


def count_of(head: Token) -> int | None:
    """Return the number of people a phrase headed by `head` names, None when unknown.

    Coordinated nouns add up; a partitive ("two of the three officials") counts its first
    number; a singular noun is one; a plural without a number ("officials") is unknown.
    """
    total = 0
    for conjunct in (head, *(c for c in head.conjuncts if c.i > head.i)):
        count = _count_one(conjunct)
        if count is None:
            return None
        total += count
    return total


def _count_one(token: Token) -> int | None:
    if token.like_num or token.lower_ in load_numbers():
        return _count_partitive(token)
    # Numbers anywhere before the noun count it: the parser often hangs "11" on the first of
    # coordinated adjectives ("11 Lebanese, U.S. and Israeli officials").
    for child in (t for t in token.subtree if t.i < token.i):
        if child.dep_ not in COUNTING_DEPS:
            continue
        if child.lower_ in ("a", "an") and token.tag_ not in SINGULAR_TAGS:
            continue  # "a few officials", "a number of officials": not one
        value = number_of(child)
        if value is not None:
            return value
    return 1 if token.tag_ in SINGULAR_TAGS else None


def _count_partitive(token: Token) -> int | None:
    """ "two of the three officials" is 2; "one of the officials and a diplomat" is 2: a
    conjunct with its own determiner or number is another person, not part of the "of"."""
    value = number_of(token)
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if value is None or noun is None:
        return value
    for conjunct in noun.conjuncts:
        if conjunct.i > noun.i and any(c.dep_ in COUNTING_DEPS for c in conjunct.children):
            extra = _count_one(conjunct)
            if extra is None:
                return None
            value += extra
    return value
