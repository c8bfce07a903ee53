"""Events, actors, dyad timelines and the corpus summary, read from the store.

Timelines count incidents, not reports: one event told by ten outlets is one incident on
its first day (dedup/events.py), so a burst of coverage does not read as a burst of
violence. Goldstein scores are summed per day over incidents, each at its median report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dateline.analytics.filters import like
from dateline.errors import InputError
from dateline.store.store import Result, Store


@dataclass(frozen=True, slots=True, kw_only=True)
class Day:
    """One day of a dyad's timeline."""

    day: date
    incidents: int
    reports: int
    goldstein: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    """What the store holds, in counts, plus its most named actors and busiest dyads."""

    articles: int
    stories: int
    events: int
    incidents: int
    failures: int
    top_actors: tuple[tuple[str, int], ...]  # name, articles naming it
    top_dyads: tuple[tuple[str, str, int], ...]  # source, target, incidents


# Stored actors as one row per actor (#9): written names grouped by the actor they are one of
# (the actor_identity view, store/actor_names.py); rows stored before schema 3 (no name_key,
# until `dateline reread`) group by name. An outlet counts only in articles where it is a party
# to an event, a coordinated party included (#8): news names Reuters and AP as its reporters
# ("told Reuters"), and a reporter is no actor of the story (#9). The reading keeps them: who
# reported what is the sources layer's.
# A party is looked up (EXISTS), not joined, so the parties need no de-duplicating UNION: 5 ms
# of the 35 this took at 3,240 articles (#12).
ACTORS = """
WITH parties AS (
    SELECT article_id, source_actor AS id FROM events WHERE source_actor IS NOT NULL
    UNION ALL SELECT article_id, target_actor FROM events WHERE target_actor IS NOT NULL
    UNION ALL SELECT article_id, unnest(co_sources) FROM events WHERE len(co_sources) > 0
    UNION ALL SELECT article_id, unnest(co_targets) FROM events WHERE len(co_targets) > 0
)
SELECT a.article_id, a.id, a.type, a.country, a.mentions, coalesce(k.key, a.name) AS key,
       coalesce(k.name, a.name) AS name
FROM actors a LEFT JOIN actor_identity k ON k.name_key = a.name_key
WHERE a.type IS DISTINCT FROM 'media'
   OR EXISTS (SELECT 1 FROM parties p WHERE p.article_id = a.article_id AND p.id = a.id)
"""


def find_actors(store: Store, *, limit: int = 50, offset: int = 0) -> Result:
    """Return actors (one row per actor however named) with how many articles and mentions
    name them, most named first."""
    return store.query(
        f"WITH named AS ({ACTORS}), {_MOST_SAID.format(column='type')}, "
        f"{_MOST_SAID.format(column='country')}, counted AS ("
        "SELECT key, any_value(name) AS name, count(DISTINCT article_id) AS articles, "
        "CAST(coalesce(sum(mentions), 0) AS BIGINT) AS mentions FROM named GROUP BY key) "
        "SELECT c.name, t.type, k.country, c.articles, c.mentions, c.key FROM counted c "
        "LEFT JOIN type_said t ON t.key = c.key LEFT JOIN country_said k ON k.key = c.key "
        "ORDER BY articles DESC, mentions DESC, name, key LIMIT ? OFFSET ?",
        [limit, offset],
    )


# An actor's type (or country) is the one most of its mentions give it, a row with none
# counting once. Mentions are counted on each actors row (schema 5, #12), not by joining the
# mentions table, which took 40 of the 80 ms of `dateline actors` at 3,240 articles. Ties
# between actors end on the key, so that pages by offset neither repeat nor skip one.
_MOST_SAID = """{column}_said AS (
    SELECT key, arg_max({column}, weight) AS {column} FROM (
        SELECT key, {column}, sum(greatest(mentions, 1)) AS weight FROM named
        WHERE {column} IS NOT NULL GROUP BY key, {column}
    ) GROUP BY key
)"""


