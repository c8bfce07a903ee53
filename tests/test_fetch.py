"""Safe fetching (issue #10) against a test server on 127.0.0.1: the only network tests touch."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dateline import fetch
from dateline.batch.sources import Page, iter_pages
from dateline.config import Settings
from dateline.errors import FetchError, InputError
from dateline.fetch import HttpFetcher, blocked_reason, pin

PAGE = b"<html><body><h1>Talks resume</h1><p>Envoys met on Monday.</p></body></html>"


class _Handler(BaseHTTPRequestHandler):
    """Pages that behave well and badly; the path picks which."""

    def do_GET(self) -> None:
        path = self.path
        if path == "/page":
            self._send(200, PAGE)
        elif path.startswith("/hop/"):  # /hop/3 redirects to /hop/2 ... /hop/0 is the page
            left = int(path.rsplit("/", 1)[1])
            self._redirect(f"/hop/{left - 1}" if left else "/page")
        elif path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif path == "/drip":
            self.send_response(200)
            self.end_headers()
            for _ in range(50):  # a byte every 0.1 s: no single read ever times out
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
        elif path == "/short":  # promises 1,000 bytes, sends 10 and closes
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"0123456789")
        elif path == "/big":
            self._send(200, b"x" * 5_000)
        else:
            self._send(404, b"no")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _get(url: str, *, allow_private: bool = True, timeout: float = 5, cap: int = 10_000) -> bytes:
    return HttpFetcher(allow_private=allow_private).fetch(url, timeout=timeout, max_bytes=cap)


def test_loopback_is_refused_by_default(server: str) -> None:
    with pytest.raises(FetchError, match="loopback address; pass --allow-private"):
        _get(f"{server}/page", allow_private=False)


def test_loopback_is_fetched_when_allowed(server: str) -> None:
    assert _get(f"{server}/page") == PAGE


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("10.1.2.3", "a private address"),
        ("192.168.0.1", "a private address"),
        ("169.254.169.254", "a link-local address"),  # the cloud metadata service
        ("224.0.0.1", "a multicast address"),
        ("240.0.0.1", "a reserved address"),
        ("0.0.0.0", "the unspecified address"),
        ("100.64.0.1", "not a public address"),
        ("93.184.215.14", None),
    ],
)
def test_blocked_reason_names_the_kind_of_address(address: str, reason: str | None) -> None:
    assert blocked_reason(address) == reason


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "gopher://x/"])
def test_only_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="only http"):
        pin(url, allow_private=True)


def test_redirects_are_followed_up_to_five(server: str) -> None:
    assert _get(f"{server}/hop/4") == PAGE  # 5 redirects
    with pytest.raises(FetchError, match="more than 5 redirects"):
        _get(f"{server}/hop/5")


def test_a_redirect_to_a_file_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match="only http"):
        _get(f"{server}/to-file")


def test_every_redirect_is_checked_again(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = fetch.blocked_reason

    def first_hop_public(address: str) -> str | None:  # as if the first host were public
        calls.append(address)
        return None if len(calls) == 1 else real(address)

    monkeypatch.setattr(fetch, "blocked_reason", first_hop_public)
    with pytest.raises(FetchError, match="loopback"):
        _get(f"{server}/hop/1", allow_private=False)
    assert len(calls) == 2


def test_a_dripping_server_meets_the_overall_deadline(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        _get(f"{server}/drip", timeout=1.0)
    assert time.monotonic() - started < 3.0  # the drip would take 5 s


def test_a_body_shorter_than_its_content_length_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match=r"cannot fetch|Content-Length"):
        _get(f"{server}/short")


def test_size_cap_is_enforced(server: str) -> None:
    with pytest.raises(FetchError, match="over the size cap"):
        _get(f"{server}/big", cap=1_000)


def test_an_http_error_is_ours(server: str) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        _get(f"{server}/missing")


def _feed(tmp_path: Path, *links: str) -> Path:
    items = "".join(f"<item><title>t</title><link>{link}</link></item>" for link in links)
    feed = tmp_path / "feed.rss"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>')
    return feed


def _items(feed: Path, settings: Settings) -> list[Page | InputError]:
    got = list(iter_pages([str(feed)], settings=settings))
    assert all(isinstance(i, (Page, InputError)) for i in got), got
    return got  # type: ignore[return-value]


def test_feed_link_to_loopback_is_refused_by_default(tmp_path: Path, server: str) -> None:
    (item,) = _items(_feed(tmp_path, f"{server}/page"), Settings())
    assert isinstance(item, FetchError)
    assert "loopback" in item.reason
    (page,) = _items(_feed(tmp_path, f"{server}/page"), Settings(allow_private=True))
    assert isinstance(page, Page)
    assert page.raw == PAGE


def test_feed_link_to_a_local_file_is_refused_by_default(tmp_path: Path) -> None:
    secret = tmp_path / "secret.html"
    secret.write_bytes(PAGE)
    links = ("/etc/passwd", "secret.html", f"file://{secret}", "javascript:alert(1)")
    refused = _items(_feed(tmp_path, *links), Settings())
    assert [isinstance(i, InputError) for i in refused] == [True] * 4
    assert "--allow-local" in refused[0].reason  # type: ignore[union-attr]
    assert "not javascript:" in refused[3].reason  # type: ignore[union-attr]
    allowed = _items(_feed(tmp_path, "secret.html"), Settings(allow_local=True))
    assert [i.raw for i in allowed if isinstance(i, Page)] == [PAGE]
