"""The analyst's routes: paged listings, incidents, network, escalation, report, plots, /read.

Each route opens the store read only, calls one analytics (or report) function, and turns
its rows into the models of api/models.py; the logic lives in analytics/ and report/.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel

from dateline.analytics import find_actors, find_events, summarize, timeline
from dateline.analytics.browse import (
    Page,
    count_actors,
    find_reading,
    list_articles,
    list_failures,
    list_stories,
    page_of,
)
from dateline.analytics.report_data import (
    Scope,
    actor_network,
    count_incidents,
    escalation,
    recent_incidents,
)
from dateline.api import models
from dateline.config import Settings
from dateline.errors import StoreError
from dateline.pipeline import Pipeline
from dateline.reading import Reading, to_json
from dateline.report import PLOTS, build_report, render_markdown, render_png
from dateline.store import Result, Store

M = TypeVar("M", bound=BaseModel)
Limit = Annotated[int, Query(ge=1, le=1000, description="rows per page")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]
Since = Annotated[date | None, Query(description="YYYY-MM-DD")]
Until = Annotated[date | None, Query(description="YYYY-MM-DD")]
Actor = Annotated[str | None, Query(description="an actor's name, or part of it")]


def _items(model: type[M], result: Result) -> list[M]:
    return [model.model_validate(dict(zip(result.columns, row, strict=True)))
            for row in result.rows]  # fmt: skip


def _paged(model: type[M], page: Page) -> models.Page[M]:
    return models.Page[model](  # type: ignore[valid-type]  # a runtime-parametrised generic
        items=_items(model, page.result), total=page.total, limit=page.limit, offset=page.offset
    )


def _query(scope: Scope) -> str:
    """Return a scope as a query string, so report links draw the same scope's plots."""
    pairs = {"since": scope.since, "until": scope.until, "actor": scope.actor}
    return urlencode({k: str(v) for k, v in pairs.items() if v})


def make_router(
    store_path: str | Path, *, settings: Settings, pipeline: Callable[[], Pipeline]
) -> APIRouter:
    """Return the router answering from the store at `store_path`; /read runs `pipeline()`."""
    router = APIRouter()

    @contextmanager
    def opened() -> Iterator[Store]:
        try:
            store = Store(store_path, read_only=True)
        except StoreError as err:
            raise HTTPException(status_code=503, detail=str(err)) from err
        with store:
            yield store

    _add_listings(router, opened)
    _add_situation(router, opened)
    _add_read(router, settings, pipeline)

    @router.get("/summary")
    def summary() -> models.Summary:
        with opened() as store:
            s = summarize(store)
        return models.Summary(
            articles=s.articles, stories=s.stories, events=s.events, incidents=s.incidents,
            failures=s.failures, top_actors=list(s.top_actors), top_dyads=list(s.top_dyads),
        )  # fmt: skip

    @router.get("/health")
    def health() -> models.Health:
        with opened() as store:
            return models.Health(status="ok", store=str(store.path),
                                 articles=store.count("articles"),
                                 incidents=store.count("incidents"))  # fmt: skip

    return router


Opener = Callable[[], Any]  # the context manager yielding a read-only Store


def _add_listings(router: APIRouter, opened: Opener) -> None:
    @router.get("/articles")
    def articles(limit: Limit = 50, offset: Offset = 0) -> models.Page[models.ArticleItem]:
        with opened() as store:
            return _paged(models.ArticleItem, list_articles(store, limit=limit, offset=offset))

    @router.get("/articles/{article_id}", response_class=Response,
                responses={200: {"content": {"application/json": {}}}})  # fmt: skip
    def article(article_id: str) -> Response:
        with opened() as store:
            text = find_reading(store, article_id)
        if text is None:
            raise HTTPException(status_code=404, detail=f"no article with id {article_id!r}")
        return Response(content=text, media_type="application/json")

    @router.get("/stories")
    def stories(limit: Limit = 50, offset: Offset = 0) -> models.Page[models.StoryItem]:
        with opened() as store:
            return _paged(models.StoryItem, list_stories(store, limit=limit, offset=offset))

    @router.get("/failures")
    def failures(limit: Limit = 50, offset: Offset = 0) -> models.Page[models.FailureItem]:
        with opened() as store:
            return _paged(models.FailureItem, list_failures(store, limit=limit, offset=offset))

    @router.get("/events")
    def events(
        actor: Actor = None, type: str | None = None, since: Since = None, until: Until = None,
        place: str | None = None, limit: Limit = 50, offset: Offset = 0,
    ) -> models.Page[models.EventItem]:  # fmt: skip
        with opened() as store:
            result = find_events(store, actor=actor, type=type, since=since, until=until,
                                 place=place)  # fmt: skip
        return _paged(models.EventItem, page_of(result, limit=limit, offset=offset))

    @router.get("/actors")
    def actors(limit: Limit = 50, offset: Offset = 0) -> models.Page[models.ActorItem]:
        with opened() as store:
            result, total = find_actors(store, limit=offset + limit), count_actors(store)
        page = page_of(result, limit=limit, offset=offset)
        return _paged(models.ActorItem, Page(result=page.result, total=total, limit=limit,
                                             offset=offset))  # fmt: skip


