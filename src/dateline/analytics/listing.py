"""Events and incidents as sorted pages, and one event or incident with every report of it.

Paging is done in SQL: a cursor names the last row a page showed (its sort value and id), and
the next page is the rows after it in the same order (keyset paging), so page 500 costs what
page 1 costs and a row added meanwhile neither repeats nor skips a row. `offset` stays for
clients that want to jump; `total` is one count(*).

Every event row carries what leads back to its words: the event and incident ids, the
evidence's offsets into the article text, the place's coordinates, and the article's
headline, publisher and URL; dates are intervals with their precision (day, month, year).
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.analytics.filters import EVERYTHING, Scope, event_sql, incident_sql, precision_sql
from dateline.errors import InputError
from dateline.store.store import Result, Store

# The sort keys an analyst may name; "-date" is newest first. Each key is an SQL expression
# with no NULLs (a NULL breaks the keyset comparison), so unknown values sort as the oldest,
# the lowest or the emptiest.
EVENT_SORTS = {
    "date": "coalesce(e.earliest, DATE '0001-01-01')",
    "published": "coalesce(a.published_earliest, DATE '0001-01-01')",
    "goldstein": "coalesce(e.goldstein, -100.0)",
    "confidence": "coalesce(e.confidence, -1.0)",
    "type": "e.type",
}
INCIDENT_SORTS = {
    "date": "coalesce(i.earliest, DATE '0001-01-01')",
    "reports": "i.reports",
    "goldstein": "coalesce(i.goldstein, -100.0)",
    "type": "i.type",
}


# A coordinated act's other parties (#8: "X and Y attacked Z"), by name, in the order the
# event lists them, joined by "; " so that a table and a CSV show them as one cell; found for a
# page's rows only.
def co_names(side: str) -> str:
    """Return the SQL of an event `e`'s co-parties' names on a side (source or target)."""
    return (
        f"(SELECT string_agg(ca.name, '; ' ORDER BY list_position(e.co_{side}s, ca.id)) "
        f"FROM actors ca WHERE ca.article_id = e.article_id "
        f"AND list_contains(e.co_{side}s, ca.id)) AS co_{side}_names"
    )


EVENT_COLUMNS = f"""
e.id, ie.incident_id, e.article_id, e.type, e.mode, e.cameo, e.cameo_label, e.goldstein,
e.source_name, e.target_name, {co_names("source")}, {co_names("target")}, e.modality,
e.confidence, e.attribution,
e.earliest, e.latest, {precision_sql("e")} AS precision, e.date_basis, e.background,
e.place_name, p.country, p.lat, p.lon, e.text, e.start, e."end",
a.headline, a.publisher, a.url, a.source AS article_source, a.published_earliest AS published
"""
# A page is found in two steps (#12): the sort keys and ids of its rows, from only the tables
# the filters and sort keys name (`_event_keys`, also counted), then the columns of those rows
# alone. At 3,240 articles this took the first page of events by actor from 36 to 27 ms (count
# and page) and of all incidents from 60 to 13 ms.


def _event_keys(scope: Scope, sort: str) -> str:
    """Return the FROM of an event listing's keys: the articles only for their publication
    date, the places only for a country (each join cost 3 to 5 ms a page at 3,240 articles)."""
    keys = "FROM events e"
    if sort.removeprefix("-") == "published":  # every event has its article (store.py)
        keys += " JOIN articles a ON a.id = e.article_id"
    if scope.country:
        keys += " LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id"
    return keys


_EVENT_FROM = """
JOIN events e ON e.id = page.sort_id
JOIN articles a ON a.id = e.article_id
LEFT JOIN incident_events ie ON ie.event_id = e.id
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
"""

# An incident's place and coordinates are those of its first report that has a place, found
# for the page's incidents only (a subquery per incident read every report of every one).
INCIDENT_COLUMNS = f"""
i.id, i.type, i.source_name, i.target_name, i.place_name, i.earliest, i.latest,
{precision_sql("i")} AS precision, i.reports, i.articles, i.stories, i.goldstein,
i.background, f.where_, f.country
"""
_INCIDENT_FROM = """
JOIN incidents i ON i.id = page.sort_id
LEFT JOIN (
  SELECT ie.incident_id, arg_min([p.lat, p.lon], e.id) FILTER (WHERE p.lat IS NOT NULL) AS where_,
         arg_min(p.country, e.id) FILTER (WHERE p.country IS NOT NULL) AS country
  FROM page JOIN incident_events ie ON ie.incident_id = page.sort_id
  JOIN events e ON e.id = ie.event_id
  JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
  GROUP BY ie.incident_id
) f ON f.incident_id = i.id
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class Listing:
    """One sorted page: its rows, the listing's size and the cursor of the next page."""

    result: Result
    total: int
    limit: int
    next_cursor: str | None  # None on the last page


