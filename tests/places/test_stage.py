"""find_places on sentences written for these tests, and on the seed's gold places."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.places import find_places
from dateline.places.disambiguate import Context
from dateline.places.gazetteer import Entry, load_gazetteer
from dateline.places.stage import STRANGER_TOWN, is_metonym, is_stranger_town, load_words
from dateline.reading import Actor, Article, Dateline, Mention, Place, Reading


def _read(nlp: Language, text: str, **kw: object) -> Reading:
    return find_places(Reading(source="test", text=text, doc=nlp(text), **kw))  # type: ignore[arg-type]


def _place(reading: Reading, name: str) -> Place:
    found = [p for p in reading.places if p.name == name]
    assert found, f"{name!r} not in {[p.name for p in reading.places]}"
    return found[0]


def _mentioned(reading: Reading) -> set[str]:
    return {m.text for p in reading.places for m in p.mentions}


# --- hand-built parses: no model needed ---------------------------------------------------


def _doc(
    vocab: Vocab, words: list[str], heads: list[int], deps: list[str], lemmas: list[str]
) -> Doc:
    return Doc(vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)


def test_is_metonym_subject_of_a_decision_verb(vocab: Vocab) -> None:
    doc = _doc(vocab, ["Moscow", "rejected", "the", "plan"], [1, 1, 3, 1],
               ["nsubj", "ROOT", "det", "dobj"], ["Moscow", "reject", "the", "plan"])  # fmt: skip
    assert is_metonym(doc[0:1], load_words())


def test_is_metonym_possessive_before_a_policy_noun(vocab: Vocab) -> None:
    doc = _doc(vocab, ["They", "ignored", "Beijing", "'s", "proposal"], [1, 1, 4, 2, 1],
               ["nsubj", "ROOT", "poss", "case", "dobj"],
               ["they", "ignore", "Beijing", "'s", "proposal"])  # fmt: skip
    assert is_metonym(doc[2:3], load_words())


def test_is_metonym_not_for_a_destination(vocab: Vocab) -> None:
    doc = _doc(vocab, ["She", "flew", "to", "Moscow"], [1, 1, 1, 2],
               ["nsubj", "ROOT", "prep", "pobj"], ["she", "fly", "to", "Moscow"])  # fmt: skip
    assert not is_metonym(doc[3:4], load_words())


# --- the model ---------------------------------------------------------------------------


@pytest.mark.model
def test_find_places_curated_village_and_river(nlp: Language) -> None:
    text = "An airstrike hit a house in Aita al-Shaab, a village south of the Litani River."
    reading = _read(nlp, text)
    village = _place(reading, "Aita al-Shaab")
    assert (village.country, village.kind) == ("LBN", "city")
    river = _place(reading, "Litani River")
    assert (river.country, river.kind) == ("LBN", "feature")


@pytest.mark.model
def test_find_places_normalises_directional_regions(nlp: Language) -> None:
    text = "Drones struck targets in southern Lebanon and eastern Ukraine overnight."
    reading = _read(nlp, text)
    assert _place(reading, "south Lebanon").country == "LBN"
    assert _place(reading, "eastern Ukraine").country == "UKR"


@pytest.mark.model
def test_find_places_builds_directional_regions_not_in_the_supplement(nlp: Language) -> None:
    reading = _read(nlp, "Heavy rain flooded villages in northern Kenya on Friday.")
    region = _place(reading, "north Kenya")
    assert (region.country, region.kind) == ("KEN", "region")


@pytest.mark.model
def test_find_places_short_name_of_a_river(nlp: Language) -> None:
    reading = _read(nlp, "Troops crossed the Dnieper near Kherson, officials in Ukraine said.")
    assert _place(reading, "Dnipro River").country == "UKR"
    assert _place(reading, "Kherson").country == "UKR"


@pytest.mark.model
def test_find_places_countries_are_places_with_codes(nlp: Language) -> None:
    reading = _read(nlp, "Shipping through the Red Sea slowed after attacks launched from Yemen.")
    yemen = _place(reading, "Yemen")
    assert (yemen.country, yemen.kind) == ("YEM", "country")
    assert _place(reading, "Red Sea").country is None


@pytest.mark.model
def test_find_places_default_paris_is_in_france(nlp: Language) -> None:
    reading = _read(nlp, "Thousands marched through Paris on Saturday against the pension law.")
    assert _place(reading, "Paris").country == "FRA"


@pytest.mark.model
def test_find_places_story_region_moves_paris_to_texas(nlp: Language) -> None:
    text = "Storms knocked out power across Texas. In Paris, the county fair was cancelled."
    assert _place(_read(nlp, text), "Paris").country == "USA"


@pytest.mark.model
def test_find_places_story_country_picks_the_namesake(nlp: Language) -> None:
    text = (
        "Flooding closed roads in Alexandria, and the governor of Louisiana declared an emergency."
    )
    place = _place(_read(nlp, text), "Alexandria")
    assert place.country == "USA"
    assert place.lat is not None
    assert 30 < place.lat < 33


@pytest.mark.model
def test_find_places_dateline_sets_the_story_country(nlp: Language) -> None:
    text = "Rockets landed near Tyre and fighting continued, residents said."
    article = Article(id="x", source="test", dateline=Dateline(place="BEIRUT", wire="Reuters"))
    reading = _read(nlp, text, article=article)
    assert _place(reading, "Tyre").country == "LBN"


@pytest.mark.model
def test_find_places_capital_as_government_is_not_a_place(nlp: Language) -> None:
    reading = _read(nlp, "Washington rejected the proposal, and Moscow warned of retaliation.")
    assert not {"Washington", "Moscow"} & _mentioned(reading)


@pytest.mark.model
def test_find_places_capital_as_destination_is_a_place(nlp: Language) -> None:
    reading = _read(nlp, "The foreign minister flew to Washington for talks on Tuesday.")
    assert _place(reading, "Washington").country == "USA"


@pytest.mark.model
def test_find_places_demonyms_are_not_places(nlp: Language) -> None:
    reading = _read(nlp, "Israeli troops and Lebanese fighters exchanged fire with Syrian units.")
    assert not {"Israeli", "Lebanese", "Syrian"} & _mentioned(reading)


@pytest.mark.model
def test_find_places_skips_a_name_the_actors_layer_made_a_person(nlp: Language) -> None:
    text = "Georgia Brown told reporters in Tbilisi that the talks had stalled."
    person = Actor(id="a1", name="Georgia Brown", type="person", country=None,
                   mentions=(Mention(text="Georgia", start=0, end=7),))  # fmt: skip
    reading = _read(nlp, text, actors=(person,))
    assert "Georgia" not in _mentioned(reading)
    assert _place(reading, "Tbilisi").country == "GEO"


@pytest.mark.model
def test_find_places_mentions_slice_the_text(nlp: Language) -> None:
    text = "Aid trucks waited at the Rafah crossing while talks in Cairo and Doha went on."
    reading = _read(nlp, text)
    assert {"Rafah crossing", "Cairo", "Doha"} <= _mentioned(reading)
    for place in reading.places:
        for mention in place.mentions:
            assert text[mention.start : mention.end] == mention.text
    assert [p.id for p in reading.places] == [f"p{i}" for i in range(1, len(reading.places) + 1)]


@pytest.mark.model
def test_find_places_seed_gold_places(seed_path: Path, nlp: Language) -> None:
    from dateline.evaluation import score_reading

    text = seed_path.read_text(encoding="utf-8")
    gold = json.loads(seed_path.with_suffix("").with_suffix(".gold.json").read_text("utf-8"))
    reading = _read(nlp, text)
    places = next(s for s in score_reading(reading, gold) if s.layer == "places")
    assert places.f1 >= 0.9, (places.misses, places.extras)


@pytest.mark.model
def test_find_places_state_abbreviation_places_the_town(nlp: Language) -> None:
    reading = _read(nlp, "The plant near Charleston, W.Va., closed after the spill.")
    town = _place(reading, "Charleston")
    assert town.country == "USA"
    assert town.lat is not None
    assert 37 < town.lat < 39.5  # Charleston, West Virginia, not South Carolina (32.8)


@pytest.mark.model
def test_find_places_a_city_settles_which_georgia(nlp: Language) -> None:
    text = "Storms hit Atlanta overnight. Officials said Georgia would ask for federal aid."
    georgia = next(p for p in _read(nlp, text).places if p.name == "Georgia")
    assert (georgia.country, georgia.kind) == ("USA", "region")


@pytest.mark.model
def test_find_places_unlabelled_town_after_a_locative_preposition(nlp: Language) -> None:
    # If the parser labels the town itself, the test still checks the geocoding.
    reading = _read(nlp, "The new clinic opened last week in Moorhead, officials said.")
    assert _place(reading, "Moorhead").country == "USA"


@pytest.mark.model
def test_find_places_no_country_inside_a_longer_name(nlp: Language) -> None:
    text = "She studied at Florida Atlantic University before moving to New Jersey."
    reading = _read(nlp, text)
    assert "Atlantic Ocean" not in {p.name for p in reading.places}
    assert "JEY" not in {p.country for p in reading.places}


@pytest.mark.model
def test_find_places_groups_and_wires_are_not_places(nlp: Language) -> None:
    text = "Hezbollah fighters fired rockets at Israeli positions, Reuters and Al Jazeera reported."
    assert not {"Hezbollah", "Reuters", "Al Jazeera"} & _mentioned(_read(nlp, text))


@pytest.mark.model
def test_find_places_cities_where_places_stand_whatever_the_label(nlp: Language) -> None:
    reading = _read(nlp, "Russian forces shelled Kharkiv and Zaporizhzhia overnight.")
    assert _place(reading, "Kharkiv").country == "UKR"
    assert _place(reading, "Zaporizhzhia").country == "UKR"
    text = "Israeli strikes on Rafah and Khan Younis killed dozens, health officials said."
    reading = _read(nlp, text)
    assert _place(reading, "Rafah").country == "PSE"
    assert _place(reading, "Khan Younis").country == "PSE"


@pytest.mark.model
def test_find_places_a_person_named_like_a_country_is_not_a_place(nlp: Language) -> None:
    reading = _read(nlp, "Chad Thompson said he would run again next year.")
    assert "Chad" not in _mentioned(reading)


@pytest.mark.model
def test_find_places_takes_a_city_the_parser_labels_norp_but_not_a_demonym(nlp: Language) -> None:
    text = "Shelling killed 14 people in Omdurman on Sunday, Sudanese medics said."
    reading = _read(nlp, text)
    assert "Omdurman" in {p.name for p in reading.places}
    assert not any(m.text == "Sudanese" for p in reading.places for m in p.mentions)


def test_is_stranger_town_only_small_towns_outside_the_story() -> None:
    town = max((h.entry for h in load_gazetteer().lookup("Congress")), key=_population)
    assert town.population < STRANGER_TOWN
    assert not is_stranger_town(town, Context(countries=frozenset({town.country or ""})))
    assert is_stranger_town(town, Context(countries=frozenset({"FRA"})))


def _population(entry: Entry) -> int:
    return entry.population


@pytest.mark.model
def test_find_places_no_compass_word_alone(nlp: Language) -> None:
    text = "The North fired a missile toward Japan, and leaders in the West condemned it."
    reading = _read(nlp, text)
    assert not _mentioned(reading) & {"North", "West"}
    assert "Japan" in _mentioned(reading)


@pytest.mark.model
def test_find_places_no_initials_as_towns(nlp: Language) -> None:
    text = "The IMO said the ships would sail on, and donors pledged aid to PA in Paris."
    reading = _read(nlp, text)
    assert not _mentioned(reading) & {"IMO", "PA"}
    assert _place(reading, "Paris").country == "FRA"


@pytest.mark.model
def test_find_places_no_small_town_abroad_for_a_first_name(nlp: Language) -> None:
    # A first name the parser calls a place matches only small towns in countries the story
    # never names: no place.
    reading = _read(nlp, "In Cairo the minister said Ivanka had been a good friend.")
    assert _mentioned(reading) == {"Cairo"}


@pytest.mark.model
def test_find_places_keeps_a_dateline_city_in_capitals(nlp: Language) -> None:
    reading = _read(nlp, "KABUL, Afghanistan (AP) — A bomb exploded near a market.")
    assert _place(reading, "KABUL").country == "AFG"


@pytest.mark.model
def test_a_place_written_without_diacritics_keeps_the_story_spelling(nlp: Language) -> None:
    # issue #9: "Farah province" is "Farah" to its readers, not GeoNames' "Farāh"
    reading = _read(nlp, "Insurgents attacked police posts in western Farah province.")
    names = [p.name for p in reading.places]
    assert any(name.isascii() and "Farah" in name for name in names), names


# --- districts (GeoNames admin2; #9) -------------------------------------------------------


def test_find_places_district_with_its_kind_word(nlp: Language) -> None:
    text = "Insurgents attacked a police post in Zhari district of Kandahar province on Monday."
    reading = _read(nlp, text)
    zhari = next(p for p in reading.places if p.mentions[0].text.startswith("Zhari"))
    assert (zhari.country, zhari.kind) == ("AFG", "region")
    assert zhari.lat is not None
    assert zhari.lon is not None
    assert abs(zhari.lat - 31.6) < 0.5
    assert abs(zhari.lon - 65.4) < 0.5


def test_find_places_district_the_parser_did_not_label(nlp: Language) -> None:
    text = "Jets struck Idlib province's Maarrat al-Numan district overnight, a monitor said."
    reading = _read(nlp, text)
    district = next(p for p in reading.places if "Numan" in p.name)
    assert district.country == "SYR"
    assert district.mentions[0].text.endswith("district")


def test_find_places_kind_word_picks_the_level(nlp: Language) -> None:
    # "Idlib province" is the governorate; the bare town is the town.
    reading = _read(nlp, "Shelling hit Idlib province and the city of Idlib on Sunday.")
    kinds = {p.mentions[0].text: p.kind for p in reading.places}
    assert kinds.get("Idlib province") == "region"
    assert "city" in kinds.values()


def test_find_places_bare_district_only_in_the_storys_country(nlp: Language) -> None:
    # In an Afghan story "Zhari" is the district, not Zary in Poland ...
    reading = _read(nlp, "Gunmen killed five people in Zhari, Afghanistan, on Monday.")
    assert {p.country for p in reading.places} == {"AFG"}
    # ... and a district name never pulls a story abroad: Bakhmut is the town.
    reading = _read(nlp, "Russian forces pressed their assault on Bakhmut, Ukraine said.")
    assert _place(reading, "Bakhmut").kind == "city"


def test_find_places_district_of_a_country_the_story_does_not_name_is_left(nlp: Language) -> None:
    # A Jordan story's "Karak district" is Jordan's Karak, not Karak District in Pakistan.
    text = "Gunmen fired on a patrol in the Karak district, Jordan's security service said."
    reading = _read(nlp, text)
    assert "PAK" not in {p.country for p in reading.places}
