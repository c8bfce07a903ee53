"""find_quantities on sentences written for these tests, and on the seed's gold."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language

from dateline.quantities import find_quantities
from dateline.quantities.measure import number_value
from dateline.reading import Reading


def _found(nlp: Language, text: str) -> list[tuple[str, float, str]]:
    reading = find_quantities(Reading(source="test", text=text, doc=nlp(text)))
    for quantity in reading.quantities:
        assert reading.text[quantity.start : quantity.end] == quantity.text
    return [(q.text, q.value, q.unit) for q in reading.quantities]


def test_number_value_reads_digits_and_words() -> None:
    assert number_value("15,000") == 15000
    assert number_value("2.5") == 2.5
    assert number_value("seven") == 7
    assert number_value("many") is None


CASES = [
    ("Fighters were asked to move 7 km from the frontier.", [("7 km", 7, "km")]),
    ("The column stopped 4 miles short of the town.", [("4 miles", 4, "mi")]),
    ("Israel wants a 30 km (19 mile) buffer.", [("30 km (19 mile)", 30, "km")]),
    ("The plan adds 15,000 soldiers to the border area.", [("15,000 soldiers", 15000, "soldiers")]),
    ("Both sides kept a 7-day truce.", [("7-day truce", 7, "day")]),
    ("The agency interviewed 11 Lebanese, U.S., Israeli and European officials.",
     [("11 Lebanese, U.S., Israeli and European officials", 11, "officials")]),
    ("The blast killed 12 people near the market.", [("12 people", 12, "people killed")]),
    ("Donors pledged $5 million for the shelters.", [("$5 million", 5_000_000, "USD")]),
    ("Turnout fell to 40 percent in the north.", [("40 percent", 40, "percent")]),
    ("Police held three protesters.", [("three protesters", 3, "protesters")]),
    ("The raid killed 26 government troops.", [("26 government troops", 26, "troops killed")]),
    ("Nine soldiers were wounded and six have gone missing.",
     [("Nine soldiers", 9, "soldiers wounded"), ("six", 6, "soldiers missing")]),
    ("The bomber struck a wedding, killing 30 guests and wounding 38.",
     [("30 guests", 30, "guests killed"), ("38", 38, "guests wounded")]),
    ("Gunmen killed four villagers on a farm of about 20.",
     [("four villagers", 4, "villagers killed"), ("20", 20, "villagers")]),
    ("There were more than 600 injured people in the camp.",
     [("600 injured people", 600, "people injured")]),
    ("The shelling left 14 Syrian soldiers dead.", [("14 Syrian soldiers", 14, "soldiers killed")]),
    ("At least four Kurds were killed.", [("four Kurds", 4, "people killed")]),
    ("The jets flew three air strikes.", [("three air strikes", 3, "air strikes")]),
    ("Rebels said 2,000 opposition votes vanished.", [("2,000 opposition votes", 2000, "votes")]),
    ("Mortars killed six police officers and nine policemen.",
     [("six police officers", 6, "police killed"), ("nine policemen", 9, "police killed")]),
    ("The 27-nation bloc met.", [("27-nation", 27, "nations")]),
    ("Convoys wait two to three days at the crossing.", [("two to three days", 2, "day")]),
    ("The envoy spoke with him for about 40 minutes.", [("40 minutes", 40, "minute")]),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[1][0][0] for c in CASES])
def test_find_quantities_reads_value_and_unit(
    nlp: Language, text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert _found(nlp, text) == expected


@pytest.mark.model
def test_find_quantities_skips_years_dates_and_ages(nlp: Language) -> None:
    text = (
        "In 2006 the council passed Resolution 1701; on Jan. 2, two weeks ago, talks began. "
        "Her son is 4 years old."
    )
    assert _found(nlp, text) == []


@pytest.mark.model
def test_find_quantities_leaves_cited_people_to_sources(nlp: Language) -> None:
    text = (
        "Three officials said the offer was rejected, according to two diplomats, and "
        "two of the three officials said talks would go on."
    )
    assert _found(nlp, text) == []


@pytest.mark.model
def test_find_quantities_counts_a_year_shaped_number_of_people(nlp: Language) -> None:
    assert _found(nlp, "The 2006 soldiers of the brigade moved north.") == [
        ("2006 soldiers", 2006, "soldiers")
    ]


@pytest.mark.model
def test_seed_quantities_match_gold(nlp: Language, seed_path: Path) -> None:
    from dateline.clean import clean_article
    from dateline.evaluation import score_reading

    gold = json.loads(seed_path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    reading = clean_article(Reading(source=str(seed_path), raw=seed_path.read_bytes()))
    reading = find_quantities(replace(reading, doc=nlp(reading.text)))
    scores = {s.layer: s for s in score_reading(reading, gold)}
    assert scores["quantities"].f1 >= 0.9, scores["quantities"]


@pytest.mark.model
def test_find_quantities_leaves_ages_out(nlp: Language) -> None:
    text = "A 19-year-old recruit and a man 52 years old were among 14 people hurt."
    found = _found(nlp, text)
    assert ("14 people", 14, "people") in found
    assert [q for q in found if q[2] in ("year", "years")] == []


@pytest.mark.model
def test_find_quantities_keeps_a_measure_of_a_noun(nlp: Language) -> None:
    assert _found(nlp, "They agreed a 5-day ceasefire.") == [("5-day ceasefire", 5, "day")]
