"""Tests for parse_byline: each byline form, and lines that are not bylines."""

from __future__ import annotations

import pytest

from dateline.clean.bylines import parse_byline

FORMS = [
    ("By Jane Doe", ("Jane Doe",), None),
    ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None),
    ("By Jane Doe and John Roe, Associated Press", ("Jane Doe", "John Roe"), "Associated Press"),
    ("By JANE DOE, Associated Press", ("Jane Doe",), "Associated Press"),
    ("Jane Doe, Reuters", ("Jane Doe",), "Reuters"),
    ("By Jane Doe | CNN", ("Jane Doe",), "CNN"),
    ("By Jane Doe - The Daily Star", ("Jane Doe",), "The Daily Star"),
    ("By Jane Doe, Staff Writer", ("Jane Doe",), None),
    ("By Jane Doe, AP Diplomatic Correspondent", ("Jane Doe",), None),
    ("By JANE DOE AP Diplomatic Correspondent", ("Jane Doe",), None),  # a <br> was the comma
    (
        "BY JANE DOE AND JOHN ROE, ASSOCIATED PRESS WRITERS",
        ("Jane Doe", "John Roe"),
        "Associated Press",
    ),
    ("By Jane Doe, John Roe and Ann Poe", ("Jane Doe", "John Roe", "Ann Poe"), None),
    ("By Jane Doe in Kyiv", ("Jane Doe",), None),
    ("By Ursula von der Leyen", ("Ursula von der Leyen",), None),
    ("By The Associated Press", (), "Associated Press"),
    ("By Jane Doe, CNN Updated 1203 GMT (2003 HKT) November 29, 2007", ("Jane Doe",), "CNN"),
    (
        "Reporting by Jane Doe in Kyiv; Additional reporting by John Roe; Editing by Ann Poe",
        ("Jane Doe", "John Roe", "Ann Poe"),
        None,
    ),
    (
        "(Reporting by Jane Doe; Editing by John Roe and Ann Poe)",
        ("Jane Doe", "John Roe", "Ann Poe"),
        None,
    ),
]


@pytest.mark.parametrize(("line", "names", "organisation"), FORMS, ids=[f[0][:30] for f in FORMS])
def test_parse_byline_reads_each_form(
    line: str, names: tuple[str, ...], organisation: str | None
) -> None:
    assert parse_byline(line) == (names, organisation)


NOT_BYLINES = [
    "Jane Doe and John Roe",
    "The army said on Monday it would withdraw, Reuters",
    "By the end of the week the talks had collapsed and both sides blamed each other.",
    "By Monday",
    "Officials said the plan would fail.",
    "",
]


@pytest.mark.parametrize("line", NOT_BYLINES)
def test_parse_byline_rejects_other_lines(line: str) -> None:
    assert parse_byline(line) == ((), None)


@pytest.mark.parametrize("line", ["Print Story | Email Story", "Privacy Policy | Site Map"])
def test_parse_byline_reads_no_names_from_site_controls(line: str) -> None:
    assert parse_byline(line)[0] == ()
