"""The server `dateline serve` runs: the analyst's routes, the dashboard, and create_app's.

`create_app` (api/app.py) is the first, minimal API over the store; `create_server` keeps its
routes and adds routes.py's and the dashboard. Where both answer a path (/, /events, /actors,
/timeline), routes.py's paged, filter-complete version answers; create_app's stays as it is
for its own callers.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from dateline.api.app import create_app
from dateline.api.routes import make_router
from dateline.config import Settings
from dateline.dashboard import DASHBOARD
from dateline.errors import DatelineError, InputError
from dateline.pipeline import Pipeline, default_pipeline


def create_server(
    store_path: str | Path, *, settings: Settings | None = None, pipeline: Pipeline | None = None
) -> FastAPI:
    """Return the API and dashboard over the store; POST /read runs `pipeline` (default: all)."""

    @cache  # the spaCy model loads on the first /read, not when the server starts
    def reader() -> Pipeline:
        return pipeline or default_pipeline()

    app = FastAPI(title="dateline", summary="The situation in the news, read into data")
    router = make_router(store_path, settings=settings or Settings(), pipeline=reader)
    app.include_router(router)

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(DASHBOARD / "index.html")

    ours = {"/"} | {route.path for route in router.routes if isinstance(route, APIRoute)}
    for route in create_app(store_path).router.routes:
        if isinstance(route, APIRoute) and route.path not in ours:
            app.router.routes.append(route)
    app.mount("/static", StaticFiles(directory=DASHBOARD), name="static")
    app.add_exception_handler(InputError, _bad_input)
    app.add_exception_handler(DatelineError, _failed)
    return app


async def _bad_input(request: Request, err: Exception) -> JSONResponse:
    return JSONResponse(status_code=422, content={"detail": str(err)})


async def _failed(request: Request, err: Exception) -> JSONResponse:
    return JSONResponse(status_code=500, content={"detail": str(err)})
