"""The day a page writes beside a label: "Published 4 March 2031", "Stand: 04.03.2031".

A date a page labels as its publication (or last update) is the one its reader is told; a
date merely shown somewhere (a comment's, a sidebar's, one the story mentions) is not. So
published.py takes a labelled day before any other shown date. No library reads these
labels (htmldate looks for dates, not for what the page calls them), hence this module.
The labels are data (date_labels.yaml); the month names are month_names.tsv.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

_AFTER_LABEL = 44  # a label's date, with a weekday before it: "Monday, 4 September 2031"
# What may stand between an unlabelled date and the update label after it: a time, a zone
# and a separator ("4 March 2031 18:22 GMT | Updated ...").
_BEFORE_UPDATE = re.compile(
    r"(?:\s*(?:at\s*)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?[\s|·•,;()/-]*$",
    re.IGNORECASE,
)


def labelled_days(text: str) -> tuple[list[date], list[date]]:
    """Return the days written after publication labels and after update labels, in order.

    More than one distinct day under one kind of label is a list of other stories, each
    with its own "published on" line; published.py then trusts none it cannot confirm.
    Many sites write the first day bare and label only the update ("4 March 2031 18:22 |
    Updated 5 March 2031"): a bare day right before an update label counts as published.
    """
    published: list[date] = []
    updated: list[date] = []
    for match in _label_pattern().finditer(text):
        day = _first_day(text[match.end() : match.end() + _AFTER_LABEL])
        if day is None:
            continue
        if match.group("published"):
            published.append(day)
            continue
        updated.append(day)
        first = _day_just_before(text[max(0, match.start() - _AFTER_LABEL) : match.start()])
        if first is not None and first <= day and first not in published:
            published.append(first)
    return published, updated


def _day_just_before(snippet: str) -> date | None:
    """The date that ends `snippet`, give or take a time and a separator, or None."""
    for pattern in _date_patterns():
        for match in pattern.finditer(snippet):
            if _BEFORE_UPDATE.match(snippet, match.end()):
                return _day(match)
    return None


@cache
def _hints() -> dict[str, Any]:
    text = (Path(__file__).parent / "date_labels.yaml").read_text(encoding="utf-8")
    hints: dict[str, Any] = yaml.safe_load(text)
    return hints


@cache
def _label_pattern() -> re.Pattern[str]:
    hints = _hints()

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    published, updated = (
        alternation(hints["published_labels"]),
        alternation(hints["updated_labels"]),
    )
    joins = alternation(hints["label_joins"])
    return re.compile(
        rf"(?<!\w)(?:(?P<published>{published})|(?P<updated>{updated}))"
        rf"(?:\s*(?:{joins}))*\s*(?=\S)",
        re.IGNORECASE,
    )


def _first_day(snippet: str) -> date | None:
    """The date at the start of `snippet` (a weekday may come first), in a common form."""
    for pattern in _date_patterns():
        match = pattern.match(snippet)
        if match:
            return _day(match)
    return None


@cache
def _date_patterns() -> tuple[re.Pattern[str], ...]:
    month = "|".join(stem for stems in month_stems().values() for stem in stems)
    weekday = r"(?:[^\W\d]+,?\s+)?"  # "Monday, ", "Mo., "
    forms = (
        r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d\d)\b",  # 4.3.2031
        r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b",  # 2031-03-04
        rf"(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th|er)?\s+(?:de\s+)?(?P<mn>(?:{month})[^\W\d]*)\.?,?"
        rf"\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)\b",  # 4 March 2031, 4. März 2031
        rf"(?P<mn>(?:{month})[^\W\d]*)\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
        rf"(?P<y>(?:19|20)\d\d)\b",  # March 4, 2031
    )
    return tuple(re.compile(weekday + form, re.IGNORECASE) for form in forms)


def _day(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = int(groups["m"]) if groups.get("m") else _month_number(groups["mn"])
    try:
        return date(int(groups["y"]), month, int(groups["d"])) if month else None
    except ValueError:
        return None


def _month_number(name: str) -> int | None:
    name = name.lower()
    for number, stems in month_stems().items():
        if any(name.startswith(stem) for stem in stems):
            return number
    return None


@cache
def month_stems() -> dict[int, tuple[str, ...]]:
    """Month number -> the stems its names start with in each language (month_names.tsv)."""
    path = Path(__file__).parent / "month_names.tsv"
    stems: dict[int, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            number, words = line.split("\t")
            stems[int(number)] = tuple(words.split())
    return stems


# A date line's furniture besides its date: a clock, a zone, separators ("1:23 p.m.",
# "| 10:11am", "- 6:11 PM", "7:51 PM CST", "at 07:52 AM").
_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)|(?-i:\b[A-Z]{2,4}\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_RANGE_START = re.compile(r"\d\s*[-–]\s*$")
DATE_LINE_MAX_CHARS = 90
# Words a date line may hold besides its labels: "This story is from ...", "Posted by X".
DATE_LINE_OTHER_WORDS = 4


def is_date_line(text: str) -> bool:
    """Return True when `text` is a short line that is mostly a full date and its labels."""
    if len(text) > DATE_LINE_MAX_CHARS or not _YEAR.search(text):
        return False  # every full date writes its year: a cheap test before the patterns
    match = next((m for p in _date_patterns() if (m := p.search(text))), None)
    if match is None:
        return False
    if _RANGE_START.search(text[: match.start()]):
        return False  # "9-23 Feb 2031": an event's days, not the page's
    rest = _CLOCK.sub(" ", f"{text[: match.start()]} {text[match.end() :]}")
    if {w.lower() for w in _WORD.findall(text)} & _not_stamp_words():
        return False
    return len(_WORD.findall(_label_pattern().sub(" ", rest))) <= DATE_LINE_OTHER_WORDS


@cache
def _not_stamp_words() -> frozenset[str]:
    return frozenset(str(w) for w in _hints()["not_stamp_words"])


def find_day(text: str) -> date | None:
    """Return the day `text` labels as published, else the first full date it writes."""
    published, _updated = labelled_days(text)
    if published:
        return published[0]
    for pattern in _date_patterns():
        if (match := pattern.search(text)) and (day := _day(match)):
            return day
    return None


def is_update_line(text: str) -> bool:
    """Return True when the first date of `text` follows an update label ("Updated 5 March")."""
    published, updated = labelled_days(text)
    return bool(updated) and not published


# A day without its year after a label: "Last Update: 1/01 1:10 pm", "Posted March 4". Either
# order of a numeric day is taken only when both readings agree or one is no day.
_YEARLESS = (
    re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![/\d])"),
    re.compile(r"(?:[^\W\d]+,?\s+)?(?P<mn>[^\W\d]{3,})\.?\s+(?P<d>\d{1,2})\b(?![,\s]*\d{4})"),
    re.compile(r"(?:[^\W\d]+,?\s+)?(?P<d>\d{1,2})\.?\s+(?P<mn>[^\W\d]{3,})\b(?![,\s]*\d{4})"),
)


def labelled_yearless(text: str) -> list[tuple[int, int]]:
    """Return (month, day) for each label followed by a day written without its year."""
    found: list[tuple[int, int]] = []
    for match in _label_pattern().finditer(text):
        snippet = text[match.end() : match.end() + _AFTER_LABEL]
        for pattern in _YEARLESS:
            if (day := pattern.match(snippet)) and (pair := _month_day(day)):
                found.append(pair)
                break
    return found


def _month_day(match: re.Match[str]) -> tuple[int, int] | None:
    groups = match.groupdict()
    if groups.get("mn"):
        month = _month_number(groups["mn"])
        return (month, int(groups["d"])) if month and 1 <= int(groups["d"]) <= 31 else None
    a, b = int(groups["a"]), int(groups["b"])
    readings = {(m, d) for m, d in ((a, b), (b, a)) if 1 <= m <= 12 and 1 <= d <= 31}
    return readings.pop() if len(readings) == 1 else None


_OPENING_DASH = re.compile(r"\s*[–—-]+\s")


def opening_day(paragraph: str) -> date | None:
    """Return the full date that opens a story's first paragraph before a dash, or None.

    "16 January 2031 – The Security Council today ...": a dateline of a date and no place,
    as UN News writes it, dates the story as a place dateline's date does.
    """
    for pattern in _date_patterns():
        match = pattern.match(paragraph)
        if match and _OPENING_DASH.match(paragraph, match.end()):
            return _day(match)
    return None


_COPYRIGHT_YEAR = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*[-–]\s*)?(?P<year>(?:19|20)\d\d)\b", re.I
)


def yearless_day(text: str) -> date | None:
    """A labelled day without its year ("Last Update: 1/01 1:10 pm") in the year of the page's
    latest copyright notice ("Copyright 2008 Reuters"): a page states its copyright for the
    year it was served, and a stamp leaves the year out when it is the current one."""
    days = set(labelled_yearless(text))
    years = [int(m.group("year")) for m in _COPYRIGHT_YEAR.finditer(text)]
    if len(days) != 1 or not years:
        return None
    month, day = days.pop()
    try:
        return date(max(years), month, day)
    except ValueError:
        return None