def _add_situation(router: APIRouter, opened: Opener) -> None:
    @router.get("/incidents")
    def incidents(
        actor: Actor = None, type: str | None = None, since: Since = None, until: Until = None,
        limit: Limit = 50, offset: Offset = 0,
    ) -> models.Page[models.IncidentItem]:  # fmt: skip
        scope = Scope(since=since, until=until, actor=actor)
        with opened() as store:
            result = recent_incidents(store, scope, type=type, limit=limit, offset=offset)
            total = count_incidents(store, scope, type=type)
        return _paged(models.IncidentItem, Page(result=result, total=total, limit=limit,
                                                offset=offset))  # fmt: skip

    @router.get("/timeline")
    def dyad_timeline(
        dyad: Annotated[str, Query(description='two actor names: "Israel,Hezbollah"')],
    ) -> list[models.TimelineDay]:
        source, _, target = (part.strip() for part in dyad.partition(","))
        if not source or not target:
            raise HTTPException(status_code=422, detail='a dyad is two names and a comma: "A,B"')
        with opened() as store:
            days = timeline(store, source, target)
        return [models.TimelineDay(day=d.day, incidents=d.incidents, reports=d.reports,
                                   goldstein=d.goldstein) for d in days]  # fmt: skip

    @router.get("/network")
    def network(
        actor: Actor = None, since: Since = None, until: Until = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 30,
    ) -> models.NetworkOut:  # fmt: skip
        with opened() as store:
            net = actor_network(store, Scope(since=since, until=until, actor=actor), limit=limit)
        return models.NetworkOut.model_validate(net, from_attributes=True)

    @router.get("/escalation")
    def escalation_index(
        actor: Actor = None, since: Since = None, until: Until = None,
        period: Annotated[str, Query(pattern="^(day|week)$")] = "week",
    ) -> list[models.EscalationPoint]:  # fmt: skip
        with opened() as store:
            points = escalation(store, Scope(since=since, until=until, actor=actor),
                                period=period)  # fmt: skip
        return [models.EscalationPoint.model_validate(p, from_attributes=True) for p in points]

    @router.get("/report", response_class=PlainTextResponse)
    def report(actor: Actor = None, since: Since = None, until: Until = None) -> Response:
        with opened() as store:
            built = build_report(store, since=since, until=until, actor=actor)
        query = _query(built.scope)
        links = {name: f"plots/{name}.png" + (f"?{query}" if query else "") for name in PLOTS}
        return PlainTextResponse(render_markdown(built, links), media_type="text/markdown")

    @router.get("/plots/{name}.png", response_class=Response,
                responses={200: {"content": {"image/png": {}}}})  # fmt: skip
    def plot(name: str, actor: Actor = None, since: Since = None, until: Until = None) -> Response:
        if name not in PLOTS:
            known = ", ".join(PLOTS)
            raise HTTPException(status_code=404, detail=f"no plot {name!r}; plots: {known}")
        with opened() as store:
            built = build_report(store, since=since, until=until, actor=actor)
        return Response(content=render_png(PLOTS[name](built)), media_type="image/png")


def _add_read(router: APIRouter, settings: Settings, pipeline: Callable[[], Pipeline]) -> None:
    # spaCy's Language object is not documented as thread-safe and FastAPI runs sync routes
    # in a thread pool, so one reading runs at a time.
    lock = threading.Lock()

    @router.post("/read", response_class=Response,
                 responses={200: {"content": {"application/json": {}}}})  # fmt: skip
    def read(body: models.ReadRequest) -> Response:
        raw = body.raw
        if len(raw) > settings.max_bytes:
            raise HTTPException(status_code=413, detail=f"{body.source}: {len(raw):,} bytes, "
                                f"over the size cap of {settings.max_bytes:,}")  # fmt: skip
        with lock:
            reading = pipeline().run(Reading(source=body.source, raw=raw))
        return Response(content=to_json(reading), media_type="application/json")
