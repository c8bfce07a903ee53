"""The dashboard is served at / and loads only local assets (it must work offline)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.toy_store import build_store
from dateline.api import create_app
from dateline.dashboard import DASHBOARD

# src=, href= and url() references, and fetch("...") calls in the script.
_REFERENCE = re.compile(
    r"""(?:src|href)\s*=\s*["']([^"']+)|url\(([^)]+)\)|fetch\(\s*[`"']([^`"'$?]+)"""
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = build_store(tmp_path_factory.mktemp("store") / "s.duckdb")
    with TestClient(create_app(path)) as opened:
        yield opened


def _references(text: str) -> list[str]:
    return [next(g for g in m.groups() if g) for m in _REFERENCE.finditer(text)]


def test_dashboard_is_served_at_the_root(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for view in ('id="map"', 'id="timeline"', 'id="network"', 'id="events"', 'id="provenance"'):
        assert view in response.text
    assert 'id="read"' in response.text  # the form to read a pasted article


def test_dashboard_assets_are_local_and_served(client: TestClient) -> None:
    html = client.get("/").text
    assets = [r for r in _references(html) if r.startswith(("static/", "vendor/"))]
    assert sorted(assets) == ["static/app.js", "static/style.css", "vendor/plotly.min.js"]
    for asset in assets:
        assert client.get(f"/{asset}").status_code == 200, asset


def test_dashboard_references_nothing_off_the_server() -> None:
    for path in DASHBOARD.iterdir():
        if path.suffix in {".html", ".js", ".css"}:
            text = path.read_text()
            assert not re.search(r"https?://|//cdn|@import", text), path.name
            assert all(not r.startswith(("/", "http")) for r in _references(text)), path.name


def test_dashboard_script_calls_routes_the_api_has(client: TestClient) -> None:
    script = (DASHBOARD / "app.js").read_text()
    routes = set(re.findall(r"""(?:getJSON|fetch|withFilters)\(\s*[`"']([a-z_]+)""", script))
    assert routes == {"vocabulary", "summary", "static", "incidents", "types", "escalation",
                      "network", "events", "read"}  # fmt: skip
    for route in routes - {"read", "static"}:
        assert client.get(f"/{route}").status_code == 200, route
    assert client.get("/static/world-110m.json").json()["lon"]


def test_plotly_is_served_from_the_installed_package(client: TestClient) -> None:
    response = client.get("/vendor/plotly.min.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert b"plotly.js" in response.content[:2000]


def test_dashboard_files_are_revalidated_so_an_upgrade_is_never_stale(client: TestClient) -> None:
    for path in ("/", "/static/app.js", "/static/world-110m.json"):
        response = client.get(path)
        assert response.headers["cache-control"] == "no-cache", path
    assert client.get("/static/app.js").headers["etag"]
