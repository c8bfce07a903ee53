"""One event per act: the same act told again is folded into the body's telling.

A story tells its main act several times: in the headline, the standfirst, a caption, a pull
quote or a key-points box, then in the body. An analyst counting acts wants it once, with the
body's sentence as evidence (the fullest telling) and the other places listed in `also`.

Two tellings are one act when they have the same type and agreeing parties (an end one
telling leaves open may be filled by the other), and either one of them stands before the body
(headline, standfirst, captions), or one's evidence lies inside the other's, or their evidence
shares most of its words (a pull quote repeats its sentence). Acts told twice in the body in
other words stay two: the body may report two strikes by the same side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dateline.reading import Event, Mention, Reading

WORD = re.compile(r"\w+")
SHARED_WORDS = 0.6  # a repeated sentence shares at least this share of the shorter's words
# ... and has this many: a pull quote repeats a sentence; two short phrases sharing "visit to
# Beirut" are two tellings of different visits as often as one.
REPEAT_WORDS = 8
SAME_WORDS = 4  # the same evidence, word for word and this long, is the same act told again
WINDOW = 40  # kept acts of one type a body telling is compared with: keeps the fold linear


def fold_repeats(reading: Reading, events: Sequence[Event]) -> list[Event]:
    """Return the events with each repeated telling folded into the body's telling.

    Linear in the events: a body telling is compared only with the last WINDOW kept acts of
    its type (a pull quote sits near its sentence, nested tellings share one); a telling
    before the body (headline, standfirst, captions: a handful) with every act of its type."""
    body_start = reading.article.body_start if reading.article else 0
    text = reading.text or ""
    told = _Told(
        body_start,
        _sentence_words(reading, events),
        {e.evidence.start for e in events if _on_a_heading(text, e.evidence)},
    )
    # Body tellings first, so each repeat finds its body act; headings and what stands before
    # the body come after.
    ordered = sorted(
        events,
        key=lambda e: (
            e.evidence.start < body_start or e.evidence.start in told.headings,
            e.evidence.start,
        ),
    )
    kept: list[Event] = []
    by_type: dict[str, list[int]] = {}
    for event in ordered:  # body tellings first, so each repeat finds its body act
        same_type = by_type.setdefault(event.type, [])
        near = same_type if event.evidence.start < body_start else same_type[-WINDOW:]
        at = next((i for i in near if _same_act(kept[i], event, told)), None)
        if at is None:
            same_type.append(len(kept))
            kept.append(event)
        else:
            kept[at] = _with_repeat(kept[at], event)
    return sorted(kept, key=lambda e: e.evidence.start)


def _sentence_words(reading: Reading, events: Sequence[Event]) -> dict[int, tuple[str, ...]]:
    """Evidence start -> the words of the sentence it sits in (none without a parse)."""
    doc = reading.doc
    if doc is None:
        return {}
    words = {}
    for event in events:
        span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
        if span is not None:
            words[event.evidence.start] = tuple(WORD.findall(span.sent.text.lower()))
    return words


@dataclass(frozen=True, slots=True)
class _Told:
    """What deciding whether two tellings are one act needs of the article."""

    body_start: int
    sentences: dict[int, tuple[str, ...]]  # evidence start -> its sentence's words
    headings: set[int]  # evidence starts on a heading line (_on_a_heading)


def _same_act(kept: Event, other: Event, told: _Told) -> bool:
    if kept.type != other.type or not _same_modality(kept, other):
        return False
    said = told.sentences.get(kept.evidence.start)
    same_sentence = bool(said) and said == told.sentences.get(other.evidence.start)
    words = WORD.findall(kept.evidence.text.lower())
    same_words = words == WORD.findall(other.evidence.text.lower())
    if same_words and (same_sentence or len(words) >= SAME_WORDS):
        # A key-points box repeats a body sentence word for word; a quote repeats the lede's
        # words ("will have no more contact with Syria"): one act, told twice.
        return _agree(kept.source, other.source) and _agree(kept.target, other.target)
    if _nested(kept.evidence, other.evidence):  # one telling may leave an end the other names
        return _agree(kept.source, other.source) and _agree(kept.target, other.target)
    # Apart, a repeat may leave ends open that the body names ("Israeli strike hits Beirut
    # suburb" is the body's strike on Hamas), but never names an end the body left open: a
    # caption's "confronting Iran" is not the body's visit to Israel.
    if not (_within(other.source, kept.source) and _within(other.target, kept.target)):
        return False
    in_front = min(kept.evidence.start, other.evidence.start) < told.body_start or any(
        e.evidence.start in told.headings for e in (kept, other)
    )
    return in_front or _words_shared(kept.evidence.text, other.evidence.text) >= SHARED_WORDS


HEADING_WORDS = 12  # a line this short with no closing stop is a heading, not prose
STOPS = (".", "!", "?", '"', "\u201d", "'", "\u2019", ":")


def _on_a_heading(text: str, evidence: Mention) -> bool:
    """A subheading or a video title inside the body ("Assad warns Israel on air strikes"):
    a short line of its own with no closing stop tells the act as a headline does."""
    start = text.rfind("\n", 0, evidence.start) + 1
    end = text.find("\n", evidence.end)
    line = text[start : end if end >= 0 else len(text)].strip()
    return len(WORD.findall(line)) <= HEADING_WORDS and not line.endswith(STOPS)


def _nested(a: Mention, b: Mention) -> bool:
    """One evidence inside the other: "responding with airstrikes (and fighting)" is one act
    told by two coordinated nouns of the same type."""
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _same_modality(a: Event, b: Event) -> bool:
    """Equal, or both a threat told with and without its condition (GOLD.md: THREATEN is
    conditional by nature; a headline drops the "if")."""
    loose = {"asserted", "conditional"}
    return a.modality == b.modality or (a.type == "THREATEN" and {a.modality, b.modality} <= loose)


def _within(repeat: str | None, body: str | None) -> bool:
    return repeat is None or repeat == body


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _words_shared(a: str, b: str) -> float:
    left, right = set(WORD.findall(a.lower())), set(WORD.findall(b.lower()))
    shorter = min(len(left), len(right))
    return len(left & right) / shorter if shorter >= REPEAT_WORDS else 0.0


def _with_repeat(kept: Event, repeat: Event) -> Event:
    """The kept telling, with the repeat's place noted and the ends it leaves open filled."""
    also = (*kept.also, Mention(text=repeat.evidence.text, start=repeat.evidence.start,
                                end=repeat.evidence.end), *repeat.also)  # fmt: skip
    return replace(
        kept,
        source=kept.source or repeat.source,
        target=kept.target or repeat.target,
        also=tuple(sorted(set(also), key=lambda m: m.start)),
    )
