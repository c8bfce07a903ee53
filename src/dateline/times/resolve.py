"""Resolve a found expression to an interval of days and a TIMEX3 value (see absolute.py
and relative.py for the two families of expressions)."""

from __future__ import annotations

from dateline.times.absolute import ABSOLUTE
from dateline.times.patterns import Candidate
from dateline.times.relative import RELATIVE
from dateline.times.timex import Context, Resolved

RESOLVERS = ABSOLUTE | RELATIVE


def resolve(cand: Candidate, ctx: Context) -> Resolved | None:
    """Return what a candidate means in context, or None when it is no time after all."""
    return RESOLVERS[cand.kind](cand, ctx)
