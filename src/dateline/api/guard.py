"""What the server lets in and what it says about its answers (issue #10).

`Guard` is one ASGI middleware in front of every route:
- POST /read is off unless the server was started with a token, and then needs
  `Authorization: Bearer <token>`: reading runs the whole pipeline, the costliest thing a
  caller can ask for, so a page on the same machine must not be able to ask for it.
- A request body is counted while it streams and refused (413) past the cap, before any of
  it is parsed: the JSON parser held three times a 100 MB body before the old size check.
- Every answer carries a Content-Security-Policy (scripts and frames from this server only),
  `X-Content-Type-Options: nosniff` and `frame-ancestors 'none'` against clickjacking.
The Host header is checked by Starlette's TrustedHostMiddleware (server.py), against DNS
rebinding: a page on evil.example that re-points its name at 127.0.0.1 sends Host: evil.example.
"""

from __future__ import annotations

import hmac
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
