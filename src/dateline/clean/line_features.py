"""Features of one line of a plain-text page dump, for the line classifier in lines.py.

Each feature is a general shape of web-page text, not a phrase of any one page: how long the
line is, how it ends, whether it stands alone between blank lines, whether it repeats, whether
it opens with an appeal verb or a link-list head, and whether it has the shape of a photo
credit, a caption, a byline, an author bio or a date. The vocabularies are data files beside
this module (appeal_cues.txt, link_list_heads.txt, chrome_words.txt, credit_heads.txt).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from dateline.clean.bylines import parse_byline
from dateline.clean.captions import split_credit

_HERE = Path(__file__).parent
_SENTENCE_END = re.compile(r"[.!?…]['\"’”)\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# "(AP Photo/Jane Doe)", "REUTERS/Jane Doe", "(AP: Jane Doe)" standing alone or ending a line.
_BRACKET_CREDIT = re.compile(r"\((?:[A-Z][\w.&-]*\s?){1,3}(?:Photo|Images?)?\s?[:/][^()]{2,60}\)$")
# "Jane Doe is a reporter for X", "The X Staff is a team of journalists in Y".
_BIO = re.compile(
    r"^(?:The\s)?(?P<who>[A-Z][\w'’.&-]*(?:\s[A-Z][\w'’.&-]*){0,6})\s(?:is|are)\s"
    r"(?:a|an|the|our)\s[^.]{0,120}?\b(?:journalists?|reporters?|correspondents?|writers?|"
    r"editors?|team|staff|contributors?|columnists?|authors?|photographers?|producers?)\b"
)
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # "Jan.", "January"
DATE_SHAPE = re.compile(
    rf"\b(?:\d{{1,2}}\s{_MONTHS},?\s\d{{4}}|{_MONTHS}\s\d{{1,2}},?\s\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\b",
    re.IGNORECASE,
)
_MAX_DATE_WORDS = 12
_LINK_HEAD_WORDS = 5
_APPEAL_MAX_WORDS = 40  # calibrated on news-sample: appeals are one or two sentences
_PROSE_MIN_WORDS = 8
_LONG_LINE_WORDS = 25  # a line this long is prose even when its full stop was lost


@cache
def load_words(name: str) -> tuple[str, ...]:
    """Return the lower-cased entries of a word-list file beside this module, longest first."""
    lines = (_HERE / name).read_text(encoding="utf-8").splitlines()
    entries = {s.lower() for line in lines if (s := line.strip()) and not s.startswith("#")}
    return tuple(sorted(entries, key=len, reverse=True))


@cache
def _word_set(name: str) -> frozenset[str]:
    """The list's entries as a set: asked once per line, a tuple scan was linear (#12)."""
    return frozenset(load_words(name))


@cache
def _opening(name: str) -> re.Pattern[str]:
    """A pattern matching any of the list's entries at the start of a line, as whole words.

    One regex instead of a loop over every entry for every line: the text dumps' lines asked
    783,000 `startswith` of the cue lists, the clean stage's largest cost (#12).
    """
    cues = "|".join(re.escape(cue) for cue in load_words(name)) or "(?!)"
    return re.compile(rf"(?:{cues})(?![^\W_])")  # then no letter or digit: a whole word


