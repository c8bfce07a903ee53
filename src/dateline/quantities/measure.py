"""Read one number in a parsed text and what it measures or counts.

A number's unit is, in order: a currency before it ("$5 million" -> USD), a unit after it
("7 km", "40 percent", "4 miles" -> mi), a hyphenated measure before a noun ("a 7-day
truce" -> day), or the noun it counts, past any adjectives and lists of them ("15,000
soldiers", "11 Lebanese, U.S., Israeli and European officials" -> officials). A count of
people harmed takes its outcome ("killing 43 soldiers" -> "soldiers killed", outcome.py),
and a bare number harmed counts people ("wounding 38" -> "people wounded"). A conversion
in brackets ("30 km (19 mile)") belongs to the number before it. spaCy's QUANTITY/MONEY
entities give no value or unit, and its parse often hangs the number on the first
adjective of a list, so the walk over the tokens is ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from dateline.quantities.outcome import outcome_of
from dateline.times.lexicon import number_of, time_units

DATA = Path(__file__).parent / "data"
# Tokens that may stand between a number and the noun it counts ("11 Lebanese, U.S. and
# European officials"); how far to look was set on the seed and the tests' sentences.
_BETWEEN_POS = frozenset({"ADJ", "PROPN", "PUNCT", "CCONJ", "ADV"})
_MAX_BETWEEN = 8
_STOPS = frozenset({".", ";", ":", "(", ")"})
# The unit of a bare number that is harmed ("wounding 38", "at least 60 were injured"):
# news counts casualties without a noun only when they are people.
PEOPLE = "people"


@dataclass(frozen=True, slots=True)
class Measure:
    """A number read from the tokens: value, unit and the token range it covers."""

    value: float
    unit: str
    first: int  # token index
    last: int  # token index, included
    consumed: frozenset[int]  # number tokens used up (a bracketed conversion's too)
    noun: str | None = None  # the noun counted ("soldiers"), when the unit is one


def _table(name: str) -> dict[str, str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return {row[0]: row[1] for row in rows}


@cache
def units() -> dict[str, str]:
    """Return unit words and symbols (lower case) -> canonical unit."""
    return _table("units.tsv")


@cache
def unit_names() -> dict[str, str]:
    """Return counted nouns (lower case) -> the one name a tally uses ("policemen" -> "police")."""
    return _table("unit_names.tsv")


@cache
def owner_nouns() -> frozenset[str]:
    """Return nouns that, compounded before a counted noun, say whose it is ("opposition")."""
    lines = (DATA / "owner_nouns.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def hyphen_counts() -> dict[str, str]:
    """Return words after a hyphenated number -> the plural noun counted ("member")."""
    return _table("hyphen_counts.tsv")


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


def read_measure(doc: Doc, i: int, *, elided: str | None = None) -> Measure | None:
    """Return the quantity whose number starts at token i, or None. `elided` is the noun the
    sentence counted last: a bare number may count it again ("a base of about 60")."""
    value, last = _number_at(doc, i)
    if value is None:
        return None
    last = _range_end(doc, last)
    before = doc[i - 1] if i > 0 else None
    if before is not None and before.lower_ in currencies():
        return Measure(
            value, currencies()[before.lower_], i - 1, last, frozenset(range(i, last + 1))
        )
    unit, end = _unit_after(doc, last + 1)
    noun = None
    if unit is None:
        unit, noun = _bare_unit(doc[last], elided)
        end = last
    elif _is_counted(doc[end], unit):
        noun = unit = unit_names().get(unit, unit)
    if noun is not None:
        outcome = outcome_of(doc[end])
        unit = f"{noun} {outcome}" if outcome else noun
    if unit is None:
        return None
    end, extra = _conversion(doc, end)
    return Measure(value, unit, i, end, frozenset(range(i, last + 1)) | extra, noun)


def _range_end(doc: Doc, last: int) -> int:
    # "three to four days", "three or four or five days": a range is one quantity, valued at
    # its first number (the least it says), in the unit after its last.
    while last + 2 < len(doc) and doc[last + 1].lower_ in ("to", "or"):
        if number_value(doc[last + 2].text) is None:
            break
        last += 2
    return last


def _bare_unit(number: Token, elided: str | None) -> tuple[str | None, str | None]:
    # A number with no noun after it counts the noun its sentence counted last, when it is
    # harmed ("Nine soldiers were wounded and six have gone missing") or what a group
    # holds ("killing 43 soldiers on a base of about 60"); harmed with no such noun, it
    # counts people ("killing 30 people and wounding 38").
    if outcome_of(number) is not None:
        noun = elided or PEOPLE
        return noun, noun
    holder = number.head
    if elided and number.dep_ == "pobj" and holder.lower_ == "of" and holder.head.pos_ == "NOUN":
        return elided, elided
    return None, None


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
    if word in hyphen_counts():
        return hyphen_counts()[word], k  # "a 15-member body" counts 15 members
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
            return _with_compounds(token), token.i
        if _is_people_word(token):
            return PEOPLE, token.i  # "four Palestinians", "270,000 Israelis" count people
        if token.like_email or token.like_url or "@" in token.text:
            return None, k  # "619-293-1258 or ron.powell@...": a contact line, no count
        if _is_between(token):
            continue
        return None, k
    return None, k


def _is_between(token: Token) -> bool:
    # Adjectives, names and list marks stand between a number and its noun; so does a
    # participle describing it ("600 injured people").
    participle = token.tag_ == "VBN" and token.dep_ == "amod"
    return (token.pos_ in _BETWEEN_POS or participle) and token.text not in _STOPS


def _is_people_word(token: Token) -> bool:
    # A plural nationality or group name ("Palestinians", NORP) counts people of it; the
    # unit is what is tallied, the nationality is the people's, not a unit of its own.
    return token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS")


def _with_compounds(noun: Token) -> str:
    # A counted noun is named with the common nouns compounded before it: "security forces",
    # "air strikes", "suicide car bombs" are kinds of their own, not any forces or strikes.
    # Proper names before it ("Hamas police") and nouns of a side ("opposition votes",
    # "government troops", data/owner_nouns.txt) say whose, not what, and stay out.
    first = noun.i
    while first > 0:
        before = noun.doc[first - 1]
        if before.dep_ != "compound" or before.pos_ != "NOUN" or before.like_num:
            break
        if before.lower_ in owner_nouns():
            break
        first -= 1
    return noun.doc[first : noun.i + 1].text.lower()


def _is_counted(token: Token, unit: str) -> bool:
    # The unit is the noun a number counts (or "people" for a bare number), not a measure.
    counted = unit.rsplit(" ", 1)[-1] == token.lower_ and token.lower_ not in units()
    return unit == PEOPLE or counted


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
