"""The analyst's routes: paged listings, incidents, network, escalation, report, plots, /read.

Each route opens the store read only, calls one analytics (or report) function, and turns
its rows into the models of api/models.py; the logic lives in analytics/ and report/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from pydantic import BaseModel

from dateline.analytics import find_actors, summarize, timeline
from dateline.analytics.browse import (
    Page,
    count_actors,
    find_reading,
    list_articles,
    list_failures,
    list_stories,
)
from dateline.analytics.filters import Scope, parse_dyad
from dateline.analytics.listing import (
    Listing,
    Order,
    find_events,
    find_incident,
    find_incidents,
    find_reports,
)
from dateline.analytics.report_data import actor_network, escalation, types_per_day
from dateline.analytics.table import format_result
from dateline.api import models
from dateline.api.privacy import ShownStore, hide_paths
from dateline.api.readers import Readers
from dateline.config import Settings
from dateline.errors import StoreError
from dateline.reading import MODALITIES, PLOVER_TYPES
from dateline.report import (
    PLOTS,
    SituationReport,
    build_report,
    render_html,
    render_markdown,
    render_png,
)
from dateline.report.plots import plover_colours
from dateline.store import Result, Store

M = TypeVar("M", bound=BaseModel)
Limit = Annotated[int, Query(ge=1, le=1000, description="rows per page")]
# How long a request waits for an ingest's chunk to be written before its 503 (#10): a chunk
# takes well under a second; a rebuild of every incident can take longer, then retry.
STORE_WAIT_S = 5.0
# Bounded: an offset of 2**63 reached DuckDB and came back as HTTP 500 with its text (#10).
MAX_OFFSET = 1_000_000_000
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
Since = Annotated[date | None, Query(description="YYYY-MM-DD")]
Until = Annotated[date | None, Query(description="YYYY-MM-DD")]
Actor = Annotated[str | None, Query(description="an actor's name, or part of it")]
Format = Annotated[Literal["json", "csv"], Query(description="json (a page) or csv (its rows)")]
Period = Annotated[
    Literal["day", "week", "month"], Query(description="day, week (from its Monday) or month")
]
_CSV: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}}}}


def scope_of(
    since: Since = None,
    until: Until = None,
    actor: Actor = None,
    dyad: Annotated[
        str | None, Query(description='two names, either way: "Israel,Hezbollah"')
    ] = None,
    type: Annotated[str | None, Query(description="a PLOVER type: ASSAULT, REJECT ...")] = None,
    modality: Annotated[str | None, Query(description="asserted, negated, proposed ...")] = None,
    place: Annotated[str | None, Query(description="a place name, or part of it")] = None,
    country: Annotated[
        str | None, Query(description="ISO 3166 code: LBN or LB, UKR or UA ...")
    ] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> Scope:
    """Return the analyst's filters as a Scope (an InputError becomes a 422)."""
    return Scope(since=since, until=until, actor=actor, dyad=parse_dyad(dyad) if dyad else None,
                 type=type, modality=modality, place=place, country=country,
                 min_confidence=min_confidence)  # fmt: skip


Filters = Annotated[Scope, Depends(scope_of)]


def order_of(
    sort: Annotated[
        str,
        Query(
            description="date, published, goldstein, confidence, type, "
            "reports; a leading - sorts descending"
        ),
    ] = "-date",
    cursor: Annotated[str | None, Query(description="next_cursor of the page before")] = None,
    limit: Annotated[int, Query(ge=1, le=10_000, description="rows per page")] = 50,
    offset: Offset = 0,
) -> Order:
    """Return the sort and page asked for."""
    return Order(sort=sort, cursor=cursor, limit=limit, offset=offset)


Sorted = Annotated[Order, Depends(order_of)]


def _items(model: type[M], result: Result) -> list[M]:
    return [model.model_validate(dict(zip(result.columns, row, strict=True)))
            for row in result.rows]  # fmt: skip


