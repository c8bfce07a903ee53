"""What the server says about its own disk: file names, not the paths to them (issue #10).

A remote client of `dateline serve` has no business knowing where the store lives or which
folders the analyst's inputs came from (a home directory names its user). So, unless the
server was started with `--show-paths`:
- an input read from a local file is shown by its file name (`/home/ana/news/a.html` is
  `a.html`); URLs are shown whole, they were public to begin with;
- an error message has every absolute path in it cut to its last part.
The CLI's own messages, to the user who typed the paths, keep them whole.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from dateline.inputs import is_url
from dateline.store import Result, Store

# An absolute POSIX path (or ~/...) of two parts or more, not inside a URL (no word, '.',
# ':' or '/' just before it), and a Windows one (C:\...); group "name" is the last part.
_PATH = re.compile(
    r"(?<![\w.:/~-])~?/(?:[^\s/:'\"`,;()<>\[\]{}]+/)+(?P<name>[^\s/:'\"`,;()<>\[\]{}]*)"
    r"|\b[A-Za-z]:\\(?:[^\s\\:'\"`,;()<>]+\\)+(?P<win>[^\s\\:'\"`,;()<>]*)"
)
# Columns that hold an input's name: in schema.sql only inputs, articles and failures have a
# `source`, and the listings call the article's `article_source`; actors are `source_name`.
SOURCE_COLUMNS = frozenset({"source", "article_source"})


def hide_paths(text: str) -> str:
    """Return the text with each absolute local path cut to its last part."""
    return _PATH.sub(_last_part, text)


def _last_part(match: re.Match[str]) -> str:
    return match["name"] if match["name"] is not None else match["win"]


def shown_source(source: str) -> str:
    """Return how an input's name is shown: a URL whole, a local path by its file name."""
    if is_url(source) or source in ("-", ""):
        return source
    return PurePath(source).name or source


class ShownStore(Store):
    """A read-only Store whose answers show inputs by name: what the routes read through."""

    def query(self, sql: str, params: Sequence[Any] = ()) -> Result:
        """Return the query's result with local paths hidden (hide_result)."""
        return hide_result(super().query(sql, params))


def hide_result(result: Result) -> Result:
    """Return the rows with inputs shown by name and paths cut from messages and readings."""
    shown = [i for i, c in enumerate(result.columns) if c in SOURCE_COLUMNS]
    texts = [i for i, c in enumerate(result.columns) if c == "message"]
    readings = [i for i, c in enumerate(result.columns) if c == "reading"]
    if not shown and not texts and not readings:
        return result
    rows = []
    for row in result.rows:
        cells = list(row)
        for i in shown:
            cells[i] = shown_source(cells[i]) if isinstance(cells[i], str) else cells[i]
        for i in texts:
            cells[i] = (
                _hide_message(cells[i], row, shown) if isinstance(cells[i], str) else cells[i]
            )
        for i in readings:
            cells[i] = hide_reading(cells[i]) if isinstance(cells[i], str) else cells[i]
        rows.append(tuple(cells))
    return Result(columns=result.columns, rows=tuple(rows))


def _hide_message(message: str, row: tuple[object, ...], shown: list[int]) -> str:
    for i in shown:  # a message starts with its input's name, relative paths too
        source = row[i]
        if isinstance(source, str) and source:
            message = message.replace(source, shown_source(source))
    return hide_paths(message)


def hide_reading(text: str) -> str:
    """Return a stored reading's JSON with its input shown by name (see shown_source)."""
    article = json.loads(text).get("article") or {}  # READING.md keeps the source there
    source = article.get("source") if isinstance(article, dict) else None
    if not isinstance(source, str) or shown_source(source) == source:
        return text
    shown = json.dumps(shown_source(source), ensure_ascii=False)
    return text.replace(json.dumps(source, ensure_ascii=False), shown)  # as to_json wrote it
