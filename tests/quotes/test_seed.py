"""The seed article scored against its gold reading (GOLD.md): the quotes layer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.actors import find_actors
from dateline.clean import clean_article
from dateline.evaluation.score import LayerScore, score_reading
from dateline.nlp import parse
from dateline.quotes import find_quotes
from dateline.reading import Reading
from dateline.sources import find_sources

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def reading(seed_path: Path) -> Reading:
    read = Reading(source=str(seed_path), raw=seed_path.read_bytes())
    for step in (clean_article, parse, find_actors, find_quotes, find_sources):
        read = step(read)
    return read


@pytest.fixture(scope="module")
def layers(seed_path: Path, reading: Reading) -> dict[str, LayerScore]:
    gold = json.loads(seed_path.with_suffix("").with_suffix(".gold.json").read_text())
    return {score.layer: score for score in score_reading(reading, gold)}


def test_seed_offsets_slice_out_quote_and_speaker_texts(reading: Reading) -> None:
    for quote in reading.quotes:
        assert reading.text[quote.start : quote.end] == quote.text
        speaker = quote.speaker
        if speaker is not None and speaker.start is not None:
            assert reading.text[speaker.start : speaker.end] == speaker.text
    assert [q.id for q in reading.quotes] == [f"q{i}" for i in range(1, len(reading.quotes) + 1)]


def test_seed_quotes_f1_and_speakers(layers: dict[str, LayerScore]) -> None:
    quotes = layers["quotes"]
    speaker = next(t for t in quotes.tallies if t.name == "speaker")
    assert quotes.f1 >= 0.9, (quotes.misses, quotes.extras)
    assert speaker.value >= 0.85
