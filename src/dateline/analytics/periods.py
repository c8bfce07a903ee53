"""Dates as an analyst types them: a day (2024-01-31), a month (2024-01), a year (2024), or a
span back from today (7d, 2w, 3m, 1y).

`since` takes the first day of what is named and `until` the last, so `--since 2024-01
--until 2024-01` is all of January. Calendar arithmetic is dateutil's relativedelta: "1m" back
from 31 March is 29 February, not a fixed 30 days.
"""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta

from dateline.errors import InputError

_SPAN = re.compile(r"(\d{1,4})([dwmy])")
_UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}
_FORMS = "a day (2024-01-31), a month (2024-01), a year (2024) or a span (7d, 2w, 3m, 1y)"


def parse_since(text: str, *, today: date | None = None) -> date:
    """Return the first day of a day, month, year or span back from today."""
    return _parse(text, today or date.today(), first=True)


def parse_until(text: str, *, today: date | None = None) -> date:
    """Return the last day of a day, month or year; a span ends today."""
    return _parse(text, today or date.today(), first=False)


def _parse(text: str, today: date, *, first: bool) -> date:
    text = text.strip()
    if span := _SPAN.fullmatch(text.lower()):
        count, unit = int(span[1]), _UNITS[span[2]]
        return today - relativedelta(**{unit: count}) if first else today
    try:
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 1, 1) if first else date(int(text), 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            start = date.fromisoformat(f"{text}-01")
            return start if first else start + relativedelta(months=1, days=-1)
        return date.fromisoformat(text)
    except ValueError as err:
        raise InputError(text, f"not a date; give {_FORMS}") from err
