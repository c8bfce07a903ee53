"""find_quotes on sentences written for these tests, one pattern each."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.actors import find_actors
from dateline.quotes import find_quotes
from dateline.reading import Quote, Reading

pytestmark = pytest.mark.model


def _quotes(nlp: Language, text: str) -> tuple[Quote, ...]:
    reading = find_actors(Reading(source="test", text=text, doc=nlp(text)))
    quotes = find_quotes(reading).quotes
    assert all(text[q.start : q.end] == q.text for q in quotes)
    return quotes


def test_find_quotes_straight_marks_after_the_speaker(nlp: Language) -> None:
    (quote,) = _quotes(
        nlp, 'The Egyptian foreign minister said: "The crossing will open on Monday."'
    )
    assert quote.direct
    assert quote.text.startswith("The crossing will open on Monday")
    assert quote.cue == "said"
    assert quote.speaker is not None
    assert quote.speaker.text == "The Egyptian foreign minister"
    assert (quote.speaker.kind, quote.speaker.affiliation, quote.speaker.count) == (
        "anonymous", "EGY", 1,
    )  # fmt: skip


def test_find_quotes_typographic_marks_before_the_named_speaker(nlp: Language) -> None:
    text = "“We have no plans to withdraw,” Defence Minister Rustem Umerov told reporters."
    (quote,) = _quotes(nlp, text)
    assert quote.text == "We have no plans to withdraw"
    assert quote.cue == "told"
    assert quote.speaker is not None
    assert quote.speaker.kind == "named"
    assert "Rustem Umerov" in quote.speaker.text


def test_find_quotes_partial_quote_inside_a_sentence(nlp: Language) -> None:
    text = 'The senator said the deal was "a betrayal of our allies" and vowed to block it.'
    # issue #9 (GOLD.md's convention): the reported clause is the quote, the quoted phrase
    # inside it is not reported twice
    (quote,) = _quotes(nlp, text)
    assert not quote.direct
    assert quote.text.startswith('the deal was "a betrayal of our allies"')
    assert quote.speaker is not None
    assert quote.speaker.text == "The senator"


def test_find_quotes_a_clause_mostly_in_quotation_marks_is_direct(nlp: Language) -> None:
    text = 'The senator said the deal "was a betrayal of our allies and our friends."'
    (quote,) = _quotes(nlp, text)
    assert quote.direct
    assert quote.text.startswith("was a betrayal")


def test_find_quotes_single_quotation_marks(nlp: Language) -> None:
    text = (
        "'Resign! Otherwise we will protest every day,' the opposition leader Levan Kobakhidze "
        "yelled at the election chief.\n\nThe rebels' leaders called it a 'sham'."
    )
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes if q.direct] == ["Resign! Otherwise we will protest every day"]
    assert quotes[0].speaker is not None
    assert "Kobakhidze" in quotes[0].speaker.text


def test_find_quotes_runs_over_two_paragraphs(nlp: Language) -> None:
    text = (
        "“The shelling started before dawn and did not stop,” a resident named Oleh Petrenko "
        "said.\n\n“We hid in the basement for six hours.\n\n“Then we ran for the bus.”"
    )
    quotes = _quotes(nlp, text)
    # one quote a paragraph, all in the resident's voice: no quote crosses a paragraph break
    assert [q.text for q in quotes[1:]] == [
        "We hid in the basement for six hours.",
        "Then we ran for the bus.",
    ]
    assert all("\n" not in q.text for q in quotes)
    assert len({q.speaker for q in quotes}) == 1


def test_find_quotes_indirect_said_that(nlp: Language) -> None:
    text = "Prime Minister Sheikh Hasina said that the border would stay closed until March."
    (quote,) = _quotes(nlp, text)
    assert not quote.direct
    assert quote.text == "the border would stay closed until March"
    assert quote.speaker is not None
    assert quote.speaker.kind == "named"


def test_find_quotes_indirect_with_the_cue_after_the_clause(nlp: Language) -> None:
    text = "The convoy reached the town before noon, a senior aid worker said."
    (quote,) = _quotes(nlp, text)
    assert quote.text == "The convoy reached the town before noon"
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.kind) == ("a senior aid worker", "anonymous")


def test_find_quotes_resolves_a_pronoun_to_the_last_person(nlp: Language) -> None:
    text = (
        "Foreign Minister Ahmed Attaf met the envoy on Sunday. "
        "He warned that the talks could collapse within days."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.text == "Foreign Minister Ahmed Attaf"
    assert quote.speaker.kind == "named"
    assert quote.cue == "warned"


def test_find_quotes_publication_speaker(nlp: Language) -> None:
    text = "The daily newspaper Haaretz wrote that the cabinet had “no plan for the day after.”"
    (quote,) = _quotes(nlp, text)
    assert quote.direct
    assert quote.speaker is not None
    assert quote.speaker.kind == "publication"


def test_find_quotes_group_affiliation_from_the_speaker_phrase(nlp: Language) -> None:
    text = '"We will not disarm," a senior Hamas official told reporters in Doha.'
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None
    assert (quote.speaker.kind, quote.speaker.affiliation) == ("anonymous", "Hamas")


def test_find_quotes_leaves_plural_and_state_reports_to_sources(nlp: Language) -> None:
    text = "Officials said the road was closed. Turkey has said it will not send troops."
    assert _quotes(nlp, text) == ()


def test_find_quotes_skips_scare_quotes(nlp: Language) -> None:
    text = "The so-called “buffer zone” has grown every month since the summer."
    assert _quotes(nlp, text) == ()


def test_find_quotes_numbers_in_text_order(nlp: Language) -> None:
    text = "“Enough,” the colonel said. The mayor said that the town had no water left."
    quotes = _quotes(nlp, text)
    assert [q.id for q in quotes] == ["q1", "q2"]
    assert quotes[0].start < quotes[1].start


def test_find_quotes_gives_both_halves_around_one_cue(nlp: Language) -> None:
    text = '"The water is gone," the nurse said. "We boil what is left in the tank."'
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes] == ["The water is gone", "We boil what is left in the tank."]
    assert quotes[0].speaker == quotes[1].speaker
    assert quotes[1].cue == "said"


def test_find_quotes_pronoun_prefers_the_earlier_speaker_to_an_embedded_subject(
    nlp: Language,
) -> None:
    text = (
        "A senior police officer said soldiers had searched every floor. "
        '"Nobody was left inside," he said.'
    )
    direct = [q for q in _quotes(nlp, text) if q.direct]
    assert direct[0].speaker is not None
    assert direct[0].speaker.text == "A senior police officer"


def test_find_quotes_according_to_one_person(nlp: Language) -> None:
    text = "The pipeline was shut on Friday, according to a company engineer."
    (quote,) = _quotes(nlp, text)
    assert (quote.text, quote.cue) == ("The pipeline was shut on Friday", "according to")
    assert quote.speaker is not None
    assert quote.speaker.text == "a company engineer"


def test_find_quotes_anonymity_marker_makes_an_unknown_noun_anonymous(nlp: Language) -> None:
    text = (
        "A ministry insider, speaking on condition of anonymity, said that the budget "
        "would be cut by a third."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.kind == "anonymous"


def test_find_quotes_indirect_from_a_publication(nlp: Language) -> None:
    text = "The newspaper reported that the factory had been closed since April."
    (quote,) = _quotes(nlp, text)
    assert quote.text == "the factory had been closed since April"
    assert quote.speaker is not None
    assert quote.speaker.kind == "publication"


def test_find_quotes_so_called_is_no_cue(nlp: Language) -> None:
    assert _quotes(nlp, "Troops entered the so-called “red zone” at dawn on Monday.") == ()


def test_find_quotes_untagged_name_with_a_title_is_named(nlp: Language) -> None:
    text = '"The valve failed," said Assem Jihad, the ministry spokesman.'
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.kind == "named"


def test_find_quotes_unresolved_pronoun_takes_the_previous_speaker(nlp: Language) -> None:
    text = '"The valve failed," the company\'s statement said. "Repairs will take a week," he said.'
    quotes = _quotes(nlp, text)
    assert len(quotes) == 2
    assert quotes[1].speaker == quotes[0].speaker


def test_find_quotes_inverted_cue_takes_the_speaker_after_it(nlp: Language) -> None:
    (quote,) = _quotes(nlp, '"Where is the aid?" asked camp manager Amina Yusuf.')
    assert quote.speaker is not None
    assert quote.speaker.text == "camp manager Amina Yusuf"


def test_find_quotes_by_saying_borrows_the_subject(nlp: Language) -> None:
    text = 'The governor ended the briefing by saying, "We will rebuild every school."'
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.text == "The governor"


def test_find_quotes_demonym_affiliation_without_actors(nlp: Language) -> None:
    text = '"We will stay," a Jordanian official said.'
    reading = Reading(source="test", text=text, doc=nlp(text))  # no actors stage run
    (quote,) = find_quotes(reading).quotes
    assert quote.speaker is not None
    assert quote.speaker.affiliation == "JOR"


def test_find_quotes_colon_paragraph_introduces_the_next(nlp: Language) -> None:
    text = "The health minister said:\n\n“Every hospital in the north is now without power.”"
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.text == "The health minister"


def test_find_quotes_colon_after_a_subject_without_a_speech_verb(nlp: Language) -> None:
    text = "The opposition leader hit back in a post on X: “This budget starves the regions.”"
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.text == "The opposition leader"


def test_find_quotes_hard_wrapped_paragraph_keeps_its_cue(nlp: Language) -> None:
    text = '"The talks will resume next week," the envoy\nsaid on Friday.'
    (quote,) = _quotes(nlp, text)
    assert quote.cue == "said"


def test_find_quotes_according_to_stops_before_the_attribution(nlp: Language) -> None:
    text = (
        "The convoy was stopped near the northern border crossing, according to police chief "
        "Daniel Okafor.\n\nHe gave no other details."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.text == "The convoy was stopped near the northern border crossing"
    assert quote.speaker is not None
    assert "Daniel Okafor" in quote.speaker.text


def test_find_quotes_relative_clause_leaves_out_its_speaker(nlp: Language) -> None:
    text = (
        "The commander, who a spokesman for the militia said had been dismissed from his post "
        "last month, did not appear."
    )
    quotes = [q for q in _quotes(nlp, text) if not q.direct]
    assert quotes
    assert all("spokesman" not in q.text and "said" not in q.text for q in quotes)


def test_find_quotes_a_later_cue_with_its_own_clause_is_a_quote_of_its_own(
    nlp: Language,
) -> None:
    text = (
        "The finance minister Carla Moreau said the budget talks had failed on Friday, adding "
        "that a new round of talks would begin next week."
    )
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes] == [
        "the budget talks had failed on Friday",
        "a new round of talks would begin next week",
    ]


def test_find_quotes_he_is_never_a_plural_subject(nlp: Language) -> None:
    text = (
        "President Jonas Lindqvist spoke in Oslo on Monday.\n\n"
        "Our Danish friends launched an attack yesterday.\n\n"
        "“This is the last phase of the campaign,” he said."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None
    assert "Lindqvist" in quote.speaker.text


def test_find_quotes_it_is_the_body_named_before(nlp: Language) -> None:
    text = (
        "The World Health Organization said on Monday that the outbreak was slowing.\n\n"
        "“No new cases were found in the last week,” it said."
    )
    quote = next(q for q in _quotes(nlp, text) if q.direct)
    assert quote.speaker is not None
    assert quote.speaker.text == "The World Health Organization"


def test_find_quotes_a_cue_in_a_new_clause_attributes_no_quote(nlp: Language) -> None:
    text = (
        "“We will never give in to these threats.” The government has blamed rebel groups "
        "it says are hiding in the hills."
    )
    assert not [q for q in _quotes(nlp, text) if q.direct]


def test_find_quotes_speaker_phrase_without_a_participle_aside(nlp: Language) -> None:
    text = "The correspondent Hassan Karimi, reporting from the capital, said the port was shut."
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.text == "The correspondent Hassan Karimi"


def test_find_quotes_he_skips_a_woman_named_by_title(nlp: Language) -> None:
    text = (
        "The president said Ms. Okonkwo had informed him months ago that she would leave. "
        "He said that he hoped she would return in another role next year."
    )
    quote = next(q for q in _quotes(nlp, text) if "hoped" in q.text)
    assert quote.speaker is not None
    assert quote.speaker.text == "The president"


def test_find_quotes_the_clause_holding_the_quotation_names_its_speaker(
    nlp: Language,
) -> None:
    text = 'The senator said that farmers who had accused the bank "must be heard in court."'
    (quote,) = _quotes(nlp, text)
    assert "must be heard in court" in quote.text
    assert quote.speaker is not None
    assert quote.speaker.text == "The senator"


def test_find_quotes_a_repeated_sentence_is_one_quote(nlp: Language) -> None:
    sentence = "Governor Alan Brooks said that the dam would be finished by the spring."
    quotes = _quotes(nlp, f"{sentence}\n\n{sentence}")
    assert len(quotes) == 1


def test_find_quotes_according_to_after_a_quotation(nlp: Language) -> None:
    text = (
        "The plan had been drawn up to “restore calm along the river,” according to "
        "the governor Amara Diallo."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.text.endswith("restore calm along the river")
    assert quote.speaker is not None
    assert "Amara Diallo" in quote.speaker.text


def test_find_quotes_criticise_introduces_a_quotation(nlp: Language) -> None:
    text = "The opposition leader Petra Novak criticized the budget as “a gift to the banks.”"
    (quote,) = [q for q in _quotes(nlp, text) if q.direct]
    assert quote.speaker is not None
    assert "Petra Novak" in quote.speaker.text


def test_find_quotes_a_ministry_said_in_a_statement(nlp: Language) -> None:
    text = (
        "The Ukrainian Defence Ministry said in a statement that two drones had been shot "
        "down over the city overnight."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.text == "two drones had been shot down over the city overnight"
    assert quote.speaker is not None
    assert quote.speaker.kind == "organization"


def test_find_quotes_a_state_saying_is_no_quote(nlp: Language) -> None:
    assert not _quotes(nlp, "Israel has said it will not withdraw its troops from the area.")


def test_find_quotes_reported_condition_keeps_its_if(nlp: Language) -> None:
    text = (
        "Foreign Minister Lena Berg said that if the talks fail, her government will recall "
        "its ambassador."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.text.startswith("if the talks fail")


def test_find_quotes_a_participle_after_the_speaker_borrows_the_noun(nlp: Language) -> None:
    text = (
        "The leader of the Green party, Ana Costa, condemned the vote, saying in a statement "
        "that it “will not stop our movement.”"
    )
    (quote,) = [q for q in _quotes(nlp, text) if q.direct]
    assert quote.speaker is not None
    assert "statement" not in quote.speaker.text
    assert "condemned" not in quote.speaker.text


def test_find_quotes_an_unresolved_it_speaks_no_quote(nlp: Language) -> None:
    text = "The tape runs for ten minutes.\n\n“We will return,” it said."
    assert not _quotes(nlp, text)


def test_find_quotes_she_stands_for_an_according_to_source(nlp: Language) -> None:
    text = (
        "The road was closed at dawn, according to police chief Sara Mendez.\n\n"
        "The old bridge had also been damaged by the flood waters, she told reporters."
    )
    quote = next(q for q in _quotes(nlp, text) if "bridge" in q.text)
    assert quote.speaker is not None
    assert "Sara Mendez" in quote.speaker.text


def test_find_quotes_the_title_stands_for_the_person_named_with_it(nlp: Language) -> None:
    text = (
        "President Jonas Berg opened the summit in Oslo on Monday.\n\n"
        "The president said that the talks would continue through the weekend."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None
    assert "Jonas Berg" in quote.speaker.text
    assert quote.speaker.kind == "named"


def test_find_quotes_a_title_with_its_own_name_keeps_it(nlp: Language) -> None:
    text = (
        "Foreign Minister Karl Olsen arrived on Monday.\n\n"
        "The minister, Ana Ruiz, said that the border would reopen next month."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None
    assert "Ana Ruiz" in quote.speaker.text


def test_find_quotes_a_date_is_no_part_of_the_speaker(nlp: Language) -> None:
    text = "The rebel commander on Friday said that the town had fallen after a long siege."
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.text == "The rebel commander"


def test_find_quotes_a_long_title_before_a_name_is_named(nlp: Language) -> None:
    text = (
        "Inspector General of Regional Police Daniel Moyo told reporters that the attack had "
        "been planned for weeks."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.kind == "named"


@pytest.mark.model
def test_find_quotes_he_after_a_newly_introduced_speaker(nlp: Language) -> None:
    # issue #9: "a Syrian doctor's words are given to Assad"
    text = (
        "President Omar Haddad said on Monday that the army would hold the city.\n\n"
        "His comments came as a local doctor in the besieged town of Kafr Laha described the "
        "horrors of living there.\n\n"
        "More than 600 wounded people were trapped without medicine, he told reporters."
    )
    (quote,) = [q for q in _quotes(nlp, text) if "600" in q.text]
    assert quote.speaker is not None
    assert "doctor" in quote.speaker.text


@pytest.mark.model
def test_find_quotes_a_second_that_clause_is_reported_too(nlp: Language) -> None:
    text = (
        "Oil ministry spokesman Karim Saleh said firefighters were able to control the fire, "
        "and that production was continuing."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.text.startswith("firefighters were able")
    assert quote.text.endswith("that production was continuing")
