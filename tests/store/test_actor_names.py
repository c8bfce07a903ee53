"""One actor across the store (#9): names merged by rule and by data, with ids that last.

The articles and people here are written for the tests (fictional), so no rule can have been
fitted to them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import pytest

from dateline import cli
from dateline.actors import identity
from dateline.actors.identity import actor_key
from dateline.analytics import find_actors
from dateline.analytics.filters import Scope
from dateline.analytics.listing import find_events
from dateline.analytics.query import find_merges, timeline, top_dyads
from dateline.reading import Actor, Article, Event, Interval, Mention, Place, Reading
from dateline.store import Store
from dateline.store.actor_names import apply_merges_file
from dateline.store.incidents import rebuild_incidents

VELASQUEZ = actor_key("Marta Velasquez", "person")


def _reading(
    body: str,
    actors: Sequence[tuple[str, str]],
    *,
    event: tuple[int, int | None] | None = None,
    place: Place | None = None,
) -> Reading:
    """A reading of `body` naming each (name, type) once at the start; an optional event
    between two of them (indexes into actors) at the place."""
    aid = hashlib.sha256(body.encode()).hexdigest()[:16]
    article = Article(id=aid, source=f"{aid}.txt", body=body, text=body)
    mention = Mention(text=body[:4], start=0, end=4)
    named = tuple(Actor(id=f"a{i}", name=n, type=t, country=None, mentions=(mention,))
                  for i, (n, t) in enumerate(actors))  # fmt: skip
    events: tuple[Event, ...] = ()
    if event is not None:
        source, target = event
        events = (Event(id="e1", type="ASSAULT", cameo="190", goldstein=-9.0, plover_score=None,
                        source=f"a{source}", target=None if target is None else f"a{target}",
                        modality="asserted", evidence=mention, place=place.id if place else None,
                        date=Interval(earliest=None, latest=None)),)  # fmt: skip
    places = (place,) if place else ()
    return Reading(source=article.source, text=body, article=article, actors=named,
                   events=events, places=places)  # fmt: skip


def _body(topic: str) -> str:
    """A body of its own: articles of different topics fall in different stories."""
    return " ".join(f"{topic}{i} word{i * 7 % 13}" for i in range(40))


def _write(store: Store, *readings: Reading) -> None:
    with store.transaction():
        for reading in readings:
            store.write_reading(reading, content_hash=reading.require_article().id)


def _actors(store: Store) -> dict[str, tuple[int, str]]:
    """Actor name -> (articles, key), as the store lists them."""
    result = find_actors(store, limit=100)
    at = {c: i for i, c in enumerate(result.columns)}
    return {r[at["name"]]: (r[at["articles"]], r[at["key"]]) for r in result.rows}


THREE_WAYS = (
    _reading(_body("harbour"), [("Ambassador Marta K. Velasquez", "person")]),
    _reading(_body("summit"), [("Velasquez", "person")]),
    _reading(_body("ceasefire"), [("Ambassador Velasquez", "person")]),
)


def test_issue_9_one_person_named_three_ways_in_three_articles_is_one_actor(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        _write(store, *THREE_WAYS)
        assert _actors(store) == {"Marta K. Velasquez": (3, VELASQUEZ)}
        [merge] = find_merges(store).rows
        assert merge[0] == "Marta K. Velasquez"
        assert set(merge[3].split("; ")) == {"Marta K. Velasquez", "Velasquez"}


def test_the_actor_key_survives_another_ingest_order_and_a_reread(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        _write(store, *reversed(THREE_WAYS))  # the bare surname comes before the full name
        assert _actors(store) == {"Marta K. Velasquez": (3, VELASQUEZ)}
        with store.transaction():
            store.replace_facts(THREE_WAYS)
        assert _actors(store) == {"Marta K. Velasquez": (3, VELASQUEZ)}


def test_a_surname_two_people_share_comparably_joins_neither(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        _write(
            store,
            _reading(_body("port"), [("Pedro Alvarado", "person")]),
            _reading(_body("dam"), [("Lucia Alvarado", "person")]),
            _reading(_body("mine"), [("Alvarado", "person")]),
        )
        assert set(_actors(store)) == {"Pedro Alvarado", "Lucia Alvarado", "Alvarado"}


def test_a_surname_joins_a_full_name_named_far_more_often(tmp_path: Path) -> None:
    often = [_reading(_body(f"talks{i}"), [("Pedro Alvarado", "person")]) for i in range(3)]
    with Store(tmp_path / "s.duckdb") as store:
        _write(
            store,
            *often,
            _reading(_body("dam"), [("Lucia Alvarado", "person")]),
            _reading(_body("mine"), [("Alvarado", "person")]),
        )
        assert _actors(store) == {
            "Pedro Alvarado": (4, actor_key("Pedro Alvarado", "person")),
            "Lucia Alvarado": (1, actor_key("Lucia Alvarado", "person")),
        }


def test_a_name_ner_could_not_type_joins_the_person(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        _write(store, THREE_WAYS[0], _reading(_body("mine"), [("Velasquez", "other")]))
        assert _actors(store) == {"Marta K. Velasquez": (2, VELASQUEZ)}


def test_the_merges_file_keeps_a_name_apart_and_merges_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        _write(store, *THREE_WAYS, _reading(_body("port"), [("La Embajadora", "person")]))
        merges = {"velasquez": identity.KEEP_APART, "la embajadora": "Marta Velasquez"}
        monkeypatch.setattr(identity, "load_merges", lambda: merges)
        apply_merges_file(store.con)
        found = _actors(store)
        assert found["Velasquez"] == (2, actor_key("Velasquez", "person"))  # and "Ambassador V."
        assert found["Marta K. Velasquez"] == (2, VELASQUEZ)  # with "La Embajadora"
        monkeypatch.setattr(identity, "load_merges", dict)  # the analyst removes both lines
        apply_merges_file(store.con)
        assert set(_actors(store)) == {"Marta K. Velasquez", "La Embajadora"}


def test_unnamed_groups_are_one_actor_within_a_story_only(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        _write(
            store,
            _reading(_body("valley"), [("Militants", "armed_group")]),
            _reading(_body("valley") + " updated", [("Militants", "armed_group")]),
            _reading(_body("coast"), [("Militants", "armed_group")]),
        )
        stories = store.query("SELECT count(DISTINCT story_id) FROM articles").rows[0][0]
        assert stories == 2
        rows = find_actors(store).rows
        assert sorted(r[3] for r in rows) == [1, 2]  # the valley story's, and the coast's


def test_an_outlet_counts_only_where_it_is_a_party(tmp_path: Path) -> None:
    told = [("Hollin Ledger", "media"), ("Marta Velasquez", "person")]
    with Store(tmp_path / "s.duckdb") as store:
        _write(
            store,
            _reading(_body("port"), told),  # "Velasquez told the Hollin Ledger"
            _reading(_body("dam"), told),
            _reading(_body("raid"), told, event=(1, 0)),  # she had its office raided
        )
        found = _actors(store)
        assert found["Hollin Ledger"][0] == 1
        assert found["Marta Velasquez"][0] == 3


def test_dyads_and_timelines_group_by_actor(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        _write(
            store,
            _reading(_body("port"), [("Marta K. Velasquez", "person"), ("Orvel", "state")],
                     event=(0, 1)),
            _reading(_body("dam"), [("Velasquez", "person"), ("Orvel", "state")], event=(0, 1)),
        )  # fmt: skip
        rebuild_incidents(store)
        assert top_dyads(store) == (("Marta K. Velasquez", "Orvel", 2),)
        assert timeline(store, "Velasquez", "Orvel") == timeline(store, "Marta Velasquez", "Orvel")
        for scope in (Scope(actor="Marta"), Scope(dyad=("Orvel", "Marta K."))):
            assert len(find_events(store, scope).result.rows) == 2  # "Velasquez" is hers too


def test_events_and_incidents_carry_the_lat_lon_of_their_place(tmp_path: Path) -> None:
    vale = Place(id="p1", name="Vale", country="XXX", lat=12.5, lon=-3.25)
    with Store(tmp_path / "s.duckdb") as store:
        _write(store, _reading(_body("port"), [("Orvel", "state")], event=(0, None), place=vale))
        rebuild_incidents(store)
        assert store.query("SELECT place_name, lat, lon FROM events").rows == (
            ("Vale", 12.5, -3.25),
        )
        assert store.query("SELECT lat, lon FROM incidents").rows == ((12.5, -3.25),)


STORY_TEXTS = {
    "a.txt": "Ambassador Ilse Marwen Dunleavy of Corvania told the council on Monday that the "
    "blockade of the port of Tessary would end within a week. The council is to meet again "
    "on Friday to hear the report of its envoys.",
    "b.txt": "Dunleavy said on Tuesday that Corvania would reopen its embassy in the capital "
    "after the talks, which she called frank. Diplomats said the talks would resume after "
    "the holiday, and that both sides had agreed to free prisoners.",
    "c.txt": "Ambassador Dunleavy met the foreign minister on Wednesday to discuss the ceasefire "
    "along the river. The two sides have fought over the crossings for a decade, and the "
    "minister said the ceasefire was holding.",
}


@pytest.mark.model
def test_issue_9_a_person_named_differently_in_three_ingested_articles_is_one_actor(
    tmp_path: Path,
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, text in STORY_TEXTS.items():
        (pages / name).write_text(text, encoding="utf-8")
    path = str(tmp_path / "s.duckdb")
    assert cli.main(["ingest", str(pages), "--store", path]) == 0
    key = actor_key("Ilse Marwen Dunleavy", "person")
    with Store(path, read_only=True) as store:
        assert _actors(store)["Ilse Marwen Dunleavy"] == (3, key)
    assert cli.main(["reread", "--store", path]) == 0
    with Store(path, read_only=True) as store:
        assert _actors(store)["Ilse Marwen Dunleavy"] == (3, key)
