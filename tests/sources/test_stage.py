"""find_sources on sentences written for these tests: counts, kinds, affiliations, via."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.actors import find_actors
from dateline.quotes import find_quotes
from dateline.reading import Reading, Source
from dateline.sources import find_sources

pytestmark = pytest.mark.model


def _sources(nlp: Language, text: str) -> tuple[Source, ...]:
    reading = find_actors(Reading(source="test", text=text, doc=nlp(text)))
    sources = find_sources(find_quotes(reading)).sources
    assert all(text[s.start : s.end] == s.text for s in sources)
    return sources


def test_find_sources_counts_coordinated_nouns(nlp: Language) -> None:
    text = "The ceasefire collapsed overnight, two Sudanese officials and a Western diplomat said."
    (source,) = _sources(nlp, text)
    assert source.text == "two Sudanese officials and a Western diplomat"
    assert (source.kind, source.count, source.affiliation) == ("anonymous", 3, "SDN")


def test_find_sources_partitive_counts_the_part(nlp: Language) -> None:
    text = "Four of the five Iraqi officials said the talks had stalled."
    (source,) = _sources(nlp, text)
    assert (source.count, source.affiliation) == (4, "IRQ")


def test_find_sources_plural_without_number_is_unknown(nlp: Language) -> None:
    (source,) = _sources(nlp, "Syrian officials said the airport had reopened.")
    assert (source.kind, source.count, source.affiliation) == ("anonymous", None, "SYR")


def test_find_sources_mixed_nationalities_have_no_affiliation(nlp: Language) -> None:
    text = "The agency interviewed seven Kenyan, Somali and Ethiopian officials for this report."
    (source,) = _sources(nlp, text)
    assert (source.count, source.affiliation) == (7, None)


def test_find_sources_according_to(nlp: Language) -> None:
    text = "The dam was damaged in the strike, according to three local residents."
    (source,) = _sources(nlp, text)
    assert (source.text, source.count) == ("three local residents", 3)


def test_find_sources_told_a_publication_gives_via(nlp: Language) -> None:
    text = "The army plans a second offensive, several sources told the Washington Post."
    (source,) = _sources(nlp, text)
    assert (source.kind, source.count, source.via) == ("anonymous", None, "Washington Post")


def test_find_sources_named_person_once(nlp: Language) -> None:
    text = (
        "Ukrainian Foreign Minister Dmytro Kuleba said the grain corridor would stay open. "
        "Kuleba said later that ships were already loading."
    )
    (source,) = _sources(nlp, text)
    assert (source.kind, source.count, source.affiliation) == ("named", 1, "UKR")


def test_find_sources_a_definite_remention_is_not_a_new_source(nlp: Language) -> None:
    text = (
        "The border stayed shut, two Egyptian officials said. "
        "Trucks were turned back, the officials said."
    )
    assert len(_sources(nlp, text)) == 1


def test_find_sources_skip_states_and_refusals(nlp: Language) -> None:
    text = (
        "Iran has said it will respond. A spokesman for the ministry declined to comment "
        "on the report."
    )
    assert _sources(nlp, text) == ()


def test_find_sources_number_words_and_digits(nlp: Language) -> None:
    text = (
        "Eleven witnesses said the shelling began at dawn. 12 medics said that the clinic was hit."
    )
    counts = [s.count for s in _sources(nlp, text)]
    assert counts == [11, 12]


def test_find_sources_told_a_wire_service(nlp: Language) -> None:
    text = "The port will reopen next week, a senior Houthi official told Reuters."
    (source,) = _sources(nlp, text)
    assert (source.count, source.affiliation, source.via) == (1, "Houthis", "Reuters")


def test_find_sources_skip_a_headline_line(nlp: Language) -> None:
    text = "Officials say rebels took the airport\n\nIt went on all night, two residents said."
    (source,) = _sources(nlp, text)
    assert source.text == "two residents"


def test_find_sources_bare_plural_cited_twice_is_one_source(nlp: Language) -> None:
    text = "Officials said the road was cut. The bridge was also hit, officials said."
    assert len(_sources(nlp, text)) == 1


def test_find_sources_hard_wrapped_line_is_not_a_headline(nlp: Language) -> None:
    text = "The strike hit a school, two local officials\nsaid on Sunday."
    (source,) = _sources(nlp, text)
    assert source.count == 2


def test_find_sources_the_same_words_again_are_one_source(nlp: Language) -> None:
    text = (
        "A senior European official said the sanctions would stay in place.\n\n"
        "The embassy would reopen in the spring, a senior European official said."
    )
    sources = _sources(nlp, text)
    assert [s.text.lower() for s in sources] == ["a senior european official"]


def test_find_sources_two_named_people_in_one_attribution(nlp: Language) -> None:
    text = (
        "The shelling stopped at noon, said Omar Haddad, a council member in the town of "
        "Rasheed and Maj. Karim Nasser of the local police."
    )
    # issue #9: one source a named person, each counted once (they are weighed apart)
    sources = [s for s in _sources(nlp, text) if s.kind == "named"]
    assert [(s.text, s.count) for s in sources] == [
        ("Omar Haddad, a council member in the town of Rasheed", 1),
        ("Maj. Karim Nasser of the local police", 1),
    ]


def test_find_sources_a_body_described_by_its_kind(nlp: Language) -> None:
    text = (
        "The Turkish military announced that its jets struck 30 targets.\n\n"
        "The group was not reached for comment, and the ministry said it would respond."
    )
    assert [(s.text, s.kind) for s in _sources(nlp, text)] == [
        ("The Turkish military", "organization")
    ]


def test_find_sources_a_one_paragraph_story_is_body_not_a_title(nlp: Language) -> None:
    text = (
        "Headline of the story\n\nA bomb exploded at a market in the city on Monday, police "
        "said. Police said two women were among the dead. Copyright 2008 Agency. click here"
    )
    assert [s.text for s in _sources(nlp, text)] == ["police"]


def test_find_sources_the_title_again_is_the_named_source(nlp: Language) -> None:
    text = (
        "Defence Minister Paulo Reis said the northern base would close in June.\n\n"
        "The minister said the troops would move to the coast by the autumn."
    )
    sources = _sources(nlp, text)
    assert [s.text for s in sources] == ["Defence Minister Paulo Reis"]


def test_find_sources_close_to_a_body_is_its_affiliation(nlp: Language) -> None:
    (source,) = _sources(nlp, "Sources close to Hezbollah said the convoy had turned back.")
    assert (source.kind, source.count, source.affiliation) == ("anonymous", None, "Hezbollah")


@pytest.mark.model
def test_find_sources_a_report_cites_its_maker(nlp: Language) -> None:
    # issue #9: attributions without a speech verb
    text = (
        "Fighting eased in the east.\n\n"
        "U.S. military statistics show that attacks fell in June.\n\n"
        "This follows a report aired by Syrian state TV showing the bodies of soldiers killed by "
        "rebels."
    )
    texts = [s.text for s in _sources(nlp, text)]
    assert any("statistics" in t for t in texts), texts
    assert any("Syrian state TV" in t for t in texts), texts


@pytest.mark.model
def test_find_sources_a_bare_report_cites_no_one_new(nlp: Language) -> None:
    text = "Rebels shelled the town.\n\nThe report said the shelling lasted an hour."
    assert _sources(nlp, text) == ()
