"""The store: migrations, readings in and out unchanged, rows that lead back to their text."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import StoreError
from dateline.reading import (
    Actor,
    Article,
    Event,
    Interval,
    Mention,
    Published,
    Reading,
    Time,
    from_json,
)
from dateline.store import Store
from dateline.store.export import export_jsonl, export_parquet
from dateline.store.migrate import migrate, migrations, schema_version


def test_new_store_is_at_the_newest_schema_version(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        assert schema_version(store.con) == migrations()[-1][0]


def test_migrate_applies_a_later_step_once(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    later = len(migrations()) + 1
    steps = (*migrations(), (later, "ALTER TABLE articles ADD COLUMN section VARCHAR"))
    assert migrate(con, steps) == later
    assert migrate(con, steps) == later  # a second run finds nothing to do
    columns = {r[0] for r in con.execute("DESCRIBE articles").fetchall()}
    assert "section" in columns
    con.close()


def test_a_version_1_store_gains_the_co_party_columns(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    migrate(con, migrations()[:1])
    con.close()
    with Store(tmp_path / "s.duckdb") as store:
        columns = {r[0] for r in store.con.execute("DESCRIBE events").fetchall()}
    assert {"co_sources", "co_targets"} <= columns


def _mention_counts(store: Store) -> list[tuple[str, int, int]]:
    """Each actor's stored count beside the count of its rows in the mentions table."""
    return list(store.query(
        "SELECT a.id, a.mentions, (SELECT count(*) FROM mentions m WHERE m.kind = 'actor' "
        "AND m.article_id = a.article_id AND m.fact_id = a.id) FROM actors a ORDER BY a.id"
    ).rows)  # fmt: skip


def test_version_5_counts_each_stored_actors_mentions(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    migrate(con, migrations()[:4])
    con.execute("INSERT INTO actors (article_id, id, name) VALUES ('x', 'a1', 'Israel'), "
                "('x', 'a2', 'Hamas'), ('y', 'a1', 'Egypt')")  # fmt: skip
    con.execute("INSERT INTO mentions VALUES ('x', 'actor', 'a1', 'Israel', 0, 6), "
                "('x', 'actor', 'a1', 'Israel', 9, 15), ('x', 'place', 'a2', 'Gaza', 20, 24), "
                "('y', 'actor', 'a1', 'Egypt', 0, 5)")  # fmt: skip
    con.close()
    with Store(tmp_path / "s.duckdb") as store:
        assert [(aid, n) for aid, n, _ in _mention_counts(store)] == [
            ("a1", 2), ("a1", 1), ("a2", 0)]  # fmt: skip


def test_a_reader_of_an_older_store_migrates_it_first(tmp_path: Path) -> None:
    # a query names the newest columns, and a store may not have been written since an upgrade
    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    migrate(con, migrations()[:4])
    con.close()
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert schema_version(store.con) == migrations()[-1][0]
        assert store.query("SELECT count(mentions) FROM actors").rows == ((0,),)
        with pytest.raises(StoreError, match="read-only"):
            store.query("CREATE TABLE t (x INTEGER)")


def test_a_reader_of_another_database_leaves_it_as_it_is(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "other.duckdb"))
    con.execute("CREATE TABLE notes (line VARCHAR)")
    con.close()
    with Store(tmp_path / "other.duckdb", read_only=True) as store:
        tables = store.query("SELECT table_name FROM duckdb_tables() ORDER BY 1").rows
    assert tables == (("notes",),)


def test_the_writer_and_a_reread_count_each_actors_mentions(tmp_path: Path) -> None:
    text = "Israel said on Monday that Israel and Egypt would meet."
    article = Article(id="abc", source="a.html", body=text, text=text)
    said = (Mention(text="Israel", start=0, end=6), Mention(text="Israel", start=27, end=33))
    israel = Actor(id="a1", name="Israel", type="state", country="ISR", mentions=said)
    egypt = Actor(id="a2", name="Egypt", type="state", country="EGY", mentions=())
    reading = Reading(source="a.html", text=text, article=article, actors=(israel, egypt))
    with Store(tmp_path / "s.duckdb") as store:
        with store.transaction():
            store.write_reading(reading, content_hash="h")
        assert _mention_counts(store) == [("a1", 2, 2), ("a2", 0, 0)]
        with store.transaction():  # what `dateline reread` does with a new reading
            store.replace_facts([replace(reading, actors=(replace(israel, mentions=()), egypt))])
        assert _mention_counts(store) == [("a1", 0, 0), ("a2", 0, 0)]


def test_store_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    migrate(con, (*migrations(), (9, "SELECT 1")))
    con.close()
    with pytest.raises(StoreError, match="schema version 9"):
        Store(tmp_path / "s.duckdb")


