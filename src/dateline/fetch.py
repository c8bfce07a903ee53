"""Fetching a URL safely: the one place every path that fetches goes through (issue #10).

A URL may come from an untrusted feed, so a fetch is refused unless it is http(s) and its
host resolves only to public addresses (no loopback, private, link-local, multicast or
reserved ones) unless the user allowed private ones. The connection goes to the address that
was checked (the Host header and TLS name stay the URL's), so a second DNS answer cannot
swap in another one, and every redirect (at most MAX_REDIRECTS) is checked again. One
deadline covers the whole fetch, redirects included; the body is capped while it streams and
must match its Content-Length. Every failure is a `FetchError(url, reason)`.

httpx, not urllib: it streams, exposes each redirect instead of following it blindly, and
lets the request name the TLS server name while connecting to a pinned address.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpx

from dateline.errors import FetchError

MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}


class Fetcher(Protocol):
    """Gets the bytes behind a URL; tests pass a FakeFetcher."""

    def fetch(self, url: str, *, timeout: float, max_bytes: int) -> bytes: ...


@dataclass(frozen=True, slots=True)
class FakeFetcher:
    """Serves fixed bytes per URL; for tests, which never touch the network."""

    pages: dict[str, bytes] = field(default_factory=dict)

    def fetch(self, url: str, *, timeout: float, max_bytes: int) -> bytes:
        """Return the stored bytes for `url`, or raise FetchError."""
        if url not in self.pages:
            raise FetchError(url, "cannot fetch: not found")
        body = self.pages[url]
        if len(body) > max_bytes:
            raise FetchError(url, f"over the size cap of {max_bytes:,} bytes")
        return body


@dataclass(frozen=True, slots=True, kw_only=True)
class Target:
    """Where one hop of a fetch connects: the checked address and the names to send."""

    url: str  # the URL with its host replaced by the checked address
    host: str  # the Host header
    server_name: str  # the TLS server name (SNI), checked against the certificate


@dataclass(frozen=True, slots=True)
class HttpFetcher:
    """Fetches http(s) URLs with the checks in the module docstring."""

    user_agent: str = "dateline/0.1"
    allow_private: bool = False

    def fetch(self, url: str, *, timeout: float, max_bytes: int) -> bytes:
        """Return the body at `url` (redirects followed), at most `max_bytes` long."""
        deadline = time.monotonic() + timeout
        current = url
        with httpx.Client(follow_redirects=False, trust_env=False) as client:
            for _ in range(MAX_REDIRECTS + 1):
                target = pin(current, allow_private=self.allow_private)
                body, location = self._hop(client, current, target, deadline, max_bytes)
                if location is None:
                    return body
                current = urljoin(current, location)
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _hop(
        self, client: httpx.Client, url: str, target: Target, deadline: float, max_bytes: int
    ) -> tuple[bytes, str | None]:
        """Return the body of one request, or the redirect's Location."""
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(url, "took longer than the fetch deadline")
        headers = {"Host": target.host, "User-Agent": self.user_agent}
        request = client.build_request(
            "GET", target.url, headers=headers, timeout=httpx.Timeout(left),
            extensions={"sni_hostname": target.server_name},
        )  # fmt: skip
        try:
            response = client.send(request, stream=True)
            try:
                return _read(url, response, deadline, max_bytes)
            finally:
                response.close()
        except httpx.TimeoutException as err:
            raise FetchError(url, "no answer within the fetch deadline") from err
        except (httpx.HTTPError, OSError) as err:  # a refused connection, a protocol error
            raise FetchError(url, f"cannot fetch: {err or type(err).__name__}") from err


def _read(
    url: str, response: httpx.Response, deadline: float, max_bytes: int
) -> tuple[bytes, str | None]:
    if response.status_code in REDIRECTS:
        location = response.headers.get("Location")
        if not location:
            raise FetchError(url, f"HTTP {response.status_code} redirect with no Location")
        return b"", location
    if response.status_code >= 400:
        raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
    declared = _content_length(url, response)
    if declared is not None and declared > max_bytes:
        raise FetchError(url, f"declares {declared:,} bytes, over the size cap of {max_bytes:,}")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(url, f"over the size cap of {max_bytes:,} bytes")
        # A server that drips a byte at a time never trips a per-read timeout; this does.
        if time.monotonic() > deadline:
            raise FetchError(url, "took longer than the fetch deadline")
    if declared is not None and response.num_bytes_downloaded != declared:
        got = response.num_bytes_downloaded
        raise FetchError(url, f"body of {got:,} bytes, but Content-Length said {declared:,}")
    return bytes(body), None


def _content_length(url: str, response: httpx.Response) -> int | None:
    value = response.headers.get("Content-Length")
    if value is None:
        return None
    if not value.strip().isdigit():
        raise FetchError(url, f"bad Content-Length {value!r}")
    return int(value)


def pin(url: str, *, allow_private: bool) -> Target:
    """Return where to connect for `url`, or raise FetchError if it must not be fetched."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError(url, f"only http(s) URLs are fetched, not {parts.scheme or 'a path'!r}")
    try:
        host, port = parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme.lower()]
    except ValueError as err:  # a port that is not a number, or out of range
        raise FetchError(url, f"bad URL: {err}") from err
    if not host:
        raise FetchError(url, "bad URL: no host")
    address = _checked_address(url, host, port, allow_private=allow_private)
    shown = f"[{address}]" if ":" in address else address
    netloc = f"{shown}:{port}"
    pinned = parts._replace(netloc=netloc, fragment="").geturl()
    host_header = parts.netloc.rsplit("@", 1)[-1]  # credentials never go in the Host header
    return Target(url=pinned, host=host_header, server_name=host)


def _checked_address(url: str, host: str, port: int, *, allow_private: bool) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as err:
        raise FetchError(url, f"cannot resolve {host}: {err}") from err
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        raise FetchError(url, f"cannot resolve {host}: no address")
    for address in addresses:  # one bad answer refuses all: the resolver is the attacker's
        reason = blocked_reason(address)
        if reason and not allow_private:
            raise FetchError(url, f"{host} is {address}, {reason}; pass --allow-private to fetch")
    return addresses[0]


def blocked_reason(address: str) -> str | None:
    """Return why `address` is not a public one (loopback, private ...), or None if it is."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
    checks = (
        (ip.is_loopback, "a loopback address"),
        (ip.is_unspecified, "the unspecified address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_reserved, "a reserved address"),  # before private: 240/4 counts as both
        (ip.is_private, "a private address"),
        (not ip.is_global, "not a public address"),  # 100.64/10 shared space and the like
    )
    return next((reason for hit, reason in checks if hit), None)
