"""Calendar arithmetic and the patterns, without the spaCy model."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.times import calendar as cal
from dateline.times.patterns import find_candidates


def test_clip_late_month_is_20th_to_end() -> None:
    assert cal.clip(cal.month_span(2023, 11), "late") == (date(2023, 11, 20), date(2023, 11, 30))


def test_clip_early_and_mid_month() -> None:
    march = cal.month_span(2024, 3)
    assert cal.clip(march, "early") == (date(2024, 3, 1), date(2024, 3, 10))
    assert cal.clip(march, "mid") == (date(2024, 3, 11), date(2024, 3, 20))


def test_week_span_is_monday_to_sunday() -> None:
    assert cal.week_span(date(2024, 1, 17)) == (date(2024, 1, 15), date(2024, 1, 21))
    assert cal.week_value(date(2024, 1, 10)) == "2024-W02"


def test_shift_months_clamps_to_month_end() -> None:
    assert cal.shift_months(date(2024, 3, 31), -1) == date(2024, 2, 29)
    assert cal.shift_months(date(2024, 1, 15), -2) == date(2023, 11, 15)


@pytest.mark.parametrize(
    ("tense", "rel", "expected"),
    [
        ("past", None, date(2024, 1, 16)),  # said on Tuesday, published Wednesday 17th
        ("future", None, date(2024, 1, 23)),  # will meet on Tuesday
        ("past", "last", date(2024, 1, 16)),
        ("past", "next", date(2024, 1, 23)),
    ],
)
def test_pick_weekday_follows_tense_and_modifier(
    tense: str, rel: str | None, expected: date
) -> None:
    assert cal.pick_weekday(2, date(2024, 1, 17), tense, rel) == expected


def test_pick_weekday_same_day_in_past_is_that_day() -> None:
    assert cal.pick_weekday(3, date(2024, 1, 17), "past", None) == date(2024, 1, 17)


def test_pick_month_year_past_goes_back_a_year() -> None:
    assert cal.pick_month_year(11, date(2024, 1, 17), "past", None) == 2023
    assert cal.pick_month_year(5, date(2024, 1, 17), "future", None) == 2024


def _texts(text: str) -> list[str]:
    return [text[c.start : c.end] for c in find_candidates(text)]


def test_find_candidates_leaves_prepositions_out() -> None:
    assert _texts("The talks ended on Tuesday, in 2022 and in late November.") == [
        "Tuesday", "2022", "late November",
    ]  # fmt: skip


def test_find_candidates_reads_full_dates_as_one() -> None:
    assert _texts("Troops left on Jan. 14, 2024, and on 3 March 2019.") == [
        "Jan. 14, 2024", "3 March 2019",
    ]  # fmt: skip


def test_find_candidates_needs_capitals_for_month_names() -> None:
    assert _texts("Talks may resume; a march was held.") == []


def test_find_candidates_keeps_hyphenated_mid_month() -> None:
    assert _texts("Elections are due by mid-May.") == ["mid-May"]


def test_find_candidates_reads_relative_phrases() -> None:
    text = "It rose earlier this month, fell last week and two days ago, as in recent weeks."
    assert _texts(text) == ["earlier this month", "last week", "two days ago", "recent weeks"]


_PIECES = [
    "on Tuesday", "Jan. 14, 2024", "last week", "7-day", "in 2022", "the coming months",
    "two days ago", "said", "officials", ",", "late November", "mid-May", "3 p.m.", "Oct 7",
    "each year", "15,000 soldiers", "earlier this month", "(Reuters)", "May", "may",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_find_candidates_spans_are_in_text_and_disjoint(words: list[str]) -> None:
    text = " ".join(words)
    cands = find_candidates(text)
    for before, after in pairwise(cands):
        assert before.end <= after.start
    for cand in cands:
        assert 0 <= cand.start < cand.end <= len(text)
        assert text[cand.start : cand.end].strip() == text[cand.start : cand.end]


def test_upcoming_instead_takes_the_coming_day_when_it_is_near() -> None:
    ref = date(2007, 12, 27)
    assert cal.upcoming_instead(date(2007, 1, 8), ref) == date(2008, 1, 8)
    assert cal.upcoming_instead(date(2007, 5, 8), ref) is None  # months away: the past one


def test_upcoming_month_instead_only_for_the_next_month() -> None:
    ref = date(2007, 12, 29)
    assert cal.upcoming_month_instead(2007, 1, ref) == 2008
    assert cal.upcoming_month_instead(2007, 2, ref) is None
    assert cal.upcoming_month_instead(2007, 11, ref) is None
