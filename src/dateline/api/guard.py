"""What the server lets in and what it says about its answers (issue #10).

`Guard` is one ASGI middleware in front of every route:
- POST /read is off unless the server was started with a token, and then needs
  `Authorization: Bearer <token>`: reading runs the whole pipeline, the costliest thing a
  caller can ask for, so a page on the same machine must not be able to ask for it.
- A request body is counted while it streams and refused (413) past the cap, before any of
  it is parsed: the JSON parser held three times a 100 MB body before the old size check.
- Every answer carries a Content-Security-Policy (scripts and frames from this server only),
  `X-Content-Type-Options: nosniff` and `frame-ancestors 'none'` against clickjacking.
- The Host header must name the server (its bind address; on loopback also `localhost` and
  the other loopback literals), against DNS rebinding: a page on evil.example that re-points
  its name at 127.0.0.1 sends Host: evil.example. IP literals are compared as addresses, so
  `[::1]:8000`, `[0:0::1]` and `::ffff:127.0.0.1` are the loopback they are; Starlette's
  TrustedHostMiddleware compared them as strings.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# The dashboard needs its own scripts and styles, data: images (Plotly's) and same-origin
# fetches; nothing else. /docs (Swagger UI, served offline) starts itself with an inline script.
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'none'; object-src 'none'"
)
DOCS_POLICY = POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
DOCS_PATHS = ("/docs", "/redoc")
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Access:
    """Who may do what: the /read token (None: POST /read is off) and the body cap."""

    read_token: str | None = None
    max_body: int = 40_000_000  # a 20 MB page, escaped into JSON, fits (Settings.max_bytes x 2)
    # POST /read's workers (api/readers.py): how many read at once, how long one reading may
    # take (the fuzz suite's worst page took under 10 s on 2 cores; a long real page a few),
    # and how long a request waits for a free worker before its 503.
    read_workers: int = 2
    read_seconds: float = 60.0
    read_wait_s: float = 2.0
    hosts: frozenset[str] | None = None  # Host header names answered (host_keys); None: any


class Guard:
    """The ASGI middleware described in the module docstring."""

    def __init__(self, app: ASGIApp, *, access: Access) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path, headers = str(scope.get("path", "")), Headers(scope=scope)
        policy = DOCS_POLICY if path.startswith(DOCS_PATHS) else POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                for name, value in {**HEADERS, "Content-Security-Policy": policy}.items():
                    out[name] = value
            await send(message)

        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        await self.app(scope, self._capped(receive), send_with_headers)

    def _refusal(self, scope: Scope, headers: Headers) -> JSONResponse | None:
        host = headers.get("host", "")
        if self.access.hosts is not None and _host_key_of(host) not in self.access.hosts:
            return _refuse(400, f"Host {host[:100]!r} is not this server's name (DNS "
                                "rebinding?); use the address it listens on")  # fmt: skip
        if scope.get("method") == "POST" and scope.get("path") == "/read":
            token = self.access.read_token
            if token is None:
                return _refuse(403, "POST /read is off; start the server with --allow-read")
            given = headers.get("authorization", "").removeprefix("Bearer ").strip()
            if not hmac.compare_digest(given.encode(), token.encode()):
                return _refuse(401, "POST /read needs the server's token: Authorization: Bearer")
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.access.max_body:
            return _refuse(413, f"a body of {int(declared):,} bytes, over the cap of "
                                f"{self.access.max_body:,}")  # fmt: skip
        return None

    def _capped(self, receive: Receive) -> Receive:
        """Return `receive` counting body bytes; past the cap it raises HTTP 413."""
        seen = 0
        cap = self.access.max_body

        async def capped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:  # a chunked body states no length; count it as it comes
                    raise HTTPException(413, f"a body over the cap of {cap:,} bytes")
            return message

        return capped


def _refuse(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
# A Host header: a name or IPv4 address, or an IPv6 literal in brackets, then an optional port.
_HOST = re.compile(r"(?P<host>\[[^\[\]]+\]|[^:\[\]]+)(?::\d{1,5})?")


def host_key(name: str) -> str:
    """Return a host name as compared: lower case, an IP literal in its one canonical form."""
    bare = name.strip().lower().removeprefix("[").removesuffix("]").rstrip(".")
    try:
        ip = ipaddress.ip_address(bare)
    except ValueError:
        return bare
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return "127.0.0.1" if ip.is_loopback and ip.version == 4 else ip.compressed


def bind_names(host: str) -> list[str] | None:
    """Return the names a server bound to `host` answers to; None on a wildcard bind
    (0.0.0.0, ::), where any name may be right."""
    bare = host.strip().removeprefix("[").removesuffix("]")
    if not bare:
        return None
    with suppress(ValueError):  # a name, not an address
        if ipaddress.ip_address(bare).is_unspecified:
            return None
    return [bare]


def allowed_hosts(bind: Iterable[str]) -> frozenset[str]:
    """Return the host keys a server bound to these names answers: on loopback, all of its."""
    keys = {host_key(name) for name in bind}
    return frozenset(keys | LOOPBACK) if keys & LOOPBACK else frozenset(keys)


def _host_key_of(header: str) -> str | None:
    """Return the host key of a Host header, or None when it is not one (e.g. `::1` bare)."""
    match = _HOST.fullmatch(header.strip())
    if match is None:
        return None
    host = match["host"]
    if host.startswith("["):  # brackets hold an IPv6 address and nothing else (RFC 3986)
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return None
    return host_key(host)