@dataclass(frozen=True, slots=True, kw_only=True)
class Order:
    """How to sort and where to start: a sort key ("-date"), a cursor or an offset."""

    sort: str = "-date"
    cursor: str | None = None
    limit: int = 50
    offset: int = 0


FIRST_PAGE = Order()


def find_events(store: Store, scope: Scope = EVERYTHING, order: Order = FIRST_PAGE) -> Listing:
    """Return a page of events in scope, sorted (newest first by default)."""
    where, params = event_sql(scope)
    query = _Query(columns=EVENT_COLUMNS, keys=_event_keys(scope, order.sort), tables=_EVENT_FROM,
                   key_id="e.id", where=where, params=params, sorts=EVENT_SORTS)  # fmt: skip
    return _listing(store, query, order)


def find_incidents(store: Store, scope: Scope = EVERYTHING, order: Order = FIRST_PAGE) -> Listing:
    """Return a page of incidents in scope (background included), newest first by default."""
    where, params = incident_sql(scope, news_only=False)
    query = _Query(columns=INCIDENT_COLUMNS, keys="FROM incidents i", tables=_INCIDENT_FROM,
                   key_id="i.id", where=where, params=params, sorts=INCIDENT_SORTS)  # fmt: skip
    listing = _listing(store, query, order)
    return Listing(result=_split_where(listing.result), total=listing.total,
                   limit=listing.limit, next_cursor=listing.next_cursor)  # fmt: skip


def _split_where(result: Result) -> Result:
    """Return the rows with the [lat, lon] pair as two columns (DuckDB returns one list)."""
    at = result.columns.index("where_")
    columns = (*result.columns[:at], "lat", "lon", *result.columns[at + 1 :])
    rows = tuple((*r[:at], *(r[at] or (None, None)), *r[at + 1 :]) for r in result.rows)
    return Result(columns=columns, rows=rows)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Query:
    columns: str  # of the page's rows, from `tables`
    keys: str  # FROM: the tables that the filters and sort keys name
    tables: str  # the joins after `page` (each row's sort key and id) that give the columns
    key_id: str
    where: str
    params: list[Any]
    sorts: dict[str, str]


def _listing(store: Store, query: _Query, order: Order) -> Listing:
    name, descending = parse_sort(order.sort, query.sorts)
    key, op, way = query.sorts[name], "<" if descending else ">", "DESC" if descending else "ASC"
    where, params = query.where, list(query.params)
    if order.cursor:
        value, last_id = decode_cursor(order.cursor, name)
        where += f" AND ({key} {op} ? OR ({key} = ? AND {query.key_id} {op} ?))"
        params += [value, value, last_id]
    # A filtered first page's rows carry the count of the rows in scope (a window over them,
    # taken before the LIMIT), so the filters run once, not once more for a count(*): an
    # actor's or a dyad's first page took 20 to 40 ms less at 3,240 articles (#12). Unfiltered,
    # count(*) is DuckDB's row count, cheaper than the window; after a cursor the window would
    # count only the rows after it.
    windowed = not order.cursor and query.where != "TRUE"
    in_scope = "count(*) OVER ()" if windowed else "NULL"
    result = store.query(
        f"WITH page AS (SELECT {key} AS sort_key, {query.key_id} AS sort_id, "
        f"{in_scope} AS in_scope {query.keys} "
        f"WHERE {where} ORDER BY 1 {way}, 2 {way} LIMIT ? OFFSET ?) "
        f"SELECT page.sort_key, page.sort_id, page.in_scope, {query.columns} FROM page "
        f"{query.tables} ORDER BY 1 {way}, 2 {way}",
        [*params, order.limit + 1, 0 if order.cursor else order.offset],
    )
    rows, more = result.rows[: order.limit], len(result.rows) > order.limit
    cursor = encode_cursor(name, rows[-1][0], rows[-1][1]) if rows and more else None
    page = Result(columns=result.columns[3:], rows=tuple(r[3:] for r in rows))
    if windowed and rows:
        total = int(rows[0][2])
    else:  # unfiltered, a cursor's page, or no row to carry it (an offset past the end)
        counted = store.query(f"SELECT count(*) {query.keys} WHERE {query.where}", query.params)
        total = int(counted.rows[0][0])
    return Listing(result=page, total=total, limit=order.limit, next_cursor=cursor)


