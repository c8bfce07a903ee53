"""One actor across articles (issue #9): names merged by rule and by data, with stable ids."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.actors import find_actors
from dateline.actors.identity import Named, actor_key, merge_names, person_words
from dateline.reading import Reading

ARTICLES = (
    "UNITED NATIONS - U.S. Ambassador Nikki R. Haley told the Security Council on Monday "
    "that the sanctions would stay.",
    "Haley said on Tuesday that Washington would not lift the sanctions before talks.",
    "Ambassador Haley met the Chinese envoy on Wednesday to discuss the resolution.",
)


def _named(nlp: Language, text: str) -> list[Named]:
    reading = find_actors(Reading(source="test", text=text, doc=nlp(text)))
    return [Named(a.name, a.type) for a in reading.actors if a.type == "person"]


@pytest.mark.model
def test_one_person_named_three_ways_in_three_articles_is_one_actor(nlp: Language) -> None:
    named = [n for text in ARTICLES for n in _named(nlp, text)]
    assert len({n.name for n in named}) > 1  # each article names her its own way
    canonical = merge_names(named, merges={})
    assert set(canonical.values()) == {"Nikki R. Haley"}
    assert len({actor_key(name, "person") for name in canonical.values()}) == 1


def test_person_words_drop_titles_ranks_and_middle_initials() -> None:
    assert person_words("Ambassador Nikki R. Haley") == ("nikki", "haley")
    assert person_words("Lt.-Gen. Herzi Halevi") == ("herzi", "halevi")
    assert person_words("Haley") == ("haley",)


def test_a_surname_two_people_share_joins_neither() -> None:
    names = [
        Named("George W. Bush", "person"),
        Named("Jeb Bush", "person"),
        Named("Bush", "person"),
    ]
    canonical = merge_names(names, merges={})
    assert canonical[Named("Bush", "person")] == "Bush"
    assert canonical[Named("George W. Bush", "person")] == "George W. Bush"


def test_merges_as_data_override_the_rule() -> None:
    names = [Named("Donald Trump", "person"), Named("Trump", "person"), Named("POTUS", "person")]
    merges = {"potus": "Donald Trump", "trump": "-"}
    canonical = merge_names(names, merges=merges)
    assert canonical[Named("POTUS", "person")] == "Donald Trump"
    assert canonical[Named("Trump", "person")] == "Trump"


def test_actor_key_is_stable_and_ignores_how_the_name_is_written() -> None:
    assert actor_key("Nikki R. Haley", "person") == actor_key("Nikki Haley", "person")
    assert actor_key("Hamas", "armed_group") != actor_key("Hamas", "party")
