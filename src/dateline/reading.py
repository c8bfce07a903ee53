"""The reading: one record that flows through every stage, and its JSON form.

`Reading` is filled stage by stage (clean -> nlp -> actors -> quotes -> sources -> times ->
places -> quantities -> events). `to_json` / `to_dict` produce the `dateline.reading/1`
contract of ../shared/READING.md; `from_dict` reads it back (the store and the Dask path
round-trip through it). Every fact carries `text`, `start`, `end` with
`reading.text[start:end] == text`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from dateline.errors import PipelineError

if TYPE_CHECKING:
    from spacy.tokens import Doc

SCHEMA = "dateline.reading/1"

ACTOR_TYPES = (
    "state", "government", "military", "police", "armed_group", "party", "igo", "ngo",
    "media", "company", "person", "population", "other",
)  # fmt: skip
SPEAKER_KINDS = ("named", "organization", "publication", "anonymous")
MODALITIES = (
    "asserted", "negated", "proposed", "demanded", "conditional", "intended", "hypothetical",
)  # fmt: skip
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
PUBLISHED_BASES = ("metadata", "inferred", "none")


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A stretch of `reading.text` that names something."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Interval:
    """Days from `earliest` to `latest`, both included; None is open on that side."""

    earliest: date | None
    latest: date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Published:
    """When the article appeared, and how we know: metadata, inferred or none."""

    earliest: date | None = None
    latest: date | None = None
    basis: str = "none"
    evidence: str | None = None  # why an inferred interval is what it is


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline:
    """The place and wire that open a story: `BEIRUT (Reuters) -`."""

    place: str | None
    wire: str | None
    text: str = ""  # the dateline as written, kept out of the body


@dataclass(frozen=True, slots=True, kw_only=True)
class Caption:
    """A photo caption, kept apart from the body, with its credit."""

    text: str
    credit: str | None
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Removed:
    """A line or block the clean stage took out, and why (nothing is silently dropped)."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """The clean article; `text` is what every offset in the reading refers to."""

    id: str
    source: str
    publisher: str | None = None
    headline: str = ""
    standfirst: str | None = None
    byline: tuple[str, ...] = ()
    dateline: Dateline | None = None
    published: Published = field(default_factory=Published)
    date_line: str | None = None  # the page's date line as shown; in `text` after the standfirst
    captions: tuple[Caption, ...] = ()
    body: str = ""
    text: str = ""
    body_start: int = 0  # where `body` begins inside `text`
    removed: tuple[Removed, ...] = ()
    language: str | None = None
    url: str | None = None
    kind: str = "html"  # html | text: how the input was read


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """Someone or something that acts in the story, resolved to a canonical name."""

    id: str
    name: str
    type: str
    country: str | None
    mentions: tuple[Mention, ...] = ()
    role: str | None = None  # a person's title: "U.S. envoy"
    part_of: str | None = None  # the id of the actor this one belongs to
    code: str | None = None  # CAMEO-style actor code where known: "ISRMIL"


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """Who a quote is attributed to."""

    text: str
    actor: str | None  # actor id
    kind: str  # one of SPEAKER_KINDS
    affiliation: str | None  # ISO alpha-3, or an actor name for groups
    count: int | None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """Words attributed to a speaker, direct (in quotation marks) or reported."""

    id: str
    text: str
    direct: bool
    speaker: Speaker | None
    cue: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """An attribution the story rests on: "three Lebanese officials and a European diplomat"."""

    id: str
    text: str
    kind: str  # one of SPEAKER_KINDS
    count: int | None
    affiliation: str | None
    start: int
    end: int
    via: str | None = None  # the publication a source spoke to: "Financial Times"
    actor: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Time:
    """A time expression resolved to an interval of days."""

    text: str
    earliest: date | None
    latest: date | None
    start: int
    end: int
    value: str | None = None  # TIMEX3-style value: "2024-01-16", "2024-W02", "P1W", "FUTURE_REF"
    type: str = "DATE"  # TIMEX3 type: DATE, TIME, DURATION, SET


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A place named in the story, geocoded from the shipped gazetteer."""

    id: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    mentions: tuple[Mention, ...] = ()
    kind: str = "place"  # country, region, city, feature
    geonameid: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A number with its unit in the story's terms: 7 km, 15,000 soldiers."""

    text: str
    value: float
    unit: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Who did what to whom, when, where, and on whose word."""

    id: str
    type: str  # PLOVER event type
    cameo: str
    goldstein: float  # CAMEO's Goldstein scale
    plover_score: float | None  # the PLOVER manual's score; the scales disagree
    source: str | None  # actor id
    target: str | None  # actor id
    modality: str  # one of MODALITIES
    evidence: Mention
    date: Interval | None = None
    place: str | None = None  # place id
    attribution: str | None = None  # quote or source id
    confidence: float = 0.5
    mode: str | None = None  # PLOVER mode
    trigger: Mention | None = None  # the verb or noun that names the event
    cameo_label: str | None = None  # "assassinate"
    # A coordinated pair is one act ("X and Y attacked Z"): the other parties' actor ids.
    co_sources: tuple[str, ...] = ()
    co_targets: tuple[str, ...] = ()
    also: tuple[Mention, ...] = ()  # the same act told again: headline, caption, summary box


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    """One input, read: the clean article and every fact found in it."""

    source: str  # path or URL; every error message starts with it
    raw: bytes = b""  # the input as read; clean/ decodes it
    text: str = ""  # the clean text all offsets refer to (== article.text)
    article: Article | None = None
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources: tuple[Source, ...] = ()
    events: tuple[Event, ...] = ()
    times: tuple[Time, ...] = ()
    places: tuple[Place, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    notes: tuple[str, ...] = ()  # what a stage could not do and why ("actors: language de")
    doc: Doc | None = field(default=None, repr=False, compare=False)  # memory only

    def require_doc(self) -> Doc:
        """Return the spaCy Doc, or raise if the nlp stage has not run."""
        if self.doc is None:
            raise PipelineError(f"{self.source}: no Doc yet; run the nlp stage first")
        return self.doc

    def require_article(self) -> Article:
        """Return the clean article, or raise if the clean stage has not run."""
        if self.article is None:
            raise PipelineError(f"{self.source}: no article yet; run the clean stage first")
        return self.article


# --- JSON --------------------------------------------------------------------------------

_OMIT = frozenset({"raw", "doc", "text", "source"})  # kept in memory or inside `article`


def to_dict(reading: Reading) -> dict[str, Any]:
    """Return the reading as the plain dict of the READING.md contract."""
    out: dict[str, Any] = {"schema": SCHEMA}
    out["article"] = _plain(reading.article) if reading.article else None
    for f in fields(Reading):
        if f.name not in _OMIT and f.name != "article":
            out[f.name] = _plain(getattr(reading, f.name))
    return out


def to_json(reading: Reading, *, indent: int | None = 1) -> str:
    """Return the reading as `dateline.reading/1` JSON."""
    return json.dumps(to_dict(reading), ensure_ascii=False, indent=indent)


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    return value


# `fields()` rebuilds its tuple at every call, and a reading's JSON visits 1,500 facts (#12).
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    if (names := _FIELD_NAMES.get(kind)) is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(kind))
    return names


def from_dict(data: dict[str, Any]) -> Reading:
    """Return the Reading a `to_dict` result describes (without raw bytes or Doc)."""
    if data.get("schema") != SCHEMA:
        raise PipelineError(f"not a {SCHEMA} reading: schema is {data.get('schema')!r}")
    article = _build(Article, data["article"]) if data.get("article") else None
    reading = Reading(
        source=article.source if article else "",
        text=article.text if article else "",
        article=article,
    )
    parts = {
        "actors": Actor, "quotes": Quote, "sources": Source, "events": Event,
        "times": Time, "places": Place, "quantities": Quantity,
    }  # fmt: skip
    built: dict[str, Any] = {
        name: tuple(_build(cls, item) for item in data.get(name, ())) for name, cls in parts.items()
    }
    return replace(reading, notes=tuple(data.get("notes", ())), **built)


def from_json(text: str) -> Reading:
    """Return the Reading a `to_json` string describes."""
    return from_dict(json.loads(text))


# Which nested fields hold which dataclass; dates are rebuilt from ISO strings.
_NESTED: dict[str, type] = {
    "dateline": Dateline, "published": Published, "captions": Caption, "removed": Removed,
    "mentions": Mention, "speaker": Speaker, "evidence": Mention, "trigger": Mention,
    "also": Mention,
    "date": Interval,
}  # fmt: skip
_DATES = frozenset({"earliest", "latest"})


def _build(cls: type, data: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name in _DATES and value is not None:
            value = date.fromisoformat(value)
        elif f.name in _NESTED and isinstance(value, dict):
            value = _build(_NESTED[f.name], value)
        elif f.name in _NESTED and isinstance(value, list):
            value = tuple(_build(_NESTED[f.name], v) for v in value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[f.name] = value
    return cls(**kwargs)
