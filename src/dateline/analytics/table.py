"""Query results as text: an aligned table, JSON Lines or CSV (the CLI prints them)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

from dateline.store.store import Result

_WIDTH = 60  # a table cell longer than this is cut, so evidence sentences stay readable


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
    cells = [list(result.columns)] + [[_cell(v) for v in row] for row in result.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(result.columns))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
             for row in cells]  # fmt: skip
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"({len(result.rows)} rows)")
    return "\n".join(lines)


def _cell(value: Any, *, cut: bool = True) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text[: _WIDTH - 1] + "…" if cut and len(text) > _WIDTH else text


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
