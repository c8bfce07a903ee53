"""Incidents: one event reported in several stories is counted once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from dateline.dedup import EventRecord, cluster_incidents, is_background

D = date(2024, 5, 10)


def _event(eid: str, **kw: object) -> EventRecord:
    base = EventRecord(
        id=eid,
        article_id=f"art-{eid}",
        story_id=f"story-{eid}",
        publisher=f"pub-{eid}",
        type="ASSAULT",
        source_name="Northland",
        target_name="Southland",
        place_name="Port Vale",
        earliest=D,
        latest=D,
        goldstein=-10.0,
        text="Northland forces shelled the harbour of Port Vale overnight, killing four.",
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def test_same_event_from_two_stories_is_one_incident() -> None:
    first = _event("e1")
    second = _event(
        "e2",
        earliest=date(2024, 5, 11),
        latest=date(2024, 5, 11),
        text="Shells fired by Northland hit the Port Vale harbour, four dead.",
    )
    [incident] = cluster_incidents([second, first])
    assert incident.event_ids == ("e1", "e2")
    assert incident.story_ids == ("story-e1", "story-e2")
    assert incident.publishers == ("pub-e1", "pub-e2")
    assert (incident.earliest, incident.latest) == (D, date(2024, 5, 11))


def test_incidents_split_on_dyad_type_place_and_date() -> None:
    events = [
        _event("e1"),
        _event("e2", target_name="Eastland"),
        _event("e3", type="THREATEN"),
        _event("e4", place_name="Hill Town"),
        _event("e5", earliest=date(2024, 6, 1), latest=date(2024, 6, 1)),
    ]
    assert len(cluster_incidents(events)) == 5


def test_one_sided_event_needs_shared_words_to_merge() -> None:
    a = _event("e1", target_name=None)
    b = _event("e2", target_name=None, text="A ceasefire monitor counted craters downtown.")
    c = _event("e3", target_name=None, text="Northland forces shelled the harbour of Port Vale.")
    incidents = cluster_incidents([a, b, c])
    assert sorted(i.event_ids for i in incidents) == [("e1", "e3"), ("e2",)]


def test_incident_id_survives_a_later_report() -> None:
    [alone] = cluster_incidents([_event("e1")])
    [joined] = cluster_incidents([_event("e1"), _event("e9", earliest=date(2024, 5, 12))])
    assert alone.id == joined.id
    assert len(joined.event_ids) == 2


def test_background_event_keeps_its_date_and_is_marked() -> None:
    assert is_background(date(2022, 3, 1), date(2024, 5, 10))
    assert not is_background(date(2024, 5, 3), date(2024, 5, 10))  # last week is news
    old = _event("e1", earliest=date(2022, 3, 1), latest=date(2022, 3, 1), background=True)
    today = _event("e2")
    incidents = {i.event_ids: i for i in cluster_incidents([old, today])}
    assert incidents[("e1",)].background
    assert incidents[("e1",)].earliest == date(2022, 3, 1)
    assert not incidents[("e2",)].background


def test_twins_of_one_story_share_an_incident_whatever_their_dates() -> None:
    # The .html and .txt copies of one page: same words, type and dyad, but the .txt copy
    # resolved the date against another day, past the window (issue #12: 16% were split).
    html = _event("e1", story_id="s1", article_id="a-html")
    txt = _event("e2", story_id="s1", article_id="a-txt", earliest=date(2024, 5, 15))
    other = _event("e3", story_id="s2", earliest=date(2024, 5, 15))  # another story, same words
    incidents = sorted(i.event_ids for i in cluster_incidents([txt, other, html]))
    assert incidents == [("e1", "e2"), ("e3",)]


def test_a_twin_joins_where_its_first_copy_joined_not_a_later_cluster() -> None:
    # Greedy in date order, e2 alone would join e3's cluster (close in time); as a twin of e1
    # it goes where e1 goes, so the two copies of one story are never counted twice.
    e1 = _event("e1", story_id="s1")
    e3 = _event("e3", story_id="s3", earliest=date(2024, 5, 16), text="Northland forces shelled")
    e2 = _event("e2", story_id="s1", earliest=date(2024, 5, 16))
    by_event = {e: i.id for i in cluster_incidents([e1, e2, e3]) for e in i.event_ids}
    assert by_event["e1"] == by_event["e2"] != by_event["e3"]


def test_a_cluster_closes_after_the_window_so_a_long_run_is_many_incidents() -> None:
    days = [date(2024, 5, 1) + timedelta(days=2 * n) for n in range(30)]
    events = [_event(f"e{n:02}", earliest=d, latest=d) for n, d in enumerate(days)]
    incidents = cluster_incidents(reversed(events))
    # Each incident holds the reports within WINDOW_DAYS of its first: pairs two days apart.
    assert [i.event_ids for i in incidents][:2] == [("e00", "e01"), ("e02", "e03")]
    assert len(incidents) == 15
