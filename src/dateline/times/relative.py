"""Resolve relative expressions, durations, sets and clock times against the reference day.

"last week" is the Monday..Sunday before the reference week, "earlier this month" the 1st of
the month to the day before, "two years ago" the whole year two back, "in recent weeks" the
weeks up to the reference day, "the coming months" an open interval from it. We wrote this
ourselves: dateparser resolves "last week" to one instant seven days back, not to the days
the phrase covers, and reads no durations or sets.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateline.times import calendar as cal
from dateline.times.lexicon import TimeUnit, number_of, parts_of_day, unit_of, weekdays
from dateline.times.patterns import Candidate
from dateline.times.timex import Context, Resolved, Resolver
from dateline.times.timex import span as _span

_BACK = ("last", "past", "previous")
_AHEAD = ("next", "coming", "following")
_MONTHS_PER = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}
# How far back "recent" weeks/months/... reach, in units: a judgement, kept wide.
_RECENT_UNITS = 4


def _unit(cand: Candidate) -> TimeUnit:
    unit = unit_of(cand.part("unit") or "")
    if unit is None:
        raise ValueError(f"no time unit in {cand.match.group(0)!r}")
    return unit


def _rel(cand: Candidate) -> str:
    return (cand.part("rel") or "").lower().split()[-1] if cand.part("rel") else ""


def shift(day: date, unit: TimeUnit, count: int) -> date:
    """Return `day` moved by `count` units (negative is back)."""
    months = _MONTHS_PER.get(unit.name)
    if months is not None:  # calendar units move by months, not by a number of days
        return cal.shift_months(day, months * count)
    return day + timedelta(days=unit.days * count)


def period(day: date, unit: TimeUnit) -> tuple[date, date, str]:
    """Return the calendar period of `unit` holding `day`, with its TIMEX3 value."""
    if unit.name in ("week", "fortnight"):
        return (*cal.week_span(day), cal.week_value(day))
    if unit.name == "weekend":
        saturday = cal.week_span(day)[0] + timedelta(days=5)
        return saturday, saturday + timedelta(days=1), cal.week_value(day) + "-WE"
    if unit.name == "month":
        return (*cal.month_span(day.year, day.month), f"{day.year}-{day.month:02d}")
    if unit.name == "quarter":
        quarter = (day.month + 2) // 3
        return (*cal.quarter_span(day.year, quarter), f"{day.year}-Q{quarter}")
    if unit.name == "year":
        return (*cal.year_span(day.year), str(day.year))
    if unit.name == "decade":
        first = date(day.year // 10 * 10, 1, 1)
        return first, date(first.year + 9, 12, 31), str(day.year // 10)
    return day, day, day.isoformat()


def _relative(cand: Candidate, ctx: Context) -> Resolved | None:
    unit, rel = _unit(cand), _rel(cand)
    text = cand.match.group(0).lower()
    if rel == "past" and text.startswith("the"):
        return _duration_back(1, unit, ctx, f"P1{unit.letter}")  # "the past year": a duration
    if rel in _AHEAD and text.startswith("the"):
        # "the next decade" is a span to come; "the following year" counts from an event.
        value = duration_value(1, unit)
        if rel == "next" and ctx.ref is not None:
            return Resolved(ctx.ref, shift(ctx.ref, unit, 1), value, "DURATION")
        return Resolved(None, None, value, "DURATION")
    if ctx.ref is None:
        return Resolved(None, None, None)
    step = -1 if rel in _BACK else 1 if rel in _AHEAD else 0
    first, last, value = period(shift(ctx.ref, unit, step), unit)
    mod = (cand.part("mod") or "").lower().replace("the ", "")
    if step == 0 and mod == "earlier":
        last = ctx.ref - timedelta(days=1)  # "earlier this month": up to the day before
    elif step == 0 and mod == "later":
        first = ctx.ref + timedelta(days=1)
    else:
        first, last = cal.clip((first, last), mod or None)
    if first > last:
        return Resolved(None, None, value)
    return _span(first, last, value)


def _duration_back(count: int, unit: TimeUnit, ctx: Context, value: str) -> Resolved:
    if ctx.ref is None:
        return Resolved(None, None, value, "DURATION")
    return Resolved(shift(ctx.ref, unit, -count), ctx.ref, value, "DURATION")


def _ago(cand: Candidate, ctx: Context) -> Resolved:
    unit, count = _unit(cand), number_of(cand.part("num") or "")
    direction = " ".join((cand.part("dir") or "").lower().split())
    if direction in ("earlier", "later"):
        # "a year earlier" counts from an event the story names, not from ref: from the
        # anchor when the caller found that event's day (narrative.py), else it dates nothing.
        if ctx.anchor is None or count is None:
            return Resolved(None, None, duration_value(count, unit), "DURATION")
        day = shift(ctx.anchor, unit, count if direction == "later" else -count)
        first, last, value = period(day, unit)
        return _span(first, last, value)
    ahead = direction != "ago"
    if count is None:
        return (
            Resolved(ctx.ref, None, "FUTURE_REF") if ahead else Resolved(None, ctx.ref, "PAST_REF")
        )
    if ctx.ref is None:
        return Resolved(None, None, None)
    day = shift(ctx.ref, unit, count if ahead else -count)
    first, last, value = period(day, unit)
    return _span(first, last, value)


def _since(cand: Candidate, ctx: Context) -> Resolved:
    # "one week since his killing" dates the killing: the anchor (an explicit day in the
    # sentence, else the reference day) minus the span, give or take a day.
    unit, count = _unit(cand), number_of(cand.part("num") or "") or 1
    value = duration_value(count, unit)
    anchor = ctx.anchor or ctx.ref
    if anchor is None:
        return Resolved(None, None, value, "DURATION")
    day = shift(anchor, unit, -count)
    return Resolved(day - timedelta(days=1), day + timedelta(days=1), value, "DURATION")


def _fuzzy(cand: Candidate, ctx: Context) -> Resolved:
    unit = _unit(cand)
    value = f"PX{unit.letter}"
    if ctx.ref is None:
        return Resolved(None, None, value, "DURATION")
    words = (cand.part("fuzzy") or "").lower()
    if "coming" in words or "next" in words:
        return Resolved(ctx.ref, None, value, "DURATION")  # open into the future
    return _duration_back(_RECENT_UNITS, unit, ctx, value)


def duration_value(count: int | None, unit: TimeUnit) -> str:
    """Return the TIMEX3 value of a duration: "P3Y", "PT2H", "P10Y" for a decade, "PXD"."""
    if count is None:
        return f"PX{unit.letter}"
    amount = str(count)
    if unit.letter in ("DE", "CE"):
        return f"P{count * (10 if unit.letter == 'DE' else 100)}Y"
    if unit.days == 0:
        return f"PT{amount}{unit.letter}"
    if unit.name == "fortnight":
        return f"P{count * 2}W"
    return f"P{amount}{unit.letter}"


def _duration(cand: Candidate, ctx: Context) -> Resolved | None:
    unit = _unit(cand)
    num = (cand.part("num") or "").lower()
    if num in ("a", "an") and unit.name == "second":
        return None  # "a second attack"
    count = number_of(num)
    value = duration_value(count, unit)
    unit_word = (cand.part("unit") or "").lower()
    if "-" in (cand.part("hyphen") or "") and unit_of(unit_word) and not unit_word.endswith("s"):
        return Resolved(None, None, value, "DURATION", measure=True)  # "a 7-day truce"
    rel = _rel(cand)
    if rel in _BACK and ctx.ref is not None:
        return _duration_back(count or _RECENT_UNITS, unit, ctx, value)
    if rel in _AHEAD and ctx.ref is not None and (cand.part("rel") or "") != "following":
        return Resolved(ctx.ref, shift(ctx.ref, unit, count or _RECENT_UNITS), value, "DURATION")
    return Resolved(None, None, value, "DURATION")


def _set(cand: Candidate, ctx: Context) -> Resolved:
    adverb = (cand.part("adverb") or "").lower()
    if adverb:
        unit = unit_of(
            {"daily": "day", "nightly": "day", "annually": "year"}.get(adverb, adverb[:-2])
        )
        return Resolved(None, None, duration_value(1, unit) if unit else None, "SET")
    word = (cand.part("unit") or "").lower().rstrip(".")
    if word in weekdays():
        return Resolved(None, None, f"XXXX-WXX-{weekdays()[word]}", "SET")
    if word in parts_of_day():
        return Resolved(None, None, f"XXXX-XX-XXT{parts_of_day()[word]}", "SET")
    unit = unit_of(word)
    return Resolved(None, None, duration_value(1, unit) if unit else None, "SET")


def _plural(cand: Candidate, ctx: Context) -> Resolved:
    return Resolved(None, None, duration_value(None, _unit(cand)), "DURATION")


_CLOCK = re.compile(r"(\d{1,2})(?::(\d\d))?\s*([ap])?", re.IGNORECASE)


def _clock(cand: Candidate, ctx: Context) -> Resolved | None:
    text = (cand.part("clock") or "").lower()
    if text in ("noon", "midnight"):
        hour, minute, exact = (12 if text == "noon" else 0), 0, True
    else:
        found = _CLOCK.match(text)
        if found is None:
            return None
        hour, minute, exact = int(found[1]), int(found[2] or 0), found[2] is not None
        hour += 12 if found[3] and found[3].lower() == "p" and hour < 12 else 0
        hour -= 12 if found[3] and found[3].lower() == "a" and hour == 12 else 0
    if hour > 24 or minute > 59:
        return None
    clock = f"T{hour:02d}:{minute:02d}" if exact else f"T{hour:02d}"
    day = _clock_day(cand, ctx)
    if day is None:
        return Resolved(None, None, "XXXX-XX-XX" + clock, "TIME")
    return _span(day, day, day.isoformat() + clock, "TIME")


def _clock_day(cand: Candidate, ctx: Context) -> date | None:
    if ctx.ref is None:
        return None
    named = cand.part("wd") or cand.part("wd_on")  # "3 p.m. Friday", "3 p.m. on Friday"
    if named:
        weekday = weekdays()[named.lower().rstrip(".")]
        return cal.pick_weekday(weekday, ctx.ref, ctx.tense, None)
    shift_days = {"yesterday": -1, "tomorrow": 1}.get((cand.part("deixis") or "").lower(), 0)
    return ctx.ref + timedelta(days=shift_days)


RELATIVE: dict[str, Resolver] = {
    "relative": _relative, "ago": _ago, "since": _since, "fuzzy": _fuzzy, "duration": _duration,
    "set": _set, "plural": _plural, "clock": _clock,
}  # fmt: skip
