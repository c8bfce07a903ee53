"""The analyst's routes (api/routes.py via create_app): happy paths and bad requests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.toy_store import build_store
from dateline.api import create_app
from dateline.api.guard import Access
from dateline.pipeline import Pipeline, stage
from dateline.reading import Article, Reading

PNG = b"\x89PNG\r\n\x1a\n"


TOKEN = "test-token"
AUTHORIZED = {"Authorization": f"Bearer {TOKEN}"}


@stage(needs={"raw"}, fills={"article", "text"})
def _as_text(reading: Reading) -> Reading:
    """A stand-in for the real pipeline: the posted bytes become the article text."""
    text = reading.raw.decode()
    article = Article(id="posted", source=reading.source, body=text, text=text)
    return Reading(source=reading.source, text=text, article=article)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = build_store(tmp_path_factory.mktemp("store") / "s.duckdb")
    app = create_app(path, pipeline=Pipeline([_as_text]), access=Access(read_token=TOKEN))
    with TestClient(app, headers=AUTHORIZED) as opened:  # POST /read needs a token (#10)
        yield opened


def test_health_counts_articles_and_incidents(client: TestClient) -> None:
    body = client.get("/health").json()
    assert (body["status"], body["articles"], body["incidents"]) == ("ok", 3, 4)


def test_articles_page_and_total(client: TestClient) -> None:
    body = client.get("/articles", params={"limit": 2, "offset": 2}).json()
    assert (body["total"], body["limit"], body["offset"], len(body["items"])) == (3, 2, 2, 1)
    assert body["items"][0]["publisher"] == "Eastern Wire"  # oldest published comes last


def test_article_by_id_is_its_reading_json(client: TestClient) -> None:
    article_id = client.get("/articles").json()["items"][0]["id"]
    body = client.get(f"/articles/{article_id}").json()
    assert body["schema"] == "dateline.reading/1"
    assert body["article"]["id"] == article_id


def test_unknown_article_is_404_naming_the_id(client: TestClient) -> None:
    response = client.get("/articles/0000")
    assert response.status_code == 404
    assert response.json()["detail"] == "no article with id '0000'"


def test_stories_and_failures_list_the_store(client: TestClient) -> None:
    assert client.get("/stories").json()["total"] == 3
    [failure] = client.get("/failures").json()["items"]
    assert (failure["source"], failure["stage"]) == ("empty.html", "clean")


def test_events_filter_like_the_cli(client: TestClient) -> None:
    body = client.get("/events", params={"actor": "riverland"}).json()
    assert [e["type"] for e in body["items"]] == ["CONSULT"]
    assert client.get("/events", params={"type": "assault", "limit": 1}).json()["total"] == 3
    after = client.get("/events", params={"since": "2024-03-10", "until": "2024-03-31"}).json()
    assert after["total"] == 2


def test_bad_date_is_422(client: TestClient) -> None:
    assert client.get("/events", params={"since": "2024-13-01"}).status_code == 422
    assert client.get("/incidents", params={"until": "yesterday"}).status_code == 422


def test_incidents_lead_to_the_first_reports_sentence(client: TestClient) -> None:
    body = client.get("/incidents", params={"type": "ASSAULT", "until": "2024-03-10"}).json()
    [shelling] = body["items"]
    assert (shelling["reports"], shelling["stories"]) == (2, 2)
    reports = client.get(f"/incidents/{shelling['id']}").json()["reports"]
    assert reports[0]["text"].startswith("Eastmark shelled border villages")


def test_actors_page_with_total(client: TestClient) -> None:
    body = client.get("/actors", params={"limit": 1, "offset": 2}).json()
    assert (body["total"], [a["name"] for a in body["items"]]) == (3, ["Riverland"])


def test_timeline_of_a_dyad_and_a_bad_dyad(client: TestClient) -> None:
    days = client.get("/timeline", params={"dyad": "Westmark, Eastmark"}).json()
    assert [(d["day"], d["reports"]) for d in days][1:] == [("2024-03-04", 2), ("2024-03-19", 1)]
    response = client.get("/timeline", params={"dyad": "Westmark"})
    assert response.status_code == 422
    assert "two names" in response.json()["detail"]


def test_network_and_escalation(client: TestClient) -> None:
    network = client.get("/network").json()
    assert network["nodes"][0] == {"name": "Eastmark", "incidents": 3}
    assert len(network["edges"]) == 3
    weeks = client.get("/escalation", params={"actor": "Riverland"}).json()
    assert weeks == [{"start": "2024-03-18", "incidents": 1, "conflict": 0, "goldstein": 1.0,
                      "index": -1.0}]  # fmt: skip
    assert client.get("/escalation", params={"period": "year"}).status_code == 422
    months = client.get("/escalation", params={"period": "month"}).json()
    assert [(m["start"], m["incidents"]) for m in months] == [("2024-03-01", 3)]


def test_report_is_markdown_linking_plots_of_its_scope(client: TestClient) -> None:
    response = client.get("/report", params={"actor": "Riverland"})
    assert response.headers["content-type"].startswith("text/markdown")
    assert "(plots/network.png?since=2024-02-18&until=2024-03-18&actor=Riverland)" in response.text
    html = client.get("/report.html", params={"actor": "Riverland"})
    assert html.headers["content-type"].startswith("text/html")
    assert 'src="plots/network.png?since=2024-02-18&amp;until=2024-03-18&amp;actor=Riverland"' in (
        html.text
    )
    plot = client.get("/plots/network.png", params={"actor": "Riverland"})
    assert plot.headers["content-type"] == "image/png"
    assert plot.content.startswith(PNG)
    assert client.get("/plots/pie.png").status_code == 404


def test_read_returns_a_reading_without_storing_it(client: TestClient) -> None:
    response = client.post("/read", json={"text": "Talks resumed on Friday."})
    assert response.json()["article"]["text"] == "Talks resumed on Friday."
    assert client.get("/health").json()["articles"] == 3


def test_read_needs_exactly_one_of_text_or_html(client: TestClient) -> None:
    assert client.post("/read", json={}).status_code == 422
    assert client.post("/read", json={"text": "a", "html": "<p>a</p>"}).status_code == 422


def test_missing_store_is_503_saying_how_to_make_one(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "none.duckdb")) as fresh:
        response = fresh.get("/incidents")
    assert response.status_code == 503
    assert "dateline ingest" in response.json()["detail"]


@pytest.mark.model
def test_read_runs_dateline_pipeline_on_posted_html(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Talks</title></head><body><article><h1>Envoys meet for talks</h1>"
        "<p>Envoys of Riverland met ministers of Eastmark in the capital on Monday to discuss "
        "the border, officials said. The two sides agreed to meet again next month, a "
        "spokesman for the ministry told reporters after the meeting ended.</p>"
        "</article></body></html>"
    )
    app = create_app(build_store(tmp_path / "s.duckdb"), access=Access(read_token=TOKEN))
    with TestClient(app, headers=AUTHORIZED) as fresh:
        response = fresh.post("/read", json={"html": html, "source": "talks.html"})
    assert response.status_code == 200
    body = response.json()
    assert body["article"]["source"] == "talks.html"
    assert "Riverland" in body["article"]["text"]
    # The stages ran, not just clean: a quote's speaker was found.
    assert any("spokesman" in q["speaker"]["text"] for q in body["quotes"])
