"""Invariants of the record model: JSON round-trips, and offsets that slice out their text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline import read
from dateline.reading import (
    Actor,
    Article,
    Event,
    Interval,
    Mention,
    Place,
    Published,
    Quantity,
    Quote,
    Reading,
    Source,
    Speaker,
    Time,
    from_json,
    to_json,
)

_words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
_days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
_offsets = st.integers(min_value=0, max_value=10_000)
_mention = st.builds(Mention, text=_words, start=_offsets, end=_offsets)
_speaker = st.builds(
    Speaker,
    text=_words,
    actor=st.none() | _words,
    kind=_words,
    affiliation=st.none() | _words,
    count=st.none() | st.integers(0, 99),
)


@st.composite
def readings(draw: st.DrawFn) -> Reading:
    """Readings with every kind of fact, filled with arbitrary text and dates."""
    text = draw(_words)
    article = Article(
        id=draw(_words),
        source=draw(_words),
        headline=draw(_words),
        text=text,
        byline=tuple(draw(st.lists(_words, max_size=3))),
        published=Published(earliest=draw(_days), latest=draw(_days), basis="metadata"),
    )
    actor = Actor(
        id="a1",
        name=draw(_words),
        type="state",
        country=draw(st.none() | _words),
        mentions=tuple(draw(st.lists(_mention, max_size=3))),
    )
    quote = Quote(
        id="q1",
        text=draw(_words),
        direct=draw(st.booleans()),
        speaker=draw(st.none() | _speaker),
        cue=None,
        start=0,
        end=1,
    )
    source = Source(
        id="s1",
        text=draw(_words),
        kind="anonymous",
        count=draw(st.none() | st.integers(0, 50)),
        affiliation=None,
        start=0,
        end=1,
    )
    event = Event(
        id="e1",
        type="ASSAULT",
        cameo="190",
        goldstein=-10.0,
        plover_score=draw(st.none() | st.floats(-10, 10)),
        source="a1",
        target=None,
        modality="asserted",
        evidence=draw(_mention),
        date=draw(st.none() | st.builds(Interval, earliest=_days, latest=_days)),
    )
    when = Time(
        text=draw(_words), earliest=draw(st.none() | _days), latest=draw(_days), start=0, end=1
    )
    place = Place(
        id="p1",
        name=draw(_words),
        country=None,
        lat=draw(st.none() | st.floats(-90, 90)),
        lon=draw(st.floats(-180, 180)),
    )
    amount = Quantity(
        text=draw(_words), value=draw(st.floats(-1e9, 1e9)), unit=draw(_words), start=0, end=1
    )
    return Reading(
        source=article.source,
        text=text,
        article=article,
        actors=(actor,),
        quotes=(quote,),
        sources=(source,),
        events=(event,),
        times=(when,),
        places=(place,),
        quantities=(amount,),
        notes=tuple(draw(st.lists(_words, max_size=2))),
    )


@given(readings())
def test_reading_json_round_trip_is_lossless(reading: Reading) -> None:
    assert from_json(to_json(reading)) == replace(reading, raw=b"")


def _facts_with_offsets(reading: Reading) -> list[tuple[str, str, int, int]]:
    facts = [("caption", c.text, c.start, c.end) for c in reading.require_article().captions]
    for group in (reading.quotes, reading.sources, reading.times, reading.quantities):
        facts += [(type(f).__name__, f.text, f.start, f.end) for f in group]
    for owner in (*reading.actors, *reading.places):
        facts += [(owner.name, m.text, m.start, m.end) for m in owner.mentions]
    facts += [("event", e.evidence.text, e.evidence.start, e.evidence.end) for e in reading.events]
    return facts


@pytest.mark.model
def test_every_fact_of_the_seed_slices_out_its_own_text(seed_path: Path) -> None:
    reading = read(seed_path)
    assert reading.text == reading.require_article().text
    wrong = [f for f in _facts_with_offsets(reading) if reading.text[f[2] : f[3]] != f[1]]
    assert not wrong, wrong[:5]