def _listed(model: type[M], listing: Listing, order: Order, fmt: str) -> Any:
    if fmt == "csv":
        return Response(format_result(listing.result, "csv") + "\n", media_type="text/csv")
    return models.Page[model](  # type: ignore[valid-type]  # a runtime-parametrised generic
        items=_items(model, listing.result), total=listing.total, limit=listing.limit,
        offset=0 if order.cursor else order.offset, next_cursor=listing.next_cursor,
    )  # fmt: skip


def _paged(model: type[M], page: Page) -> models.Page[M]:
    return models.Page[model](  # type: ignore[valid-type]  # a runtime-parametrised generic
        items=_items(model, page.result), total=page.total, limit=page.limit, offset=page.offset
    )


def _query(scope: Scope) -> str:
    """Return a scope as a query string, so report links draw the same scope's plots."""
    pairs = {"since": scope.since, "until": scope.until, "actor": scope.actor,
             "dyad": ",".join(scope.dyad) if scope.dyad else None, "type": scope.type,
             "modality": scope.modality, "place": scope.place, "country": scope.country,
             "min_confidence": scope.min_confidence}  # fmt: skip
    return urlencode({k: str(v) for k, v in pairs.items() if v is not None})


def make_router(
    store_path: str | Path, *, settings: Settings, readers: Readers, show_paths: bool = False
) -> APIRouter:
    """Return the router answering from the store at `store_path`; /read asks `readers`."""
    router = APIRouter()

    @contextmanager
    def opened() -> Iterator[Store]:
        """Open the store for one request: an ingest writes it between requests (#10)."""
        kind = Store if show_paths else ShownStore
        try:
            store = kind(store_path, read_only=True, wait_s=STORE_WAIT_S)
        except StoreError as err:
            detail = str(err) if show_paths else hide_paths(str(err))
            raise HTTPException(503, detail, headers={"Retry-After": "1"}) from err
        with store:
            yield store

    _add_listings(router, opened)
    _add_situation(router, opened)
    _add_read(router, settings, readers)

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
            name = str(store.path) if show_paths else store.path.name
            return models.Health(status="ok", store=name,
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

    @router.get("/events", response_model=models.Page[models.EventItem], responses=_CSV)
    def events(scope: Filters, order: Sorted, format: Format = "json") -> Any:
        """Events in scope, newest first; every row leads back to its article and words."""
        with opened() as store:
            return _listed(models.EventItem, find_events(store, scope, order), order, format)

    @router.get("/events/{event_id}")
    def event(event_id: str) -> models.EventDetail:
        """One event with its report: the article text, the evidence's offsets, attribution."""
        with opened() as store:
            reports = _items(models.ReportItem, find_reports(store, event_id=event_id))
        if not reports:
            raise HTTPException(status_code=404, detail=f"no event with id {event_id!r}")
        return models.EventDetail(event=_event_of(reports[0]), report=reports[0])

    @router.get("/actors")
    def actors(limit: Limit = 50, offset: Offset = 0) -> models.Page[models.ActorItem]:
        with opened() as store:
            result = find_actors(store, limit=limit, offset=offset)
            total = count_actors(store)
        return _paged(models.ActorItem, Page(result=result, total=total, limit=limit,
                                             offset=offset))  # fmt: skip


def _add_situation(router: APIRouter, opened: Opener) -> None:
    @router.get("/incidents", response_model=models.Page[models.IncidentItem], responses=_CSV)
    def incidents(scope: Filters, order: Sorted, format: Format = "json") -> Any:
        """Incidents in scope (one event however many reports), newest first."""
        with opened() as store:
            listing = find_incidents(store, scope, order)
        return _listed(models.IncidentItem, listing, order, format)

    @router.get("/incidents/{incident_id}")
    def incident(incident_id: str) -> models.IncidentDetail:
        """One incident with every report of it: headline, outlet, URL, date, the words."""
        with opened() as store:
            found = _items(models.IncidentItem, find_incident(store, incident_id))
            reports = _items(models.ReportItem, find_reports(store, incident_id=incident_id))
        if not found:
            raise HTTPException(status_code=404, detail=f"no incident with id {incident_id!r}")
        return models.IncidentDetail(incident=found[0], reports=reports)

    @router.get("/vocabulary")
    def vocabulary() -> models.Vocabulary:
        """The words the type and modality filters take, and each type's colour."""
        return models.Vocabulary(types=list(PLOVER_TYPES), modalities=list(MODALITIES),
                                 colours=plover_colours())  # fmt: skip

    @router.get("/types")
    def types(scope: Filters, period: Period = "day") -> list[models.TypeCount]:
        """Incidents per day or week and PLOVER type (background left out), oldest first."""
        with opened() as store:
            rows = types_per_day(store, scope, period=period)
        return [models.TypeCount(start=r.day, type=r.type, incidents=r.incidents) for r in rows]

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
        scope: Filters, limit: Annotated[int, Query(ge=1, le=500)] = 30
    ) -> models.NetworkOut:
        """The heaviest dyads in scope as weighted edges, with the actors they join."""
        with opened() as store:
            net = actor_network(store, scope, limit=limit)
        return models.NetworkOut.model_validate(net, from_attributes=True)

    @router.get("/escalation")
    def escalation_index(scope: Filters, period: Period = "week") -> list[models.EscalationPoint]:
        """Minus the mean Goldstein score of the incidents per day or week: up is escalation."""
        with opened() as store:
            points = escalation(store, scope, period=period)
        return [models.EscalationPoint.model_validate(p, from_attributes=True) for p in points]

    @router.get("/report", response_class=PlainTextResponse)
    def report(scope: Filters) -> Response:
        """The situation report of the scope's period (default: its last 30 days), Markdown."""
        built, links = _report(scope)
        return PlainTextResponse(render_markdown(built, links), media_type="text/markdown")

    @router.get("/report.html", response_class=HTMLResponse)
    def report_html(scope: Filters) -> Response:
        """The situation report as one HTML page, its figures drawn by /plots."""
        built, links = _report(scope)
        return HTMLResponse(render_html(built, links))

    def _report(scope: Scope) -> tuple[SituationReport, dict[str, str]]:
        with opened() as store:
            built = build_report(store, scope)
        query = _query(built.scope)  # the period's real dates, so plots draw the same period
        return built, {name: f"plots/{name}.png" + (f"?{query}" if query else "") for name in PLOTS}

    @router.get("/plots/{name}.png", response_class=Response,
                responses={200: {"content": {"image/png": {}}}})  # fmt: skip
    def plot(name: str, scope: Filters) -> Response:
        """One of the report's figures (types_per_day, escalation, top_dyads, network)."""
        if name not in PLOTS:
            known = ", ".join(PLOTS)
            raise HTTPException(status_code=404, detail=f"no plot {name!r}; plots: {known}")
        with opened() as store:
            built = build_report(store, scope)
        return Response(content=render_png(PLOTS[name](built)), media_type="image/png")


def _event_of(report: models.ReportItem) -> models.EventItem:
    """Return the event row of a report (the same columns, less the article text)."""
    fields = report.model_dump()
    fields["id"] = fields.pop("event_id")  # extra fields (article_text ...) are ignored
    fields["article_source"] = fields["source"]
    return models.EventItem.model_validate(fields)


def _add_read(router: APIRouter, settings: Settings, readers: Readers) -> None:
    @router.post("/read", response_class=Response,
                 responses={200: {"content": {"application/json": {}}}})  # fmt: skip
    def read(body: models.ReadRequest) -> Response:
        raw = body.raw
        if len(raw) > settings.max_bytes:
            raise HTTPException(status_code=413, detail=f"{body.source}: {len(raw):,} bytes, "
                                f"over the size cap of {settings.max_bytes:,}")  # fmt: skip
        return Response(content=readers.read(body.source, raw), media_type="application/json")
