"""The DuckDB store: one file holding articles, their facts, failures and incidents.

`Store.write_readings` writes a chunk of articles and all their rows, one columnar (Arrow)
insert per table: per-row `executemany` cost 67 ms an article, a quarter of an ingest's wall
time, and the same rows load about 170x faster as Arrow (#12). Callers group writes with
`transaction()` so that an article never lands half-written: a run killed mid-batch leaves
the store as it was after the last commit, and the next run resumes from there.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from dateline.errors import StoreError
from dateline.store.engine import duckdb
from dateline.store.gate import FileLock, HeldError, is_shared, retry
from dateline.store.migrate import NEWEST, migrate, schema_version

if TYPE_CHECKING:  # pyarrow (numpy) and actor_names (actors/, and with it spaCy: 0.6 s) load
    # when a writer first needs them, so that query commands start fast (#12); so do the rows
    # and stories (the reading's dataclasses, dedup/): 20 ms of a query's 200 (#12)
    import pyarrow as pa

    from dateline.reading import Reading
    from dateline.store.rows import Prepared, Row


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


class Incoming(Protocol):
    """A read input to store: its rows, and where and when it came from (batch/read.py)."""

    @property
    def prepared(self) -> Prepared: ...
    @property
    def content_hash(self) -> str: ...
    @property
    def fetched_at(self) -> str | None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class _One:
    prepared: Prepared
    content_hash: str
    fetched_at: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    """A query's column names and rows."""

    columns: tuple[str, ...]
    rows: tuple[Row, ...]


_INPUT_COLUMNS = ("content_hash", "source", "fetched_at", "article_id", "status")


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


# How long a reader waits for a writer's chunk (one transaction, well under a second) and a
# writer for readers' queries (milliseconds each; new readers wait behind it) (#10).
READ_WAIT_S = 30.0
WRITE_WAIT_S = 300.0
LAZY_S = 2.0  # a writer holds the database between chunks this close (store/gate.py)


def _is_held(err: duckdb.Error) -> bool:
    """Whether DuckDB refused because another process (or connection) holds the file."""
    text = str(err)
    return "Could not set lock" in text or "different configuration" in text


def _cannot_open(path: Path, err: duckdb.Error) -> StoreError:
    return StoreError(f"{path}: cannot open the store ({_first_line(err)}); is it a dateline "
                      "store and readable?")  # fmt: skip


def _busy(path: Path, read_only: bool, seconds: float) -> str:
    if read_only:
        return (f"{path}: busy: another process is writing the store and held it for "
                f"{seconds:g} s; try again in a moment")  # fmt: skip
    return (f"{path}: other processes kept the store open for {seconds:g} s; close them "
            "(or wait), then re-run: the ingest resumes where it stopped")  # fmt: skip


