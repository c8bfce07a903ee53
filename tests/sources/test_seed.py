"""The seed article scored against its gold reading (GOLD.md): the sources layer."""

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
def layers(seed_path: Path) -> dict[str, LayerScore]:
    reading = Reading(source=str(seed_path), raw=seed_path.read_bytes())
    for step in (clean_article, parse, find_actors, find_quotes, find_sources):
        reading = step(reading)
    gold = json.loads(seed_path.with_suffix("").with_suffix(".gold.json").read_text())
    return {score.layer: score for score in score_reading(reading, gold)}


def test_seed_sources_f1(layers: dict[str, LayerScore]) -> None:
    sources = layers["sources"]
    assert sources.f1 >= 0.9, (sources.misses, sources.extras)
