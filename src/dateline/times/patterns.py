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


# (kind, pattern); on overlap the longest match wins, then the earlier kind in this list.
_SOURCES: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)\b"),
    ("numeric", r"\b(?P<mon>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d\d)\b"),
    (
        "clock",
        r"\b(?P<clock>CLOCK)(?:\s+(?P<tz>TZ))?(?:,?\s+(?P<wd>WD)|"
        r"\s+(?P<deixis>yesterday|today|tomorrow|tonight))?(?=\s+on\s+(?P<wd_on>WD))?",
    ),
    (
        "date",
        r"\b(?:(?P<wd>WD),?\s+)?(?P<mon>MON)\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
        r"(?!:\d|\.\d|,\d)(?:,?\s+(?P<year>YEAR))?",
    ),
    (
        "date",
        r"\b(?:(?P<wd>WD),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+"
        r"(?:of\s+)?(?P<mon>MON)(?:,?\s+(?P<year>YEAR))?",
    ),
    (
        "month",
        r"\b(?:(?P<mod>MOD)[\s-]*)?(?:(?P<rel>REL)\s+)?(?P<mon>MON)"
        r"(?:,?\s+(?:of\s+)?(?P<year>YEAR)|\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)?",
    ),
    (
        "quarter",
        r"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+"
        r"(?:fiscal\s+)?quarter\b(?:\s+of\s+(?P<year>YEAR))?",
    ),
    (
        "season",
        r"\b(?:(?P<mod>MOD)[\s-]*)?(?:(?P<rel>REL|the)\s+)?(?P<season>SEASON)"
        r"(?:\s+(?:of\s+)?(?P<year>YEAR))?",
    ),
    ("decade", r"\b(?:(?P<mod>MOD)[\s-]*)?(?:the\s+)?(?P<decade>(?:1[6-9]|20)\d)0'?s\b"),
    ("century", r"\b(?:the\s+)?(?P<century>1\d|20|21)(?:st|nd|rd|th)[\s-]+century\b"),
    (
        "year",
        r"\b(?:(?P<mod>MOD)[\s-]*)?(?:(?P<fiscal>fiscal(?:\s+year)?)\s+)?(?P<year>YEAR)"
        r"(?!\s*(?:%|percent|per\s+cent)|,\d|\.\d)",
    ),
    (
        "weekday",
        r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?:(?P<rel>REL)\s+)?(?P<wd>WD)"
        r"(?:\s+(?P<part>PART))?",
    ),
    (
        "deixis",
        r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<deixis>yesterday|today|tomorrow|"
        r"tonight)(?:\s+(?P<part>PART))?\b",
    ),
    ("deixis", r"\b(?:(?P<mod>earlier|later)\s+)?(?P<deixis>this|last)\s+(?P<part>PART)"),
    (
        "ref",
        r"\b(?P<ref>now|currently|the\s+past|the\s+future|at\s+the\s+time|recently|"
        r"previously)\b"
        r"(?![\s-]+(?:-|defunct|famous|notorious|that|is|was))",
    ),
    ("relative", r"\b(?:(?P<mod>MOD)\s+)?(?:the\s+)?(?P<rel>REL)\s+(?:fiscal\s+)?(?P<unit>UNIT1)"),
    ("relative", r"\b(?P<mod>MOD)\s+(?P<rel>the)\s+(?P<unit>UNIT1)"),
    (
        "ago",
        r"\b(?:(?P<approx>APPROX)\s+)?(?P<num>NUM|VAGUE)[\s-]+(?P<unit>UNIT)\s+"
        r"(?P<dir>ago|from\s+now|hence|earlier|later)\b",
    ),
    (
        "since",
        r"\b(?P<num>NUM)\s+(?P<unit>UNIT)\s+since\s+(?:(?:his|her|its|their|the)\s+)?"
        r"(?-i:[a-z]+)\b",
    ),
    (
        "fuzzy",
        r"\b(?P<fuzzy>recent|the\s+coming|the\s+next\s+few|the\s+past\s+few|"
        r"the\s+last\s+few|the\s+past\s+several|the\s+next\s+several|coming)\s+(?P<unit>UNIT)",
    ),
    (
        "duration",
        r"\b(?:the\s+(?:(?P<rel>REL|first)\s+)?)?(?:(?P<approx>APPROX)\s+)?"
        r"(?P<num>NUM|VAGUE)(?P<hyphen>[\s-]+)(?P<unit>UNIT)(?![\s-]+old\b)",
    ),
    ("set", r"\b(?P<every>every|each)\s+(?:other\s+)?(?P<unit>UNIT1|WD|SEASON|PART)"),
    ("set", r"\b(?P<adverb>daily|weekly|monthly|annually|yearly|nightly|hourly)\b"),
    (
        "plural",
        r"\b(?:for|over|within|in|after|take|took|taken|lasted|spent)\s+"
        r"(?P<t>(?P<unit>years|months|weeks|days|decades|hours|minutes))\b",
    ),
)


@cache
def _compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    pieces = _pieces()
    out = []
    for kind, source in _SOURCES:
        for name, piece in pieces.items():
            source = source.replace(name, piece) if name != "UNIT" else source
        source = source.replace("UNIT1", pieces["UNIT1"]).replace("UNIT", pieces["UNIT"])
        out.append((kind, re.compile(source, re.IGNORECASE)))
    return tuple(out)


def find_candidates(text: str) -> list[Candidate]:
    """Return non-overlapping time expressions in `text`, longest first, in text order."""
    found: list[tuple[int, int, Candidate]] = []
    for rank, (kind, pattern) in enumerate(_compiled()):
        for match in pattern.finditer(text):
            start, end = match.span("t") if "t" in pattern.groupindex else match.span()
            end = _trim(text, start, end)
            if end > start:
                found.append((-(end - start), rank, Candidate(kind, start, end, match)))
    found.sort(key=itemgetter(0, 1))
    taken: list[Candidate] = []
    for _, _, cand in found:
        if all(cand.end <= c.start or cand.start >= c.end for c in taken):
            taken.append(cand)
    return sorted(taken, key=attrgetter("start"))


def _trim(text: str, start: int, end: int) -> int:
    # Patterns may end on a space or a comma after an optional part that did not follow.
    while end > start and text[end - 1] in " ,\n\t":
        end -= 1
    return end
