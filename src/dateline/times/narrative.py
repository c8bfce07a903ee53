"""Count "three days earlier" and "a week later" from the day the story last named (#9).

"A suicide bomber blew himself up at a funeral on Tuesday ... The funeral was being held for
a man killed in a bomb attack three days earlier": the span counts from the story's last
named day, not from the day of publication. A story tells its events in order and names the
day of each it dates; so the anchor is the last single day named before the expression, in
its sentence or the few before it. Further back, or with no day named, the expression dates
nothing, as before. TempEval marks these as durations anchored elsewhere, so only the stage
does this, not find.read_times that the benchmark shares.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from dateline.times.find import Found
from dateline.times.resolve import resolve
from dateline.times.timex import Context

SENTENCES_BACK = 2  # the anchor's sentence is the expression's own or one of the two before
_OFFSET_WORDS = frozenset({"earlier", "later"})


def anchor_offsets(doc: Doc, found: list[Found]) -> list[Found]:
    """Return `found` with each unresolved "N units earlier/later" counted from its anchor."""
    starts = [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
    out: list[Found] = []
    for index, item in enumerate(found):
        direction = (item.cand.part("dir") or "").lower()
        if (
            item.cand.kind == "ago"
            and direction in _OFFSET_WORDS
            and item.resolved.earliest is None
        ):
            anchor = _anchor(found[:index], _sentence_start(starts, item.cand.start))
            resolved = resolve(item.cand, Context(None, item.tense, anchor)) if anchor else None
            item = replace(item, resolved=resolved) if resolved else item
        out.append(item)
    return out


def _sentence_start(starts: list[int], at: int, back: int = SENTENCES_BACK) -> int:
    """The first character of the sentence `back` sentences before the one holding `at`."""
    own = max((i for i, start in enumerate(starts) if start <= at), default=0)
    return starts[max(0, own - back)]


def _anchor(before: list[Found], reach: int) -> date | None:
    for item in reversed(before):
        if item.cand.start < reach:
            return None
        res = item.resolved
        if res.earliest is not None and res.earliest == res.latest and not res.measure:
            return res.earliest
    return None
