"""The store's index of actor names: every written name once, with the actor it belongs to.

Each actors row carries the `name_key` of its written name (actors/identity.py rules 1 and 4);
the actor_names table holds each name_key once, with how many articles name it and the `key`
of the actor it is one of (rule 2: a bare surname joins the dominant full name; rule 3: the
merges file). The writer calls `index_actors` with the rows it adds and removes: it upserts
their name_keys and re-resolves only the surnames and merge lines they touch, by lookups in
actor_names, so the cost of a chunk is its own names, never the store's (#9).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import duckdb

from dateline.actors import identity
from dateline.actors.identity import (
    KEEP_APART,
    actor_key,
    display_name,
    join_surname,
    name_key,
    name_words,
    ruled,
)
from dateline.store.rows import COLUMNS, FactRows, Row

PERSON, OTHER = "person", "other"  # an "other" name may be a person NER could not type (#9)
_ACTOR = {c: i for i, c in enumerate(COLUMNS["actors"])}
_EVENT = {c: i for i, c in enumerate(COLUMNS["events"])}


@dataclass(frozen=True, slots=True, kw_only=True)
class NameRow:
    """One row of actor_names, as resolution needs it."""

    name_key: str
    type: str
    name: str
    words: str
    surname: str | None
    full: bool
    articles: int
    given: str | None  # a person's first word, when the name has two or more


def key_rows(facts: FactRows, story_id: str) -> FactRows:
    """Return a reading's rows with the actors' name_keys and the events' party keys filled."""
    tables = dict(facts.tables)
    actors = [_with_key(row, story_id) for row in tables.get("actors", ())]
    keys = {(row[_ACTOR["article_id"]], row[_ACTOR["id"]]): row[_ACTOR["name_key"]]
            for row in actors}  # fmt: skip
    events = [_with_parties(row, keys) for row in tables.get("events", ())]
    tables["actors"], tables["events"] = tuple(actors), tuple(events)
    return FactRows(tuple(tables.items()))


def _with_key(row: Row, story_id: str) -> Row:
    at = _ACTOR["name_key"]
    key = name_key(row[_ACTOR["name"]], row[_ACTOR["type"]] or "", story_id=story_id)
    return (*row[:at], key, *row[at + 1 :])


def _with_parties(row: Row, keys: dict[tuple[str, str], str]) -> Row:
    out = list(row)
    aid = row[_EVENT["article_id"]]
    for party, column in (("source_actor", "source_key"), ("target_actor", "target_key")):
        out[_EVENT[column]] = keys.get((aid, row[_EVENT[party]]))
    return tuple(out)


def index_actors(
    con: duckdb.DuckDBPyConnection, added: Sequence[Row], removed: Iterable[Row] = ()
) -> None:
    """Count the actors rows added and removed into actor_names and re-resolve what they touch."""
    delta: Counter[str] = Counter()
    names: dict[str, NameRow] = {}
    for rows, sign in ((added, 1), (removed, -1)):
        for key in {(r[_ACTOR["article_id"]], r[_ACTOR["name_key"]]) for r in rows}:
            delta[key[1]] += sign
        for r in rows:
            _note(names, r)
    if not names:
        return
    con.executemany(
        "INSERT INTO actor_names VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name_key) DO "
        "UPDATE SET articles = actor_names.articles + excluded.articles, name = CASE WHEN "
        "length(excluded.name) > length(actor_names.name) THEN excluded.name ELSE "
        "actor_names.name END",
        [[n.name_key, n.type, n.name, n.words, n.surname, n.full, delta[n.name_key], n.name_key,
          n.given] for n in names.values()],
    )  # fmt: skip
    resolve_names(con, names.values())


def _note(names: dict[str, NameRow], row: Row) -> None:
    key, name, type_ = row[_ACTOR["name_key"]], row[_ACTOR["name"]], row[_ACTOR["type"]] or ""
    shown = display_name(name)
    if key in names and len(names[key].name) >= len(shown):
        return
    words = name_words(name, type_)
    person = type_ in (PERSON, OTHER)
    several = type_ == PERSON and " " in words
    names[key] = NameRow(name_key=key, type=type_, name=shown, words=words,
                         surname=words.split()[-1] if person and words else None,
                         full=type_ != PERSON or several, articles=0,
                         given=words.split()[0] if several else None)  # fmt: skip


