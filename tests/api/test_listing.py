"""Events and incidents as the analyst pages them: ids, offsets, places, articles, sort,
cursor paging in SQL, CSV, every filter, intervals with precision, and reports (#11)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.toy_store import build_store
from dateline.api import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = build_store(tmp_path_factory.mktemp("store") / "s.duckdb")
    with TestClient(create_app(path)) as opened:
        yield opened


def _items(client: TestClient, route: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(route, params={"limit": 100, **params})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def test_event_rows_lead_back_to_their_words(client: TestClient) -> None:
    events = _items(client, "/events")
    assert len(events) == 5
    for event in events:
        reading = client.get(f"/articles/{event['article_id']}").json()
        assert reading["article"]["text"][event["start"] : event["end"]] == event["text"]
        assert all(event[key] for key in ("id", "incident_id", "headline", "publisher"))
    depot = next(e for e in events if "depot" in e["text"])
    assert (depot["place_name"], depot["country"], depot["lat"], depot["lon"]) == (
        "Eastmark depot", "XEA", 48.2, 21.5,
    )  # fmt: skip


def test_events_are_newest_first_with_dates_as_intervals(client: TestClient) -> None:
    events = _items(client, "/events")
    days = [e["earliest"] for e in events]
    assert days == sorted(days, reverse=True)
    accord = events[-1]
    assert (accord["earliest"], accord["latest"], accord["precision"]) == (
        "2019-01-01", "2019-12-31", "year",
    )  # fmt: skip
    assert events[0]["precision"] == "day"
    oldest_first = [e["earliest"] for e in _items(client, "/events", sort="date")]
    assert oldest_first == sorted(days)


@pytest.mark.parametrize("sort", ["-date", "date", "goldstein", "-confidence", "type"])
def test_cursor_pages_cover_the_listing_once_in_order(client: TestClient, sort: str) -> None:
    whole = [e["id"] for e in _items(client, "/events", sort=sort)]
    seen, cursor = [], None
    while True:
        params = {"sort": sort, "limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get("/events", params=params).json()
        seen += [e["id"] for e in body["items"]]
        assert body["total"] == 5
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == whole


def test_incident_cursor_pages_cover_the_listing(client: TestClient) -> None:
    first = client.get("/incidents", params={"limit": 3}).json()
    rest = client.get("/incidents", params={"limit": 3, "cursor": first["next_cursor"]}).json()
    ids = [i["id"] for i in first["items"] + rest["items"]]
    assert ids == [i["id"] for i in _items(client, "/incidents")]
    assert len(set(ids)) == first["total"] == 4
    assert rest["next_cursor"] is None


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"type": "BOMB"}, "no such PLOVER type"),
        ({"modality": "maybe"}, "no such modality"),
        ({"since": "2024-03-10", "until": "2024-03-01"}, "ends before it begins"),
        ({"sort": "colour"}, "no such sort"),
        ({"cursor": "not-a-cursor"}, "not a cursor"),
        ({"dyad": "Westmark"}, "two actor names"),
        ({"min_confidence": "2"}, "less than or equal"),
    ],
)
def test_bad_filters_are_422_saying_why(client: TestClient, params: dict[str, str],
                                        words: str) -> None:  # fmt: skip
    for route in ("/events", "/incidents"):
        response = client.get(route, params=params)
        assert response.status_code == 422
        assert words in response.text


@pytest.mark.parametrize(("route", "total"), [("/events", 5), ("/incidents", 4)])
def test_every_page_counts_the_whole_listing(client: TestClient, route: str, total: int) -> None:
    # the count rides on a first page's rows (analytics/listing.py, #12): pages past an offset
    # or with no rows at all count it apart, and all say the same
    for params in ({"limit": 1}, {"limit": 1, "offset": 2}, {"offset": 10}, {"type": "aid"}):
        body = client.get(route, params=params).json()
        expected = 0 if "type" in params else total
        assert body["total"] == expected, params
    assert client.get(route, params={"offset": 10}).json()["items"] == []


def test_a_cursor_keeps_its_sort(client: TestClient) -> None:
    cursor = client.get("/events", params={"limit": 1}).json()["next_cursor"]
    response = client.get("/events", params={"cursor": cursor, "sort": "goldstein"})
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("params", "events", "incidents"),
    [
        ({}, 5, 4),
        ({"dyad": "westmark,EASTMARK"}, 4, 3),
        ({"actor": "Riverland"}, 1, 1),
        ({"type": "assault"}, 3, 2),
        ({"modality": "asserted"}, 5, 4),
        ({"modality": "negated"}, 0, 0),
        ({"place": "depot"}, 1, 1),
        ({"country": "xwe"}, 3, 2),
        ({"min_confidence": 0.8}, 1, 1),
        ({"since": "2024-03-05"}, 2, 2),
        ({"since": "2019-06-01", "until": "2019-06-30"}, 1, 1),  # the year reaches into June
    ],
)
def test_filters_narrow_events_and_incidents_alike(
    client: TestClient, params: dict[str, Any], events: int, incidents: int
) -> None:
    assert client.get("/events", params=params).json()["total"] == events
    assert client.get("/incidents", params=params).json()["total"] == incidents


def test_csv_is_the_same_rows_with_a_header(client: TestClient) -> None:
    response = client.get("/events", params={"format": "csv", "type": "ASSAULT"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 3
    assert {"id", "incident_id", "start", "end", "lat", "lon", "url", "headline"} <= set(rows[0])
    incidents = client.get("/incidents", params={"format": "csv"}).text
    assert len(list(csv.DictReader(io.StringIO(incidents)))) == 4


def test_incident_shows_every_report_with_its_article(client: TestClient) -> None:
    [shelling] = _items(client, "/incidents", type="ASSAULT", until="2024-03-10")
    body = client.get(f"/incidents/{shelling['id']}").json()
    assert body["incident"]["id"] == shelling["id"]
    assert (shelling["lat"], shelling["lon"], shelling["country"]) == (47.5, 14.0, "XWE")
    reports = body["reports"]
    assert [r["publisher"] for r in reports] == ["Eastern Wire", "River Times"]
    for report in reports:
        assert report["article_text"][report["start"] : report["end"]] == report["text"]
        assert all(report[key] for key in ("published", "headline", "source"))
    first = reports[0]
    assert (first["attribution_kind"], first["attribution_text"], first["confidence"]) == (
        "source", "officials", 0.9,
    )  # fmt: skip
    assert first["article_text"][first["attribution_start"] : first["attribution_end"]] == (
        "officials"
    )


def test_event_detail_and_unknown_ids(client: TestClient) -> None:
    event = _items(client, "/events", place="depot")[0]
    body = client.get(f"/events/{event['id']}").json()
    assert body["event"] == event
    assert body["report"]["article_text"].count(event["text"]) == 1
    assert client.get("/events/nope").status_code == 404
    assert client.get("/incidents/nope").status_code == 404


def test_types_per_day_and_week(client: TestClient) -> None:
    days = client.get("/types").json()
    assert {(d["start"], d["type"], d["incidents"]) for d in days} == {
        ("2024-03-04", "ASSAULT", 1), ("2024-03-18", "CONSULT", 1), ("2024-03-19", "ASSAULT", 1),
    }  # fmt: skip
    weeks = client.get("/types", params={"period": "week", "type": "ASSAULT"}).json()
    assert [(w["start"], w["incidents"]) for w in weeks] == [("2024-03-04", 1), ("2024-03-18", 1)]


def test_every_route_is_in_openapi_with_its_filters(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    served = {r.path for r in client.app.routes if getattr(r, "include_in_schema", False)}  # type: ignore[attr-defined]
    assert served <= set(schema["paths"])
    names = {p["name"] for p in schema["paths"]["/events"]["get"]["parameters"]}
    assert names >= {"actor", "dyad", "type", "modality", "place", "country", "since", "until",
                     "min_confidence", "sort", "cursor", "limit", "offset", "format"}  # fmt: skip
    assert {p["name"] for p in schema["paths"]["/incidents"]["get"]["parameters"]} >= names


def test_docs_load_their_assets_from_this_server(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "://" not in page
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert f"/static-offline-docs/{asset}" in page
        assert client.get(f"/static-offline-docs/{asset}").status_code == 200


def test_vocabulary_names_the_filters_words_and_type_colours(client: TestClient) -> None:
    body = client.get("/vocabulary").json()
    assert "ASSAULT" in body["types"]
    assert "negated" in body["modalities"]
    assert set(body["colours"]) == set(body["types"])
