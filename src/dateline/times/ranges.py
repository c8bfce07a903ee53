"""Join two times into the one span the text names: "until 2018 to 2020", "on Saturday and
Sunday", "between June and August" (issue #9).

The patterns find each end on its own (TempEval's TIMEX3 marks them so, and the benchmark
reads find.py, not this); a reader of the story is told one span, and the real-news gold
lists one. The joining words are data (data/range_joins.tsv), with when each joins.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from dateline.reading import Time
from dateline.times.lexicon import DATA

_LEAD = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_BEFORE = 12  # characters looked at before the first time for "between" or "from"


@cache
def _joins() -> dict[str, str]:
    lines = (DATA / "range_joins.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return {word.lower(): when for word, when in rows}


def join_ranges(times: list[Time], text: str) -> list[Time]:
    """Return the times with each pair the text joins into a range made one Time."""
    out: list[Time] = []
    for time in times:
        if out and (joined := _join(out[-1], time, text)):
            out[-1] = joined
        else:
            out.append(time)
    return out


def _join(first: Time, second: Time, text: str) -> Time | None:
    a0, a1, b0, b1 = first.earliest, first.latest, second.earliest, second.latest
    if a0 is None or a1 is None or b0 is None or b1 is None or b0 <= a1:
        return None  # open, or no forward range: "2020 to 2018", the same day twice
    if first.type != second.type or first.type not in ("DATE", "TIME"):
        return None
    word = " ".join(text[first.end : second.start].split()).lower()
    when = _joins().get(word)
    led = bool(_LEAD.search(text[max(0, first.start - _BEFORE) : first.start]))
    consecutive = b0 == a1 + timedelta(days=1) and _same_size(a0, a1, b0, b1)
    if when is None or (when == "next" and not (led or consecutive)):
        return None
    return Time(
        text=text[first.start : second.end], earliest=a0, latest=b1, start=first.start,
        end=second.end, value=f"{first.value}/{second.value}", type=first.type,
    )  # fmt: skip


def _same_size(a0: date, a1: date, b0: date, b1: date) -> bool:
    """Two days, two months or two years (months and years differ in length by a few days)."""
    return _size(a0, a1) == _size(b0, b1)


def _size(first: date, last: date) -> str:
    days = (last - first).days + 1
    if first.day == 1 and 28 <= days <= 31:
        return "month"
    if (first.month, first.day) == (1, 1) and days in (365, 366):
        return "year"
    return str(days)
