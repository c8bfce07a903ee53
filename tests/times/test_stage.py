"""resolve_times on sentences written for these tests, against a fixed publication day."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from dateline.reading import Article, Published, Reading, Time
from dateline.times import resolve_times
from dateline.times.find import read_times

# Wednesday 17 January 2024.
PUBLISHED = Published(earliest=date(2024, 1, 17), latest=date(2024, 1, 17), basis="metadata")
NONE = Published()


def _read(nlp: Language, text: str, published: Published = PUBLISHED) -> Reading:
    article = Article(id="t", source="test", text=text, published=published, language="en")
    reading = Reading(source="test", text=text, article=article, doc=nlp(text))
    return resolve_times(reading)


def _one(nlp: Language, text: str, phrase: str, published: Published = PUBLISHED) -> Time:
    reading = _read(nlp, text, published)
    for time in reading.times:
        assert reading.text[time.start : time.end] == time.text
    matches = [t for t in reading.times if t.text == phrase]
    assert matches, f"{phrase!r} not found in {[t.text for t in reading.times]}"
    return matches[0]


def _days(time: Time) -> tuple[date | None, date | None]:
    return time.earliest, time.latest


CASES = [
    ("The convoy was hit on Jan. 14, 2024, officials said.", "Jan. 14, 2024",
     (date(2024, 1, 14), date(2024, 1, 14))),
    ("The war began on Oct 7 with a raid.", "Oct 7", (date(2023, 10, 7), date(2023, 10, 7))),
    ("An airstrike reached the capital on Jan. 2, killing a commander.", "Jan. 2",
     (date(2024, 1, 2), date(2024, 1, 2))),
    ("In 2022, he brokered a maritime deal.", "2022", (date(2022, 1, 1), date(2022, 12, 31))),
    ("The truce collapsed in late November.", "late November",
     (date(2023, 11, 20), date(2023, 11, 30))),
    ("Voting took place in early March.", "early March", (date(2023, 3, 1), date(2023, 3, 10))),
    ("The minister said on Tuesday that talks failed.", "Tuesday",
     (date(2024, 1, 16), date(2024, 1, 16))),
    ("The envoys will meet on Tuesday.", "Tuesday", (date(2024, 1, 23), date(2024, 1, 23))),
    ("The envoy visited the capital last week.", "last week",
     (date(2024, 1, 8), date(2024, 1, 14))),
    ("Shelling intensified this week across the border.", "this week",
     (date(2024, 1, 15), date(2024, 1, 21))),
    ("A leader alluded to the plan in a speech earlier this month.", "earlier this month",
     (date(2024, 1, 1), date(2024, 1, 16))),
    ("Exports fell sharply last month.", "last month", (date(2023, 12, 1), date(2023, 12, 31))),
    ("The army recruited more soldiers last year.", "last year",
     (date(2023, 1, 1), date(2023, 12, 31))),
    ("Rebels seized the town yesterday.", "yesterday", (date(2024, 1, 16), date(2024, 1, 16))),
    ("The border crossing reopened two days ago.", "two days ago",
     (date(2024, 1, 15), date(2024, 1, 15))),
    ("The next talks are planned for next year.", "next year",
     (date(2025, 1, 1), date(2025, 12, 31))),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(("text", "phrase", "days"), CASES, ids=[c[1] for c in CASES])
def test_resolve_times_gives_the_days(
    nlp: Language, text: str, phrase: str, days: tuple[date, date]
) -> None:
    assert _days(_one(nlp, text, phrase)) == days


@pytest.mark.model
def test_resolve_times_recent_weeks_end_at_publication(nlp: Language) -> None:
    time = _one(nlp, "Clashes have grown in recent weeks.", "recent weeks")
    assert time.latest == date(2024, 1, 17)
    assert time.earliest < date(2024, 1, 1) if time.earliest else False


@pytest.mark.model
def test_resolve_times_leaves_an_open_future_window_out(nlp: Language) -> None:
    # "the coming months" has a first day but no last: it dates nothing.
    reading = _read(nlp, "A war could happen in the coming months, the general warned.")
    assert [t.text for t in reading.times] == []


@pytest.mark.model
def test_resolve_times_counts_since_from_the_sentence_date(nlp: Language) -> None:
    text = "Mourners marked one week since his killing at a ceremony on Jan. 14, 2024."
    time = _one(nlp, text, "one week since his killing")
    assert (time.earliest, time.latest) == (date(2024, 1, 6), date(2024, 1, 8))


@pytest.mark.model
def test_resolve_times_year_is_not_a_count(nlp: Language) -> None:
    reading = _read(nlp, "The 2006 soldiers of the brigade moved north under Resolution 1701.")
    assert [t.text for t in reading.times] == []


@pytest.mark.model
def test_resolve_times_year_before_a_name_is_a_year(nlp: Language) -> None:
    reading = _read(nlp, "Fighters must stay north of the river under the 2006 UN resolution.")
    assert [(t.text, t.value) for t in reading.times] == [("2006", "2006")]


@pytest.mark.model
def test_resolve_times_gives_timex_values(nlp: Language) -> None:
    reading = _read(nlp, "He spoke last week and will return next month for three days.")
    values = {t.text: (t.value, t.type) for t in reading.times}
    assert values["last week"] == ("2024-W02", "DATE")
    assert values["next month"] == ("2024-02", "DATE")
    assert "three days" not in values  # a length of time, no point in it


@pytest.mark.model
def test_read_times_still_reads_durations_and_sets(nlp: Language) -> None:
    # The benchmark scores durations and sets: the finder reads them, the stage leaves
    # them out of the reading.
    doc = nlp("Patrols run every week and the siege lasted three days.")
    values = {f.cand.match.group(0): f.resolved.value for f in read_times(doc, date(2024, 1, 17))}
    assert values["every week"] == "P1W"
    assert values["three days"] == "P3D"


@pytest.mark.model
def test_resolve_times_without_publication_makes_up_no_day(nlp: Language) -> None:
    text = "The minister said on Tuesday that talks had failed, as they did in 2019."
    reading = _read(nlp, text, NONE)
    assert reading.require_article().published.basis == "none"
    assert [t.text for t in reading.times] == ["2019"]  # no day to count "Tuesday" from


@pytest.mark.model
def test_resolve_times_leaves_measures_and_vague_references_out(nlp: Language) -> None:
    reading = _read(nlp, "During a 7-day truce the past seemed far away, and now it is over.")
    assert [t.text for t in reading.times] == []


@pytest.mark.model
def test_resolve_times_reads_clock_times_not_sets(nlp: Language) -> None:
    reading = _read(nlp, "The strike came at 3 p.m. on Friday; patrols now run every week.")
    values = {t.text: (t.value, t.type) for t in reading.times}
    assert values["3 p.m."] == ("2024-01-12T15", "TIME")
    assert "every week" not in values  # a recurrence, no interval of days


@pytest.mark.model
def test_resolve_times_keeps_metadata_publication(nlp: Language) -> None:
    reading = _read(nlp, "The army withdrew on Jan. 5, 2023, officials said on Monday.")
    assert reading.require_article().published == PUBLISHED


@pytest.mark.model
def test_resolve_times_reads_an_infinitive_under_a_noun(nlp: Language) -> None:
    # Regression: climbing from "meet" to a governing verb must stop at a verbless root.
    time = _one(nlp, "A plan to meet on Tuesday.", "Tuesday")
    assert _days(time) == (date(2024, 1, 23), date(2024, 1, 23))


@pytest.mark.model
def test_resolve_times_takes_a_soon_coming_date_over_last_years(nlp: Language) -> None:
    # Published 17 January 2024: a yearless day five weeks on is the coming one, even in a
    # clause the parse reads as past; one months away, or after "since", is the past one.
    text = "Officials confirmed the runoff as February 20. The army withdrew on May 3."
    assert _days(_one(nlp, text, "February 20")) == (date(2024, 2, 20), date(2024, 2, 20))
    assert _days(_one(nlp, text, "May 3")) == (date(2023, 5, 3), date(2023, 5, 3))
    since = _one(nlp, "No vote has been held since February 20.", "February 20")
    assert since.earliest == date(2023, 2, 20)


@pytest.mark.model
def test_resolve_times_takes_next_month_as_coming(nlp: Language) -> None:
    time = _one(nlp, "The envoy announced a visit to the region in February.", "February")
    assert _days(time) == (date(2024, 2, 1), date(2024, 2, 29))


@pytest.mark.model
def test_a_page_stamp_clock_is_no_time_of_its_own(nlp: Language) -> None:
    # issue #9: "1:23 p.m. December 31, 2007" stamps the page; the story's "at 7 a.m." dates an act
    text = (
        "Clashes in the north\n\nASSOCIATED PRESS 1:23 p.m. December 31, 2007\n\n"
        "The fire started at 7 a.m. on Monday, officials said."
    )
    texts = [t.text for t in _read(nlp, text).times]
    assert "1:23 p.m." not in texts
    assert "December 31, 2007" in texts
    assert "7 a.m." in texts
