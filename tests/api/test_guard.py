"""The server's guard (issue #10): /read off or token-bound, body caps, Host check, headers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.toy_store import build_store
from dateline.api import create_app
from dateline.api.guard import Access, bind_names
from dateline.pipeline import Pipeline, stage
from dateline.reading import Article, Reading

TOKEN = "s3cret"


@stage(needs={"raw"}, fills={"article", "text"})
def _as_text(reading: Reading) -> Reading:
    text = reading.raw.decode()
    article = Article(id="p", source=reading.source, body=text, text=text)
    return Reading(source=reading.source, text=text, article=article)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "s.duckdb")


def _client(store: Path, access: Access | None = None, **kwargs: object) -> TestClient:
    app = create_app(store, pipeline=Pipeline([_as_text]), access=access, **kwargs)  # type: ignore[arg-type]
    return TestClient(app)


@pytest.fixture
def reading_client(store: Path) -> Iterator[TestClient]:
    with _client(store, Access(read_token=TOKEN, max_body=10_000)) as client:
        yield client


def test_read_is_off_by_default(store: Path) -> None:
    response = _client(store).post("/read", json={"text": "Talks resumed."})
    assert response.status_code == 403
    assert "--allow-read" in response.json()["detail"]


def test_read_needs_the_token(reading_client: TestClient) -> None:
    body = {"text": "Talks resumed."}
    assert reading_client.post("/read", json=body).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert reading_client.post("/read", json=body, headers=wrong).status_code == 401
    right = {"Authorization": f"Bearer {TOKEN}"}
    response = reading_client.post("/read", json=body, headers=right)
    assert response.status_code == 200
    assert response.json()["article"]["text"] == "Talks resumed."


def test_a_body_over_the_cap_is_refused_before_it_is_parsed(reading_client: TestClient) -> None:
    right = {"Authorization": f"Bearer {TOKEN}"}
    big = {"text": "x" * 20_000}
    assert reading_client.post("/read", json=big, headers=right).status_code == 413


def test_a_streamed_body_over_the_cap_is_refused(reading_client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: sent chunked
        yield b'{"text": "'
        for _ in range(30):
            yield b"x" * 1_000
        yield b'"}'

    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    response = reading_client.post("/read", content=chunks(), headers=headers)
    assert response.status_code == 413


@pytest.mark.parametrize("offset", [2**63, 2**31 * 1000, -1])
def test_huge_or_negative_offsets_are_422_not_500(store: Path, offset: int) -> None:
    response = _client(store).get("/articles", params={"offset": offset})
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("route", "limit"),
    [("/articles", 1001), ("/events", 10_001), ("/incidents", 2**63), ("/network", 501),
     ("/failures", 0)],
)  # fmt: skip
def test_limits_past_their_bounds_are_422_not_500(store: Path, route: str, limit: int) -> None:
    response = _client(store).get(route, params={"limit": limit})
    assert response.status_code == 422


def test_host_header_is_checked_when_hosts_are_given(store: Path) -> None:
    client = _client(store, hosts=["127.0.0.1", "localhost"])
    assert client.get("/health", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    rebound = client.get("/health", headers={"Host": "evil.example:8000"})
    assert rebound.status_code == 400


def test_security_headers_on_every_answer(store: Path) -> None:
    client = _client(store)
    for path in ("/", "/health", "/static/app.js", "/missing"):
        headers = client.get(path).headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert "script-src 'self';" in headers["Content-Security-Policy"]


@pytest.mark.parametrize("name", ["__init__.py", "README.md"])
def test_no_source_files_from_static(store: Path, name: str) -> None:
    assert _client(store).get(f"/static/{name}").status_code == 404


def test_dashboard_assets_are_still_served(store: Path) -> None:
    client = _client(store)
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200


@pytest.mark.parametrize(
    ("bind", "host", "status"),
    [
        ("::1", "[::1]:8000", 200),
        ("::1", "[::1]", 200),
        ("::1", "[0:0:0:0:0:0:0:1]:8000", 200),  # the same address, spelt out
        ("::1", "localhost:8000", 200),
        ("::1", "127.0.0.1:8000", 200),  # loopback either way
        ("127.0.0.1", "[::1]:8000", 200),
        ("127.0.0.1", "[::ffff:127.0.0.1]:8000", 200),
        ("::1", "::1:8000", 400),  # an IPv6 literal must be in brackets (RFC 3986)
        ("::1", "[::2]:8000", 400),
        ("::1", "[evil.example]:8000", 400),
        ("::1", "evil.example:8000", 400),
        ("2001:db8::5", "[2001:DB8:0::5]:8000", 200),
        ("2001:db8::5", "localhost:8000", 400),  # not bound to loopback: no localhost
        ("192.0.2.5", "[::ffff:192.0.2.5]", 200),
        ("192.0.2.5", "192.0.2.6", 400),
    ],
)
def test_host_check_compares_ip_literals_as_addresses(
    store: Path, bind: str, host: str, status: int
) -> None:
    client = _client(store, hosts=bind_names(bind))
    response = client.get("/health", headers={"Host": host})
    assert response.status_code == status, response.text


@pytest.mark.parametrize("bind", ["0.0.0.0", "::", "[::]", "0:0::0"])
def test_a_wildcard_bind_checks_no_host(store: Path, bind: str) -> None:
    assert bind_names(bind) is None
    client = _client(store, hosts=bind_names(bind))
    assert client.get("/health", headers={"Host": "any.example"}).status_code == 200
