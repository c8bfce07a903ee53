"""Events on the seed article, scored against its gold reading (../shared/seed/*.gold.json).

The issue asks for full-match F1 >= 0.8; these floors are what general rules reach today
(full 0.82, found 0.95, dates 0.86). Roles the sentence never names come from the rest of
the article (events/discourse.py); the misses left are a target implied by the mission
("outreach to restore security at the border"), a speaker's claim for his government, and
unnamed talks partners. Floors only rise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.evaluation import LayerScore, evaluate
from dateline.evaluation.score import events_full_f1

pytestmark = pytest.mark.model

FOUND_F1 = 0.9  # evidence overlaps and type (or CAMEO root) agrees
FULL_F1 = 0.8  # plus source, target and modality
DATE_ACCURACY = 0.8  # over found events that have a gold date


@pytest.fixture(scope="module")
def events_score(seed_path: Path) -> LayerScore:
    gold = seed_path.with_name(seed_path.stem + ".gold.json")
    layers = evaluate([gold]).files[0].layers
    return next(layer for layer in layers if layer.layer == "events")


def _tally(score: LayerScore, name: str) -> float:
    return next(t.value for t in score.tallies if t.name == name)


def test_seed_events_found(events_score: LayerScore) -> None:
    assert events_score.f1 >= FOUND_F1, events_score.misses


def test_seed_events_full_matches(events_score: LayerScore) -> None:
    assert events_full_f1(events_score).f1 >= FULL_F1


def test_seed_events_dates(events_score: LayerScore) -> None:
    assert _tally(events_score, "date") >= DATE_ACCURACY
