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

import dateparser

from dateline.clean.bylines import parse_byline
from dateline.clean.line_features import DATE_SHAPE, Line

_MESSAGE_FROM = re.compile(r"^an?\s+(?:message|note|word)\s+from\s+(?P<name>.{2,60}?)[.:]?$", re.I)
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[A-Z][^.,|©]{1,60}?)\s*(?:[.,|]|all rights reserved|$)",
    re.I,
)
_TEAM_WORDS = re.compile(r"\s+(?:staff|team|desk|newsroom)$", re.I)
_MAX_NAME_WORDS = 6


def find_publisher(lines: list[Line], labels: dict[int, str]) -> str | None:
    """Return the site's name: the repeated top-and-bottom line, made whole by other shapes."""
    stated = [name for line in lines if (name := _stated_name(line, labels))]
    repeated = _repeated_name(lines, labels)
    if repeated is None:
        return stated[0] if stated else None
    # "Site" at top and bottom, "A message from Site News" below: the longer name is the full one.
    longer = [n for n in stated if n.lower().startswith(repeated.lower()) and n != repeated]
    return min(longer, key=len) if longer else repeated


def _stated_name(line: Line, labels: dict[int, str]) -> str | None:
    for pattern in (_MESSAGE_FROM, _COPYRIGHT):
        match = pattern.match(line.text)
        if match and len(match.group("name").split()) <= _MAX_NAME_WORDS:
            return match.group("name").strip()
    if line.bio and labels.get(line.index) == "bio":
        team = _TEAM_WORDS.sub("", line.bio)
        return team if team != line.bio else None
    if labels.get(line.index) == "byline":
        return parse_byline(line.text)[1]
    return None


def _repeated_name(lines: list[Line], labels: dict[int, str]) -> str | None:
    """A short line that opens the page and comes back after the story: the site's name."""
    body = [line.index for line in lines if labels.get(line.index) == "body"]
    if not body:
        return None
    first, last = body[0], body[-1]
    seen_before = {line.text.lower(): line.text for line in lines if line.index < first}
    for line in lines:
        if line.index <= last or line.words > _MAX_NAME_WORDS or line.chrome:
            continue
        if line.text.lower() in seen_before and line.title_case:
            return seen_before[line.text.lower()]
    return None


def find_stated_date(date_lines: list[Line]) -> date | None:
    """Return the first full date written on one of these short date lines."""
    for line in date_lines:
        match = DATE_SHAPE.search(line.text)
        if match is None:
            continue
        with warnings.catch_warnings():
            # dateparser 1.5 warns about a pytz/zoneinfo detail on some inputs; not ours to fix.
            warnings.simplefilter("ignore", DeprecationWarning)
            parsed: datetime | None = dateparser.parse(match.group(0), languages=["en"])
        if parsed is not None:
            return parsed.date()
    return None
