"""Organisation names within an article: short forms, first words, initials, "(ACRO)"."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from dateline.actors import find_actors
from dateline.actors.coref import initials, join_organisation_names, short_form
from dateline.reading import Reading


def test_short_form_drops_the_legal_form() -> None:
    assert short_form("Acme Widgets Inc.") == "Acme Widgets"
    assert short_form("Norsk Hydro ASA") == "Norsk Hydro ASA"
    assert short_form("Group") == "Group"


def test_initials_skip_function_words() -> None:
    assert initials("Office for the Coordination of Humanitarian Affairs") == "OCHA"


def test_join_organisation_names_by_short_form_prefix_and_initials() -> None:
    names = ["Acme Widgets Inc.", "Acme Widgets", "Federal Aviation Administration", "FAA"]
    joined = join_organisation_names(names, [])
    assert joined == {
        "Acme Widgets": "Acme Widgets Inc.",
        "FAA": "Federal Aviation Administration",
    }


def test_join_organisation_names_leaves_an_ambiguous_prefix_alone() -> None:
    joined = join_organisation_names(["Acme Rail", "Acme Foods", "Acme"], [])
    assert "Acme" not in joined


def test_join_organisation_names_follows_a_parenthetical_acronym() -> None:
    joined = join_organisation_names(["Tarsk Mining Board", "TMX"], [("Tarsk Mining Board", "TMX")])
    assert joined == {"TMX": "Tarsk Mining Board"}


def test_find_actors_joins_an_organisation_and_its_acronym() -> None:
    text = "The Tarsk Mining Board (TMB) met. Later TMB said no."
    doc = spacy.blank("en")(text)
    doc.ents = [
        Span(doc, 1, 4, label="ORG"),  # Tarsk Mining Board
        Span(doc, 10, 11, label="ORG"),  # the second TMB
    ]
    reading = find_actors(Reading(source="test", text=text, doc=doc))
    assert [(a.name, [m.text for m in a.mentions]) for a in reading.actors] == [
        ("Tarsk Mining Board", ["Tarsk Mining Board", "TMB", "TMB"]),
    ]


def test_find_actors_reads_a_title_ner_took_into_the_name() -> None:
    text = "Spokeswoman Jane Roe declined to comment."
    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, 0, 3, label="PERSON")]
    reading = find_actors(Reading(source="test", text=text, doc=doc))
    assert [(a.name, a.role) for a in reading.actors] == [("Jane Roe", "Spokeswoman")]
