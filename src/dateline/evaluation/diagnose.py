"""Why each gold event was missed: the error breakdown `benchmarks/news_events.py` prints.

Each gold event gets one cause, the first step that failed, in the order an analyst checks:
not detected (no predicted event's evidence overlaps its evidence), type (detected, but no
overlapping event has its type), then source, target, modality of the best typed candidate;
"full" when one candidate matches fully. Duplicates are predicted events that repeat an
earlier one's act: same type and actors, evidence in the same sentence or overlapping text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from dateline.evaluation.score import (
    evidence_overlaps,
    role_right,
    same_modality,
    same_type,
    score_context,
)
from dateline.evaluation.textmatch import texts_overlap
from dateline.reading import Event, Reading

CAUSES = ("full", "not detected", "type", "source", "target", "modality")


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDiagnosis:
    """One article's events against its gold: a cause per required gold event."""

    causes: tuple[tuple[str, str], ...]  # (gold id, cause)
    predicted: int
    duplicates: int

    def count(self) -> Counter[str]:
        """Return how many gold events fell under each cause."""
        return Counter(cause for _, cause in self.causes)

    @property
    def detected(self) -> int:
        """Return the gold events some predicted event's evidence overlaps."""
        return sum(cause != "not detected" for _, cause in self.causes)

    @property
    def typed(self) -> int:
        """Return the gold events detected with the right type."""
        return sum(cause not in ("not detected", "type") for _, cause in self.causes)


def diagnose_events(reading: Reading, gold: dict[str, Any]) -> EventDiagnosis:
    """Return the cause of each required gold event's miss (or "full"), and the duplicates."""
    ctx = score_context(reading, gold)
    causes = [
        (str(item.get("id", item["evidence"][:40])), _cause(ctx, reading.events, item))
        for item in gold.get("events", ())
        if not item.get("optional")
    ]
    return EventDiagnosis(
        causes=tuple(causes), predicted=len(reading.events), duplicates=count_duplicates(reading)
    )


def _cause(ctx: Any, events: Sequence[Event], item: dict[str, Any]) -> str:
    detected = [e for e in events if evidence_overlaps(e, item)]
    if not detected:
        return "not detected"
    typed = [e for e in detected if same_type(e, item)]
    if not typed:
        return "type"
    checks: tuple[tuple[str, Callable[[Event], bool]], ...] = (
        ("source", lambda e: role_right(ctx, e, item, "source")),
        ("target", lambda e: role_right(ctx, e, item, "target")),
        ("modality", lambda e: same_modality(e, item)),
    )
    # The candidate that passes the most checks in order shows the first one still failing.
    best = max(typed, key=lambda e: sum(1 for _ in _passed(e, checks)))
    failed = [name for name, check in checks if not check(best)]
    return failed[0] if failed else "full"


def _passed(event: Event, checks: tuple[tuple[str, Callable[[Event], bool]], ...]) -> Iterator[str]:
    for name, check in checks:
        if not check(event):
            return
        yield name


def count_duplicates(reading: Reading) -> int:
    """Return the predicted events that repeat an earlier one's act."""
    seen: list[Event] = []
    duplicates = 0
    for event in reading.events:
        if any(_same_act(event, other, reading.text) for other in seen):
            duplicates += 1
        else:
            seen.append(event)
    return duplicates


def _same_act(a: Event, b: Event, text: str) -> bool:
    if a.type != b.type or _parties(a) != _parties(b):
        return False
    same_sentence = _sentence_of(a, text) == _sentence_of(b, text)
    return same_sentence or texts_overlap(a.evidence.text, b.evidence.text)


def _parties(event: Event) -> tuple[frozenset[str | None], frozenset[str | None]]:
    return (
        frozenset({event.source, *event.co_sources}),
        frozenset({event.target, *event.co_targets}),
    )


def _sentence_of(event: Event, text: str) -> tuple[int, int]:
    """The stretch between the sentence ends or line breaks around the evidence."""
    start = max(text.rfind(mark, 0, event.evidence.start) for mark in (". ", "\n")) + 1
    ends = [i for mark in (". ", "\n") if (i := text.find(mark, event.evidence.end)) >= 0]
    return start, min(ends, default=len(text))