def resolve_names(con: duckdb.DuckDBPyConnection, touched: Iterable[NameRow]) -> None:
    """Set the key of the touched names and of every name sharing a surname with them."""
    touched = list(touched)
    words = sorted({w for n in touched for w in (n.surname, n.given) if w})
    rows = _name_rows(con, "surname IN (SELECT unnest(?)) OR given IN (SELECT unnest(?))",
                      [words, words]) if words else []  # fmt: skip
    rows += _name_rows(con, "name_key IN (SELECT unnest(?))", [[n.name_key for n in touched]])
    by_key = {r.name_key: r for r in rows}
    keys = {r.name_key: resolve_key(r, by_key.values()) for r in by_key.values()}
    if keys:
        con.executemany("UPDATE actor_names SET key = ? WHERE name_key = ?",
                        [[key, name] for name, key in keys.items()])  # fmt: skip
    for canonical, type_ in {(v, r.type) for r in by_key.values() if (v := _ruling(r))}:
        _add_canonical(con, canonical, type_)


def _name_rows(con: duckdb.DuckDBPyConnection, where: str, params: list[object]) -> list[NameRow]:
    sql = (
        'SELECT name_key, type, name, words, surname, "full", articles, given FROM actor_names '
        f"WHERE {where}"
    )
    return [NameRow(name_key=r[0], type=r[1], name=r[2], words=r[3], surname=r[4], full=r[5],
                    articles=r[6], given=r[7])
            for r in con.execute(sql, params).fetchall()]  # fmt: skip


def _ruling(row: NameRow) -> str | None:
    found = ruled(row.name, row.type)
    return None if found in (None, KEEP_APART) else found


def resolve_key(row: NameRow, kin: Collection[NameRow]) -> str:
    """Return the key of the actor a name is one of, given the names sharing its surname."""
    found = ruled(row.name, row.type)
    if found == KEEP_APART:
        return row.name_key
    if found is not None:
        return actor_key(found, row.type)
    if row.type == OTHER:  # NER's word for a name it could not type: "Trump" as an ORG
        same = [n for n in kin if n.type == PERSON and n.words == row.words]
        if same:
            return resolve_key(same[0], kin)
    if row.surname is None or (row.full and row.type == PERSON) or " " in row.words:
        return row.name_key
    if any(n.type == PERSON and n.given == row.words for n in kin):
        return row.name_key  # "Kim" starts "Kim Jong Un": a family name said first, anyone's
    full = {n.name_key: n.articles for n in kin
            if n.full and n.type == PERSON and n.surname == row.surname}  # fmt: skip
    chosen = join_surname(full)
    if chosen is None:
        return row.name_key
    target = next(n for n in kin if n.name_key == chosen)
    return resolve_key(target, ())  # the full name may itself be merged by the merges file


def _add_canonical(con: duckdb.DuckDBPyConnection, canonical: str, type_: str) -> None:
    """A merges-file canonical name gets a row of its own, so its name shows in listings."""
    key = actor_key(canonical, type_)
    con.execute(
        "INSERT INTO actor_names VALUES (?, ?, ?, ?, NULL, TRUE, 0, ?, NULL) "
        "ON CONFLICT DO NOTHING",
        [key, type_, canonical, name_words(canonical, type_), key],
    )


def apply_merges_file(con: duckdb.DuckDBPyConnection) -> int:
    """Re-resolve the names of the merges file's lines and of those applied last time (so a
    removed line is undone); return how many names were re-resolved."""
    merges = identity.load_merges()  # through the module, so that tests can set it
    before = dict(con.execute("SELECT name, canonical FROM actor_merges").fetchall())
    names = set(merges) | set(before)
    words = sorted({w for name in names for w in (name, name_words(name, PERSON))})
    rows = _name_rows(con, "words IN (SELECT unnest(?))", [words]) if words else []
    resolve_names(con, rows)
    con.execute("DELETE FROM actor_merges")
    if merges:
        con.executemany("INSERT INTO actor_merges VALUES (?, ?)", [list(m) for m in merges.items()])
    return len(rows)
