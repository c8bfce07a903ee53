"""Calendar arithmetic for the times layer: months, ISO weeks, seasons, modifiers.

Written here because the standard library has no month shift or period bounds and the
layer needs only these few.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

Span = tuple[date, date]


def shift_months(day: date, months: int) -> date:
    """Return `day` moved by whole months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def month_span(year: int, month: int) -> Span:
    """Return the first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_span(year: int) -> Span:
    """Return the first and last day of a year."""
    return date(year, 1, 1), date(year, 12, 31)


def week_span(day: date) -> Span:
    """Return the Monday and Sunday of the ISO week holding `day`."""
    monday = day - timedelta(days=day.isoweekday() - 1)
    return monday, monday + timedelta(days=6)


def week_value(day: date) -> str:
    """Return the TIMEX3 value of the ISO week holding `day`: "2024-W02"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_span(year: int, quarter: int) -> Span:
    """Return the first and last day of a calendar quarter."""
    first = month_span(year, 3 * quarter - 2)[0]
    return first, month_span(year, 3 * quarter)[1]


def season_span(year: int, first: int, last: int) -> Span:
    """Return a season's days; winter (December to February) runs into the next year."""
    end_year = year + 1 if last < first else year
    return month_span(year, first)[0], month_span(end_year, last)[1]


def clip(span: Span, mod: str | None) -> Span:
    """Return the part of a period a modifier names: early, mid, late, end of, ..."""
    if not mod:
        return span
    word = mod.lower().replace("the ", "").split()[0]
    first, last = span
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        months = _YEAR_PARTS.get(word)  # a year by its months: late 2022 is Sep..Dec
        if months is None:
            return span
        return month_span(first.year, months[0])[0], month_span(first.year, months[1])[1]
    days = (last - first).days + 1
    if days <= 31:
        # Months by the day of the month: early 1-10, mid 11-20, late from the 20th, as in
        # the gold reading's "late November" (20..30) and common newsroom usage.
        cuts = {"early": (0, 9), "mid": (10, 19), "middle": (10, 19), "late": (19, days - 1),
                "end": (days - 10, days - 1), "beginning": (0, 9), "start": (0, 9)}  # fmt: skip
    else:
        third = days // 3
        cuts = {"early": (0, third - 1), "mid": (third, 2 * third - 1),
                "middle": (third, 2 * third - 1), "late": (2 * third, days - 1),
                "end": (days - days // 6, days - 1), "beginning": (0, days // 6 - 1),
                "start": (0, days // 6 - 1)}  # fmt: skip
    cuts |= {"first": (0, days // 2 - 1), "second": (days // 2, days - 1)}
    cut = cuts.get(word)
    if cut is None:
        return span
    return first + timedelta(days=cut[0]), first + timedelta(days=cut[1])


_YEAR_PARTS = {
    "early": (1, 4), "mid": (5, 8), "middle": (5, 8), "late": (9, 12), "end": (11, 12),
    "beginning": (1, 2), "start": (1, 2), "first": (1, 6), "second": (7, 12),
}  # fmt: skip


def pick_year(month: int, day: int, ref: date, tense: str) -> int | None:
    """Return the year that puts month/day in the past, future or nearest to `ref`."""
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if tense == "past":
        chosen = max((d for d in options if d <= ref), default=None)
    elif tense == "future":
        chosen = min((d for d in options if d >= ref), default=None)
    else:
        chosen = min(((abs((d - ref).days), d) for d in options), default=(0, None))[1]
    return chosen.year if chosen else None


# A date written without a year that comes again this many days after publication is the
# coming one even in a clause read as past: news names an upcoming day ("the election due
# on January 8", written in late December) without a year, and a day gone by eleven months
# with one. Tense is read from the parse and often misses adjectival futures ("set for",
# "due on"); the calendar settles what it cannot.
UPCOMING_DAYS = 45


def upcoming_instead(day: date, ref: date) -> date | None:
    """Return `day` a year later when that comes within UPCOMING_DAYS after `ref`."""
    later = shift_months(day, 12)
    return later if day < ref < later <= ref + timedelta(days=UPCOMING_DAYS) else None


def upcoming_month_instead(year: int, month: int, ref: date) -> int | None:
    """Return the next year for a month read as past when it is the month after `ref`'s."""
    later = shift_months(date(year, month, 1), 12)
    return later.year if later == shift_months(ref.replace(day=1), 1) else None


def current_season(ref: date, first: int, last: int) -> int | None:
    """Return the year a season holding `ref` began in, or None when `ref` is outside it."""
    for year in (ref.year - 1, ref.year):
        start, end = season_span(year, first, last)
        if start <= ref <= end:
            return year
    return None


def pick_month_year(month: int, ref: date, tense: str, rel: str | None) -> int:
    """Return the year of a bare month: "last June", "in August" (past), "in May" (future)."""
    rel = (rel or "").lower().split()[-1] if rel else ""
    if rel == "this":
        return ref.year
    if rel in ("last", "past", "previous") or (not rel and tense == "past"):
        return ref.year if month < ref.month or (month == ref.month and not rel) else ref.year - 1
    if rel in ("next", "coming", "following") or tense == "future":
        return ref.year if month > ref.month or (month == ref.month and not rel) else ref.year + 1
    # Present tense: the nearest such month ("worth $1 million in October", said in January).
    ahead = (month - ref.month) % 12
    return (
        ref.year + (1 if month < ref.month else 0) if ahead <= 6 else ref.year - (month > ref.month)
    )


def pick_weekday(weekday: int, ref: date, tense: str, rel: str | None) -> date:
    """Return the day a weekday name points to from `ref`, by its modifier or the tense."""
    rel = (rel or "").lower().split()[-1] if rel else ""
    back = (ref.isoweekday() - weekday) % 7  # days back to the latest such weekday
    if rel in ("last", "past", "previous"):
        return ref - timedelta(days=back or 7)
    if rel in ("next", "coming", "following"):
        return ref + timedelta(days=(7 - back) % 7 or 7)
    if rel == "this":
        return week_span(ref)[0] + timedelta(days=weekday - 1)
    if tense == "future":
        return ref + timedelta(days=(7 - back) % 7)  # "will meet Friday", said on a Friday: today
    if tense == "present" and back > 3:
        return ref + timedelta(days=7 - back)
    return ref - timedelta(days=back)
