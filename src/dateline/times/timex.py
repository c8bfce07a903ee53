"""The result of resolving one time expression, and what it is resolved against."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateline.times.patterns import Candidate


@dataclass(frozen=True, slots=True)
class Context:
    """What an expression is resolved against."""

    ref: date | None  # the reference day; None when unknown
    tense: str = "past"  # past | present | future
    anchor: date | None = None  # an explicit day in the same sentence ("since" spans)


@dataclass(frozen=True, slots=True)
class Resolved:
    """An expression's days and TIMEX3 value and type."""

    earliest: date | None
    latest: date | None
    value: str | None
    type: str = "DATE"
    measure: bool = False  # "a 7-day truce": a duration measuring a noun, not a time


def span(first: date, last: date, value: str, kind: str = "DATE") -> Resolved:
    """Return a Resolved covering first..last."""
    return Resolved(first, last, value, kind)


# A resolver reads one kind of candidate; None means it is no time expression after all.
Resolver = Callable[["Candidate", Context], Resolved | None]
