"""The app `dateline serve` runs: routes.py's JSON routes over the store and the dashboard."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.types import Scope

from dateline.api.guard import Access, Guard, allowed_hosts
from dateline.api.privacy import hide_paths
from dateline.api.readers import Readers
from dateline.api.routes import make_router
from dateline.config import Settings
from dateline.dashboard import DASHBOARD, PLOTLY_JS
from dateline.errors import DatelineError, InputError, StoreError
from dateline.pipeline import Pipeline, default_pipeline


def create_app(
    store_path: str | Path,
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    access: Access | None = None,
    hosts: Sequence[str] | None = None,
    show_paths: bool = False,
) -> FastAPI:
    """Return the API and dashboard over the store; POST /read runs `pipeline` (default: all).

    `access` (guard.py): POST /read is off unless it holds a token. `hosts`: the names the
    server is bound to, which the Host header must name; None accepts any. `show_paths`:
    answers name local files by their whole paths (privacy.py), for a server only its user
    reaches.
    """

    @cache  # the spaCy model loads on the first /read, not when the server starts
    def reader() -> Pipeline:
        return pipeline or default_pipeline()

    # FastAPI's own /docs loads Swagger UI from a CDN; fastapi-offline serves the same assets
    # from its installed package, so the docs render with no network (#11).
    access = access or Access()
    if hosts is not None:
        access = replace(access, hosts=allowed_hosts(hosts))
    readers = Readers(reader, access=access)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        readers.close()  # end the reading processes with the server

    app = FastAPIOffline(title="dateline", summary="The situation in the news, read into data",
                         lifespan=lifespan)  # fmt: skip
    router = make_router(store_path, settings=settings or Settings(), readers=readers,
                         show_paths=show_paths)  # fmt: skip
    app.include_router(router)

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(DASHBOARD / "index.html", headers=_REVALIDATE)

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:  # from the installed plotly package, not a CDN
        return FileResponse(PLOTLY_JS, media_type="text/javascript")

    app.mount("/static", _Revalidated(directory=DASHBOARD), name="static")
    hidden = _whole if show_paths else hide_paths
    for kind, status in ((InputError, 422), (StoreError, 503), (DatelineError, 500)):
        app.add_exception_handler(kind, _answer(status, hidden))
    app.add_middleware(Guard, access=access)
    return app


# The dashboard's files change with the package: a browser keeps them but asks (by ETag)
# whether they changed, so an upgrade never runs an old script against a new API (#11).
_REVALIDATE = {"Cache-Control": "no-cache"}
STATIC_SUFFIXES = frozenset({".html", ".js", ".css", ".json", ".svg", ".png", ".ico"})


class _Revalidated(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        """Serve the dashboard's own assets only: not its __init__.py or README (#10)."""
        if Path(path).suffix.lower() not in STATIC_SUFFIXES:
            raise HTTPException(status_code=404, detail="Not Found")
        return await super().get_response(path, scope)

    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers.update(_REVALIDATE)
        return response


Handler = Callable[[Request, Exception], Awaitable[JSONResponse]]


def _whole(text: str) -> str:
    return text


def _answer(status: int, hidden: Callable[[str], str]) -> Handler:
    """Return a handler answering our errors with `status` and their one line, paths hidden."""

    async def handler(request: Request, err: Exception) -> JSONResponse:
        return JSONResponse(status_code=status, content={"detail": hidden(str(err))})

    return handler
