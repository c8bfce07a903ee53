"""The shipped actor dictionary: loader, lookups and the data's own consistency."""

from __future__ import annotations

import pycountry
import pytest

from dateline.actors import country_of, load_actor_dictionary
from dateline.actors.dictionary import leader_country
from dateline.reading import ACTOR_TYPES


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Lebanese", "LBN"),
        ("U.S.", "USA"),
        ("American", "USA"),
        ("Israeli", "ISR"),
        ("Beirut", "LBN"),
        ("Moscow", "RUS"),
        ("Kyiv", "UKR"),
        ("Syria", "SYR"),
        ("Britain", "GBR"),
        ("Iran's", "IRN"),
    ],
)
def test_country_of_maps_demonyms_names_and_capitals(word: str, iso3: str) -> None:
    assert country_of(word) == iso3


@pytest.mark.parametrize("word", ["Hezbollah", "Reuters", "envoy", "", "Atlantis"])
def test_country_of_is_none_for_what_is_not_a_state(word: str) -> None:
    assert country_of(word) is None


def test_dictionary_find_by_alias_any_case() -> None:
    dictionary = load_actor_dictionary()
    idf = dictionary.find("idf")
    assert idf is not None
    assert (idf.name, idf.type, idf.country) == ("Israel Defense Forces", "military", "ISR")
    houthis = dictionary.find("Ansar Allah")
    assert houthis is not None
    assert houthis.name == "Houthis"
    assert dictionary.find("no such actor") is None


def test_dictionary_holds_every_state() -> None:
    states = [e for e in load_actor_dictionary().entries if e.type == "state"]
    assert len(states) >= 190
    assert all(e.country for e in states)


def test_dictionary_types_countries_and_parts_are_valid() -> None:
    dictionary = load_actor_dictionary()
    for entry in dictionary.entries:
        assert entry.type in ACTOR_TYPES, entry
        if entry.country is not None and entry.country != "XKX":  # Kosovo: user-assigned
            assert pycountry.countries.get(alpha_3=entry.country) is not None, entry
        if entry.part_of is not None:
            assert dictionary.named(entry.part_of) is not None, entry


def test_dictionary_military_of_prefers_the_state_army() -> None:
    army = load_actor_dictionary().military_of("LBN")
    assert army is not None
    assert army.name == "Lebanese Armed Forces"


def test_leader_country_by_full_name_only() -> None:
    assert leader_country("Vladimir Putin") == "RUS"
    assert leader_country("bashar al-assad") == "SYR"
    assert leader_country("Putin") is None  # a surname alone says too little
    assert leader_country("Nobody Inparticular") is None
