"""The JSON shapes of the API's answers (pydantic lives in api/ only, STYLE.md).

Row models mirror the columns of the analytics queries they are filled from, by name, so
a column added to a query shows up here or fails loudly in the tests.
"""

from __future__ import annotations

from datetime import date
from typing import Generic, TypeVar

from pydantic import BaseModel, Field, model_validator

Item = TypeVar("Item", bound=BaseModel)


class Page(BaseModel, Generic[Item]):
    """One page of a listing: its items and the listing's total size."""

    items: list[Item]
    total: int
    limit: int
    offset: int
    next_cursor: str | None = Field(
        default=None, description="pass as ?cursor= for the next page; null on the last page"
    )


class Summary(BaseModel):
    articles: int
    stories: int
    events: int
    incidents: int
    failures: int
    top_actors: list[tuple[str, int]]
    top_dyads: list[tuple[str, str, int]]


class Health(BaseModel):
    status: str
    store: str
    articles: int
    incidents: int


class ArticleItem(BaseModel):
    id: str
    headline: str | None
    publisher: str | None
    published_earliest: date | None
    published_latest: date | None
    source: str
    url: str | None
    story_id: str
    language: str | None
    events: int


class StoryItem(BaseModel):
    id: str
    articles: int
    headline: str | None
    publishers: list[str] | None
    earliest: date | None
    latest: date | None


class Interval(BaseModel):
    """When something happened, as the text allows: a day, a month, a year or a range."""

    earliest: date | None
    latest: date | None
    precision: str = Field(description="day | month | year | range | unknown")


class EventItem(BaseModel):
    """One event as one article told it, with everything that leads back to its words."""

    id: str
    incident_id: str | None
    article_id: str
    type: str
    mode: str | None
    cameo: str | None
    cameo_label: str | None
    goldstein: float | None
    source_name: str | None
    target_name: str | None
    co_source_names: str | None = Field(
        default=None, description='the other sources of a coordinated act, "; "-joined'
    )
    co_target_names: str | None = Field(
        default=None, description='the other targets of a coordinated act, "; "-joined'
    )
    modality: str | None
    confidence: float | None
    attribution: str | None = Field(description="the id of the quote or source it rests on")
    earliest: date | None
    latest: date | None
    precision: str = Field(description="day | month | year | range | unknown")
    date_basis: str
    background: bool
    place_name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    text: str = Field(description="the evidence: article_text[start:end]")
    start: int
    end: int
    headline: str | None
    publisher: str | None
    url: str | None
    article_source: str = Field(description="the input the article was read from")
    published: date | None


class IncidentItem(BaseModel):
    """One event however many reports told it; its place is its first placed report's."""

    id: str
    type: str
    source_name: str | None
    target_name: str | None
    place_name: str | None
    earliest: date | None
    latest: date | None
    precision: str
    reports: int
    articles: int
    stories: int
    goldstein: float | None
    background: bool
    lat: float | None
    lon: float | None
    country: str | None


class ReportItem(BaseModel):
    """One report of an event: the article, the evidence at its offsets, what it rests on."""

    event_id: str
    incident_id: str | None
    article_id: str
    headline: str | None
    publisher: str | None
    url: str | None
    source: str
    published: date | None
    type: str
    mode: str | None
    cameo: str | None
    cameo_label: str | None
    goldstein: float | None
    source_name: str | None
    target_name: str | None
    co_source_names: str | None = None  # as in EventItem
    co_target_names: str | None = None
    modality: str | None
    confidence: float | None
    earliest: date | None
    latest: date | None
    precision: str
    date_basis: str
    background: bool
    place_name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    text: str
    start: int
    end: int
    attribution: str | None
    attribution_kind: str | None = Field(description="quote | source | null")
    attribution_text: str | None
    attribution_speaker: str | None
    attribution_start: int | None
    attribution_end: int | None
    article_text: str


class IncidentDetail(BaseModel):
    """An incident with every report of it, earliest published first."""

    incident: IncidentItem
    reports: list[ReportItem]


class EventDetail(BaseModel):
    """An event with its report (the article and evidence) and its incident's id."""

    event: EventItem
    report: ReportItem


class Vocabulary(BaseModel):
    types: list[str]
    modalities: list[str]
    colours: dict[str, str] = Field(description="a colour per PLOVER type, as the plots use")


class TypeCount(BaseModel):
    start: date
    type: str
    incidents: int


class ActorItem(BaseModel):
    name: str
    type: str | None
    country: str | None
    articles: int
    mentions: int
    key: str | None = None  # the actor's stable id across articles and re-reads (#9)


class FailureItem(BaseModel):
    source: str
    content_hash: str
    stage: str
    error: str
    message: str


class TimelineDay(BaseModel):
    day: date
    incidents: int
    reports: int
    goldstein: float


class EscalationPoint(BaseModel):
    start: date
    incidents: int
    conflict: int
    goldstein: float
    index: float


class NodeOut(BaseModel):
    name: str
    incidents: int


class EdgeOut(BaseModel):
    source: str
    target: str
    incidents: int
    goldstein: float


class NetworkOut(BaseModel):
    nodes: list[NodeOut]
    edges: list[EdgeOut]


class ReadRequest(BaseModel):
    """An article to read without storing it: its text or its HTML, not both."""

    text: str | None = None
    html: str | None = None
    source: str = Field(default="<posted>", description="a name for the input in messages")

    @model_validator(mode="after")
    def _one_of_text_or_html(self) -> ReadRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError('give exactly one of "text" or "html"')
        return self

    @property
    def raw(self) -> bytes:
        """Return the posted article as bytes for the clean stage."""
        return (self.text if self.text is not None else self.html or "").encode("utf-8")