class Store:
    """A DuckDB database file with dateline's schema, migrated on open.

    A writing Store may let go of the database between writes (`release`) so that reading
    processes can open it meanwhile; it opens it again on its next use (store/gate.py, #10).
    """

    def __init__(
        self, path: str | Path, *, read_only: bool = False, wait_s: float | None = None
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.wait_s = wait_s if wait_s is not None else (READ_WAIT_S if read_only else WRITE_WAIT_S)
        if read_only and not self.path.is_file():
            raise StoreError(f"{self.path}: no store here; run `dateline ingest` first")
        self._writer = FileLock(self.path.with_name(self.path.name + ".writer"))
        self._gate = FileLock(self.path.with_name(self.path.name + ".gate"))
        self._wanted = FileLock(self.path.with_name(self.path.name + ".wanted"))
        self._released_at = 0.0
        if not read_only:
            self._take_writer()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._schemas: dict[str, pa.Schema] = {}
        if not read_only:
            migrate(self.con)  # opens it: a fault shows now, not at the first write
        elif 0 < schema_version(self.con) < NEWEST:  # 0: no dateline store, left untouched
            self._migrate_first()

    def _migrate_first(self) -> None:
        """Bring a store last written by an older dateline to this one's schema, as a writer
        does when it opens it, then read it: queries name the newer columns (#12)."""
        self.close()
        with Store(self.path, wait_s=self.wait_s):
            pass
        _ = self.con

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The open connection, opened again (waiting for a writer) if `release` closed it."""
        if self._con is None:
            try:
                self._con = retry(self._connect, seconds=self.wait_s)
            except HeldError as err:
                self._gate.drop()
                raise StoreError(_busy(self.path, self.read_only, self.wait_s)) from err
            finally:
                self._wanted.drop()
        return self._con

    @con.setter
    def con(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def release(self, *, lazy: bool = False) -> None:
        """Close the database until its next use, so other processes can read it meanwhile.

        `lazy`: keep it if the last release was under LAZY_S ago (chunks come fast and each
        close costs a checkpoint) and no reader waits (store/gate.py).
        """
        now, last = time.monotonic(), self._released_at
        self._released_at = now
        if self._con is None or not is_shared():
            return
        if lazy and now - last < LAZY_S and not self._wanted.is_held_elsewhere():
            return
        self._con.close()
        self._con = None
        self._gate.drop()

    def close(self) -> None:
        """Close the connection and let go of the store's locks."""
        if self._con is not None:
            self._con.close()
            self._con = None
        self._gate.drop()
        self._wanted.drop()
        self._writer.drop()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _take_writer(self) -> None:
        try:
            self._writer.take()
        except HeldError as err:  # two ingests at once: the second stops before it reads anything
            raise StoreError(f"{self.path}: another dateline process is writing this store; "
                             "wait for it to finish, then re-run") from err  # fmt: skip
        except OSError as err:
            raise StoreError(f"{self.path}: cannot write beside the store ({err.strerror}); "
                             "check the folder's write permission") from err  # fmt: skip

    def _connect(self) -> duckdb.DuckDBPyConnection:
        """Open the database past the gate, or raise HeldError while another process holds it."""
        if self.read_only:  # say that a reader waits (the first try does too: it is cheap)
            with suppress(HeldError, OSError):  # the writer looking, that instant: next try
                self._wanted.take(shared=True)
        try:
            self._gate.take(shared=self.read_only)  # a writer keeps it until it has closed
        except OSError as err:
            gate = self._gate.path.name
            raise StoreError(f"{self.path}: cannot lock {gate} beside the store ({err.strerror})"
                             "; check the folder's permissions") from err  # fmt: skip
        if not self.read_only:
            # A writer hands DuckDB Arrow tables, which only the whole package teaches the engine
            # to scan (store/engine.py): loaded here, whatever this process imported before.
            import duckdb as _whole  # noqa: F401
        try:
            return duckdb.connect(str(self.path), read_only=self.read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as err:
            if not _is_held(err):
                self._gate.drop()
                raise _cannot_open(self.path, err) from err
            raise HeldError(str(self.path)) from err
        except duckdb.Error as err:
            self._gate.drop()
            raise _cannot_open(self.path, err) from err
        finally:
            if self.read_only:  # a reader needs the gate only to get in
                self._gate.drop()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Commit what the block wrote, or roll all of it back if the block raises."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except duckdb.Error as err:  # disk full, a read-only file: one line naming the fix (#10)
            self._roll_back()
            raise StoreError(f"{self.path}: cannot write the store ({_first_line(err)}); check "
                             "free disk space and write permission, then re-run: it resumes "
                             "where the last saved chunk ended") from err  # fmt: skip
        except BaseException:  # a kill (KeyboardInterrupt) must roll back too, then go on up
            self._roll_back()
            raise

    def _roll_back(self) -> None:
        with suppress(duckdb.Error):  # the failed commit may have ended the transaction
            self.con.execute("ROLLBACK")

    def known_hashes(self) -> set[str]:
        """Return the content hashes of every input already read (not of failures)."""
        return {row[0] for row in self.con.execute("SELECT content_hash FROM inputs").fetchall()}

    def write_reading(
        self, reading: Reading, *, content_hash: str, fetched_at: str | None = None
    ) -> Written:
        """Store a reading with all its facts (or note it as a copy of stored text)."""
        from dateline.store.rows import prepare

        prepared = prepare(reading, content_hash=content_hash)
        one = _One(prepared=prepared, content_hash=content_hash, fetched_at=fetched_at)
        return self.write_readings([one])[0]

    def write_readings(self, items: Sequence[Incoming]) -> list[Written]:
        """Store read inputs with all their rows, one insert per table; say what each became."""
        from dateline.store.actor_names import index_actors, key_rows
        from dateline.store.rows import FACT_TABLES, STORY
        from dateline.store.stories import band_rows

        stories = self._stored_stories([i.prepared.article_id for i in items])
        found = self._new_stories(items, stories)
        tables: dict[str, list[Row]] = {
            t: [] for t in ("articles", "article_bands", "inputs", *FACT_TABLES)
        }
        written: list[Written] = []
        for item in items:
            done = item.prepared
            status = "copy" if done.article_id in stories else "read"
            if status == "read":
                story = stories[done.article_id] = found[done.article_id]
                tables["articles"].append(
                    (*done.article[:STORY], story, *done.article[STORY + 1 :])
                )
                tables["article_bands"] += band_rows(done.article_id, done.signature)
                for table, rows in key_rows(done.facts, story).tables:
                    tables[table] += rows
            tables["inputs"].append(
                (item.content_hash, done.source, item.fetched_at, done.article_id, status)
            )
            written.append(Written(article_id=done.article_id, story_id=stories[done.article_id],
                                   status=status))  # fmt: skip
        self._insert_rows(tables)
        index_actors(self.con, tables["actors"])
        return written

    def replace_facts(self, readings: Sequence[Reading]) -> None:
        """Replace stored articles' fact rows and reading JSON with new readings'."""
        from dateline.reading import to_json
        from dateline.store.actor_names import index_actors, key_rows
        from dateline.store.rows import COLUMNS, FACT_TABLES, fact_rows

        ids = [r.require_article().id for r in readings]
        stories = self._stored_stories(ids)
        tables: dict[str, list[Row]] = {t: [] for t in FACT_TABLES}
        for reading, aid in zip(readings, ids, strict=True):
            for table, rows in key_rows(fact_rows(reading), stories.get(aid, aid)).tables:
                tables[table] += rows
        names = ", ".join(f'"{c}"' for c in COLUMNS["actors"])
        old = self.con.execute(
            f"SELECT {names} FROM actors WHERE article_id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        for table in FACT_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])
        self._insert_rows(tables)
        keyed = COLUMNS["actors"].index("name_key")
        index_actors(self.con, tables["actors"], removed=[r for r in old if r[keyed] is not None])
        self.con.executemany(
            "UPDATE articles SET reading = ? WHERE id = ?",
            [[to_json(r, indent=None), aid] for r, aid in zip(readings, ids, strict=True)],
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

    def _new_stories(self, items: Sequence[Incoming], stored: dict[str, str]) -> dict[str, str]:
        """Return {article id: story id} for the items' articles not stored yet (#12)."""
        from dateline.store.stories import find_stories

        new: dict[str, tuple[int, ...]] = {}  # an id given twice: its first copy's signature
        for item in items:
            if item.prepared.article_id not in stored:
                new.setdefault(item.prepared.article_id, item.prepared.signature)
        return find_stories(self.con, list(new.items()))

    def _stored_stories(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Return {article id: story id} for those of the ids already stored."""
        rows = self.con.execute(
            "SELECT id, story_id FROM articles WHERE id IN (SELECT unnest(?))", [list(article_ids)]
        ).fetchall()
        return {str(aid): str(story) for aid, story in rows}

    def _insert_rows(self, tables: dict[str, list[Row]]) -> None:
        """Insert each table's rows as one Arrow table; a stored input stays as it was."""
        from dateline.store.rows import COLUMNS

        for table, rows in tables.items():
            if not rows:
                continue
            names = _INPUT_COLUMNS if table == "inputs" else COLUMNS[table]
            self.con.register("_incoming", self._arrow(table, names, rows))
            try:
                verb = "INSERT OR IGNORE" if table == "inputs" else "INSERT"
                quoted = ", ".join(f'"{c}"' for c in names)
                self.con.execute(f"{verb} INTO {table} ({quoted}) SELECT * FROM _incoming")
            finally:
                self.con.unregister("_incoming")
        sources = [row[1] for row in tables.get("inputs", []) if row[4] == "read"]
        if sources:  # a source read at last is no failure any more
            self.con.execute("DELETE FROM failures WHERE source IN (SELECT unnest(?))", [sources])

    def _arrow(self, table: str, names: Sequence[str], rows: list[Row]) -> pa.Table:
        """Rows as an Arrow table typed like the store's columns (asked of DuckDB once)."""
        import duckdb  # noqa: F401  # its Python layer gives connections .sql (store/engine.py)
        import pyarrow as pa

        if table not in self._schemas:
            quoted = ", ".join(f'"{c}"' for c in names)
            query = f"SELECT {quoted} FROM {table} LIMIT 0"
            self._schemas[table] = self.con.sql(query).to_arrow_table().schema
        schema = self._schemas[table]
        columns = zip(*rows, strict=True)
        arrays = [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)]
        return pa.Table.from_arrays(arrays, schema=schema)
