"""The story index in the store: each article's band keys are rows of article_bands (#12).

The writer looks up a chunk's new articles at once (the stored articles that share a band with
any of them), matches them in input order (dedup/stories.py), and inserts their band rows with
the chunk's other rows. Nothing is held in memory between chunks and nothing is
read from the whole store, so memory and start-up no longer grow with the store.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.dedup.stories import Known, Signature, assign_stories, band_keys
from dateline.store.engine import duckdb


def find_stories(
    con: duckdb.DuckDBPyConnection, new: Sequence[tuple[str, Signature]]
) -> dict[str, str]:
    """Return {article id: story id} for new articles (ids not stored, each given once)."""
    wanted = {(band, key) for _, signature in new for band, key in enumerate(band_keys(signature))}
    stories = assign_stories(new, _stored_candidates(con, wanted))
    return dict(zip((aid for aid, _ in new), stories, strict=True))


def _stored_candidates(con: duckdb.DuckDBPyConnection, wanted: set[tuple[int, int]]) -> list[Known]:
    """Return the stored articles that share a (band, key) with the wanted ones.

    Two lookups by lists of values rather than one join of both tables: 3.2 against 5.4 ms a
    chunk of 8 at 3,200 articles, 9.4 against 19.5 at 50,000 (synthetic signatures, the
    2-core box, one run).
    """
    keys = sorted({key for _, key in wanted})
    if not keys:
        return []
    sql = "SELECT band, key, article_id FROM article_bands WHERE key IN (SELECT unnest(?))"
    rows = con.execute(sql, [keys]).fetchall()
    ids = sorted({str(aid) for band, key, aid in rows if (band, key) in wanted})
    if not ids:
        return []
    sql = "SELECT id, story_id, minhash FROM articles WHERE id IN (SELECT unnest(?))"
    found = con.execute(sql, [ids]).fetchall()
    return [Known(article_id=str(aid), story_id=str(story), signature=tuple(minhash))
            for aid, story, minhash in found]  # fmt: skip


def band_rows(article_id: str, signature: Signature) -> list[tuple[int, int, str]]:
    """Return an article's article_bands rows (none for an empty signature)."""
    return [(band, key, article_id) for band, key in enumerate(band_keys(signature))]
