"""A small store built from readings written by hand, for the API, report and dashboard tests.

Three articles in March 2024: two outlets report the same shelling (one incident, two
reports), one reports talks and a later attack; one article retells an old accord (dated only
by its year) as history. Events told "in" a place carry it, geocoded to made-up coordinates
in the user-assigned country codes XEA (Eastmark) and XWE (Westmark); "officials said" is the
source the first shelling report rests on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dateline.reading import (
    Actor,
    Article,
    Event,
    Interval,
    Mention,
    Place,
    Published,
    Reading,
    Source,
)
from dateline.store import Failure, Store
from dateline.store.incidents import rebuild_incidents

# Place names an event sentence may hold, with made-up coordinates and country codes.
PLACES = {"Eastmark depot": (48.2, 21.5, "XEA"), "Westmark": (47.5, 14.0, "XWE")}


@dataclass(frozen=True)
class Told:
    """One event sentence: who did what to whom, and when."""

    source: str
    target: str
    type: str
    cameo: str
    goldstein: float
    day: date
    sentence: str
    latest: date | None = None  # the interval's end when the text gives less than a day


ARTICLES: dict[str, tuple[date, str, tuple[Told, ...]]] = {
    "eastern-wire.html": (
        date(2024, 3, 4),
        "Eastern Wire",
        (
            Told("Eastmark", "Westmark", "ASSAULT", "195", -10.0, date(2024, 3, 4),
                 "Eastmark shelled border villages of Westmark on Monday, officials said."),
            Told("Eastmark", "Westmark", "AGREE", "057", 8.0, date(2019, 1, 1),
                 "Eastmark and Westmark signed a border accord in 2019.", date(2019, 12, 31)),
        ),
    ),
    "river-times.html": (
        date(2024, 3, 5),
        "River Times",
        (
            Told("Eastmark", "Westmark", "ASSAULT", "195", -10.0, date(2024, 3, 4),
                 "Villages of Westmark came under shelling by Eastmark on Monday."),
        ),
    ),
    "harbour-post.html": (
        date(2024, 3, 20),
        "Harbour Post",
        (
            Told("Riverland", "Eastmark", "CONSULT", "040", 1.0, date(2024, 3, 18),
                 "Envoys of Riverland met Eastmark ministers for talks on Monday."),
            Told("Westmark", "Eastmark", "ASSAULT", "190", -10.0, date(2024, 3, 19),
                 "Westmark fired rockets at an Eastmark depot on Tuesday."),
        ),
    ),
}  # fmt: skip


def make_reading(source: str, published: date, publisher: str, told: tuple[Told, ...]) -> Reading:
    """Return a reading whose text is the told sentences, with actors and events at offsets."""
    text = " ".join(t.sentence for t in told)
    article = Article(
        id=hashlib.sha256(text.encode()).hexdigest()[:16], source=source, publisher=publisher,
        url=f"https://{publisher.lower().replace(' ', '')}.example/{source}",
        headline=told[0].sentence[:40], body=text, text=text, language="en",
        published=Published(earliest=published, latest=published, basis="metadata"),
    )  # fmt: skip
    actors: dict[str, Actor] = {}
    places: dict[str, Place] = {}
    sources: list[Source] = []
    events = []
    for t in told:
        start = text.index(t.sentence)
        for name in (t.source, t.target):
            at = text.index(name, start)
            mention = Mention(text=name, start=at, end=at + len(name))
            old = actors.get(name) or Actor(
                id=f"a{len(actors) + 1}", name=name, type="state", country=None
            )
            actors[name] = Actor(id=old.id, name=name, type="state", country=None,
                                 mentions=(*old.mentions, mention))  # fmt: skip
        place = _place(t.sentence, places)
        said = _officials(text, start, t.sentence, sources)
        events.append(Event(
            id=f"e{len(events) + 1}", type=t.type, cameo=t.cameo, goldstein=t.goldstein,
            plover_score=None, source=actors[t.source].id, target=actors[t.target].id,
            modality="asserted", date=Interval(earliest=t.day, latest=t.latest or t.day),
            evidence=Mention(text=t.sentence, start=start, end=start + len(t.sentence)),
            place=place, attribution=said, confidence=0.9 if said else 0.6,
        ))  # fmt: skip
    return Reading(source=source, text=text, article=article, actors=tuple(actors.values()),
                   events=tuple(events), places=tuple(places.values()),
                   sources=tuple(sources))  # fmt: skip


def _place(sentence: str, places: dict[str, Place]) -> str | None:
    """Return the id of the first PLACES name in the sentence, adding it to `places`."""
    name = next((n for n in PLACES if n in sentence), None)
    if name is None:
        return None
    lat, lon, country = PLACES[name]
    found = places.setdefault(name, Place(id=f"p{len(places) + 1}", name=name,
                                          country=country, lat=lat, lon=lon))  # fmt: skip
    return found.id


def _officials(text: str, start: int, sentence: str, sources: list[Source]) -> str | None:
    """Return the id of an "officials" source in the sentence, adding it to `sources`."""
    if "officials said" not in sentence:
        return None
    at = text.index("officials", start)
    sources.append(Source(id=f"s{len(sources) + 1}", text="officials", kind="anonymous",
                          count=None, affiliation=None, start=at, end=at + 9))  # fmt: skip
    return sources[-1].id


def build_store(path: Path) -> Path:
    """Write the toy articles and one failure into a store at `path`; return the path."""
    with Store(path) as store:
        with store.transaction():
            for source, (published, publisher, told) in ARTICLES.items():
                reading = make_reading(source, published, publisher, told)
                store.write_reading(reading, content_hash=f"hash-{source}")
            failure = Failure(source="empty.html", content_hash="", stage="clean",
                              error="InputError", message="empty.html: 0 bytes")  # fmt: skip
            store.write_failure(failure)
        rebuild_incidents(store)
    return path
