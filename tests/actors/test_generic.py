"""Unnamed groups as actors, on sentences written for these tests (the English model parses)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.actors import find_actors
from dateline.reading import Actor, Reading

pytestmark = pytest.mark.model


def _actors(nlp: Language, text: str) -> dict[str, Actor]:
    reading = find_actors(Reading(source="test", text=text, doc=nlp(text)))
    return {a.name: a for a in reading.actors}


def test_plural_role_nouns_are_actors_without_their_numbers(nlp: Language) -> None:
    actors = _actors(nlp, "Unknown gunmen abducted 30 students from a school near the river.")
    assert actors["Gunmen"].type == "armed_group"
    assert actors["Students"].type == "population"
    assert [m.text for m in actors["Students"].mentions] == ["students"]


def test_nationality_gives_the_group_its_country(nlp: Language) -> None:
    actors = _actors(nlp, "Police fired tear gas at Freedonian protesters and Chadian refugees.")
    refugees = actors["Refugees (Chad)"]
    assert refugees.country == "TCD"
    assert [m.text for m in refugees.mentions] == ["Chadian refugees"]


def test_one_armed_member_names_the_group(nlp: Language) -> None:
    actors = _actors(nlp, "A suicide bomber blew himself up outside the ministry on Monday.")
    assert actors["Suicide bomber"].type == "armed_group"


def test_people_count_only_when_counted(nlp: Language) -> None:
    assert "People" in _actors(nlp, "The blast killed at least 12 people in the market.")
    assert "People" not in _actors(nlp, "People in the town say the market is calm again.")


def test_a_named_groups_own_fighters_are_not_a_new_group(nlp: Language) -> None:
    actors = _actors(nlp, "The movement said its fighters had left the hills overnight.")
    assert "Fighters" not in actors


def test_the_audience_of_a_statement_is_no_actor(nlp: Language) -> None:
    assert "Reporters" not in _actors(nlp, "The minister told reporters the talks would go on.")


def test_a_mention_keeps_its_article_and_descriptive_modifiers(nlp: Language) -> None:
    actors = _actors(nlp, "Police beat anti-government protestors. The rebels left at dawn.")
    assert [m.text for m in actors["Protestors"].mentions] == ["anti-government protestors"]
    assert [m.text for m in actors["Rebels"].mentions] == ["The rebels"]


def test_a_patron_in_a_modifier_is_not_the_group(nlp: Language) -> None:
    actors = _actors(nlp, "Freedonia-backed militant groups fired rockets at the base.")
    assert [m.text for m in actors["Militant groups"].mentions] == ["militant groups"]
    assert actors["Militant groups"].type == "armed_group"


def test_the_west_is_one_party(nlp: Language) -> None:
    assert (
        _actors(nlp, "Western nations restored aid to the ministry.")["Western nations"].type
        == "other"
    )


def test_extremists_are_an_armed_group(nlp: Language) -> None:
    actors = _actors(nlp, "The extremists took over the city in January.")
    assert actors["Extremists"].type == "armed_group"


def test_what_someone_is_called_is_no_group(nlp: Language) -> None:
    text = "Branded a terrorist organization by Freedonia, the movement denies any attack."
    assert "Terrorist organization" not in _actors(nlp, text)
    assert "Armed group" not in _actors(nlp, "The movement is an armed group from the hills.")


def test_a_bare_role_is_the_group_the_story_gave_a_country(nlp: Language) -> None:
    actors = _actors(nlp, "Syrian rebels attacked the airport. The rebels said they took it.")
    assert [m.text for m in actors["Rebels (Syria)"].mentions] == ["Syrian rebels", "The rebels"]


def test_a_definite_armed_role_is_the_one_armed_group_the_story_names(nlp: Language) -> None:
    text = "Hamas freed two hostages on Monday. The militants still hold three contractors."
    actors = _actors(nlp, text)
    assert "The militants" in [m.text for m in actors["Hamas"].mentions]
    text = "Hamas and Hezbollah freed two hostages. The militants still hold three contractors."
    assert "Militants" in _actors(nlp, text)


def test_policemen_are_the_storys_police_force(nlp: Language) -> None:
    text = "Afghan police said gunmen attacked a checkpoint. Twelve policemen were killed."
    police = _actors(nlp, text)["Police of Afghanistan"]
    assert [m.text for m in police.mentions] == ["Afghan police", "policemen"]


def test_places_civilians_live_in_are_no_actors(nlp: Language) -> None:
    assert "Villages" not in _actors(nlp, "The rebels said they had taken two villages.")
