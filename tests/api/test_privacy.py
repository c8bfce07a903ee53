"""Answers name local files by their names, not the server's paths (issue #10, privacy.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.toy_store import ARTICLES, make_reading
from dateline.api import create_app
from dateline.api.privacy import hide_paths, shown_source
from dateline.store import Failure, Store
from dateline.store.incidents import rebuild_incidents

PRIVATE = "/home/ana/leaks"  # where the analyst keeps the inputs: no client's business


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "s.duckdb"
    with Store(path) as store:
        with store.transaction():
            for name, (published, publisher, told) in ARTICLES.items():
                reading = make_reading(name, published, publisher, told)
                article = replace(reading.require_article(), source=f"{PRIVATE}/{name}")
                reading = replace(reading, source=article.source, article=article)
                store.write_reading(reading, content_hash=f"hash-{name}")
            store.write_failure(Failure(
                source=f"{PRIVATE}/empty.html", content_hash="", stage="clean",
                error="InputError", message=f"{PRIVATE}/empty.html: 0 bytes",
            ))  # fmt: skip
        rebuild_incidents(store)
    return path


ROUTES = ("/health", "/articles", "/failures", "/events", "/events?format=csv", "/incidents",
          "/report")  # fmt: skip


@pytest.mark.parametrize("route", ROUTES)
def test_no_route_tells_the_server_s_paths(store: Path, route: str) -> None:
    body = TestClient(create_app(store)).get(route).text
    assert PRIVATE not in body
    assert str(store.parent) not in body


def test_inputs_are_named_by_file_and_the_user_may_ask_for_paths(store: Path) -> None:
    hidden, shown = TestClient(create_app(store)), TestClient(create_app(store, show_paths=True))
    [failure] = hidden.get("/failures").json()["items"]
    assert (failure["source"], failure["message"]) == ("empty.html", "empty.html: 0 bytes")
    assert hidden.get("/health").json()["store"] == "s.duckdb"
    article = hidden.get("/articles").json()["items"][0]
    assert "/" not in article["source"]
    reading = hidden.get(f"/articles/{article['id']}").json()
    assert reading["article"]["source"] == article["source"]
    assert PRIVATE in shown.get("/failures").text  # --show-paths: the user asked
    assert shown.get("/health").json()["store"] == str(store)


def test_a_store_error_is_503_without_the_path(tmp_path: Path) -> None:
    response = TestClient(create_app(tmp_path / "none.duckdb")).get("/health")
    assert response.status_code == 503
    assert response.json()["detail"].startswith("none.duckdb: no store here")
    assert str(tmp_path) not in response.text


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("/home/ana/news/a.html: 0 bytes", "a.html: 0 bytes"),
        ("cannot open /var/lib/x/s.duckdb (locked)", "cannot open s.duckdb (locked)"),
        ("see ~/news/a.html", "see a.html"),
        ("https://example.com/a/b.html: 404", "https://example.com/a/b.html: 404"),
        (r"C:\Users\ana\news\a.html: 0 bytes", "a.html: 0 bytes"),
        ("a/b relative and 3/4 of it", "a/b relative and 3/4 of it"),
    ],
)
def test_hide_paths_cuts_absolute_paths_only(text: str, hidden: str) -> None:
    assert hide_paths(text) == hidden


def test_shown_source_keeps_urls_whole() -> None:
    assert shown_source("https://example.com/news/a.html") == "https://example.com/news/a.html"
    assert shown_source("/home/ana/crawl.jsonl:12") == "crawl.jsonl:12"
    assert shown_source("news/a.html") == "a.html"
