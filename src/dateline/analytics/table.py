"""Query results as text: an aligned table, JSON Lines or CSV (the CLI prints them)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from dateline.store.store import Result

_WIDTH = 60  # a table cell longer than this is cut, so evidence sentences stay readable
_TABLE_WIDTH = 160  # columns of a printed table; rich wraps cells to fit


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
    # rich lays out the columns (wrapping, alignment, width) instead of a hand-written printer;
    # no colour codes, so the text pipes and diffs like plain output.
    table = Table(*result.columns, box=box.SIMPLE_HEAD)
    for row in result.rows:
        table.add_row(*(_cell(v) for v in row))
    out = io.StringIO()
    Console(file=out, width=_TABLE_WIDTH, color_system=None, soft_wrap=False).print(table)
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    return "\n".join([*lines, f"({len(result.rows)} rows)"]).strip("\n")


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
