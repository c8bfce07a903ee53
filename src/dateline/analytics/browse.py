"""Pages of the store for browsing: articles, stories, failures, and one article's reading.

Each list is one SQL query with LIMIT and OFFSET plus a count, so the API and dashboard can
page through a store of many thousands of articles without loading it.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.analytics.query import ACTORS
from dateline.store.store import Result, Store


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """One page of a listing and how many rows the whole listing has."""

    result: Result
    total: int
    limit: int
    offset: int


def _page(store: Store, sql: str, count_sql: str, *, limit: int, offset: int) -> Page:
    result = store.query(f"{sql} LIMIT ? OFFSET ?", [limit, offset])
    rows = store.query(count_sql).rows
    return Page(result=result, total=int(rows[0][0]) if rows else 0, limit=limit, offset=offset)


def list_articles(store: Store, *, limit: int = 50, offset: int = 0) -> Page:
    """Return a page of articles, newest published first, with their fact counts."""
    sql = (
        "SELECT a.id, a.headline, a.publisher, a.published_earliest, a.published_latest, "
        "a.source, a.url, a.story_id, a.language, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events "
        "FROM articles a ORDER BY a.published_earliest DESC NULLS LAST, a.id"
    )
    return _page(store, sql, "SELECT count(*) FROM articles", limit=limit, offset=offset)


def list_stories(store: Store, *, limit: int = 50, offset: int = 0) -> Page:
    """Return a page of stories (near-duplicate articles grouped), the most copied first."""
    sql = (
        "SELECT story_id AS id, count(*) AS articles, "
        "arg_min(headline, id <> story_id) AS headline, "  # false sorts first: the first article
        "list(DISTINCT publisher ORDER BY publisher) FILTER (WHERE publisher IS NOT NULL) "
        "AS publishers, min(published_earliest) AS earliest, max(published_latest) AS latest "
        "FROM articles GROUP BY story_id ORDER BY articles DESC, earliest DESC NULLS LAST, id"
    )
    count = "SELECT count(DISTINCT story_id) FROM articles"
    return _page(store, sql, count, limit=limit, offset=offset)


def list_failures(store: Store, *, limit: int = 50, offset: int = 0) -> Page:
    """Return a page of the inputs that could not be read, with stage and reason."""
    sql = "SELECT source, content_hash, stage, error, message FROM failures ORDER BY source"
    return _page(store, sql, "SELECT count(*) FROM failures", limit=limit, offset=offset)


def find_reading(store: Store, article_id: str) -> str | None:
    """Return an article's stored reading JSON, or None when no article has that id."""
    rows = store.query("SELECT reading FROM articles WHERE id = ?", [article_id]).rows
    return str(rows[0][0]) if rows else None


def count_actors(store: Store) -> int:
    """Return how many actors the store holds, as find_actors counts them (#9)."""
    rows = store.query(f"SELECT count(DISTINCT key) FROM ({ACTORS})").rows
    return int(rows[0][0]) if rows else 0
