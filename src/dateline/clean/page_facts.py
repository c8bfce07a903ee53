"""Page-level facts of a plain-text dump: the publisher's name and the date the page states.

The publisher shows in shapes every site uses: its name as a line at the top and again at the
bottom (the logo and the footer), "A message from X" over an appeal, "© 2024 X", an author bio
"The X Staff is a team ...", and a byline's organisation. The stated date is a short line near
the headline holding a full date ("January 17, 2024", "Published 17 Jan 2024 10:02 GMT");
dateparser reads the date itself once the line is found.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime
from functools import cache, lru_cache

from dateparser.date import DateDataParser

from dateline.clean.bylines import parse_byline, wire_services
from dateline.clean.date_lines import labelled_days
from dateline.clean.html_blocks import byline_line
from dateline.clean.line_features import DATE_SHAPE, Line, load_words
from dateline.clean.site_names import is_site_name

_MESSAGE_FROM = re.compile(r"^an?\s+(?:message|note|word)\s+from\s+(?P<name>.{2,60}?)[.:]?$", re.I)
_COPYRIGHT = re.compile(
    r"^(?:(?:copyright|©|\(c\))\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[^.,|©•]{2,60}?)\s*(?:[.,|•]|all rights reserved|$)",
    re.I,
)
_TRAILING_YEAR = re.compile(r"[\s,]+(?:\d{4}(?:\s*[-–]\s*\d{4})?)$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TEAM_WORDS = re.compile(r"\s+(?:staff|team|desk|newsroom)$", re.I)
_MAX_NAME_WORDS = 6


def find_publisher(lines: list[Line], labels: dict[int, str]) -> str | None:
    """Return the site's name, or None; never a site control's label.

    A name the page states ("A message from X", "The X Staff is ...", "© 2031 X", a byline's
    outlet) is trusted in that order. A short line at both the top and the bottom of the page
    (logo and footer) is taken only when something vouches for it: a stated name that it
    opens, or, when the page states none, an outlet's shape ("... News", "... Times").
    Menus and share bars repeat at top and bottom too ("Share on LinkedIn", "Help and
    Contact Us"), so repetition alone says little.
    """
    stated = sorted(
        (found for line in lines if (found := _stated_name(line, labels))), key=lambda f: f[0]
    )
    names = [name for _rank, name in stated]
    for repeated in _repeated_names(lines, labels):
        vouched = [n for n in names if _same_name(repeated, n)]
        if vouched or (not names and _is_outlet_name(repeated)):
            # "Site" at top and bottom, "A message from Site News": the longer name is whole.
            return max([repeated, *vouched], key=len)
    return names[0] if names else None


def _same_name(short: str, name: str) -> bool:
    """ "All Example" and "All Example News": one name opens the other at a word boundary."""
    a, b = sorted((short.lower(), name.lower()), key=len)
    return b == a or b.startswith(f"{a} ")


def _stated_name(line: Line, labels: dict[int, str]) -> tuple[int, str] | None:
    """(rank, name) of a name the line states; lower ranks are surer."""
    found: tuple[int, str | None] = (9, None)
    if match := _MESSAGE_FROM.match(line.text):
        found = (0, match.group("name").strip())
    elif line.bio and labels.get(line.index) == "bio":
        team = _TEAM_WORDS.sub("", line.bio)
        found = (1, team if team != line.bio else None)
    elif match := _COPYRIGHT.match(line.text):
        found = (2, _company_name(match.group("name")))
    elif labels.get(line.index) == "byline" and byline_line().match(line.text):
        found = (3, _outlet_of(parse_byline(line.text)[1] or ""))
    rank, name = found
    return (rank, name) if name and is_site_name(name) else None


def _outlet_of(organisation: str) -> str | None:
    """A byline's organisation when it is an outlet; "JANE DOE Associated Press" -> the wire."""
    words = organisation.split()
    wires = wire_services()
    for start in range(len(words)):
        if " ".join(words[start:]).lower() in wires:
            return " ".join(words[start:])
    return organisation if organisation and _is_outlet_name(organisation) else None


def copyright_holder(texts: list[str]) -> str | None:
    """The name in the page's last "© 2031 Name" text: the footer's, not a photo credit's."""
    for position in range(len(texts) - 1, -1, -1):
        text = texts[position].strip()
        if not text.startswith(("©", "(c)", "Copyright", "copyright")):
            continue
        # "©" and the name are often two nodes: <span>©</span> 2031 Example Daily
        following = texts[position + 1] if position + 1 < len(texts) else ""
        joined = " ".join(f"{text} {following}".split())
        match = _COPYRIGHT.match(joined)
        # A bare "Copyright" is often a link label ("Copyright | FAQ"); a notice has © or a year.
        stated = "©" in joined or _YEAR.search(joined)
        name = _company_name(match.group("name")) if match and stated else ""
        if name and is_site_name(name):
            return name
    return None


def _company_name(name: str) -> str:
    """ "Example Media Ltd 2031" -> "Example Media": the name without year and legal form."""
    name = _TRAILING_YEAR.sub("", name.strip())
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in load_words("company_suffixes.txt"):
        words.pop()
    return " ".join(words).rstrip(",")


def _is_outlet_name(name: str) -> bool:
    """ "Harbour Courier", "Example News", "Reuters": a name shaped like a news outlet's."""
    if name.lower() in wire_services():
        return True
    last = name.split()[-1].lower() if name.split() else ""
    return len(name.split()) > 1 and last in load_words("outlet_words.txt")


def _repeated_names(lines: list[Line], labels: dict[int, str]) -> list[str]:
    """Short lines that open the page and come back after the story, page order."""
    body = [line.index for line in lines if labels.get(line.index) == "body"]
    if not body:
        return []
    first, last = body[0], body[-1]
    seen_before = {line.text.lower(): line.text for line in lines if line.index < first}
    found: list[str] = []
    for line in lines:
        if line.index <= last or line.words > _MAX_NAME_WORDS or line.chrome:
            continue
        name = seen_before.get(line.text.lower())
        if name and line.title_case and is_site_name(name) and name not in found:
            found.append(name)
    return found


def find_stated_date(date_lines: list[Line], headline: int | None = None) -> date | None:
    """Return the full date of the date line that belongs to the story, or None."""
    line = find_date_line(date_lines, headline)
    return _line_day(line) if line else None


def find_date_line(date_lines: list[Line], headline: int | None = None) -> Line | None:
    """Return the date line that belongs to the story (one with a full date), or None.

    A page often shows two: today's date in its top bar (the day it was saved) and the
    story's own date beside the headline. So the line nearest the headline counts first; a
    line labelled as an update ("Updated 5 March") only when no other line gives a day.
    """
    anchor = headline if headline is not None else 0
    ordered = sorted(date_lines, key=lambda line: (_is_update_line(line), abs(line.index - anchor)))
    return next((line for line in ordered if _line_day(line) is not None), None)


def _is_update_line(line: Line) -> bool:
    """The line's first date follows an update label: "Updated 5 March 2031 10:02"."""
    match = DATE_SHAPE.search(line.text)
    published, updated = labelled_days(line.text[: match.end()] if match else line.text)
    return bool(updated) and not published


def _line_day(line: Line) -> date | None:
    match = DATE_SHAPE.search(line.text)
    return _day_of(match.group(0)) if match else None


@lru_cache(maxsize=1024)  # a page's date lines are asked for by several of its facts
def _day_of(stamp: str) -> date | None:
    with warnings.catch_warnings():
        # dateparser 1.5 warns about a pytz/zoneinfo detail on some inputs; not ours to fix.
        warnings.simplefilter("ignore", DeprecationWarning)
        parsed: datetime | None = _english_dates().get_date_data(stamp).date_obj
    return parsed.date() if parsed is not None else None


@cache
def _english_dates() -> DateDataParser:
    """The parser `dateparser.parse(s, languages=["en"])` builds anew on every call: the
    building was most of the time this module took (#12)."""
    return DateDataParser(languages=["en"])
