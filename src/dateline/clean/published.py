"""The day an HTML page was published, given only when the page really states it.

First, a day the page's visible text labels as its publication ("Published 4 March 2031",
"Veröffentlicht am 04.03.2031"; date_lines.py): what the reader is told beats any other date
the page happens to show (a comment's, a teaser's). When several labelled days differ (a list
of other stories, each "published on" its day), only one the page's tags also name counts.
Then candidates, in order of trust: the article's JSON-LD datePublished, publisher <meta>
tags, <time> elements, the date line beside the headline (story_date.py), htmldate's quick
(non-extensive) reading. A candidate is taken when the page also shows that day to its
reader (in its visible text or its URL); the date line is shown by nature. Then a day
labelled as the last update, then the datePublished of a JSON-LD article (not a mere
WebPage), then a labelled day without its year in the year of the page's copyright notice.
When no structured date is shown, htmldate's extensive search may propose one, again only if
the page shows it.

Why not htmldate's extensive search alone (as trafilatura does): it reads copyright lines and
any date on the page, so it dates nearly every undated page (121 of the 123 undated pages of
trafilatura-eval). A wrong publication day misdates every relative time in the story, so we
would rather say "none" and let resolve_times infer it from the text.
"""

from __future__ import annotations

import re
import warnings
from datetime import date
from functools import cache
from typing import Any

import htmldate.extractors
from dateparser.date import DateDataParser
from dateutil.parser import UnknownTimezoneWarning
from htmldate import find_date
from lxml.etree import XPath
from lxml.html import HtmlElement

from dateline.clean.date_lines import labelled_days, month_stems, yearless_day

_ISO_DAY = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_EARLIEST = date(1995, 1, 1)  # no news page in scope predates the web's news sites
# Text of every element but scripts and styles (whose JSON would "show" any date); a test on
# the element itself is several times cheaper than an ancestor test on each text node.
_VISIBLE = XPath("//body/text() | //body//*[not(self::script or self::style)]/text()")
_WINDOW = 40  # characters around a year: enough for "Wednesday, 4 September 2031"
_MAX_WINDOWS = 200  # an archive page repeats its year hundreds of times
_PAGE_TYPES = frozenset({"WebPage", "ItemPage"})


def find_published(
    tree: HtmlElement,
    *,
    ld: dict[str, Any],
    ld_types: set[str],
    stated: list[str],
    url: str | None,
    visible: list[str] | None = None,
    date_line: date | None = None,
) -> date | None:
    """Return the publication day the page states, or None; `stated` holds meta/time values.

    `visible`: the page's visible text nodes, when the caller has them already; `date_line`:
    the day of the date line beside the headline (story_date.py).
    """
    shown_text = f"{url or ''} {' '.join(_VISIBLE(tree) if visible is None else visible)}"
    candidates = [day for value in _values(ld, stated) if (day := iso_day(value))]
    published, updated = (_labelled(days, candidates) for days in labelled_days(shown_text))
    if published:
        return published
    for day in candidates:
        if is_shown(day, shown_text):
            return day
    # The date line beside the headline before htmldate's pick: htmldate takes the first date
    # it meets, which on many pages is the top bar's "today" (story_date.py).
    if date_line:
        return date_line
    # htmldate's quick reading only when the page's own tags named no day it shows: it costs
    # as much as the rest of this module, and a shown tagged day is taken before it anyway.
    quick = _htmldate(tree, extensive=False)
    if quick and (day := iso_day(quick)):
        candidates.append(day)
        if is_shown(day, shown_text):
            return day
    if updated:
        return updated
    ld_day = iso_day(str(ld.get("datePublished", "")))
    if ld_day and ld_types and not ld_types <= _PAGE_TYPES:
        return ld_day
    if yearless := yearless_day(shown_text):
        return yearless
    if candidates:
        return None  # structured dates the page never shows: CMS stamps, not publication
    found = _htmldate(tree, extensive=True)
    day = iso_day(found) if found else None
    return day if day and is_shown(day, shown_text) else None


