"""When, where and on whose word: an event's date, place, attribution and confidence.

Date: the time expression governed by the trigger's clause, else the nearest one in the
sentence (its reference frame), else the publication interval reaching back one day for an
act told in the past (news reports today what happened today or yesterday: "killed at least
72 people" in a Saturday story is Friday's attack as often as Saturday's); never a day we
made up.
Place: a place mention inside the event's evidence, nearest the trigger. Attribution: the quote
whose span holds the trigger, else a source named in the same sentence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import timedelta
from functools import partial
from itertools import takewhile

from spacy.tokens import Span, Token

from dateline.actors import actor_at
from dateline.reading import Interval, Reading, Time

# Confidence: a lexicon match is the base; each resolved argument, a fine code and an
# attribution add; hypotheticals lose. Weights set by hand on the seed and plover-gsr train
# records so that events with both actors resolved sit near 0.8 (no calibration set yet).
PARAGRAPH = "\n\n"
PAST_TAGS = frozenset({"VBD", "VBN"})
LOCATIVE = frozenset({"in", "at", "on", "near", "inside", "outside", "across", "into", "over"})
MOVEMENT = frozenset({"reach", "hit", "strike", "enter", "bomb", "shell", "raid", "target"})
BASE, PER_ACTOR, FINE, ATTRIBUTED, HYPOTHETICAL = 0.4, 0.15, 0.1, 0.1, -0.15


def find_date(
    reading: Reading,
    trigger: Token,
    clause: Span,
    *,
    ordered: Sequence[Time] | None = None,
    done: bool = False,
) -> Interval | None:
    """Return the event's interval: its clause's time, the sentence's, else publication.
    `ordered`: the reading's times sorted by start (bisected, so dating every event is linear).
    `done`: the act is told as having happened, so no time after publication dates it ("on
    his first visit ..., to achieve a peace deal by January 2009" is not January 2009)."""
    published = reading.article.published if reading.article else None
    sentence = trigger.sent
    times = sorted(reading.times, key=_start) if ordered is None else ordered
    first = bisect_left(times, sentence.start_char, key=_start)
    near = list(takewhile(lambda t: t.start < sentence.end_char, times[first:]))
    inside = [t for t in near if _within(t, clause) and t.earliest is not None]
    in_sentence = [
        t for t in near
        if _within(t, sentence) and t.earliest is not None and _same_paragraph(reading, t, trigger)
    ]  # fmt: skip
    if done and published is not None and published.latest is not None:
        latest = published.latest
        inside = [t for t in inside if t.earliest is not None and t.earliest <= latest]
        in_sentence = [t for t in in_sentence if t.earliest is not None and t.earliest <= latest]
    for times in (inside, in_sentence):
        if times:
            best = min(times, key=partial(_distance, trigger.idx))
            return Interval(earliest=best.earliest, latest=best.latest)
    if published is None or published.earliest is None:
        return None
    earliest = published.earliest
    if trigger.tag_ in PAST_TAGS and not _is_planned(trigger):
        earliest -= timedelta(days=1)
    return Interval(earliest=earliest, latest=published.latest)


def _is_planned(trigger: Token) -> bool:
    """ "had planned to meet", "was to visit": past words for an act still to come."""
    return any(c.dep_ == "aux" and c.lower_ in {"will", "would", "to"} for c in trigger.children)


def _same_paragraph(reading: Reading, fact: Time, trigger: Token) -> bool:
    """A headline and a caption can parse as one sentence; a blank line still divides them."""
    start, end = sorted((fact.start, trigger.idx))
    return PARAGRAPH not in reading.text[start:end]


def _start(fact: Time) -> int:
    return fact.start


def _within(fact: Time, span: Span) -> bool:
    return span.start_char <= fact.start and fact.end <= span.end_char


def _distance(offset: int, fact: Time) -> int:
    return min(abs(fact.start - offset), abs(fact.end - offset))


def sorted_times(reading: Reading) -> list[Time]:
    """The reading's times by start, for find_date to bisect."""
    return sorted(reading.times, key=_start)


def place_index(reading: Reading) -> list[tuple[int, int, str]]:
    """Every place mention as (start, end, place id), sorted: find_place bisects it, so
    placing every event costs linear time, not events times mentions."""
    return sorted((m.start, m.end, p.id) for p in reading.places for m in p.mentions)


def find_place(
    reading: Reading,
    trigger: Token,
    evidence: Span,
    *,
    actors: Sequence[str | None] = (),
    index: Sequence[tuple[int, int, str]] | None = None,
) -> str | None:
    """Return the id of the place where the event happened: a place mention in the evidence,
    after a locative preposition or as the object of the trigger ("reached Beirut"), nearest
    the trigger; a place named as an actor ("US overtures", "resulting in the U.S. responding")
    is not where anything happened."""
    mentions = place_index(reading) if index is None else index
    taken = {a for a in actors if a is not None}
    best: tuple[int, str] | None = None
    first = bisect_left(mentions, (evidence.start_char, -1, ""))
    for start, end, place_id in mentions[first:]:
        if start >= evidence.end_char:
            break
        if end > evidence.end_char:
            continue
        acting = actor_at(reading, start, end)
        named = acting is not None and acting.id in taken
        if not named and _is_locative(evidence, start, end):
            gap = abs(start - trigger.idx)
            if best is None or gap < best[0]:
                best = (gap, place_id)
    return best[1] if best else None


def _is_locative(evidence: Span, start: int, end: int) -> bool:
    span = evidence.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in ("compound", "conj", "appos") and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj":
        return root.head.lower_ in LOCATIVE
    return root.dep_ == "dobj" and root.head.lemma_.lower() in MOVEMENT


def find_attribution(reading: Reading, trigger: Token) -> str | None:
    """Return the id of the quote holding the trigger, else of a source in its sentence."""
    offset = trigger.idx
    for quote in reading.quotes:
        if quote.start <= offset < quote.end:
            return quote.id
    sentence = trigger.sent
    for source in reading.sources:
        if sentence.start_char <= source.start < sentence.end_char:
            return source.id
    return None


def find_confidence(
    *, actors: Sequence[str | None], code: str, attributed: bool, modality: str
) -> float:
    """Return a 0..1 confidence from how much of the event the text pinned down."""
    score = BASE + PER_ACTOR * sum(a is not None for a in actors)
    score += FINE if len(code) > 2 and code[2] != "0" else 0.0
    score += ATTRIBUTED if attributed else 0.0
    score += HYPOTHETICAL if modality == "hypothetical" else 0.0
    return round(min(max(score, 0.05), 0.95), 2)
