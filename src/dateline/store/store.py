"""The DuckDB store: one file holding articles, their facts, failures and incidents.

`Store.write_reading` writes an article and all its rows; callers group writes with
`transaction()` so that an article never lands half-written: a run killed mid-batch leaves
the store as it was after the last commit, and the next run resumes from there.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from dateline.dedup.articles import StoryIndex, minhash_signature
from dateline.errors import StoreError
from dateline.reading import Reading, to_json
from dateline.store.migrate import migrate
from dateline.store.rows import COLUMNS, FACT_TABLES, Row, article_row, fact_rows


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """An input that could not be read: where, at which stage, and why."""

    source: str
    content_hash: str  # "" when no bytes were read
    stage: str
    error: str  # the exception's type name
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Written:
    """What writing one reading did: stored it new, or found its text already stored."""

    article_id: str
    story_id: str
    status: str  # read | copy


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    """A query's column names and rows."""

    columns: tuple[str, ...]
    rows: tuple[Row, ...]


def _insert_sql(table: str) -> str:
    names = ", ".join(f'"{c}"' for c in COLUMNS[table])
    marks = ", ".join("?" for _ in COLUMNS[table])
    return f"INSERT INTO {table} ({names}) VALUES ({marks})"


class Store:
    """A DuckDB database file with dateline's schema, migrated on open."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.is_file():
            raise StoreError(f"{self.path}: no store here; run `dateline ingest` first")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as err:
            raise StoreError(f"{self.path}: cannot open the store: {err}") from err
        if not read_only:
            migrate(self.con)
        self._stories: StoryIndex | None = None

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Commit what the block wrote, or roll all of it back if the block raises."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:  # a kill (KeyboardInterrupt) must roll back too, then go on up
            self.con.execute("ROLLBACK")
            self._stories = None  # it may hold articles the rollback just removed
            raise
        self.con.execute("COMMIT")

    def known_hashes(self) -> set[str]:
        """Return the content hashes of every input already read (not of failures)."""
        return {row[0] for row in self.con.execute("SELECT content_hash FROM inputs").fetchall()}

    def stories(self) -> StoryIndex:
        """Return the story index, built once from the stored signatures."""
        if self._stories is None:
            index = StoryIndex()
            for aid, story, signature in self.con.execute(
                "SELECT id, story_id, minhash FROM articles ORDER BY rowid"
            ).fetchall():
                index.add(aid, story, signature or ())
            self._stories = index
        return self._stories

    def write_reading(
        self, reading: Reading, *, content_hash: str, fetched_at: str | None = None
    ) -> Written:
        """Store a reading with all its facts (or note it as a copy of stored text)."""
        article = reading.require_article()
        if self._has_article(article.id):
            story = self._story_of(article.id)
            self._insert_input(content_hash, reading.source, fetched_at, article.id, "copy")
            return Written(article_id=article.id, story_id=story, status="copy")
        signature = minhash_signature(article.body or article.text)
        story = self.stories().assign(article.id, signature)
        row = article_row(reading, content_hash=content_hash, story_id=story, minhash=signature)
        self.con.execute(_insert_sql("articles"), list(row))
        self._insert_facts(reading)
        self._insert_input(content_hash, reading.source, fetched_at, article.id, "read")
        self.con.execute("DELETE FROM failures WHERE source = ?", [reading.source])
        return Written(article_id=article.id, story_id=story, status="read")

    def replace_facts(self, reading: Reading) -> None:
        """Replace a stored article's fact rows and reading JSON with a new reading's."""
        aid = reading.require_article().id
        for table in FACT_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [aid])
        self._insert_facts(reading)
        self.con.execute(
            "UPDATE articles SET reading = ? WHERE id = ?", [to_json(reading, indent=None), aid]
        )

    def write_failure(self, failure: Failure) -> None:
        """Store a failure row, replacing an earlier one for the same input."""
        self.con.execute(
            "INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?, ?)",
            [failure.source, failure.content_hash, failure.stage, failure.error, failure.message],
        )

    def query(self, sql: str, params: Sequence[Any] = ()) -> Result:
        """Return the columns and rows of any SQL query."""
        try:
            cursor = self.con.execute(sql, list(params))
        except duckdb.Error as err:
            raise StoreError(f"{self.path}: {err}") from err
        columns = tuple(d[0] for d in cursor.description or ())
        return Result(columns=columns, rows=tuple(cursor.fetchall()) if columns else ())

    def count(self, table: str) -> int:
        """Return the number of rows in a table."""
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def readings_json(self) -> Iterator[tuple[str, str]]:
        """Yield (article id, reading JSON) for every stored article, in id order."""
        cursor = self.con.execute("SELECT id, reading FROM articles ORDER BY id")
        while batch := cursor.fetchmany(256):
            yield from ((str(aid), str(text)) for aid, text in batch)

    def _has_article(self, article_id: str) -> bool:
        return bool(
            self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        )

    def _story_of(self, article_id: str) -> str:
        row = self.con.execute(
            "SELECT story_id FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return str(row[0]) if row else article_id

    def _insert_input(
        self, content_hash: str, source: str, fetched_at: str | None, aid: str, status: str
    ) -> None:
        self.con.execute(
            "INSERT OR IGNORE INTO inputs VALUES (?, ?, ?, ?, ?)",
            [content_hash, source, fetched_at, aid, status],
        )

    def _insert_facts(self, reading: Reading) -> None:
        for table, rows in fact_rows(reading).tables:
            if rows:
                self.con.executemany(_insert_sql(table), [list(r) for r in rows])
