"""Dates as an analyst types them: days, months, years and spans back from today (#11)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.analytics.filters import alpha3
from dateline.analytics.periods import parse_since, parse_until
from dateline.errors import InputError

TODAY = date(2024, 3, 31)


@pytest.mark.parametrize(
    ("text", "since", "until"),
    [
        ("2024-02-10", date(2024, 2, 10), date(2024, 2, 10)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),  # a leap February
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("7d", date(2024, 3, 24), TODAY),
        ("2w", date(2024, 3, 17), TODAY),
        ("1m", date(2024, 2, 29), TODAY),  # calendar months: 31 March less one month
        ("1y", date(2023, 3, 31), TODAY),
    ],
)
def test_dates_parse_to_their_first_and_last_day(text: str, since: date, until: date) -> None:
    assert parse_since(text, today=TODAY) == since
    assert parse_until(text, today=TODAY) == until


@pytest.mark.parametrize("text", ["yesterday", "2024-13", "2024-02-30", "7x", ""])
def test_other_text_is_an_input_error_naming_the_forms(text: str) -> None:
    with pytest.raises(InputError, match="a month"):
        parse_since(text, today=TODAY)


@pytest.mark.parametrize(("code", "stored"), [("lb", "LBN"), ("LBN", "LBN"), ("ua", "UKR")])
def test_country_codes_are_matched_as_stored(code: str, stored: str) -> None:
    assert alpha3(code) == stored
