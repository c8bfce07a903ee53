"""The word lists of the times layer (data/*.tsv, data/*.txt), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class TimeUnit:
    """A calendar unit: its TIMEX3 letter and its length in days."""

    name: str
    letter: str
    days: int


@dataclass(frozen=True, slots=True)
class Season:
    """A season: its TIMEX3 code and its first and last months."""

    name: str
    code: str
    first: int
    last: int


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@cache
def months() -> dict[str, int]:
    """Return month names and abbreviations (lower case) -> month number."""
    return {row[0]: int(row[1]) for row in _rows("months.tsv")}


@cache
def weekdays() -> dict[str, int]:
    """Return weekday names and abbreviations (lower case) -> ISO weekday."""
    return {row[0]: int(row[1]) for row in _rows("weekdays.tsv")}


@cache
def number_words() -> dict[str, int]:
    """Return number words (lower case) -> value."""
    return {row[0]: int(row[1]) for row in _rows("numbers.tsv")}


@cache
def vague_numbers() -> tuple[str, ...]:
    """Return words that count an unknown number ("several", "a few"), longest first."""
    words = [row[0] for row in _rows("vague_numbers.txt")]
    return tuple(sorted(words, key=len, reverse=True))


@cache
def time_units() -> dict[str, TimeUnit]:
    """Return time units (singular, lower case) -> TimeUnit."""
    return {row[0]: TimeUnit(row[0], row[1], int(row[2])) for row in _rows("units.tsv")}


@cache
def parts_of_day() -> dict[str, str]:
    """Return parts of the day -> TIMEX3 code ("morning" -> "MO")."""
    return {row[0]: row[1] for row in _rows("parts_of_day.tsv")}


@cache
def seasons() -> dict[str, Season]:
    """Return season names -> Season."""
    return {r[0]: Season(r[0], r[1], int(r[2]), int(r[3])) for r in _rows("seasons.tsv")}


@cache
def future_cues() -> frozenset[str]:
    """Return the lemmas that put a clause in the future."""
    return frozenset(row[0] for row in _rows("future_cues.txt"))


def unit_of(word: str) -> TimeUnit | None:
    """Return the TimeUnit a singular or plural unit word names, or None."""
    word = word.lower()
    units = time_units()
    if word == "centuries":
        return units["century"]
    return units.get(word) or units.get(word[:-1] if word.endswith("s") else word)


def number_of(text: str) -> int | None:
    """Return the value of "7", "seven", "twenty-five" or "a", or None for vague counts."""
    text = text.lower().replace(",", "")
    if text.isdigit():
        return int(text)
    words = number_words()
    parts = text.replace("-", " ").split()
    if parts and parts[-1] == "of":  # "a couple of"
        parts = parts[:-1]
    if len(parts) > 1 and parts[0] in ("a", "an"):  # "a dozen", "a couple"
        parts = parts[1:]
    if parts and all(p in words for p in parts):
        return sum(words[p] for p in parts) if len(parts) > 1 else words[parts[0]]
    return None


@cache
def month_leads() -> frozenset[str]:
    """Return the words before a bare "May" or "March" that make it the month."""
    return frozenset(row[0] for row in _rows("month_leads.txt"))


@cache
def reporting_verbs() -> frozenset[str]:
    """Return the lemmas of reporting verbs ("say", "write", "announce")."""
    return frozenset(row[0] for row in _rows("reporting_verbs.txt"))


@cache
def past_leads() -> frozenset[str]:
    """Return the words before a date that keep it in the past ("since May")."""
    return frozenset(row[0] for row in _rows("past_leads.txt"))