def find_merges(store: Store, *, limit: int = 50, offset: int = 0) -> Result:
    """Return each actor the store names more than one way, with the names merged into it."""
    return store.query(
        "SELECT k.name AS actor, k.key, any_value(n.type) AS type, "
        "string_agg(n.name, '; ' ORDER BY n.articles DESC, n.name) AS names, "
        "sum(n.articles) AS articles FROM actor_names n "
        "JOIN actor_identity k ON k.name_key = n.name_key GROUP BY k.key, k.name "
        "HAVING count(*) > 1 ORDER BY articles DESC, actor LIMIT ? OFFSET ?",
        [limit, offset],
    )


# An incident's parties as actors (#9): `{side}` is source or target; name and key fall back
# to the written name where the store has no key for it.
def party(side: str, alias: str = "i") -> str:
    """Return the SQL joining an incident's party to its actor, aliased by the side's letter."""
    return f"LEFT JOIN actor_identity {side[0]} ON {side[0]}.name_key = {alias}.{side}_key"


def party_name(side: str, alias: str = "i") -> str:
    """Return the SQL of a party's actor name (its canonical name, else as written)."""
    return f"coalesce({side[0]}.name, {alias}.{side}_name)"


def party_key(side: str, alias: str = "i") -> str:
    """Return the SQL of a party's actor key (else its written name, in lower case)."""
    return f"coalesce({side[0]}.key, lower({alias}.{side}_name))"


# Every party of an incident (#8): "Northland and Eastland attacked Southland" is one event
# (one act) whose first source is Northland and whose co_sources hold Eastland, so each
# (source + co_sources) x (target + co_targets) pair of its reports is a dyad of the incident.
# `pairs` holds one row per incident and pair of actor keys, so an incident counts once per
# dyad however many of its reports name the pair, and the first pair is the incident's own
# (as before). Co-parties are per-article actor ids, keyed through their actors row's name_key
# as an event's source_key is (store/actor_names.py); only events with co-parties are unnested,
# at query time, so nothing is stored or recomputed per ingest. As before, an incident has pairs
# only when its first source and target are known; a party paired with itself is no dyad.
_PAIRS = """
firsts AS (
    SELECT i.id, {source_key} AS source_key, {target_key} AS target_key,
           {source_name} AS source_name, {target_name} AS target_name
    FROM incidents i {source} {target}
    WHERE {where} AND i.source_name IS NOT NULL AND i.target_name IS NOT NULL
),
co AS (
    SELECT ie.incident_id AS id, c.article_id, c.side, c.actor FROM (
        SELECT id, article_id, 'source' AS side, unnest(co_sources) AS actor FROM events
        WHERE len(co_sources) > 0
        UNION ALL
        SELECT id, article_id, 'target', unnest(co_targets) FROM events WHERE len(co_targets) > 0
    ) c JOIN incident_events ie ON ie.event_id = c.id
    WHERE ie.incident_id IN (SELECT id FROM firsts)
),
sides AS (
    SELECT id, 'source' AS side, source_key AS key, source_name AS name FROM firsts
    WHERE id IN (SELECT id FROM co)
    UNION ALL
    SELECT id, 'target', target_key, target_name FROM firsts WHERE id IN (SELECT id FROM co)
    UNION ALL
    SELECT c.id, c.side, coalesce(k.key, lower(a.name)), coalesce(k.name, a.name)
    FROM co c JOIN actors a ON a.article_id = c.article_id AND a.id = c.actor
    LEFT JOIN actor_identity k ON k.name_key = a.name_key
),
pairs AS (
    SELECT * FROM firsts
    UNION ALL
    SELECT s.id, s.key, t.key, any_value(s.name), any_value(t.name) FROM sides s
    JOIN sides t ON t.id = s.id AND t.side = 'target'
    LEFT JOIN firsts f ON f.id = s.id AND f.source_key = s.key AND f.target_key = t.key
    WHERE s.side = 'source' AND s.key <> t.key AND f.id IS NULL
    GROUP BY s.id, s.key, t.key
)
"""


def party_pairs(where: str = "TRUE") -> str:
    """Return the CTEs (for a WITH) whose `pairs` is every party pair of the incidents `i`
    that `where` keeps: id, source_key, target_key, source_name, target_name."""
    return _PAIRS.format(
        where=where, source=party("source"), target=party("target"),
        source_key=party_key("source"), target_key=party_key("target"),
        source_name=party_name("source"), target_name=party_name("target"),
    )  # fmt: skip


