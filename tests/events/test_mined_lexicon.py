"""Entries mined from real news (lexicon_mined.tsv): the file parses, and sentences we wrote
code the sense each entry names, not the other senses of the same word."""

from __future__ import annotations

import csv
from importlib import resources

import pytest
from spacy.language import Language

from dateline.events.lexicon import load_codes, load_lexicon

from .fictional import read_events as _read
from .fictional import role_names as _names

COLUMNS = ["lemma", "pos", "side", "words", "code", "alone", "note"]


def _mined_rows() -> list[list[str]]:
    text = resources.files("dateline.events").joinpath("data", "lexicon_mined.tsv").read_text()
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_mined_lexicon_rows_have_seven_columns_and_known_codes() -> None:
    header, *rows = _mined_rows()
    assert header == COLUMNS
    assert len(rows) >= 40
    codes = load_codes()
    for row in rows:
        assert len(row) == len(COLUMNS), row
        _, pos, side, words, code, alone, note = row
        assert pos in ("VERB", "NOUN", "ADJ"), row
        assert side in ("", "obj", "mod", "subj"), row
        assert bool(words) == bool(side), row  # a side names the words it needs, and only then
        assert code in codes, row
        assert codes[code].type, row  # a PLOVER type: CAMEO 01/02 are not coded
        assert alone in (("yes", "no") if pos == "NOUN" else ("",)), row
        assert note, row


def test_mined_lexicon_rows_load_into_the_lexicon() -> None:
    lexicon = load_lexicon()
    for lemma, pos, _, _, code, *_ in _mined_rows()[1:]:
        assert code in {entry.code for entry in lexicon[(lemma, pos)]}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        ("Freedonia sanctioned Sylvania on Monday.", "163", "Freedonia", "Sylvania"),
        ("Freedonian troops eliminated the rebels of the Red Brigade.", "190", "Freedonia", None),
        ("Freedonian troops retook the town from the Red Brigade.", "192", "Freedonia", None),
        ("Sylvania violated the ceasefire with Freedonia.", "196", "Sylvania", "Freedonia"),
        ("Sylvania resisted mediation by Freedonia.", "126", "Sylvania", "Freedonia"),
        ("Freedonia bolstered its forces near Sylvania.", "154", "Freedonia", None),
        ("The Freedonian president spoke with Sylvania's leader.", "040", "Freedonia", "Sylvania"),
        (
            "The assassination of the mayor by the Red Brigade shocked Sylvania.",
            "186",
            "the Rebels",
            None,
        ),
        ("Freedonia began a military operation against Sylvania.", "190", "Freedonia", "Sylvania"),
        ("Freedonia began the withdrawal of its troops.", "0874", "Freedonia", None),
    ],
    ids=[
        "sanction",
        "eliminate-militants",
        "retake-town",
        "violate-ceasefire",
        "resist-mediation",
        "bolster-forces",
        "speak-with",
        "assassination",
        "military-operation",
        "troop-withdrawal",
    ],
)
def test_mined_entries_code_their_sense(
    nlp: Language, text: str, cameo: str, source: str, target: str | None
) -> None:
    reading = _read(nlp, text)
    found = [e for e in reading.events if e.cameo == cameo]
    assert found, f"no {cameo} in {[(e.cameo, e.trigger) for e in reading.events]}"
    got_source, got_target = _names(reading, found[0])
    assert got_source == source
    if target is not None:
        assert got_target == target


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Freedonia eliminated tariffs on Sylvanian steel.",  # no armed party: no force
        "Freedonia retook the initiative in talks with Sylvania.",  # no ground: no occupation
        "Freedonia launched an advertising campaign in Sylvania.",  # no military campaign
        "Freedonia's withdrawal from the trade pact angered Sylvania.",  # not troops
    ],
    ids=["eliminate-tariffs", "retake-initiative", "ad-campaign", "treaty-withdrawal"],
)
def test_mined_entries_leave_other_senses_alone(nlp: Language, text: str) -> None:
    forceful = {"ASSAULT", "COERCE", "RETREAT"}
    reading = _read(nlp, text)
    assert not [e for e in reading.events if e.type in forceful], reading.events
