"""Publication date inferred from the text of an undated article."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from dateline.reading import Article, Reading
from dateline.times import resolve_times


def _read(nlp: Language, text: str) -> Reading:
    article = Article(id="t", source="test", text=text, language="en")
    return resolve_times(Reading(source="test", text=text, article=article, doc=nlp(text)))


@pytest.mark.model
def test_infer_published_from_dated_event_and_weekdays(nlp: Language) -> None:
    # Thursday 5 January 2023; Saturday is the 7th, Monday the 9th.
    text = (
        "The army withdrew from the town on Jan. 5, 2023. Residents returned on Saturday, "
        "the mayor said on Monday."
    )
    published = _read(nlp, text).require_article().published
    assert published.basis == "inferred"
    assert (published.earliest, published.latest) == (date(2023, 1, 9), date(2023, 1, 10))
    assert "2023-01-05" in (published.evidence or "")


@pytest.mark.model
def test_infer_published_resolves_relative_times_against_it(nlp: Language) -> None:
    text = "The army withdrew on Jan. 5, 2023. The mayor said on Monday that aid came yesterday."
    reading = _read(nlp, text)
    times = {t.text: (t.earliest, t.latest) for t in reading.times}
    assert times["Monday"] == (date(2023, 1, 9), date(2023, 1, 9))
    assert times["yesterday"] == (date(2023, 1, 8), date(2023, 1, 8))


@pytest.mark.model
def test_infer_published_links_last_week_to_a_dated_event(nlp: Language) -> None:
    # The visit (Thursday 11 January 2024) was "last week": published 15..21 January.
    text = (
        "During his Jan. 11 visit to the capital, the envoy met the president. "
        "Officials rejected the ideas from his visit last week. Rockets fell on Jan. 10, 2024."
    )
    published = _read(nlp, text).require_article().published
    assert (published.earliest, published.latest) == (date(2024, 1, 15), date(2024, 1, 21))


@pytest.mark.model
def test_infer_published_needs_a_full_date(nlp: Language) -> None:
    reading = _read(nlp, "Officials said on Tuesday that the talks of last week failed.")
    assert reading.require_article().published.basis == "none"
    assert all(t.earliest is None for t in reading.times)


@pytest.mark.model
def test_seed_times_match_gold(nlp: Language, seed_path: Path) -> None:
    from dateline.clean import clean_article
    from dateline.evaluation import score_reading

    gold = json.loads(seed_path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    reading = clean_article(Reading(source=str(seed_path), raw=seed_path.read_bytes()))
    reading = resolve_times(replace(reading, doc=nlp(reading.text)))
    published = reading.require_article().published
    assert (published.earliest, published.latest) == (date(2024, 1, 17), date(2024, 1, 18))
    scores = {s.layer: s for s in score_reading(reading, gold)}
    assert scores["times"].f1 >= 0.9, scores["times"]


@pytest.mark.model
def test_infer_published_treats_old_dates_as_history(nlp: Language) -> None:
    text = "The attacks of Sept. 11, 2001 changed the region. In 2008, the talks resumed."
    published = _read(nlp, text).require_article().published
    assert (published.earliest, published.latest) == (date(2008, 1, 1), None)
    assert published.basis == "inferred"


@pytest.mark.model
def test_infer_published_puts_event_weekdays_near_the_dated_event(nlp: Language) -> None:
    # Sunday 8 January 2023; the Saturday of the seizure is the day before, not a week on.
    text = "Rebels seized the bridge on Saturday. The army retook it on Jan. 8, 2023."
    published = _read(nlp, text).require_article().published
    assert (published.earliest, published.latest) == (date(2023, 1, 8), date(2023, 1, 9))