def parse_sort(sort: str, sorts: dict[str, str]) -> tuple[str, bool]:
    """Return the sort key and whether it runs descending ("-date"); InputError if unknown."""
    name = sort.removeprefix("-")
    if name not in sorts:
        known = ", ".join(f"{k}, -{k}" for k in sorts)
        raise InputError(sort, f"no such sort; known: {known}")
    return name, sort.startswith("-")


def encode_cursor(sort: str, value: Any, last_id: str) -> str:
    """Return an opaque cursor naming a row by its sort value and id."""
    plain = value.isoformat() if isinstance(value, date) else value
    text = json.dumps([sort, plain, last_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    """Return the sort value and id a cursor names; InputError if it is not one of ours."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        name, value, last_id = json.loads(base64.urlsafe_b64decode(padded))
    except (ValueError, binascii.Error, TypeError) as err:
        raise InputError(cursor, "not a cursor this API gave; start without one") from err
    if name != sort or not isinstance(last_id, str):
        raise InputError(cursor, f"a cursor of another sort ({name}); keep the sort it came with")
    if sort in ("date", "published"):
        value = date.fromisoformat(value)
    return value, last_id


# A report: one event as one article told it, with the whole article text (the store keeps
# the words, news links die) so a reader sees the evidence in its paragraph, and the quote or
# source the event rests on.
_REPORT = f"""
SELECT e.id AS event_id, ie.incident_id, e.article_id, a.headline, a.publisher, a.url,
       a.source, a.published_earliest AS published, e.type, e.mode, e.cameo, e.cameo_label,
       e.goldstein, e.source_name, e.target_name, {co_names("source")}, {co_names("target")},
       e.modality, e.confidence,
       e.earliest, e.latest, {precision_sql("e")} AS precision, e.date_basis, e.background,
       e.place_name, p.country, p.lat, p.lon, e.text, e.start, e."end",
       e.attribution, CASE WHEN q.id IS NOT NULL THEN 'quote'
                           WHEN s.id IS NOT NULL THEN 'source' END AS attribution_kind,
       coalesce(q.text, s.text) AS attribution_text, q.speaker_text AS attribution_speaker,
       coalesce(q.start, s.start) AS attribution_start,
       coalesce(q."end", s."end") AS attribution_end,
       a.text AS article_text
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN incident_events ie ON ie.event_id = e.id
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
LEFT JOIN quotes q ON q.article_id = e.article_id AND q.id = e.attribution
LEFT JOIN sources s ON s.article_id = e.article_id AND s.id = e.attribution
"""


def find_reports(store: Store, *, incident_id: str | None = None,
                 event_id: str | None = None) -> Result:  # fmt: skip
    """Return the reports of an incident (earliest published first) or the one of an event."""
    column, value = ("ie.incident_id", incident_id) if incident_id else ("e.id", event_id)
    return store.query(
        f"{_REPORT} WHERE {column} = ? "
        "ORDER BY a.published_earliest NULLS LAST, a.publisher NULLS LAST, e.id",
        [value],
    )


def find_incident(store: Store, incident_id: str) -> Result:
    """Return the incident with this id as a one-row result (no rows when there is none)."""
    result = store.query(f"WITH page AS (SELECT ? AS sort_id) SELECT {INCIDENT_COLUMNS} "
                         f"FROM page {_INCIDENT_FROM}", [incident_id])  # fmt: skip
    return _split_where(result)
