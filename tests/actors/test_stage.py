"""find_actors on sentences written for these tests: one test per resolution rule."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from dateline.actors import actor_at, find_actors
from dateline.reading import Actor, Reading


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def _read(blank: Language, text: str, persons: tuple[str, ...] = ()) -> Reading:
    """Tokenise without a model; mark the given names as NER PERSON spans."""
    doc = blank(text)
    spans = []
    for name in persons:
        start = text.index(name)
        span = doc.char_span(start, start + len(name), label="PERSON")
        assert span is not None, name
        spans.append(span)
    doc.ents = spans
    return find_actors(Reading(source="test", text=text, doc=doc))


def _actor(reading: Reading, name: str) -> Actor:
    found = [a for a in reading.actors if a.name == name]
    assert found, f"{name} not in {[a.name for a in reading.actors]}"
    return found[0]


def _texts(actor: Actor) -> list[str]:
    return [m.text for m in actor.mentions]


def test_find_actors_reads_demonyms_as_the_state(blank: Language) -> None:
    reading = _read(blank, "A Somali raid was followed by an Ethiopian strike on Monday.")
    assert _texts(_actor(reading, "Somalia")) == ["Somali"]
    assert _actor(reading, "Ethiopia").country == "ETH"


def test_find_actors_reads_capitals_as_the_state(blank: Language) -> None:
    reading = _read(blank, "Moscow rejected the plan, while Kyiv said it would wait.")
    assert (_actor(reading, "Russia").type, _actor(reading, "Russia").country) == ("state", "RUS")
    assert _texts(_actor(reading, "Ukraine")) == ["Kyiv"]


def test_find_actors_tells_us_the_state_from_us_the_pronoun(blank: Language) -> None:
    reading = _read(blank, "The US told us nothing, and the U.S. embassy stayed shut.")
    usa = _actor(reading, "United States")
    assert _texts(usa) == ["US"]
    assert _texts(_actor(reading, "Embassy of United States")) == ["U.S. embassy"]


def test_find_actors_needs_a_capital_where_the_name_has_one(blank: Language) -> None:
    reading = _read(blank, "They ate turkey and rice in Turkey.")
    assert _texts(_actor(reading, "Turkey")) == ["Turkey"]


def test_find_actors_resolves_the_group_to_the_salient_armed_group(blank: Language) -> None:
    text = (
        "Al-Shabaab fighters stormed a base. Hamas praised them. "
        "Al-Shabaab later said the group had lost two men, and the militant group vowed more."
    )
    shabaab = _actor(_read(blank, text), "al-Shabaab")
    assert _texts(shabaab) == ["Al-Shabaab", "Al-Shabaab", "the group", "the militant group"]


def test_find_actors_leaves_the_group_of_someone_alone(blank: Language) -> None:
    reading = _read(blank, "Hamas rejected it. The group of mediators met again.")
    assert _texts(_actor(reading, "Hamas")) == ["Hamas"]


def test_find_actors_drops_the_group_when_no_armed_group_is_named(blank: Language) -> None:
    reading = _read(blank, "The group of donors met in Geneva.")
    assert all(a.type != "armed_group" for a in reading.actors)


def test_find_actors_joins_a_surname_to_the_full_name(blank: Language) -> None:
    text = "Kenyan Foreign Minister Wanjiku Otieno arrived. Later, Otieno met the press."
    person = _actor(_read(blank, text, persons=("Wanjiku Otieno",)), "Wanjiku Otieno")
    assert _texts(person) == ["Wanjiku Otieno", "Otieno"]
    assert (person.type, person.role, person.country) == (
        "person",
        "Kenyan Foreign Minister",
        "KEN",
    )


@pytest.mark.parametrize(
    ("text", "name", "role", "country"),
    [
        ("U.S. envoy Dana Miller flew in.", "Dana Miller", "U.S. envoy", "USA"),
        ("senior Hamas leader Omar Haddad was hit.", "Omar Haddad", "senior Hamas leader", "PSE"),
        (
            "IDF Chief of Staff Lt.-Gen. Ari Cohen spoke.",
            "Ari Cohen",
            "IDF Chief of Staff",
            "ISR",
        ),
        (
            "Israeli army spokesman Avi Mizrahi said so.",
            "Avi Mizrahi",
            "Israeli army spokesman",
            "ISR",
        ),
    ],
)
def test_find_actors_takes_role_and_country_from_the_title(
    blank: Language, text: str, name: str, role: str, country: str
) -> None:
    person = _actor(_read(blank, text, persons=(name,)), name)
    assert (person.role, person.country) == (role, country)


def test_find_actors_gives_no_country_without_a_title(blank: Language) -> None:
    person = _actor(_read(blank, "Dana Miller flew in.", persons=("Dana Miller",)), "Dana Miller")
    assert (person.role, person.country) == (None, None)


def test_find_actors_resolves_a_states_bodies(blank: Language) -> None:
    text = "The Lebanese government, the Lebanese army and Israel's Prime Minister's Office met."
    reading = _read(blank, text)
    government = _actor(reading, "Government of Lebanon")
    assert (government.type, government.country) == ("government", "LBN")
    assert _actor(reading, "Lebanese Armed Forces").type == "military"
    office = _actor(reading, "Israel Prime Minister's Office")
    assert _texts(office) == ["Israel's Prime Minister's Office"]


def test_find_actors_links_a_unit_to_its_group(blank: Language) -> None:
    reading = _read(blank, "Hezbollah moved its Radwan Force north.")
    assert _actor(reading, "Radwan Force").part_of == _actor(reading, "Hezbollah").id


def test_find_actors_ids_offsets_and_doc_spans(blank: Language) -> None:
    text = "Reuters reported that Egypt and Qatar mediated; Egyptian officials agreed."
    reading = _read(blank, text)
    assert [a.id for a in reading.actors] == ["a1", "a2", "a3"]
    assert [a.name for a in reading.actors] == ["Reuters", "Egypt", "Qatar"]
    for actor in reading.actors:
        assert all(text[m.start : m.end] == m.text for m in actor.mentions)
    doc = reading.require_doc()
    assert [(s.text, s.label_) for s in doc.spans["actors"]] == [
        ("Reuters", "a1"), ("Egypt", "a2"), ("Qatar", "a3"), ("Egyptian", "a2"),
    ]  # fmt: skip


def test_actor_at_prefers_the_tightest_mention(blank: Language) -> None:
    text = "U.S. envoy Dana Miller flew in."
    reading = _read(blank, text, persons=("Dana Miller",))
    start = text.index("Dana")
    found = actor_at(reading, start, start + len("Dana Miller"))
    assert found is not None
    assert found.name == "Dana Miller"
    usa = actor_at(reading, 0, len("U.S."))
    assert usa is not None
    assert usa.name == "United States"
    assert actor_at(reading, text.index("flew"), len(text)) is None


@pytest.mark.model
def test_find_actors_takes_country_from_an_apposition(nlp: Language) -> None:
    text = "The strike killed Karim Nasser, a commander of Iran's Quds Force, officials said."
    reading = find_actors(Reading(source="test", text=text, doc=nlp(text)))
    person = _actor(reading, "Karim Nasser")
    assert person.country == "IRN"
    assert person.role is not None
    assert person.role.startswith("commander")


@pytest.mark.model
def test_find_actors_reads_a_capital_as_a_place_where_it_does_not_act(nlp: Language) -> None:
    text = "Envoys met in Paris on Monday, but Moscow rejected the plan."
    reading = find_actors(Reading(source="test", text=text, doc=nlp(text)))
    names = [a.name for a in reading.actors]
    assert "Russia" in names
    assert "France" not in names


def test_find_actors_types_a_states_body_ner_names(blank: Language) -> None:
    text = "An Afghan National Army unit moved."
    doc = blank(text)
    doc.ents = [Span(doc, 0, 4, label="ORG")]
    reading = find_actors(Reading(source="test", text=text, doc=doc))
    army = _actor(reading, "Afghan National Army")
    assert (army.type, army.country) == ("military", "AFG")


def test_find_actors_a_site_named_like_an_organisation_is_no_actor(blank: Language) -> None:
    text = "Gunmen stormed the Harbour View Hotel while the Harbour View Trust met nearby."
    doc = blank(text)
    spans = []
    for name in ("Harbour View Hotel", "Harbour View Trust"):
        start = text.index(name)
        span = doc.char_span(start, start + len(name), label="ORG")
        assert span is not None
        spans.append(span)
    doc.ents = spans
    names = {a.name for a in find_actors(Reading(source="test", text=text, doc=doc)).actors}
    assert "Harbour View Trust" in names
    assert "Harbour View Hotel" not in names
