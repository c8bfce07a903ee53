"""Ranges and counted offsets in the times layer (#9), on sentences written for these tests,
against Wednesday 17 January 2024."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from dateline.reading import Article, Published, Reading, Time
from dateline.times import resolve_times

PUBLISHED = Published(earliest=date(2024, 1, 17), latest=date(2024, 1, 17), basis="metadata")
pytestmark = pytest.mark.model


def _times(nlp: Language, text: str) -> list[Time]:
    article = Article(id="t", source="test", text=text, published=PUBLISHED, language="en")
    reading = resolve_times(Reading(source="test", text=text, article=article, doc=nlp(text)))
    for time in reading.times:
        assert reading.text[time.start : time.end] == time.text
    return list(reading.times)


@pytest.mark.parametrize(
    ("text", "phrase", "days"),
    [
        ("The garrison will stay until 2026 to 2028, the colonel said.", "2026 to 2028",
         (date(2026, 1, 1), date(2028, 12, 31))),
        ("The ferry sailed on Saturday and Sunday despite the storm.",
         "Saturday and Sunday", (date(2024, 1, 13), date(2024, 1, 14))),
        ("Prices rose between June and August, traders said.", "June and August",
         (date(2023, 6, 1), date(2023, 8, 31))),
    ],
)  # fmt: skip
def test_resolve_times_joins_a_range_into_one_time(
    nlp: Language, text: str, phrase: str, days: tuple[date, date]
) -> None:
    times = _times(nlp, text)
    assert [(t.text, t.earliest, t.latest) for t in times] == [(phrase, *days)]


def test_resolve_times_keeps_two_years_the_text_names_apart(nlp: Language) -> None:
    times = _times(nlp, "The bridge was shelled in 2019 and 2023.")
    assert [t.text for t in times] == ["2019", "2023"]


def test_resolve_times_keeps_a_start_and_an_end_apart(nlp: Language) -> None:
    times = _times(nlp, "From 2025 until 2027 the mission will guard the valley, he said.")
    assert [t.text for t in times] == ["2025", "2027"]


def test_resolve_times_counts_earlier_from_the_last_day_named(nlp: Language) -> None:
    text = (
        "A car bomb struck a wedding in the river town on Monday, police said. The wedding "
        "had been moved from a village shelled two days earlier."
    )
    offset = next(t for t in _times(nlp, text) if t.text == "two days earlier")
    assert (offset.earliest, offset.latest) == (date(2024, 1, 13), date(2024, 1, 13))


def test_resolve_times_leaves_earlier_undated_without_a_day_named(nlp: Language) -> None:
    text = "The convoy had left the depot two days earlier, the drivers said."
    assert "two days earlier" not in [t.text for t in _times(nlp, text)]
