"""Find time expressions in text with regular expressions built from the word lists.

Each pattern has a `kind` that names how resolve.py reads it; named groups carry the parts
(`mon`, `day`, `year`, `wd`, `rel`, `mod`, `num`, `unit`, ...). Extents follow TIMEX3: a
preposition before the expression ("on Tuesday", "in 2022") is left out, a determiner or
modifier that is part of it ("the last week", "late November", "about two years") is kept.

We wrote these patterns ourselves: spaCy's DATE entities over- and under-extend ("the 2006
UN", "one week" without "since his killing") and carry no parts, and dateparser parses a
string it is given but does not find expressions in running text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from operator import attrgetter, itemgetter

from dateline.times.lexicon import months, number_words, seasons, time_units, vague_numbers
from dateline.times.lexicon import parts_of_day as _parts_of_day
from dateline.times.lexicon import weekdays as _weekdays


@dataclass(frozen=True, slots=True)
class Candidate:
    """One expression the patterns found: its kind, extent and regex match."""

    kind: str
    start: int
    end: int
    match: re.Match[str]

    def part(self, name: str) -> str | None:
        """Return the text of a named part, or None when absent."""
        try:
            return self.match.group(name)
        except IndexError:
            return None


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _pieces() -> dict[str, str]:
    # Month and weekday names must be capitalised ("May" but not "may"); (?-i:...) scopes it.
    long_months = _alt([m for m in months() if len(m) > 4 or m in ("may", "june", "july")])
    short_months = _alt([m for m in months() if len(m) <= 4 and m not in ("may", "june", "july")])
    long_days = [w for w in _weekdays() if len(w) > 4]
    short_days = [w for w in _weekdays() if len(w) <= 4]
    numw = _alt([w for w in number_words() if w not in ("a", "an")])
    units = list(time_units())
    unit_forms = _alt([*units, *(u + "s" for u in units), "centuries"])
    return {
        "MON": rf"(?-i:(?=[A-Z]))(?:(?:{long_months})\b|(?:{short_months})\b\.?)",
        "WD": rf"(?-i:(?=[A-Z]))(?:(?:{_alt(long_days)})\b|(?:{_alt(short_days)})\.)",
        "YEAR": r"(?:1[6-9]|20)\d\d\b",
        "NUM": rf"(?:\d+(?:\.\d+)?|(?:an?\s+)?(?:{numw})(?:[-\s](?:{numw}))?|an?)\b",
        "VAGUE": _alt(list(vague_numbers())),
        "UNIT": rf"(?:{unit_forms})\b",
        "UNIT1": rf"(?:{_alt(units)})\b",
        "PART": rf"(?:{_alt(list(_parts_of_day()))})\b",
        "SEASON": rf"(?:{_alt(list(seasons()))})\b",
        "MOD": r"(?:the\s+)?(?:early|earlier|mid|middle\s+of|late|later|end\s+of|"
        r"beginning\s+of|start\s+of|first\s+half\s+of|second\s+half\s+of)",
        "REL": r"(?:this\s+past|this\s+coming|last|next|this|past|previous|coming|"
        r"following|current)",
        "APPROX": r"(?:about|almost|nearly|around|roughly|approximately|more\s+than|less\s+than|"
        r"at\s+least|just\s+over|just\s+under|up\s+to|a\s+mere|some)",
        "CLOCK": r"(?<![:\d.])(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)|"
        r"\d{1,2}:\d\d\b(?!:)|noon\b|midnight\b)",
        "TZ": r"(?:GMT|UTC|ET|EST|EDT|CET|BST|local\s+time)\b",
    }


# (kind, needle, pattern); on overlap the longest match wins, then the earlier kind in this
# list. The needle is a part every match of the pattern holds (see `_windows`).
_SOURCES: tuple[tuple[str, str, str], ...] = (
    ("iso", r"\d-\d", r"\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)\b"),
    ("numeric", r"\d/\d", r"\b(?P<mon>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d\d)\b"),
    (
        "clock",
        r"\d\s*[ap]\.?m|\d:\d|noon|midnight",
        r"\b(?P<clock>CLOCK)(?:\s+(?P<tz>TZ))?(?:,?\s+(?P<wd>WD)|"
        r"\s+(?P<deixis>yesterday|today|tomorrow|tonight))?(?=\s+on\s+(?P<wd_on>WD))?",
    ),
    (
        "date",
        "MON",
        r"\b(?:(?P<wd>WD),?\s+)?(?P<mon>MON)\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
        r"(?!:\d|\.\d|,\d)(?:,?\s+(?P<year>YEAR))?",
    ),
    (
        "date",
        "MON",
        r"\b(?:(?P<wd>WD),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+"
        r"(?:of\s+)?(?P<mon>MON)(?:,?\s+(?P<year>YEAR))?",
    ),
    (
        "month",
        "MON",
        r"\b(?:(?P<mod>MOD)[\s-]*)?(?:(?P<rel>REL)\s+)?(?P<mon>MON)"
        r"(?:,?\s+(?:of\s+)?(?P<year>YEAR)|\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)?",
    ),
    (
        "quarter",
        "quarter",
        r"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+"
        r"(?:fiscal\s+)?quarter\b(?:\s+of\s+(?P<year>YEAR))?",
    ),
    (
        "season",
        "SEASON",
        r"\b(?:(?P<mod>MOD)[\s-]*)?(?:(?P<rel>REL|the)\s+)?(?P<season>SEASON)"
        r"(?:\s+(?:of\s+)?(?P<year>YEAR))?",
    ),
    ("decade", r"\d0'?s", r"\b(?:(?P<mod>MOD)[\s-]*)?(?:the\s+)?(?P<decade>(?:1[6-9]|20)\d)0'?s\b"),
    ("century", "century", r"\b(?:the\s+)?(?P<century>1\d|20|21)(?:st|nd|rd|th)[\s-]+century\b"),
    (
        "year",
        r"(?:1[6-9]|20)\d\d\b",
        r"\b(?:(?P<mod>MOD)[\s-]*)?(?:(?P<fiscal>fiscal(?:\s+year)?)\s+)?(?P<year>YEAR)"
        r"(?!\s*(?:%|percent|per\s+cent)|,\d|\.\d)",
    ),
    (
        "weekday",
        "WD",
        r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?:(?P<rel>REL)\s+)?(?P<wd>WD)"
        r"(?:\s+(?P<part>PART))?",
    ),
    (
        "deixis",
        "yesterday|today|tomorrow|tonight",
        r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<deixis>yesterday|today|tomorrow|"
        r"tonight)(?:\s+(?P<part>PART))?\b",
    ),
    ("deixis", "PART", r"\b(?:(?P<mod>earlier|later)\s+)?(?P<deixis>this|last)\s+(?P<part>PART)"),
    (
        "ref",
        "now|currently|past|future|time|recently|previously",
        r"\b(?P<ref>now|currently|the\s+past|the\s+future|at\s+the\s+time|recently|"
        r"previously)\b"
        r"(?![\s-]+(?:-|defunct|famous|notorious|that|is|was))",
    ),
    (
        "relative",
        "UNIT1",
        r"\b(?:(?P<mod>MOD)\s+)?(?:the\s+)?(?P<rel>REL)\s+(?:fiscal\s+)?(?P<unit>UNIT1)",
    ),
    ("relative", "UNIT1", r"\b(?P<mod>MOD)\s+(?P<rel>the)\s+(?P<unit>UNIT1)"),
    (
        "ago",
        "ago|now|hence|earlier|later",
        r"\b(?:(?P<approx>APPROX)\s+)?(?P<num>NUM|VAGUE)[\s-]+(?P<unit>UNIT)\s+"
        r"(?P<dir>ago|from\s+now|hence|earlier|later)\b",
    ),
    (
        "since",
        "since",
        r"\b(?P<num>NUM)\s+(?P<unit>UNIT)\s+since\s+(?:(?:his|her|its|their|the)\s+)?"
        r"(?-i:[a-z]+)\b",
    ),
    (
        "fuzzy",
        "UNIT",
        r"\b(?P<fuzzy>recent|the\s+coming|the\s+next\s+few|the\s+past\s+few|"
        r"the\s+last\s+few|the\s+past\s+several|the\s+next\s+several|coming)\s+(?P<unit>UNIT)",
    ),
    (
        "duration",
        "UNIT",
        r"\b(?:the\s+(?:(?P<rel>REL|first)\s+)?)?(?:(?P<approx>APPROX)\s+)?"
        r"(?P<num>NUM|VAGUE)(?P<hyphen>[\s-]+)(?P<unit>UNIT)(?![\s-]+old\b)",
    ),
    ("set", "every|each", r"\b(?P<every>every|each)\s+(?:other\s+)?(?P<unit>UNIT1|WD|SEASON|PART)"),
    (
        "set",
        "daily|weekly|monthly|annually|yearly|nightly|hourly",
        r"\b(?P<adverb>daily|weekly|monthly|annually|yearly|nightly|hourly)\b",
    ),
    (
        "plural",
        "years|months|weeks|days|decades|hours|minutes",
        r"\b(?:for|over|within|in|after|take|took|taken|lasted|spent)\s+"
        r"(?P<t>(?P<unit>years|months|weeks|days|decades|hours|minutes))\b",
    ),
)


# How far a match may reach from its needle, in characters: longer than any expression the
# patterns can match in cleaned text, so that a window holds every match it must.
_REACH = 200
_SPACE = re.compile(r"\s")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD_NEEDLE = re.compile(r"[A-Za-z0-9|]+")


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str
    words: frozenset[str]  # needle words, lower case; empty where the needle is a regex
    needle: re.Pattern[str] | None
    pattern: re.Pattern[str]


def _expand(source: str) -> str:
    pieces = _pieces()
    for name, piece in pieces.items():
        source = source.replace(name, piece) if name != "UNIT" else source
    return source.replace("UNIT1", pieces["UNIT1"]).replace("UNIT", pieces["UNIT"])


def _needle_words(spec: str) -> frozenset[str]:
    """The words of a needle such as "MON" or "ago|now": a name stands for its word list."""
    units = list(time_units())
    lists = {
        "MON": months(),
        "WD": _weekdays(),
        "UNIT": [*units, *(u + "s" for u in units), "centuries"],
        "UNIT1": units,
        "SEASON": seasons(),
        "PART": _parts_of_day(),
    }
    return frozenset(w for part in spec.split("|") for w in lists.get(part, [part]))


@cache
def _compiled() -> tuple[_Pattern, ...]:
    out = []
    for kind, spec, source in _SOURCES:
        pattern = re.compile(_expand(source), re.IGNORECASE)
        if _WORD_NEEDLE.fullmatch(spec):
            out.append(_Pattern(kind, _needle_words(spec), None, pattern))
        else:
            out.append(_Pattern(kind, frozenset(), re.compile(spec, re.IGNORECASE), pattern))
    return tuple(out)


def find_candidates(text: str) -> list[Candidate]:
    """Return non-overlapping time expressions in `text`, longest first, in text order."""
    words = _word_index(text)
    found: list[tuple[int, int, Candidate]] = []
    for rank, compiled in enumerate(_compiled()):
        pattern = compiled.pattern
        for match in _matches(compiled, text, words):
            start, end = match.span("t") if "t" in pattern.groupindex else match.span()
            end = _trim(text, start, end)
            if end > start:
                found.append((-(end - start), rank, Candidate(compiled.kind, start, end, match)))
    found.sort(key=itemgetter(0, 1))
    return sorted(_without_overlaps(c for _, _, c in found), key=attrgetter("start"))


def _word_index(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each word of the text stands, by its lower-case form (one scan for every needle)."""
    index: dict[str, list[tuple[int, int]]] = {}
    for word in _LETTERS.finditer(text):
        index.setdefault(word.group().lower(), []).append(word.span())
    return index


