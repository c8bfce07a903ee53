"""Resolve absolute and deictic expressions: dates, months, years, weekdays, "today".

`ref` is the reference day (the publication day, or TempEval's document creation time);
`tense` is the tense of the clause the expression sits in (tense.py). Absolute dates go
through dateparser. The relative and interval logic is ours: dateparser returns one point
in time, not the days an expression covers ("last week" is Monday..Sunday, "late November"
the 20th to the 30th), and it has no notion of reporting tense ("said on Tuesday" is the
Tuesday before, "will meet on Tuesday" the one after).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from dateline.times import calendar as cal
from dateline.times.lexicon import months, parts_of_day, past_leads, seasons, weekdays
from dateline.times.patterns import Candidate
from dateline.times.timex import Context, Resolved, Resolver
from dateline.times.timex import span as _span


def _month(cand: Candidate) -> int:
    return months()[(cand.part("mon") or "").lower().rstrip(".")]


def _day_value(day: date) -> str:
    return day.isoformat()


def _numeric(cand: Candidate, ctx: Context) -> Resolved | None:
    year, month, day = (int(cand.part(p) or 0) for p in ("year", "mon", "day"))
    if year < 100:
        year += 2000 if year < 50 else 1900
    try:
        day_ = date(year, month, day)
    except ValueError:
        return None
    return _span(day_, day_, _day_value(day_))


def _date(cand: Candidate, ctx: Context) -> Resolved | None:
    month, day = _month(cand), int(cand.part("day") or 0)
    if not 1 <= day <= 31:
        return None
    if cand.part("year"):
        found = _parse(" ".join(cand.match.group(0).split()), None, "past")
        return _span(found, found, _day_value(found)) if found else None
    if ctx.ref is None:
        return Resolved(None, None, f"XXXX-{month:02d}-{day:02d}")
    found = _parse(f"{cand.part('mon')} {day}", ctx.ref, ctx.tense)
    if found is None:
        return None
    if ctx.tense != "future" and not _after_past_lead(cand):
        found = cal.upcoming_instead(found, ctx.ref) or found
    return _span(found, found, _day_value(found))


def _after_past_lead(cand: Candidate) -> bool:
    # "since January 8": the word before keeps a yearless date in the past.
    before = cand.match.string[max(0, cand.start - 12) : cand.start].split()
    return bool(before) and before[-1].lower() in past_leads()


@lru_cache(maxsize=4096)  # dateparser takes milliseconds a call; dates repeat within a run
def _parse(text: str, ref: date | None, tense: str) -> date | None:
    # dateparser reads the absolute date forms of many locales; PREFER_DATES_FROM picks the
    # year of a date written without one the way the clause's tense does.
    prefer = {"past": "past", "future": "future"}.get(tense, "current_period")
    settings: dict[str, object] = {"PREFER_DATES_FROM": prefer, "REQUIRE_PARTS": ["day"]}
    if ref is not None:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date() if found else None


def _month_kind(cand: Candidate, ctx: Context) -> Resolved | None:
    month = _month(cand)
    if cand.part("year"):
        year = int(cand.part("year") or 0)
    elif ctx.ref is None:
        return Resolved(None, None, f"XXXX-{month:02d}")
    elif cand.part("yrel"):  # "June last year"
        year = ctx.ref.year + {"last": -1, "next": 1}.get((cand.part("yrel") or "").lower(), 0)
    else:
        year = cal.pick_month_year(month, ctx.ref, ctx.tense, cand.part("rel"))
        if not (cand.part("rel") or ctx.tense == "future" or _after_past_lead(cand)):
            year = cal.upcoming_month_instead(year, month, ctx.ref) or year
    first, last = cal.clip(cal.month_span(year, month), cand.part("mod"))
    return _span(first, last, f"{year}-{month:02d}")


def _year(cand: Candidate, ctx: Context) -> Resolved:
    year = int(cand.part("year") or 0)
    first, last = cal.clip(cal.year_span(year), cand.part("mod"))
    return _span(first, last, str(year))


def _decade(cand: Candidate, ctx: Context) -> Resolved:
    decade = int(cand.part("decade") or 0)
    first, last = cal.clip(
        (date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31)), cand.part("mod")
    )
    return _span(first, last, str(decade))


def _century(cand: Candidate, ctx: Context) -> Resolved:
    century = int(cand.part("century") or 0) - 1
    return _span(date(century * 100, 1, 1), date(century * 100 + 99, 12, 31), f"{century:02d}")


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}


def _quarter(cand: Candidate, ctx: Context) -> Resolved:
    quarter = _QUARTERS.get((cand.part("q") or "").lower(), 4)
    if cand.part("year"):
        year = int(cand.part("year") or 0)
    elif ctx.ref is None:
        return Resolved(None, None, f"XXXX-Q{quarter}")
    else:
        year = ctx.ref.year if quarter <= (ctx.ref.month + 2) // 3 else ctx.ref.year - 1
    return _span(*cal.quarter_span(year, quarter), f"{year}-Q{quarter}")


def _season(cand: Candidate, ctx: Context) -> Resolved | None:
    season = seasons()[(cand.part("season") or "").lower()]
    rel = (cand.part("rel") or "").lower().split()[-1] if cand.part("rel") else ""
    if not (rel or cand.part("year") or cand.part("mod")) or (rel == "the" and season.code == "FA"):
        return None  # "summer" alone, "the fall of the city": too often no time at all
    if cand.part("year"):
        year = int(cand.part("year") or 0)
    elif ctx.ref is None:
        return Resolved(None, None, f"XXXX-{season.code}")
    else:
        current = cal.current_season(ctx.ref, season.first, season.last)
        if current is not None and rel in ("this", "the", "current"):
            year = current  # "this winter", said in January: the winter under way
        else:
            year = cal.pick_month_year(season.first, ctx.ref, ctx.tense, rel or None)
    first, last = cal.clip(cal.season_span(year, season.first, season.last), cand.part("mod"))
    return _span(first, last, f"{year}-{season.code}")


def _weekday(cand: Candidate, ctx: Context) -> Resolved:
    weekday = weekdays()[(cand.part("wd") or "").lower().rstrip(".")]
    part = parts_of_day().get((cand.part("part") or "").lower())
    if ctx.ref is None:
        return Resolved(None, None, f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""))
    day = cal.pick_weekday(weekday, ctx.ref, ctx.tense, cand.part("rel"))
    if part:
        return _span(day, day, f"{day.isoformat()}T{part}", "TIME")
    return _span(day, day, day.isoformat())


def _deixis(cand: Candidate, ctx: Context) -> Resolved:
    word = (cand.part("deixis") or "").lower()
    part = parts_of_day().get((cand.part("part") or "").lower()) or (
        "NI" if word == "tonight" else None
    )
    if ctx.ref is None:
        return Resolved(None, None, "PRESENT_REF" if word in ("today", "this") else None)
    day = ctx.ref + timedelta(days={"yesterday": -1, "last": -1, "tomorrow": 1}.get(word, 0))
    if part:
        return _span(day, day, f"{day.isoformat()}T{part}", "TIME")
    return _span(day, day, day.isoformat())


def _ref(cand: Candidate, ctx: Context) -> Resolved:
    word = " ".join((cand.part("ref") or "").lower().split())
    if word in ("now", "currently"):
        return Resolved(ctx.ref, ctx.ref, "PRESENT_REF")
    if word in ("recently", "previously"):
        return Resolved(None, ctx.ref, "PAST_REF")
    if word == "the future":
        return Resolved(ctx.ref, None, "FUTURE_REF")
    latest = ctx.ref if word == "the past" else None
    return Resolved(None, latest, "PAST_REF")


ABSOLUTE: dict[str, Resolver] = {
    "iso": _numeric, "numeric": _numeric, "date": _date, "month": _month_kind, "year": _year,
    "decade": _decade, "century": _century, "quarter": _quarter, "season": _season,
    "weekday": _weekday, "deixis": _deixis, "ref": _ref,
}  # fmt: skip
