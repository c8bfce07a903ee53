"""The gazetteer's columnar cache gives back exactly the gazetteer it was built from (#12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.places.gazetteer import Entry, Gazetteer, Hit
from dateline.places.gazetteer_cache import cached_gazetteer

KYIV = Entry(name="Kyiv", country="UKR", lat=50.45, lon=30.52, kind="city",
             population=2_900_000, geonameid=703448, capital=True, admin1="UA.12")  # fmt: skip
GAZA = Entry(name="Gaza", country="PSE", lat=31.5, lon=34.47, kind="region",
             population=1_000_000, curated=True)  # fmt: skip
KIEV_OBLAST = Entry(name="Kyiv Oblast", country="UKR", lat=None, lon=None, kind="region",
                    population=350_000, geonameid=None, admin1="UA.13")  # fmt: skip
OBUKHIV = Entry(name="Obukhiv Raion", country="UKR", lat=50.1, lon=30.6, kind="region",
                population=20_000, geonameid=11_995_001, admin1="UA.13",
                admin2="UA.13.1504")  # fmt: skip


def _gazetteer() -> Gazetteer:
    index = {
        "kyiv": (Hit(KYIV, exact=True), Hit(KIEV_OBLAST, exact=False)),
        "kiev": (Hit(KYIV, exact=False),),
        "gaza": (Hit(GAZA, exact=True),),
        "gaza strip": (Hit(GAZA, exact=False),),
        "obukhiv": (Hit(OBUKHIV, exact=False),),  # a district keeps its admin2 code (#9)
    }
    phrases = {"gaza": index["gaza"], "gaza strip": index["gaza strip"]}
    return Gazetteer(index=index, phrases=phrases, longest_phrase=2,
                     first_words=frozenset({"gaza"}))  # fmt: skip


def test_the_cache_returns_the_gazetteer_it_was_built_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path))
    built = cached_gazetteer(_gazetteer)  # no cache yet: built, then saved

    def must_not_build() -> Gazetteer:
        raise AssertionError("the cache was there; nothing should be built")

    loaded = cached_gazetteer(must_not_build)
    assert dict(loaded.index) == dict(built.index)
    assert dict(loaded.phrases) == dict(built.phrases)
    assert (loaded.longest_phrase, loaded.first_words) == (2, frozenset({"gaza"}))
    assert loaded.lookup("Kiev") == (Hit(KYIV, exact=False),)
    assert loaded.lookup("Nowhere") == ()
    assert loaded.lookup("Obukhiv")[0].entry.admin2 == "UA.13.1504"
    assert loaded.lookup("Kyiv")[0].entry is loaded.lookup("Kiev")[0].entry  # one Entry each


def test_an_unwritable_cache_still_gives_the_gazetteer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(blocker / "cache"))
    assert dict(cached_gazetteer(_gazetteer).index) == dict(_gazetteer().index)