def all_pairs(store: Store) -> str:
    """Return an SQL table (a name or a subquery) of every incident's party pairs.

    A dyad's pairs are those of its incidents alone (party_pairs joins on the incident), so
    questions about some incidents may filter these. On a read-only store they are a temporary
    table made by the first question and read by the next of the same connection: `dateline
    summary` asks for the top dyads and then one's timeline, 14 ms less at 3,240 articles
    (#12). A writing store may change under the table, so it gets the query itself.
    """
    select = f"WITH {party_pairs()} SELECT * FROM pairs"
    if not store.read_only:
        return f"({select})"
    store.con.execute(f"CREATE TEMP TABLE IF NOT EXISTS all_party_pairs AS {select}")
    return "all_party_pairs"


def timeline(store: Store, source: str, target: str) -> list[Day]:
    """Return per-day incident and report counts and summed Goldstein for a dyad, either way;
    a coordinated party's incidents count too (party_pairs), each incident once."""
    one, other = actor_keys(store, source), actor_keys(store, target)
    rows = store.query(
        f"WITH dyad AS (SELECT DISTINCT id FROM {all_pairs(store)} "
        "WHERE (source_key IN (SELECT unnest(?)) AND target_key IN (SELECT unnest(?))) OR "
        "(source_key IN (SELECT unnest(?)) AND target_key IN (SELECT unnest(?)))) "
        "SELECT i.earliest, count(*), sum(i.reports), sum(i.goldstein) FROM incidents i "
        "JOIN dyad ON dyad.id = i.id WHERE i.earliest IS NOT NULL "
        "GROUP BY i.earliest ORDER BY i.earliest",
        [one, other, other, one],
    ).rows
    return [Day(day=r[0], incidents=int(r[1]), reports=int(r[2]), goldstein=float(r[3]))
            for r in rows]  # fmt: skip


def actor_keys(store: Store, name: str) -> list[str]:
    """Return the keys of the actors a name may mean: those it is a written or canonical name
    of, and the name itself in lower case (how an incident without keys is matched)."""
    rows = store.query(
        "SELECT DISTINCT key FROM actor_identity WHERE lower(name) = lower(?) "
        "UNION SELECT DISTINCT n.key FROM actor_names n WHERE lower(n.name) = lower(?)",
        [name, name],
    ).rows
    return [str(r[0]) for r in rows] + [name.lower()]


def top_dyads(store: Store, *, limit: int = 5) -> tuple[tuple[str, str, int], ...]:
    """Return the dyads of actors with the most incidents, coordinated parties included:
    (source, target, incidents)."""
    rows = store.query(
        "SELECT any_value(source_name) AS s, any_value(target_name) AS t, count(*) AS n "
        f"FROM {all_pairs(store)} GROUP BY source_key, target_key ORDER BY n DESC, s, t LIMIT ?",
        [limit],
    ).rows
    return tuple((str(r[0]), str(r[1]), int(r[2])) for r in rows)


def summarize(store: Store, *, top: int = 10) -> Summary:
    """Return the store's counts, top actors and top dyads."""
    actors = find_actors(store, limit=top).rows
    counts = store.query(  # one statement, not five (#12)
        "SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT story_id) FROM articles), "
        "(SELECT count(*) FROM events), (SELECT count(*) FROM incidents), "
        "(SELECT count(*) FROM failures)"
    ).rows[0]
    articles, stories, events, incidents, failures = (int(n) for n in counts)
    return Summary(
        articles=articles, stories=stories, events=events, incidents=incidents,
        failures=failures, top_actors=tuple((str(r[0]), int(r[3])) for r in actors),
        top_dyads=top_dyads(store, limit=top),
    )  # fmt: skip


def require_actors(store: Store, names: Sequence[str | None]) -> None:
    """Raise InputError naming the first given name no stored actor's name contains."""
    for name in names:
        if (
            name
            and not store.query(
                "SELECT 1 FROM actors WHERE name ILIKE ? ESCAPE '\\' LIMIT 1", [like(name)]
            ).rows
        ):
            raise InputError(name, "no stored actor's name contains this; see `dateline actors`")
