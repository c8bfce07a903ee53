"""The app `dateline serve` runs: routes.py's JSON routes over the store and the dashboard."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from dateline.api.routes import make_router
from dateline.config import Settings
from dateline.dashboard import DASHBOARD, PLOTLY_JS
from dateline.errors import DatelineError, InputError
from dateline.pipeline import Pipeline, default_pipeline


def create_app(
    store_path: str | Path, *, settings: Settings | None = None, pipeline: Pipeline | None = None
) -> FastAPI:
    """Return the API and dashboard over the store; POST /read runs `pipeline` (default: all)."""

    @cache  # the spaCy model loads on the first /read, not when the server starts
    def reader() -> Pipeline:
        return pipeline or default_pipeline()

    # FastAPI's own /docs loads Swagger UI from a CDN; fastapi-offline serves the same assets
    # from its installed package, so the docs render with no network (#11).
    app = FastAPIOffline(title="dateline", summary="The situation in the news, read into data")
    router = make_router(store_path, settings=settings or Settings(), pipeline=reader)
    app.include_router(router)

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(DASHBOARD / "index.html", headers=_REVALIDATE)

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:  # from the installed plotly package, not a CDN
        return FileResponse(PLOTLY_JS, media_type="text/javascript")

    app.mount("/static", _Revalidated(directory=DASHBOARD), name="static")
    app.add_exception_handler(InputError, _bad_input)
    app.add_exception_handler(DatelineError, _failed)
    return app


# The dashboard's files change with the package: a browser keeps them but asks (by ETag)
# whether they changed, so an upgrade never runs an old script against a new API (#11).
_REVALIDATE = {"Cache-Control": "no-cache"}


class _Revalidated(StaticFiles):
    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers.update(_REVALIDATE)
        return response


async def _bad_input(request: Request, err: Exception) -> JSONResponse:
    return JSONResponse(status_code=422, content={"detail": str(err)})


async def _failed(request: Request, err: Exception) -> JSONResponse:
    return JSONResponse(status_code=500, content={"detail": str(err)})
