"""Incidents kept up to date by segment equal incidents rebuilt from the whole store (#12)."""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from dateline.store import Store
from dateline.store.incidents import Gone, rebuild_incidents, update_incidents

WORDS = [
    "shelled",
    "harbour",
    "villages",
    "border",
    "troops",
    "killed",
    "rockets",
    "convoy",
    "talks",
    "envoy",
]
START = date(2024, 3, 1)
_ARTICLE = (
    "INSERT INTO articles (id, source, content_hash, story_id, publisher, text, reading) "
    "VALUES (?, ?, ?, ?, ?, 'text', '{}')"
)
_EVENT = (
    "INSERT INTO events (id, article_id, local_id, type, source_name, target_name, earliest, "
    'latest, date_basis, background, place_name, goldstein, text, start, "end") '
    "VALUES (?, ?, 'e', ?, ?, ?, ?, ?, 'event', false, ?, -5.0, ?, 0, 1)"
)


def _add_article(store: Store, rng: random.Random, n: int, twin_of: list[Any] | None) -> None:
    """An article of 1-4 events; a twin article repeats another's events a few days off."""
    story = twin_of[0][1] if twin_of else f"s{n}"
    store.con.execute(_ARTICLE, [f"a{n}", f"p{n}", f"h{n}", story, f"pub{n % 3}"])
    if twin_of:
        for i, (kind, source, target, day, place, text) in enumerate(twin_of[1]):
            shifted = day and day + timedelta(days=rng.choice((-5, 0, 1, 5)))
            store.con.execute(_EVENT, [f"a{n}e{i}", f"a{n}", kind, source, target, shifted,
                                       shifted, place, text])  # fmt: skip
        return
    for i in range(rng.randint(1, 4)):
        day = None if rng.random() < 0.1 else START + timedelta(days=rng.randint(0, 40))
        text = " ".join(rng.sample(WORDS, 4))
        row = [f"a{n}e{i}", f"a{n}", rng.choice(("ASSAULT", "THREATEN")),
               rng.choice(("North", "South", None)), rng.choice(("East", None)), day, day,
               rng.choice(("Vale", None)), text]  # fmt: skip
        store.con.execute(_EVENT, row)


def _events_of(store: Store, article: str) -> list[Any]:
    return [
        list(r)
        for r in store.con.execute(
            "SELECT id, article_id, type, source_name, target_name, earliest, place_name, text "
            "FROM events WHERE article_id = ?",
            [article],
        ).fetchall()
    ]


def _incidents(store: Store) -> tuple[Any, ...]:
    incidents = store.query("SELECT * FROM incidents ORDER BY id").rows
    links = store.query("SELECT * FROM incident_events ORDER BY ALL").rows
    return incidents, links


def _as_rebuilt(store: Store, tmp_path: Path) -> tuple[Any, ...]:
    store.con.execute("CHECKPOINT")
    copy = tmp_path / "copy.duckdb"
    shutil.copy(store.path, copy)
    with Store(copy) as fresh, pytest.MonkeyPatch.context() as patch:
        patch.setattr("dateline.store.incidents._BATCH_EVENTS", 10**9)  # one batch: the oracle
        rebuild_incidents(fresh)
        return _incidents(fresh)


@pytest.fixture
def no_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """The update's safety net (a full rebuild) must not be what makes the results equal."""

    def refuse(store: Store) -> int:
        raise AssertionError("update_incidents fell back to a full rebuild")

    monkeypatch.setattr("dateline.store.incidents.rebuild_incidents", refuse)


@pytest.fixture(params=[5_000, 3], ids=["one batch", "batches of 3 events"])
def batch_events(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks re-clustered a few at a time (to bound the writer's memory) give the same rows."""
    monkeypatch.setattr("dateline.store.incidents._BATCH_EVENTS", request.param)


@pytest.mark.usefixtures("no_fallback", "batch_events")
@pytest.mark.parametrize("seed", range(6))
def test_incremental_incidents_equal_a_full_rebuild(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with Store(tmp_path / "s.duckdb") as store:
        n = 0
        for _ in range(5):  # five ingests of a few articles, some of them twins of earlier ones
            for _ in range(rng.randint(2, 8)):
                twin = None
                if n and rng.random() < 0.4:
                    other = f"a{rng.randrange(n)}"
                    story = store.con.execute(
                        "SELECT story_id FROM articles WHERE id = ?", [other]
                    ).fetchone()
                    twin = [(None, story[0] if story else other), _twin_rows(store, other)]
                _add_article(store, rng, n, twin)
                n += 1
            update_incidents(store)
            assert _incidents(store) == _as_rebuilt(store, tmp_path)


def _twin_rows(store: Store, article: str) -> list[Any]:
    return [tuple(r[2:]) for r in _events_of(store, article)]


@pytest.mark.usefixtures("no_fallback", "batch_events")
def test_a_reread_that_moves_and_removes_events_equals_a_full_rebuild(tmp_path: Path) -> None:
    rng = random.Random(7)
    with Store(tmp_path / "s.duckdb") as store:
        for n in range(30):
            _add_article(store, rng, n, None)
        update_incidents(store)
        rows = store.con.execute(
            "SELECT id, type, source_name, target_name, earliest, latest FROM events ORDER BY id"
        ).fetchall()
        gone = [Gone(id=r[0], type=r[1], source_name=r[2], target_name=r[3], earliest=r[4],
                     latest=r[5]) for r in rows[::5]]  # fmt: skip
        removed, moved = [g.id for g in gone[::2]], [g.id for g in gone[1::2]]
        store.con.execute("DELETE FROM events WHERE id IN (SELECT unnest(?))", [removed])
        store.con.execute(
            "UPDATE events SET earliest = earliest + 9, latest = latest + 9 "
            "WHERE id IN (SELECT unnest(?))",
            [moved],
        )
        update_incidents(store, changed=moved, gone=gone)
        assert _incidents(store) == _as_rebuilt(store, tmp_path)
        linked = store.query("SELECT count(DISTINCT event_id) FROM incident_events").rows
        assert linked[0][0] == store.count("events")  # every event in exactly one incident
