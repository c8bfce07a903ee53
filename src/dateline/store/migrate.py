"""Schema versions: schema.sql is version 1; each later change is one entry in MIGRATIONS.

A migration is SQL applied once, in a transaction, recording its version in schema_version.
To change the schema, append `(N, "ALTER TABLE ...")` here; never edit an applied entry.
"""

from __future__ import annotations

from functools import cache

from dateline.errors import StoreError
from dateline.store.engine import duckdb  # not the whole package: readers check the version


@cache
def _initial_schema() -> str:
    from importlib import resources

    return resources.files("dateline.store").joinpath("schema.sql").read_text(encoding="utf-8")


# 2 (#8): a coordinated pair is one event; the other parties' actor ids sit beside source and
# target, so a dyad query can unnest them.
_CO_PARTIES = (
    "ALTER TABLE events ADD COLUMN co_sources VARCHAR[];"
    "ALTER TABLE events ADD COLUMN co_targets VARCHAR[];"
)


# 3 (#9): one actor across articles. actors.name_key is the id of a written name (titles,
# initials and case aside; actors/identity.py); actor_names indexes each name_key once, with
# the actor (key) it belongs to, so a new article's names are resolved by lookups in it, never
# by a pass over the store. Events and incidents carry their parties' name_keys and the lat/lon
# of their place (filled here for stored events; store/actor_names.py fills the keys).
_ACTOR_IDENTITY = """
ALTER TABLE actors ADD COLUMN name_key VARCHAR;
ALTER TABLE events ADD COLUMN source_key VARCHAR;
ALTER TABLE events ADD COLUMN target_key VARCHAR;
ALTER TABLE events ADD COLUMN lat DOUBLE;
ALTER TABLE events ADD COLUMN lon DOUBLE;
ALTER TABLE incidents ADD COLUMN source_key VARCHAR;
ALTER TABLE incidents ADD COLUMN target_key VARCHAR;
ALTER TABLE incidents ADD COLUMN lat DOUBLE;
ALTER TABLE incidents ADD COLUMN lon DOUBLE;
UPDATE events SET lat = p.lat, lon = p.lon FROM places p
    WHERE p.article_id = events.article_id AND p.id = events.place_id;
CREATE TABLE actor_names (
    name_key VARCHAR PRIMARY KEY,
    type VARCHAR,
    name VARCHAR NOT NULL,      -- its longest written form, titles left out
    words VARCHAR NOT NULL,     -- identity.name_words: what the merges file is matched on
    surname VARCHAR,            -- a person's last word: the lookup of rule 2
    "full" BOOLEAN NOT NULL,    -- a person's name of two words or more, or not a person
    articles INTEGER NOT NULL,  -- how many stored articles name it
    key VARCHAR NOT NULL        -- the actor it is one of: its own name_key, or another's
);
CREATE INDEX actor_names_surname ON actor_names (surname);
CREATE VIEW actor_identity AS
    SELECT n.name_key, n.key, coalesce(c.name, n.name) AS name, n.type
    FROM actor_names n LEFT JOIN actor_names c ON c.name_key = n.key;
"""


# 4 (#9): a person's first word, so that a bare "Kim" is seen to start "Kim Jong Un" (a family
# name said first) and joins no full name that ends in it; and the merges file's lines as last
# applied, so that a line the analyst removes is undone too.
_GIVEN = """
ALTER TABLE actor_names ADD COLUMN given VARCHAR;
UPDATE actor_names SET given = split_part(words, ' ', 1) WHERE type = 'person' AND "full";
CREATE INDEX actor_names_given ON actor_names (given);
CREATE TABLE actor_merges (name VARCHAR PRIMARY KEY, canonical VARCHAR NOT NULL);
"""


# 5 (#12): how many times its article mentions each actor, on the actor's row, so that listing
# actors (most named first) reads no mentions table: counting 190,000 of them took 40 of the
# 80 ms `dateline actors` spent in SQL at 3,240 articles. The writer fills it from the reading
# (store/rows.py), so it costs nothing per ingest and `dateline reread` keeps it right.
_ACTOR_MENTIONS = """
ALTER TABLE actors ADD COLUMN mentions INTEGER;
UPDATE actors SET mentions = m.n
    FROM (SELECT article_id, fact_id, count(*) AS n FROM mentions WHERE kind = 'actor'
          GROUP BY article_id, fact_id) m
    WHERE m.article_id = actors.article_id AND m.fact_id = actors.id;
UPDATE actors SET mentions = 0 WHERE mentions IS NULL;
"""


# 6 (#12): the story index in the store. Each article's MinHash signature, cut into 25 bands
# of 5 values (dedup/stories.py BANDS, ROWS), gives one row per band whose key is the first 15
# hex digits of the md5 of the band's values written comma-separated (dedup/stories.py _key
# computes the same for new articles; tests/store/test_stories.py checks the two agree). The
# writer finds a new article's candidates by these rows instead of an index in its memory.
_ARTICLE_BANDS = """
CREATE TABLE article_bands (
    band UTINYINT NOT NULL,
    key BIGINT NOT NULL,
    article_id VARCHAR NOT NULL
);
INSERT INTO article_bands
    SELECT t.band,
           ('0x' || left(md5(array_to_string(list_slice(a.minhash, t.band * 5 + 1,
                                                        t.band * 5 + 5), ',')), 15))::BIGINT,
           a.id
    FROM articles a CROSS JOIN range(25) AS t(band)
    WHERE len(a.minhash) = 128
    ORDER BY a.rowid, t.band;
"""


_LATER = (
    (2, _CO_PARTIES), (3, _ACTOR_IDENTITY), (4, _GIVEN), (5, _ACTOR_MENTIONS), (6, _ARTICLE_BANDS),
)  # fmt: skip
NEWEST = _LATER[-1][0]


def migrations() -> tuple[tuple[int, str], ...]:
    """Return every (version, SQL) in order; version 1 is schema.sql."""
    return ((1, _initial_schema()), *_LATER)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """Return the store's schema version (0 for an empty database)."""
    try:  # asking information_schema first took 7 ms of every query command (#12)
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    except (duckdb.CatalogException, duckdb.InvalidInputException):
        # an empty database: no such table; where a Python name `schema_version` is in scope
        # (this function), DuckDB's replacement scan says that object is no table instead
        return 0
    return int(row[0]) if row and row[0] is not None else 0


def migrate(
    con: duckdb.DuckDBPyConnection, steps: tuple[tuple[int, str], ...] | None = None
) -> int:
    """Apply the migrations the store lacks; return the version it is now at."""
    steps = migrations() if steps is None else steps
    current = schema_version(con)
    newest = steps[-1][0] if steps else 0
    if current > newest:
        raise StoreError(
            f"the store is at schema version {current}, newer than this dateline ({newest}); "
            "upgrade dateline"
        )
    for version, sql in steps:
        if version <= current:
            continue
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute(sql)
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
            con.execute("COMMIT")
        except duckdb.Error as err:
            con.execute("ROLLBACK")
            raise StoreError(f"schema migration {version} failed: {err}") from err
        current = version
    return current
