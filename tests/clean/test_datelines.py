"""Tests for split_dateline: the wire and newspaper forms, and sentences it must leave alone."""

from __future__ import annotations

import pytest

from dateline.clean.datelines import split_dateline

FORMS = [
    ("BEIRUT (Reuters) - The army said it shelled two villages.", "BEIRUT", "Reuters"),
    ("WASHINGTON, Jan 5 (Reuters) - The envoy flew home on Monday.", "WASHINGTON", "Reuters"),
    ("KYIV, Ukraine (AP) — Drones struck a power plant overnight.", "KYIV", "AP"),
    ("GAZA CITY — Crowds gathered at the crossing before dawn.", "GAZA CITY", None),
    ("(CNN) — Talks resumed in the capital on Tuesday.", None, "CNN"),
    ("LONDON, March 3 (AFP) – Ministers met for a second day.", "LONDON", "AFP"),
    ("JERUSALEM (JTA) — The cabinet voted late on Sunday.", "JERUSALEM", "JTA"),
    ("RAMALLAH, Dec. 29 (Xinhua) -- Officials said the talks would go on.", "RAMALLAH", "Xinhua"),
    ("SAN JOSÉ, Costa Rica (EFE) - The court ruled on Friday.", "SAN JOSÉ", "EFE"),
    ("BAGHDAD (AP) _ A car bomb exploded near a market.", "BAGHDAD", "AP"),
    ("JERUSALEM--The minister resigned on Thursday.", "JERUSALEM", None),
    ("Kabul (Reuters) - Gunmen attacked a checkpoint.", "Kabul", "Reuters"),
]


@pytest.mark.parametrize(("paragraph", "place", "wire"), FORMS, ids=[f[0][:24] for f in FORMS])
def test_split_dateline_reads_each_form(
    paragraph: str, place: str | None, wire: str | None
) -> None:
    dateline, rest = split_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.wire) == (place, wire)
    assert paragraph.startswith(dateline.text)
    assert rest[0].isupper()
    assert dateline.text.rstrip("-–—_ ") not in rest


NOT_DATELINES = [
    "US President Joe Biden - who spoke on Monday - said the talks would go on.",
    "The plan - which failed twice - was dropped on Friday.",
    "NATO - the alliance said on Monday - would send more troops.",
    "UN - United Nations",
    "Kabul - Gunmen attacked a checkpoint on Monday.",
    "The ceasefire held overnight, officials said.",
    "FBI agents — and local police — searched the house.",
    "",
]


@pytest.mark.parametrize("paragraph", NOT_DATELINES)
def test_split_dateline_leaves_ordinary_sentences(paragraph: str) -> None:
    assert split_dateline(paragraph) == (None, paragraph)


def test_split_dateline_keeps_a_hyphenated_place_whole() -> None:
    dateline, rest = split_dateline("AL-ARISH, Egypt — Gunmen attacked a checkpoint on Monday.")
    assert dateline is not None
    assert dateline.place == "AL-ARISH"
    assert rest == "Gunmen attacked a checkpoint on Monday."