def _matches(
    compiled: _Pattern, text: str, words: dict[str, list[tuple[int, int]]]
) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text)` yields, searched only near the pattern's needle.

    Most patterns open with optional modifiers ("the early", "about"), so the regex engine
    tries them at every word of the text: 24 patterns cost a tenth of the reading (#12). A
    match always holds its needle and is shorter than `_REACH`, so it lies inside a window of
    `_REACH` around some needle; scanning the windows in order and going on from the end of
    the last match yields what one scan of the whole text would (checked on every text of
    ../shared/eval).
    """
    if compiled.needle is not None:
        hits = [hit.span() for hit in compiled.needle.finditer(text)]
    else:
        hits = sorted(span for word in compiled.words for span in words.get(word, ()))
    last = 0
    for start, end in _windows(hits, text):
        for match in compiled.pattern.finditer(text, max(start, last), end):
            last = match.end()
            yield match


def _windows(hits: list[tuple[int, int]], text: str) -> Iterator[tuple[int, int]]:
    """Merged spans of `_REACH` characters either side of each needle hit, in text order."""
    current: tuple[int, int] | None = None
    for hit_start, hit_end in hits:
        start, end = max(0, hit_start - _REACH), _space_after(text, hit_end + _REACH)
        if current is not None and start <= current[1]:
            current = (current[0], max(current[1], end))
            continue
        if current is not None:
            yield current
        current = (start, end)
    if current is not None:
        yield current


def _space_after(text: str, at: int) -> int:
    """The first whitespace at or after `at` (else the text's end).

    A window ends where the text has a space: there `\\b` and the patterns' lookaheads read
    the end of the window as the text itself would read the space ("1712" of "17128" is no
    year)."""
    space = _SPACE.search(text, min(at, len(text)))
    return space.start() if space else len(text)


def _without_overlaps(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep each candidate, best first, that overlaps none kept before it.

    The kept spans never overlap, so a bisect on their starts finds the only two that could
    (a scan of every kept span made long texts quadratic)."""
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Candidate] = []
    for cand in candidates:
        at = bisect_left(starts, cand.start)
        if at > 0 and ends[at - 1] > cand.start:
            continue
        if at < len(starts) and starts[at] < cand.end:
            continue
        starts.insert(at, cand.start)
        ends.insert(at, cand.end)
        kept.append(cand)
    return kept


def _trim(text: str, start: int, end: int) -> int:
    # Patterns may end on a space or a comma after an optional part that did not follow.
    while end > start and text[end - 1] in " ,\n\t":
        end -= 1
    return end
