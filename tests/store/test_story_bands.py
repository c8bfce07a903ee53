"""The story index kept in the store: band rows written with each chunk, found again after
a reopen, and backfilled by migration 6 for stores written before it (#12)."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dateline.reading import Reading
from dateline.store import Store
from dateline.store.rows import Prepared, prepare
from dateline.store.stories import band_rows

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "batch"))
from batch_toy import toy_clean

STORY = (
    "Rescue teams reached the flooded valley villages on Thursday after three days of rain "
    "washed away the only bridge, the regional governor said. Helicopters dropped food and "
    "water to families stranded on rooftops, and engineers began building a temporary "
    "crossing. Schools in the district will stay closed for a week while the roads are "
    "cleared, and the weather service warned of more storms over the weekend."
)
EDITED = STORY.replace("on Thursday", "late on Thursday") + " More to follow."
OTHER = (
    "The central bank left its main interest rate unchanged on Wednesday, saying inflation "
    "had eased for a third month but wages were still rising faster than expected. Two board "
    "members voted for a cut. Markets had priced in a pause, and the currency barely moved "
    "after the decision was published at noon."
)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Input:
    prepared: Prepared
    content_hash: str
    fetched_at: str | None = None


def _inputs(*texts: str) -> list[_Input]:
    items = []
    for n, text in enumerate(texts):
        digest = hashlib.sha256(f"{n}{text}".encode()).hexdigest()
        reading = toy_clean.func(Reading(source=f"page{n}-{digest[:6]}.html", raw=text.encode()))
        items.append(_Input(prepared=prepare(reading, content_hash=digest), content_hash=digest))
    return items


def _stories(store: Store) -> dict[str, str]:
    return dict(store.query("SELECT text, story_id FROM articles").rows)


def test_copies_join_within_a_chunk_and_across_chunks_after_a_reopen(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        first = store.write_readings(_inputs(STORY, OTHER, EDITED))
    story, other = first[0].article_id, first[1].article_id
    assert [w.story_id for w in first] == [story, other, story]
    with Store(tmp_path / "s.duckdb") as store:  # a new process: nothing kept in memory
        later = store.write_readings(_inputs(OTHER + " Reporting by the desk.", STORY))
        stories = _stories(store)
        bands = store.count("article_bands")
    assert [w.story_id for w in later] == [other, story]
    assert [w.status for w in later] == ["read", "copy"]  # the same text is the same article
    assert stories[EDITED] == stories[STORY] != stories[OTHER]
    assert bands == 25 * 4  # one row per band of each stored article, none for the copy


def test_migration_6_backfills_the_bands_the_writer_writes(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write_readings(_inputs(STORY, OTHER))
        written = sorted(store.query("SELECT * FROM article_bands").rows)
        signatures = store.query("SELECT id, minhash FROM articles").rows
    expected = sorted(row for aid, minhash in signatures for row in band_rows(aid, minhash))
    assert written == expected
    con = duckdb.connect(str(path))  # as a store written before migration 6 was
    con.execute("DROP TABLE article_bands; DELETE FROM schema_version WHERE version = 6")
    con.close()
    with Store(path) as store:
        assert sorted(store.query("SELECT * FROM article_bands").rows) == expected
        later = store.write_readings(_inputs(EDITED))
        stories = _stories(store)
    assert later[0].story_id == stories[STORY] != stories[OTHER]
