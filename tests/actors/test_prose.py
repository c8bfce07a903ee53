"""Actors named only in page chrome, credits or a place's position are none (issue #9)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.actors import find_actors
from dateline.reading import Reading


def _names(nlp: Language, text: str) -> list[str]:
    return [a.name for a in find_actors(Reading(source="test", text=text, doc=nlp(text))).actors]


@pytest.mark.model
def test_menu_words_are_no_actors(nlp: Language) -> None:
    text = (
        "Quicklinks\nRestaurants\nHotels\nWeddings\n\n"
        "Hamas fighters attacked a convoy near the border on Monday, the army said."
    )
    names = _names(nlp, text)
    assert not {"Quicklinks", "Restaurants", "Hotels", "Weddings"} & set(names)
    assert "Hamas" in names


@pytest.mark.model
def test_a_wire_credit_is_no_actor_but_an_outlet_in_the_story_is(nlp: Language) -> None:
    credit = "BAMAKO (Reuters) - Soldiers clashed with rebels on Sunday, officials said."
    assert "Reuters" not in _names(nlp, credit)
    cited = "The minister told Reuters that soldiers clashed with rebels on Sunday."
    assert "Reuters" in _names(nlp, cited)


@pytest.mark.model
def test_a_copyright_line_names_no_actor(nlp: Language) -> None:
    text = (
        "Rebels shelled the town on Sunday.\n\n"
        "Copyright Meridian Financial News Limited 2007. All rights reserved."
    )
    assert not [n for n in _names(nlp, text) if "Meridian" in n]


@pytest.mark.model
def test_a_town_the_text_calls_a_town_is_no_person(nlp: Language) -> None:
    text = (
        "Fighting raged in the strategic town of Kafr Nabudah on Sunday. "
        "Rebels said government forces shelled Kafr Nabudah again."
    )
    assert "Kafr Nabudah" not in _names(nlp, text)


@pytest.mark.model
def test_a_capitalised_common_noun_at_a_sentence_start_is_no_actor(nlp: Language) -> None:
    text = "Kidnappings are common in the region.\n\nExcerpts released from the interview show it."
    assert not {"Kidnappings", "Excerpts"} & set(_names(nlp, text))
