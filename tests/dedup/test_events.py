"""Incidents: one event reported in several stories is counted once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

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
