"""The API answers from the store through the same analytics functions as the CLI."""

from __future__ import annotations

import sys
from pathlib import Path

from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.batch import IngestOptions, ingest
from dateline.config import Settings
from dateline.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "batch"))
from batch_toy import TOY_STAGES

PAGE = (
    "<p>Published 2024-04-02</p><p>Westmark attacked Eastmark on 2024-04-01. Artillery fire "
    "was heard across the river through the night, residents said.</p>"
)


def _client(tmp_path: Path) -> TestClient:
    (tmp_path / "a.html").write_text(PAGE)
    with Store(tmp_path / "s.duckdb") as store:
        ingest([str(tmp_path / "a.html")], store, options=IngestOptions(stages=TOY_STAGES),
               settings=Settings())  # fmt: skip
    return TestClient(create_app(tmp_path / "s.duckdb"))


def test_api_routes_answer_from_the_store(tmp_path: Path) -> None:
    client = _client(tmp_path)
    summary = client.get("/summary").json()
    assert (summary["articles"], summary["events"], summary["incidents"]) == (1, 1, 1)
    [event] = client.get("/events", params={"actor": "westmark"}).json()["items"]
    assert (event["type"], event["earliest"]) == ("ASSAULT", "2024-04-01")
    assert client.get("/events", params={"type": "AID"}).json()["items"] == []
    days = client.get("/timeline", params={"dyad": "Eastmark,Westmark"}).json()
    assert days == [{"day": "2024-04-01", "incidents": 1, "reports": 1, "goldstein": -10.0}]
    assert client.get("/actors").json()["items"][0]["name"] in {"Westmark", "Eastmark"}
    assert "dateline" in client.get("/").text


def test_api_without_a_store_answers_503(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "missing.duckdb"))
    response = client.get("/summary")
    assert response.status_code == 503
    assert "dateline ingest" in response.json()["detail"]
