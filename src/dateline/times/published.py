"""Infer when an undated article appeared from the times it mentions (issue #2 item 6).

The reasoning, in order:
1. The article is on or after the latest day it names in a past or present clause
   ("Jan. 14, 2024" in a caption): that is the lower bound. A year or month alone bounds
   too loosely to date a story, so without a full date nothing is inferred; and when a
   later year is named than any full date ("Sept. 11, 2001" and "in 2008"), the dates are
   history and only that year bounds the story.
2. A weekday named in a past clause of attribution ("said on Wednesday", "wrote on
   Tuesday") is the first such weekday on or after the bound (news names recent days by
   weekday and older ones by date); a weekday of another event ("seized the bridge on
   Saturday") is the one nearest the bound. The latest weekday named is the day of
   publication or the day before (a wire story names the day even on the day itself).
   This is a newsroom convention, not a certainty: MEANTIME shows where it fails.
3. A relative expression that dates the same event as an explicit date ("his visit last
   week" and "his Jan. 11 visit": the same noun) holds only for publication days that put
   the date inside it.
Each rule keeps the candidate days it allows; a rule that would leave none is dropped.
Nothing here is a library's job: htmldate and dateparser read dates that are written, not
dates implied by tense and weekday.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc

from dateline.reading import Published
from dateline.times import calendar as cal
from dateline.times.find import Found, read_times
from dateline.times.lexicon import reporting_verbs, weekdays
from dateline.times.patterns import Candidate
from dateline.times.resolve import resolve
from dateline.times.tense import verb_of
from dateline.times.timex import Context

# How far after the lower bound publication is searched; the rules bound it more tightly.
HORIZON_DAYS = 60
_DAY_KINDS = frozenset({"date", "iso", "numeric"})
_YEAR_KINDS = frozenset({"year", "month", "season", "quarter"})
_LINKABLE = frozenset({"relative", "deixis", "ago"})
_LINK_WINDOW = 4  # tokens either side of an expression whose nouns name its event


@dataclass(frozen=True, slots=True)
class _Rule:
    why: str
    days: frozenset[date]


def infer_published(doc: Doc, cands: list[Candidate]) -> Published | None:
    """Return an inferred publication interval with its evidence, or None."""
    found = read_times(doc, None, cands)
    dated = _dated(found)
    if not dated:
        return None
    low, first = max(dated, key=_day_of)
    why = f"on or after {low.isoformat()}, the latest past date named ({_text(first)!r})"
    year = _latest_year(found)
    if year is not None and year[0] > low:
        # The dates named are history; the story is of a later year and no day says when.
        return Published(earliest=year[0], basis="inferred", evidence=(
            f"on or after {year[0].isoformat()}, the latest past year named "
            f"({_text(year[1])!r}); no day named in it"))  # fmt: skip
    days = frozenset(low + timedelta(days=n) for n in range(HORIZON_DAYS))
    reasons, bounded = [why], False
    for rule in (_weekday_rule(doc, found, low), *_link_rules(doc, found, dated, days)):
        kept = days & rule.days
        if rule.days and kept:
            days, bounded = kept, True
            reasons.append(rule.why)
    latest = max(days) if bounded else None
    return Published(
        earliest=min(days), latest=latest, basis="inferred", evidence="; ".join(reasons)
    )


def _dated(found: list[Found]) -> list[tuple[date, Found]]:
    """Return the days named in past or present clauses, each with its expression."""
    past = [f for f in found if f.cand.kind in _DAY_KINDS and f.tense != "future"]
    full = [f.resolved.earliest for f in past if f.resolved.earliest is not None]
    if not full:
        return []  # without one full date, "March 3" could be of any year
    # A date written without a year takes the year that puts it at most a month after the
    # latest full date: "Oct 7" in a story naming "Jan. 14, 2024" is 2023-10-07.
    near = max(full) + timedelta(days=30)
    out: list[tuple[date, Found]] = []
    for f in past:
        res = f.resolved if f.resolved.earliest else resolve(f.cand, Context(near, "past"))
        if res is not None and res.earliest is not None:
            out.append((res.earliest, f))
    return out


def _latest_year(found: list[Found]) -> tuple[date, Found] | None:
    kinds = _YEAR_KINDS
    past = [f for f in found if f.cand.kind in kinds and f.tense != "future"]
    years = [(f.resolved.earliest, f) for f in past if f.resolved.earliest]
    return max(years, key=_first_day) if years else None


def _first_day(pair: tuple[date | None, Found]) -> date:
    return pair[0] or date.min


def _day_of(pair: tuple[date, Found]) -> date:
    return pair[0]


def _text(f: Found) -> str:
    return f.cand.match.group(0)


def _weekday_rule(doc: Doc, found: list[Found], low: date) -> _Rule:
    named = [f for f in found if f.cand.kind == "weekday" and not f.cand.part("rel")]
    past = [f for f in named if f.tense == "past"]
    if not past:
        return _Rule("", frozenset())
    pinned = [_pin(doc, f, low) for f in past]
    first, last = min(pinned), max(pinned)
    last = max(last, low)
    days = frozenset(d for d in (last, last + timedelta(days=1)) if d <= first + timedelta(days=6))
    words = ", ".join(sorted({f.cand.match.group(0) for f in past}))
    return _Rule(f"{words} in past clauses: the latest is {last.isoformat()}, "
                 "published that day or the next", days)  # fmt: skip


def _pin(doc: Doc, f: Found, low: date) -> date:
    # A weekday of reporting ("said on Wednesday") is after the latest dated event, near
    # publication; a weekday of an event ("returned on Saturday") is the one nearest that
    # event, before or after it.
    after = cal.pick_weekday(_weekday(f), low + timedelta(days=6), "past", None)
    if _is_reporting(doc, f):
        return after
    before = after - timedelta(days=7)
    return before if (low - before) < (after - low) else after


def _is_reporting(doc: Doc, f: Found) -> bool:
    span = doc.char_span(f.cand.start, f.cand.end, alignment_mode="expand")
    verb = verb_of(span.root) if span is not None else None
    return verb is not None and verb.lemma_ in reporting_verbs()


def _weekday(f: Found) -> int:
    return weekdays()[(f.cand.part("wd") or "").lower().rstrip(".")]


def _link_rules(
    doc: Doc, found: list[Found], dated: list[tuple[date, Found]], days: frozenset[date]
) -> list[_Rule]:
    rules = []
    for rel in (f for f in found if f.cand.kind in _LINKABLE and f.tense != "future"):
        nouns = _nouns_near(doc, rel.cand)
        for day, event in dated:
            shared = nouns & _nouns_near(doc, event.cand)
            if shared:
                why = (f"{_text(rel)!r} and {_text(event)!r} date the same "
                       f"{sorted(shared)[0]}: {day.isoformat()}")  # fmt: skip
                rules.append(_Rule(why, _days_putting(rel.cand, day, days)))
    return rules


def _days_putting(cand: Candidate, day: date, days: frozenset[date]) -> frozenset[date]:
    allowed = set()
    for pub in days:
        res = resolve(cand, Context(pub, "past"))
        if res and res.earliest and res.latest and res.earliest <= day <= res.latest:
            allowed.add(pub)
    return frozenset(allowed)


def _nouns_near(doc: Doc, cand: Candidate) -> set[str]:
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return set()
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    lo, hi = max(sent.start, span.start - _LINK_WINDOW), min(sent.end, span.end + _LINK_WINDOW)
    window = [t for t in doc[lo:hi] if t.i < span.start or t.i >= span.end]
    return {t.lemma_.lower() for t in window if t.pos_ == "NOUN" and not t.like_num}
