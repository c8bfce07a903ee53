"""Coordinated parties count in every analytic product (#8): dyads, network, timelines, actors.

Fictional articles of March 2024, written by hand as readings: two outlets report one raid on
Southland (one incident, two reports), the first naming Eastland as Northland's partner
(co_sources); a later article reports Northland alone; another has Westland strike Southland
and Northland in one act (co_targets).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dateline.analytics import Scope, find_actors, find_events, timeline, top_dyads
from dateline.analytics.compare import Period, compare
from dateline.analytics.report_data import actor_network
from dateline.reading import Actor, Article, Event, Interval, Mention, Published, Reading
from dateline.store import Store
from dateline.store.incidents import rebuild_incidents


@dataclass(frozen=True)
class Act:
    """One event sentence: its parties by name (first source and target, then co-parties)."""

    sources: tuple[str, ...]
    targets: tuple[str, ...]
    day: date
    sentence: str
    types: tuple[tuple[str, str], ...] = ()  # (name, actor type) where it is not a state


ACTS = {
    "wire.html": (date(2024, 3, 4), "Wire", Act(
        ("Northland", "Eastland"), ("Southland",), date(2024, 3, 4),
        "Northland and Eastland attacked Southland on Monday.")),
    "times.html": (date(2024, 3, 5), "Times", Act(
        ("Northland",), ("Southland",), date(2024, 3, 4),
        "Northland attacked Southland on Monday.")),
    "post.html": (date(2024, 3, 20), "Post", Act(
        ("Northland",), ("Southland",), date(2024, 3, 20),
        "Northland attacked Southland on Wednesday.")),
    "herald.html": (date(2024, 3, 21), "Herald", Act(
        ("Westland", "Radio North"), ("Southland", "Northland"), date(2024, 3, 21),
        "Westland and Radio North struck Southland and Northland on Thursday.",
        types=(("Radio North", "media"),))),
}  # fmt: skip


def reading_of(source: str, published: date, publisher: str, act: Act) -> Reading:
    """Return a one-event reading whose parties are actors mentioned in the sentence."""
    text = act.sentence
    article = Article(
        id=hashlib.sha256(text.encode()).hexdigest()[:16], source=source, publisher=publisher,
        body=text, text=text, language="en",
        published=Published(earliest=published, latest=published, basis="metadata"),
    )  # fmt: skip
    types = dict(act.types)
    names = [*act.sources, *act.targets]
    ids = {name: f"a{i + 1}" for i, name in enumerate(dict.fromkeys(names))}
    actors = tuple(
        Actor(id=ids[n], name=n, type=types.get(n, "state"), country=None,
              mentions=(Mention(text=n, start=text.index(n), end=text.index(n) + len(n)),))
        for n in ids
    )  # fmt: skip
    event = Event(
        id="e1", type="ASSAULT", cameo="190", goldstein=-10.0, plover_score=None,
        source=ids[act.sources[0]], target=ids[act.targets[0]], modality="asserted",
        date=Interval(earliest=act.day, latest=act.day),
        evidence=Mention(text=text, start=0, end=len(text)),
        co_sources=tuple(ids[n] for n in act.sources[1:]),
        co_targets=tuple(ids[n] for n in act.targets[1:]),
    )  # fmt: skip
    return Reading(source=source, text=text, article=article, actors=actors, events=(event,))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "s.duckdb") as opened:
        with opened.transaction():
            for source, (published, publisher, act) in ACTS.items():
                reading = reading_of(source, published, publisher, act)
                opened.write_reading(reading, content_hash=f"hash-{source}")
        rebuild_incidents(opened)
        yield opened


def test_the_raid_is_one_incident_of_two_reports(store: Store) -> None:
    assert store.count("incidents") == 3
    rows = store.query("SELECT reports FROM incidents ORDER BY earliest").rows
    assert [r[0] for r in rows] == [2, 1, 1]


def test_top_dyads_count_every_party_of_a_coordinated_act(store: Store) -> None:
    assert set(top_dyads(store, limit=10)) == {
        ("Northland", "Southland", 2),  # the raid (two reports) and the later strike: no more
        ("Eastland", "Southland", 1),  # Northland's partner in the raid
        ("Westland", "Southland", 1),
        ("Westland", "Northland", 1),  # a co-target
        ("Radio North", "Southland", 1),
        ("Radio North", "Northland", 1),
    }


def test_network_counts_an_actor_once_per_incident(store: Store) -> None:
    net = actor_network(store)
    assert (net.edges[0].source, net.edges[0].target, net.edges[0].incidents) == (
        "Northland", "Southland", 2,
    )  # fmt: skip
    assert len(net.edges) == 6
    weight = {n.name: n.incidents for n in net.nodes}
    # Southland is in three incidents, though the last gives it two edges (Westland's and Radio
    # North's); Westland's one act is two edges and one incident.
    assert weight == {"Southland": 3, "Northland": 3, "Eastland": 1, "Westland": 1,
                      "Radio North": 1}  # fmt: skip
    assert net.nodes[0].incidents == 3


def test_timeline_of_a_co_party_and_of_a_first_party(store: Store) -> None:
    eastland = timeline(store, "Southland", "Eastland")
    assert [(d.day, d.incidents, d.reports) for d in eastland] == [(date(2024, 3, 4), 1, 2)]
    northland = timeline(store, "Northland", "Southland")
    assert [(d.day, d.incidents, d.reports) for d in northland] == [
        (date(2024, 3, 4), 1, 2),
        (date(2024, 3, 20), 1, 1),
    ]
    assert [d.day for d in timeline(store, "Northland", "Westland")] == [date(2024, 3, 21)]


def test_a_reader_asks_the_pairs_once_and_answers_as_the_writer_does(store: Store) -> None:
    # a read-only store keeps the pairs in a temporary table for its next question (#12)
    dyads = ("Southland", "Eastland"), ("Northland", "Southland"), ("Northland", "Westland")
    written = [timeline(store, a, b) for a, b in dyads], top_dyads(store, limit=10)
    store.close()
    with Store(store.path, read_only=True) as reader:
        assert top_dyads(reader, limit=10) == written[1]
        assert [timeline(reader, a, b) for a, b in dyads] == written[0]
        tables = reader.query("SELECT table_name FROM duckdb_tables() WHERE temporary").rows
        assert tables == (("all_party_pairs",),)


def test_an_outlet_that_is_a_co_party_is_an_actor(store: Store) -> None:
    names = {r[0] for r in find_actors(store).rows}
    assert {"Northland", "Southland", "Eastland", "Westland", "Radio North"} == names


def test_an_actors_country_is_the_one_most_of_its_mentions_give_it(tmp_path: Path) -> None:
    # mentions are counted on the actors rows (schema 5), weighed as when the mentions table
    # was joined to them (#12): three mentions in one article outweigh one in each of two
    with Store(tmp_path / "one.duckdb") as one:
        with one.transaction():
            told = (("wire.html", "XNO", 1), ("times.html", "XNO", 1), ("post.html", "XNL", 3))
            for source, country, said in told:
                published, publisher, act = ACTS[source]
                reading = reading_of(source, published, publisher, act)
                north = reading.actors[0]
                north = replace(north, country=country, mentions=north.mentions * said)
                reading = replace(reading, actors=(north, *reading.actors[1:]))
                one.write_reading(reading, content_hash=source)
        rows = {r[0]: r[1:5] for r in find_actors(one).rows}
    assert rows["Northland"] == ("state", "XNL", 3, 5)  # three articles, five mentions
    assert rows["Southland"] == ("state", None, 3, 3)


def test_a_single_party_store_counts_as_before(tmp_path: Path) -> None:
    with Store(tmp_path / "one.duckdb") as one:
        with one.transaction():
            for source in ("times.html", "post.html"):
                published, publisher, act = ACTS[source]
                reading = reading_of(source, published, publisher, act)
                one.write_reading(reading, content_hash=source)
        rebuild_incidents(one)
        assert top_dyads(one) == (("Northland", "Southland", 2),)
        net = actor_network(one)
        assert [(n.name, n.incidents) for n in net.nodes] == [("Northland", 2), ("Southland", 2)]


def test_an_actor_or_dyad_filter_finds_the_events_of_a_co_party(store: Store) -> None:
    def events(**scope: Any) -> int:
        return int(find_events(store, Scope(**scope)).total)

    assert events(actor="Eastland") == 1  # the raid's first report only
    assert events(actor="Northland") == 4  # first source thrice, co-target once
    assert events(dyad=("Southland", "Eastland")) == 1
    assert events(dyad=("Eastland", "Northland")) == 0  # partners are no dyad of each other
    assert events(dyad=("Westland", "Northland")) == 1
    net = actor_network(store, Scope(actor="Eastland"))
    assert {(e.source, e.target, e.incidents) for e in net.edges} == {
        ("Northland", "Southland", 1), ("Eastland", "Southland", 1),
    }  # fmt: skip


def test_a_period_comparison_counts_co_parties_in_dyads_and_new_actors(store: Store) -> None:
    march = Period(since=date(2024, 3, 15), until=date(2024, 3, 28))
    comparison = compare(store, Scope(), march)
    assert comparison.now.dyads() == Counter({
        ("Northland", "Southland"): 1, ("Westland", "Southland"): 1,
        ("Westland", "Northland"): 1, ("Radio North", "Southland"): 1,
        ("Radio North", "Northland"): 1,
    })  # fmt: skip
    # Eastland is a party of the raid before the period only as a co-source: not new
    assert set(comparison.new_actors) == {"Westland", "Radio North"}
    early = compare(store, Scope(), Period(since=date(2024, 3, 4), until=date(2024, 3, 10)))
    assert "Eastland" in early.new_actors


def test_an_event_row_names_its_co_parties(store: Store) -> None:
    result = find_events(store, Scope(actor="Westland")).result
    [row] = [dict(zip(result.columns, r, strict=True)) for r in result.rows]
    assert (row["source_name"], row["co_source_names"]) == ("Westland", "Radio North")
    assert (row["target_name"], row["co_target_names"]) == ("Southland", "Northland")
    lone = find_events(store, Scope(since=date(2024, 3, 20), until=date(2024, 3, 20))).result
    assert [r[lone.columns.index("co_source_names")] for r in lone.rows] == [None]
