"""Read one number in a parsed text and what it measures or counts.

A number's unit is, in order: a currency before it ("$5 million" -> USD), a unit after it
("7 km", "40 percent", "4 miles" -> mi), a hyphenated measure before a noun ("a 7-day
truce" -> day), or the noun it counts, past any adjectives and lists of them ("15,000
soldiers", "11 Lebanese, U.S., Israeli and European officials" -> officials). A conversion
in brackets ("30 km (19 mile)") belongs to the number before it. spaCy's QUANTITY/MONEY
entities give no value or unit, and its parse often hangs the number on the first
adjective of a list, so the walk over the tokens is ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from dateline.times.lexicon import number_of, time_units

DATA = Path(__file__).parent / "data"
# Tokens that may stand between a number and the noun it counts ("11 Lebanese, U.S. and
# European officials"); how far to look was set on the seed and the tests' sentences.
_BETWEEN_POS = frozenset({"ADJ", "PROPN", "PUNCT", "CCONJ", "ADV"})
_MAX_BETWEEN = 8


@dataclass(frozen=True, slots=True)
class Measure:
    """A number read from the tokens: value, unit and the token range it covers."""

    value: float
    unit: str
    first: int  # token index
    last: int  # token index, included
    consumed: frozenset[int]  # number tokens used up (a bracketed conversion's too)


def _table(name: str) -> dict[str, str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return {row[0]: row[1] for row in rows}


@cache
def units() -> dict[str, str]:
    """Return unit words and symbols (lower case) -> canonical unit."""
    return _table("units.tsv")


@cache
def currencies() -> dict[str, str]:
    """Return currency symbols and words (lower case) -> ISO 4217 code."""
    return _table("currencies.tsv")


@cache
def multipliers() -> dict[str, float]:
    """Return "million", "bn", ... -> factor."""
    return {word: float(factor) for word, factor in _table("multipliers.tsv").items()}


def number_value(text: str) -> float | None:
    """Return the value of "15,000", "2.5", "seven" or "twenty-five", or None."""
    cleaned = text.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        pass
    value = number_of(text)
    return float(value) if value is not None else None


def read_measure(doc: Doc, i: int) -> Measure | None:
    """Return the quantity whose number starts at token i, or None."""
    value, last = _number_at(doc, i)
    if value is None:
        return None
    first = i
    before = doc[i - 1] if i > 0 else None
    if before is not None and before.lower_ in currencies():
        return Measure(
            value, currencies()[before.lower_], i - 1, last, frozenset(range(i, last + 1))
        )
    unit, end = _unit_after(doc, last + 1)
    if unit is None:
        return None
    end, extra = _conversion(doc, end)
    return Measure(value, unit, first, end, frozenset(range(i, last + 1)) | extra)


def _number_at(doc: Doc, i: int) -> tuple[float | None, int]:
    value = number_value(doc[i].text)
    last = i
    if value is None:
        return None, i
    while last + 2 < len(doc) and doc[last + 1].text == "-" and _is_word_number(doc[last + 2]):
        value += number_value(doc[last + 2].text) or 0  # "twenty-five"
        last += 2
    while last + 1 < len(doc) and doc[last + 1].lower_ in multipliers():
        value *= multipliers()[doc[last + 1].lower_]
        last += 1
    return value, last


def _is_word_number(token: Token) -> bool:
    return token.is_alpha and number_of(token.text) is not None


def _unit_after(doc: Doc, k: int) -> tuple[str | None, int]:
    if k >= len(doc):
        return None, k
    for width in (2, 1):
        words = doc[k : k + width].text.lower()
        if k + width <= len(doc) and (words in units() or words in currencies()):
            return units().get(words) or currencies()[words], k + width - 1
    if doc[k].text == "-" and k + 1 < len(doc):
        return _hyphen_unit(doc, k + 1)
    return _counted_noun(doc, k)


def _hyphen_unit(doc: Doc, k: int) -> tuple[str | None, int]:
    # "a 7-day truce", "a 10-km stretch": the unit, and the noun it measures into the text.
    word = doc[k].lower_
    unit = units().get(word) or (word if word in time_units() else None)
    if unit is None:
        return None, k
    noun = doc[k + 1] if k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN" else None
    if noun is not None:
        noun = _compound_head(noun)  # "a 30-minute car ride"
    return unit, noun.i if noun is not None else k


def _counted_noun(doc: Doc, k: int) -> tuple[str | None, int]:
    for token in doc[k : k + _MAX_BETWEEN]:
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "compound" and token.head.i > token.i:
            token = _compound_head(token)  # "58 Afghan security forces" counts forces
        if token.pos_ == "NOUN" and not token.like_num:
            return token.text.lower(), token.i
        if token.pos_ not in _BETWEEN_POS or token.text in (".", ";", ":", "(", ")"):
            return None, k
    return None, k


def _compound_head(token: Token) -> Token:
    while token.dep_ == "compound" and token.head.i > token.i and token.head.i - token.i <= 2:
        token = token.head
    return token


def _conversion(doc: Doc, end: int) -> tuple[int, frozenset[int]]:
    # "30 km (19 mile)": the bracket restates the same distance, so it joins this quantity.
    k = end + 1
    if k + 3 < len(doc) and doc[k].text == "(" and doc[k + 1].like_num:
        close = next((t.i for t in doc[k + 2 : k + 5] if t.text == ")"), None)
        if close is not None:
            return close, frozenset({k + 1})
    return end, frozenset()
