"""FastAPI routes over the store; each calls one analytics function and holds no logic.

Pydantic models live here only (STYLE.md): they turn the analytics dataclasses and query
results into JSON. Each request opens the store read only, so a running API never blocks
an ingest between requests.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from dateline.analytics import find_actors, find_events, summarize, timeline
from dateline.errors import StoreError
from dateline.store import Result, Store


class DayOut(BaseModel):
    day: date
    incidents: int
    reports: int
    goldstein: float


class SummaryOut(BaseModel):
    articles: int
    stories: int
    events: int
    incidents: int
    failures: int
    top_actors: list[tuple[str, int]]
    top_dyads: list[tuple[str, str, int]]


def _records(result: Result) -> list[dict[str, Any]]:
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


def create_app(store_path: str | Path) -> FastAPI:
    """Return the API app reading the store at `store_path`."""
    app = FastAPI(title="dateline", summary="Events, actors and timelines from the news")

    @contextmanager
    def opened() -> Iterator[Store]:
        try:
            store = Store(store_path, read_only=True)
        except StoreError as err:
            raise HTTPException(status_code=503, detail=str(err)) from err
        with store:
            yield store

    @app.get("/summary")
    def get_summary() -> SummaryOut:
        with opened() as store:
            s = summarize(store)
        return SummaryOut(articles=s.articles, stories=s.stories, events=s.events,
                          incidents=s.incidents, failures=s.failures,
                          top_actors=list(s.top_actors), top_dyads=list(s.top_dyads))  # fmt: skip

    @app.get("/events")
    def get_events(
        actor: str | None = None, type: str | None = None, since: date | None = None,
        until: date | None = None, place: str | None = None,
    ) -> list[dict[str, Any]]:  # fmt: skip
        with opened() as store:
            return _records(find_events(store, actor=actor, type=type, since=since,
                                        until=until, place=place))  # fmt: skip

    @app.get("/actors")
    def get_actors(limit: int = 50) -> list[dict[str, Any]]:
        with opened() as store:
            return _records(find_actors(store, limit=limit))

    @app.get("/timeline")
    def get_timeline(source: str, target: str) -> list[DayOut]:
        with opened() as store:
            days = timeline(store, source, target)
        return [DayOut(day=d.day, incidents=d.incidents, reports=d.reports,
                       goldstein=d.goldstein) for d in days]  # fmt: skip

    @app.get("/", response_class=HTMLResponse)
    def dashboard() -> str:
        return resources.files("dateline.api").joinpath("dashboard.html").read_text("utf-8")

    return app