@dataclass(frozen=True, kw_only=True)
class Line:
    """One non-blank line of the page and its shape."""

    index: int  # position among the non-blank lines
    text: str  # stripped, with runs of white space collapsed
    indent: int  # leading spaces (tabs count 4): dumps indent widget and sidebar text
    isolated: bool  # a blank line above and below: a heading or paragraph, not a list item
    words: int
    sentence_end: bool  # ends with . ! ? (after any closing quote or bracket)
    title_case: bool  # most words of four letters or more start upper case
    repeats: int  # how many lines of the page have the same text
    appeal: bool  # opens with an appeal cue ("Donate", "Sign up", "Help us")
    link_head: bool  # a link-list head ("Popular Articles") or "Related Story: ..." prefix
    chrome: bool  # a whole-line menu, share or cookie word ("Menu", "Share", "Privacy Policy")
    credit: str | None  # the photo credit this line ends with (or is)
    caption_label: bool  # starts with "Photo:", "Image:", "Caption:" ...
    bio: str | None  # who an author bio is about: "X Staff" in "The X Staff is a team ..."
    date_like: bool  # short and holds a full date: a dateline or "Published ..." line

    @cached_property
    def byline(self) -> bool:
        """parse_byline reads names or an organisation from it.

        Read only when a rule asks (the byline parse was a third of the clean stage on text
        dumps, and most lines are prose no rule asks it of)."""
        return any(parse_byline(self.text))

    @property
    def prose(self) -> bool:
        """A paragraph of running text: long enough and ending like a sentence."""
        if self.appeal or self.link_head or self.chrome or self.bio or self.credit:
            return False
        return (self.sentence_end and self.words >= _PROSE_MIN_WORDS) or (
            self.words >= _LONG_LINE_WORDS
        )


def read_lines(text: str) -> list[Line]:
    """Return the non-blank lines of a page dump with their features."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blank = [not line.strip() for line in raw]
    counts: dict[str, int] = {}
    for line in raw:
        key = _key(line)
        counts[key] = counts.get(key, 0) + 1
    lines: list[Line] = []
    for position, line in enumerate(raw):
        if blank[position]:
            continue
        above = position == 0 or blank[position - 1]
        below = position == len(raw) - 1 or blank[position + 1]
        lines.append(_features(line, len(lines), above and below, counts[_key(line)]))
    return lines


_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _key(line: str) -> str:
    """Lines compare equal whatever their spacing, case and quote marks."""
    return " ".join(line.split()).lower().translate(_QUOTES)


def _features(raw: str, index: int, isolated: bool, repeats: int) -> Line:
    text = " ".join(raw.split())
    words = _WORD.findall(text)
    long_words = [w for w in words if len(w) >= 4]
    lowered = text.lower()
    return Line(
        index=index,
        text=text,
        indent=len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip()),
        isolated=isolated,
        words=len(words),
        sentence_end=bool(_SENTENCE_END.search(text)),
        title_case=bool(long_words)
        and 2 * sum(w[0].isupper() for w in long_words) > len(long_words),
        repeats=repeats,
        appeal=len(words) <= _APPEAL_MAX_WORDS and _starts_with(lowered, "appeal_cues.txt"),
        link_head=_is_link_head(lowered),
        chrome=lowered.strip(" .:|>»›•·-–—") in _word_set("chrome_words.txt"),
        credit=_credit(text),
        caption_label=_starts_with(lowered, "credit_heads.txt") and ":" in text[:30],
        bio=_bio(text),
        date_like=len(words) <= _MAX_DATE_WORDS and bool(DATE_SHAPE.search(text)),
    )


def _starts_with(lowered: str, list_name: str) -> bool:
    """True when the line opens with one of the list's entries as whole words."""
    return _opening(list_name).match(lowered) is not None


def _is_link_head(lowered: str) -> bool:
    head = lowered.strip(" :|>»›•·-–—")
    if head in _word_set("link_list_heads.txt"):
        return True
    # "More from <site>", "Latest from <section>": a head that names where the links go.
    if len(head.split()) <= _LINK_HEAD_WORDS and _starts_with(head, "link_list_heads.txt"):
        return True
    prefix, colon, rest = lowered.partition(":")
    return bool(colon and rest.strip()) and prefix.strip() in _word_set("link_list_heads.txt")


def _credit(text: str) -> str | None:
    """The photo credit that ends this line or that the whole line is."""
    bracket = _BRACKET_CREDIT.search(text)
    if bracket:
        return bracket.group(0).strip("()")
    _caption, credit = split_credit(text)
    return credit


def _bio(text: str) -> str | None:
    match = _BIO.match(text)
    if match is None or len(text.split()) > _APPEAL_MAX_WORDS:
        return None
    return match.group("who")