def test_read_only_store_that_does_not_exist_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="dateline ingest"):
        Store(tmp_path / "none.duckdb", read_only=True)


_WORDS = st.text(alphabet="abcdefgh ,.'éß\"", min_size=1, max_size=12)


@st.composite
def readings(draw: st.DrawFn) -> Reading:
    """Readings with actors, times and events whose offsets slice out their text."""
    words = draw(st.lists(_WORDS, min_size=3, max_size=12))
    text = " ".join(words)
    cut = sorted(draw(st.lists(st.integers(0, len(text)), min_size=4, max_size=4)))
    m1 = Mention(text=text[cut[0] : cut[1]], start=cut[0], end=cut[1])
    m2 = Mention(text=text[cut[2] : cut[3]], start=cut[2], end=cut[3])
    day = draw(st.dates(date(1990, 1, 1), date(2030, 1, 1)))
    aid = hashlib.sha256(text.encode()).hexdigest()[:16]
    published = Published(earliest=day, latest=day, basis="metadata")
    article = Article(
        id=aid,
        source=f"{aid}.html",
        headline=words[0],
        body=text,
        text=text,
        published=published,
        language="en",
    )
    actor = Actor(id="a1", name=draw(_WORDS), type="state", country="ISR", mentions=(m1,))
    event = Event(
        id="e1",
        type="ASSAULT",
        cameo="190",
        goldstein=draw(st.floats(-10, 10)),
        plover_score=None,
        source="a1",
        target=None,
        modality="asserted",
        evidence=m2,
        date=Interval(earliest=day, latest=None),
        confidence=draw(st.floats(0, 1)),
        co_targets=draw(st.lists(st.just("a1"), max_size=1).map(tuple)),
    )
    time = Time(text=m2.text, earliest=day, latest=day, start=m2.start, end=m2.end)
    return Reading(
        source=article.source,
        text=text,
        article=article,
        actors=(actor,),
        events=(event,),
        times=(time,),
    )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reading=readings())
def test_store_round_trip_keeps_the_reading_and_its_offsets(
    tmp_path: Path, reading: Reading
) -> None:
    path = tmp_path / f"{reading.require_article().id}.duckdb"
    path.unlink(missing_ok=True)
    with Store(path) as store:
        with store.transaction():
            store.write_reading(reading, content_hash="h")
        [(_, text)] = list(store.readings_json())
        assert from_json(text) == reading
        [(co_sources, co_targets)] = store.query("SELECT co_sources, co_targets FROM events").rows
        assert (co_sources, co_targets) == ([], list(reading.events[0].co_targets))
        bad = store.query(
            'SELECT t.text FROM (SELECT article_id, text, start, "end" FROM events UNION ALL '
            'SELECT article_id, text, start, "end" FROM mentions UNION ALL '
            'SELECT article_id, text, start, "end" FROM times) t JOIN articles a '
            'ON a.id = t.article_id WHERE substr(a.text, t.start + 1, t."end" - t.start) <> t.text'
        )
        assert bad.rows == ()
    path.unlink()


def test_a_second_copy_of_the_same_text_is_recorded_not_doubled(tmp_path: Path) -> None:
    text = "Fishermen returned to the harbour after the storm passed on Sunday."
    article = Article(id="abc", source="a.html", body=text, text=text)
    first = Reading(source="a.html", text=text, article=article)
    with Store(tmp_path / "s.duckdb") as store:
        with store.transaction():
            assert store.write_reading(first, content_hash="h1").status == "read"
            copy = store.write_reading(
                Reading(source="b.txt", text=text, article=article), content_hash="h2"
            )
        assert copy.status == "copy"
        assert store.count("articles") == 1
        assert store.query("SELECT source, status FROM inputs ORDER BY 1").rows == (
            ("a.html", "read"),
            ("b.txt", "copy"),
        )


def test_export_writes_parquet_per_table_and_jsonl_of_readings(tmp_path: Path) -> None:
    text = "Talks resumed in the capital on Friday."
    article = Article(id="abc", source="a.html", body=text, text=text)
    with Store(tmp_path / "s.duckdb") as store:
        with store.transaction():
            store.write_reading(
                Reading(source="a.html", text=text, article=article), content_hash="h"
            )
        paths = export_parquet(store, tmp_path / "out")
        count = export_jsonl(store, tmp_path / "readings.jsonl")
    assert {p.name for p in paths} >= {"articles.parquet", "events.parquet", "failures.parquet"}
    rows = duckdb.sql(f"SELECT id, text FROM '{tmp_path / 'out' / 'articles.parquet'}'").fetchall()
    assert rows == [("abc", text)]
    assert count == 1
    line = (tmp_path / "readings.jsonl").read_text().splitlines()[0]
    assert from_json(line).require_article().text == text
