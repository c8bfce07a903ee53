"""resolve_times: every time expression of the article, resolved to days (issue #3).

Needs: doc (nlp), article (clean). Fills: times, and `article.published` when the clean
stage found no date (basis "none"): then the interval is inferred from the text
(published.py, issue #2 item 6) and the relative expressions are resolved against its
first day. With no publication interval at all, relative expressions are not resolved
(and so not listed) rather than given made-up days. English only.

The reading keeps the expressions that place something in time. Kinds the tagger finds
(and the TempEval benchmark scores) stay out: "the past", "now", "at the time" (PAST_REF,
PRESENT_REF: nothing to date), and durations that measure a noun ("a 7-day truce"), which
the quantities layer reports. Nor do expressions left without a closed interval: a
duration that is no point in time ("for two years", "a day after the raid") or a relative
day with no publication day to count from ("on Monday" in an undated story). The contract
makes every time an interval of days, and an open one dates nothing. Every mention is
listed, a time said again ("clashes erupted Monday ... Monday's fatalities") too: each
dates its own clause, and the real-news gold readings list times completely, mention by
mention (issue #9; the seed's gold lists a repeated "last week" once, so its times score
0.92 here rather than 1.00). Two ends of one range are one time ("2018 to 2020", ranges.py),
and "three days earlier" counts from the day the story last named (narrative.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from dateline.pipeline import stage
from dateline.reading import Published, Reading, Time
from dateline.times.find import Found, find_times, read_times
from dateline.times.narrative import anchor_offsets
from dateline.times.patterns import Candidate
from dateline.times.published import infer_published
from dateline.times.ranges import join_ranges

# An inferred interval wider than this is too loose to resolve "on Tuesday" against.
MAX_REFERENCE_DAYS = 7
_VAGUE = frozenset({"PAST_REF", "PRESENT_REF"})
_STAMP_DATE_KINDS = frozenset({"date", "numeric", "iso"})
# A stamp's clock stands this close to its date, in characters: "30 May 2013 Last updated at
# 21:02 ET" (20 between), "Wednesday, 09 Jan 2008, 7:51 PM" (2); a judgement from those pages.
STAMP_GAP = 24
TIME_SPANS = "times"  # the doc.spans key holding every time expression found


@stage(needs={"doc", "article"}, fills={"times", "article"}, english_only=True)
def resolve_times(reading: Reading) -> Reading:
    """Return the reading with its times (and an inferred publication date if it had none)."""
    doc, article = reading.require_doc(), reading.require_article()
    cands = find_times(doc)
    keep_time_spans(doc, cands)
    published = article.published
    if published.basis == "none":
        published = infer_published(doc, cands) or published
    found = anchor_offsets(doc, read_times(doc, reference_day(published), cands))
    kept = [_to_time(f) for f in found if _is_kept(f) and not _is_stamp_clock(f, found)]
    times = tuple(join_ranges(kept, reading.text))
    if published is not article.published:
        reading = replace(reading, article=replace(article, published=published))
    return replace(reading, times=times)


def keep_time_spans(doc: Doc, cands: list[Candidate]) -> None:
    """Put the time expressions in doc.spans["times"] so later stages need not find them again
    (the quantities layer skips numbers inside them)."""
    spans = [doc.char_span(c.start, c.end, label=c.kind, alignment_mode="expand") for c in cands]
    doc.spans[TIME_SPANS] = [s for s in spans if s is not None]


def reference_day(published: Published) -> date | None:
    """Return the day relative expressions count from, or None when too uncertain."""
    first, last = published.earliest, published.latest
    if first is None or last is None or (last - first).days >= MAX_REFERENCE_DAYS:
        return None
    return first


def _is_kept(found: Found) -> bool:
    res = found.resolved
    closed = res.earliest is not None and res.latest is not None
    return closed and not res.measure and res.value not in _VAGUE


def _is_stamp_clock(found: Found, every: list[Found]) -> bool:
    """Return True for the clock of a page stamp: "1:23 p.m. December 31, 2007", "30 May 2013
    Last updated at 21:02 ET". Beside a full date on its line, a clock time says when the
    page was written, not when anything in the story happened; the date is the time listed.
    (A story dates an act by its day, "at 7 a.m. Tuesday", and seldom writes the year by it.)"""
    if found.cand.kind != "clock":
        return False
    text = found.cand.match.string
    for other in every:
        if other.cand.kind not in _STAMP_DATE_KINDS or not other.cand.part("year"):
            continue
        after = other.cand.start >= found.cand.end  # "1:23 p.m. December 31, 2007"
        lo, hi = (found.cand.end, other.cand.start) if after else (other.cand.end, found.cand.start)
        if 0 <= hi - lo <= STAMP_GAP and "\n" not in text[lo:hi]:
            return True
    return False


def _to_time(found: Found) -> Time:
    cand, res = found.cand, found.resolved
    text = cand.match.string[cand.start : cand.end]
    return Time(text=text, earliest=res.earliest, latest=res.latest, start=cand.start,
                end=cand.end, value=res.value, type=res.type)  # fmt: skip
