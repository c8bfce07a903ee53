"""The story index in the store: each article's band keys are rows of article_bands (#12).

The writer looks up a chunk's new articles in one query (the stored articles that share a
band with any of them), matches them in input order (dedup/stories.py), and inserts their band
rows with the chunk's other rows. Nothing is held in memory between chunks and nothing is
read from the whole store, so memory and start-up no longer grow with the store.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.dedup.stories import Known, Signature, assign_stories, band_keys
from dateline.store.engine import duckdb

_CANDIDATES = """
SELECT DISTINCT a.id, a.story_id, a.minhash
FROM (SELECT unnest(?) AS band, unnest(?) AS key) q
JOIN article_bands b ON b.band = q.band AND b.key = q.key
JOIN articles a ON a.id = b.article_id
"""


def find_stories(
    con: duckdb.DuckDBPyConnection, new: Sequence[tuple[str, Signature]]
) -> dict[str, str]:
    """Return {article id: story id} for new articles (ids not stored, each given once)."""
    wanted = [(band, key) for _, signature in new for band, key in enumerate(band_keys(signature))]
    stored: list[Known] = []
    if wanted:
        bands, keys = zip(*wanted, strict=True)
        rows = con.execute(_CANDIDATES, [list(bands), list(keys)]).fetchall()
        stored = [Known(article_id=str(aid), story_id=str(story), signature=tuple(minhash))
                  for aid, story, minhash in rows]  # fmt: skip
    stories = assign_stories(new, stored)
    return dict(zip((aid for aid, _ in new), stories, strict=True))


def band_rows(article_id: str, signature: Signature) -> list[tuple[int, int, str]]:
    """Return an article's article_bands rows (none for an empty signature)."""
    return [(band, key, article_id) for band, key in enumerate(band_keys(signature))]
