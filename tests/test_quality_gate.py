"""The quality gate: `dateline eval` on ../shared/seed must stay at or above tests/floors.json.

Floors are stored with a sha256 of the gold and input files they were measured on; when
that data changes the floors no longer apply and the gate says so by skipping (re-measure,
then raise the floors). Floors only rise: lowering one is a reviewed edit with a reason.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from dateline.evaluation import evaluate
from dateline.evaluation.report import headline_layers

FLOORS = Path(__file__).with_name("floors.json")


def _digest(paths: list[Path]) -> str:
    sha = hashlib.sha256()
    for path in sorted(paths):
        sha.update(path.name.encode() + b"\0" + path.read_bytes())
    return sha.hexdigest()


@pytest.fixture(scope="module")
def floors() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return data


@pytest.mark.model
def test_seed_scores_stay_above_floors(shared: Path, floors: dict[str, Any]) -> None:
    seed = shared / "seed"
    golds = sorted(seed.glob("*.gold.json"))
    inputs = [seed / json.loads(g.read_text(encoding="utf-8"))["input"] for g in golds]
    if _digest(golds + inputs) != floors["seed"]["sha256"]:
        pytest.skip("../shared/seed changed since tests/floors.json was measured; re-measure")
    report = evaluate(golds)
    got = {s.layer: s.f1 for s in headline_layers(report.total)}
    tallies = {f"{s.layer}.{t.name}": t.value for s in report.total for t in s.tallies}
    below = {
        name: (round({**got, **tallies}[name], 3), floor)
        for name, floor in floors["seed"]["floors"].items()
        if {**got, **tallies}[name] < floor
    }
    assert not below, f"below the floor (got, floor): {below}"


@pytest.mark.model
def test_news_gold_events_stay_above_floors(shared: Path, floors: dict[str, Any]) -> None:
    """The real-news development set (#8): events as a user reads them, from each page."""
    from dateline.evaluation.report import input_of, load_gold

    golds = sorted((shared / "eval" / "news-gold").glob("*.gold.json"))
    if not golds:
        pytest.skip("../shared/eval/news-gold is absent")
    inputs = [input_of(g, load_gold(g)) for g in golds]
    if _digest(golds + inputs) != floors["news-gold"]["sha256"]:
        pytest.skip("../shared/eval/news-gold changed since tests/floors.json was measured")
    report = evaluate(golds)
    got = {s.layer: s.f1 for s in headline_layers(report.total)}
    got["events (type)"] = next(s.f1 for s in report.total if s.layer == "events")
    below = {
        name: (round(got[name], 3), floor)
        for name, floor in floors["news-gold"]["floors"].items()
        if got[name] < floor
    }
    assert not below, f"below the floor (got, floor): {below}"