@cache
def _fallback_parser() -> DateDataParser:
    """htmldate's last-resort date parser, restricted to English (else its own settings).

    htmldate's extensive search hands the strings its patterns cannot read to a dateparser
    parser of every locale. The first string no locale reads makes that parser compile all
    205 locales' patterns: 2 s of CPU and 35 MiB kept for the life of the process, in every
    reading worker, where #12 caps a worker at 500 MB. htmldate has no setting for the
    parser, so we replace its factory (below). The search reaches it rarely (2 strings in the
    1,214 HTML pages of ../shared/eval), and English only read the same day on all of them.
    """
    return DateDataParser(
        languages=["en"],
        settings={
            "NORMALIZE": True, "PARSERS": ["custom-formats", "absolute-time"],
            "PREFER_DATES_FROM": "past", "PREFER_LOCALE_DATE_ORDER": True,
            "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True,
        },
    )  # fmt: skip


htmldate.extractors.get_external_parser = _fallback_parser


def _labelled(days: list[date], candidates: list[date]) -> date | None:
    """The one day the page labels so, or, when it labels several, the one its tags name."""
    if len(set(days)) == 1:
        return days[0]
    return next((day for day in days if day in candidates), None)


def _htmldate(tree: HtmlElement, *, extensive: bool) -> str | None:
    """htmldate's reading of the page's date, as YYYY-MM-DD.

    htmldate hands values such as "2031-03-04 22:30 EDT" to dateutil without `tzinfos`;
    dateutil then warns that it does not know the zone and returns the time as written, with
    no zone. That is the answer we want: we keep the day the publisher wrote, and a zone
    name could only move it to another place's day. So that one warning is expected here and
    says nothing to our user; every other warning still shows.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnknownTimezoneWarning)
        found: str | None = find_date(tree, extensive_search=extensive, original_date=True)
    return found


def _values(ld: dict[str, Any], stated: list[str]) -> list[str]:
    values = [ld.get("datePublished"), *stated, ld.get("dateCreated")]
    return [v for v in values if isinstance(v, str)]


def iso_day(value: str) -> date | None:
    """Return the first ISO day (YYYY-MM-DD) in `value`, or None."""
    match = _ISO_DAY.search(value)
    if not match:
        return None
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return day if day >= _EARLIEST else None


def is_shown(day: date, text: str) -> bool:
    """Return True when `text` writes `day` in a common numeric or month-name form."""
    # Every form holds the four-digit year: search only the few windows around it, not the page.
    year = str(day.year)
    windows = [text[max(0, i - _WINDOW) : i + _WINDOW] for i in _find_all(text, year)]
    return any(p.search(window) for window in windows for p in _day_patterns(day))


def _find_all(text: str, needle: str) -> list[int]:
    found: list[int] = []
    start = text.find(needle)
    while start != -1 and len(found) < _MAX_WINDOWS:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


@cache
def _day_patterns(day: date) -> tuple[re.Pattern[str], ...]:
    d, m, y = rf"0?{day.day}", rf"0?{day.month}", str(day.year)
    month = rf"(?:{'|'.join(map(re.escape, month_stems()[day.month]))})\w*\.?"
    forms = (
        rf"\b{d}\.\s?{m}\.\s?{y}\b",  # 4.3.2031, 04. 03. 2031
        rf"\b{y}[-/.]{m}[-/.]{d}\b",  # 2031-03-04, 2031/3/4
        rf"\b{m}/{d}/{y}\b|\b{d}/{m}/{y}\b",  # 3/4/2031 either way round
        rf"\b{d}(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?{month},?\s+(?:de\s+)?{y}\b",  # 4 March 2031
        rf"\b{month}\s+{d}(?:st|nd|rd|th)?,?\s+{y}\b",  # March 4, 2031
    )
    return tuple(re.compile(form, re.IGNORECASE) for form in forms)
