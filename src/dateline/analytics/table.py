"""Query results as text: an aligned table, JSON Lines or CSV (the CLI prints them)."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from datetime import date
from typing import Any

from dateline.store.store import Result

_WIDTH = 60  # a table cell longer than this is cut, so evidence sentences stay readable
_TABLE_WIDTH = 160  # columns of a printed table; the widest columns wrap to fit
_NARROWEST = 8  # a column is never wrapped narrower than this
_GAP = "  "


def format_result(result: Result, fmt: str = "table") -> str:
    """Return the result as a table, JSON Lines or CSV."""
    if fmt == "json":
        return "\n".join(
            json.dumps(dict(zip(result.columns, row, strict=True)), default=_plain,
                       ensure_ascii=False)
            for row in result.rows
        )  # fmt: skip
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([[_cell(v, cut=False) for v in row] for row in result.rows])
        return out.getvalue().rstrip("\n")
    return _table(result)


def _table(result: Result) -> str:
    # Laid out here, not by rich's Table: rich took 60-70 ms to lay out a page of 50 events and
    # 30 ms to import, half the 200 ms a query command may take at 3,200 articles (#12).
    # Widths count characters, so East Asian wide characters would misalign their row.
    body = [[_cell(v) for v in row] for row in result.rows]
    widths = _fit([max(map(len, column)) for column in zip(result.columns, *body, strict=True)])
    lines = [*_lines(list(result.columns), widths), _GAP.join("─" * w for w in widths)]
    for row in body:
        lines += _lines(row, widths)
    return "\n".join([*lines, f"({len(result.rows)} rows)"])


def _lines(row: list[str], widths: list[int]) -> list[str]:
    """Return one row as lines, each cell wrapped to its column's width."""
    parts = [textwrap.wrap(c, w) if len(c) > w else [c] for c, w in zip(row, widths, strict=True)]
    return [
        _GAP.join(
            f"{p[k] if k < len(p) else '':<{w}}" for p, w in zip(parts, widths, strict=True)
        ).rstrip()
        for k in range(max((len(p) for p in parts), default=1))
    ]


def _fit(widths: list[int]) -> list[int]:
    """Return the column widths with the widest narrowed until the table fits its width."""
    widths = list(widths)
    while sum(widths) + len(_GAP) * (len(widths) - 1) > _TABLE_WIDTH:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= _NARROWEST:
            break  # too many columns to fit: the line runs long rather than unreadably thin
        widths[widest] -= 1
    return widths


def _cell(value: Any, *, cut: bool = True) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text[: _WIDTH - 1] + "…" if cut and len(text) > _WIDTH else text


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def select_columns(result: Result, names: tuple[str, ...]) -> Result:
    """Return the result with only the named columns, in that order."""
    at = [result.columns.index(name) for name in names]
    return Result(columns=names, rows=tuple(tuple(row[i] for i in at) for row in result.rows))
