"""The seed article: every non-optional gold actor is found with its type and country."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from dateline.actors import find_actors
from dateline.reading import Actor, Reading


def _norm(text: str) -> str:
    # GOLD.md: whitespace, typographic apostrophes and case do not count.
    return " ".join(text.replace("’", "'").split()).casefold()


def _match(gold: dict[str, Any], actors: tuple[Actor, ...]) -> Actor | None:
    names = {_norm(gold["name"])} | {_norm(alias) for alias in gold.get("aliases", [])}
    for actor in actors:
        if _norm(actor.name) in names or any(_norm(m.text) in names for m in actor.mentions):
            return actor
    return None


@pytest.mark.model
def test_seed_gold_actors_found_with_type_and_country(seed_path: Path, nlp: Language) -> None:
    text = seed_path.read_text(encoding="utf-8")
    gold = json.loads(seed_path.with_suffix("").with_suffix(".gold.json").read_text())
    reading = find_actors(Reading(source=str(seed_path), text=text, doc=nlp(text)))
    wrong = []
    for item in gold["actors"]:
        actor = _match(item, reading.actors)
        if actor is None:
            if not item.get("optional"):
                wrong.append(f"missed {item['name']}")
            continue
        if (actor.type, actor.country) != (item["type"], item["country"]):
            wrong.append(f"{item['name']}: {actor.type}/{actor.country}")
    assert wrong == []
