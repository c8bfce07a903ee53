"""A toy pipeline for batch and store tests: they test the store, not the NLP stages.

`toy_clean` decodes and strips tags (raising InputError on empty or binary input, as the
real clean stage does); `toy_batched` has a batched form like nlp's parse; `toy_events`
codes sentences of the form "Alpha attacked Beta on 2024-03-05." as ASSAULT events.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from dateline.errors import InputError
from dateline.pipeline import Stage, stage
from dateline.reading import Actor, Article, Event, Interval, Mention, Published, Reading

_TAG = re.compile(r"<[^>]+>")
_EVENT = re.compile(
    r"(?P<source>[A-Z]\w+) attacked (?P<target>[A-Z]\w+) on (?P<day>\d{4}-\d\d-\d\d)\."
)
_PUBLISHED = re.compile(r"Published (\d{4}-\d\d-\d\d)")


@stage(needs={"raw"}, fills={"article", "text"})
def toy_clean(reading: Reading) -> Reading:
    if not reading.raw:
        raise InputError(reading.source, "0 bytes, nothing to read")
    if b"\x00" in reading.raw[:1024]:
        raise InputError(reading.source, "binary data, not a page")
    text = " ".join(_TAG.sub(" ", reading.raw.decode("utf-8")).split())
    published = _PUBLISHED.search(text)
    day = date.fromisoformat(published.group(1)) if published else None
    article = Article(
        id=hashlib.sha256(text.encode()).hexdigest()[:16],
        source=reading.source,
        headline=text[:40],
        body=text,
        text=text,
        language="en",
        published=Published(earliest=day, latest=day, basis="metadata" if day else "none"),
    )
    return replace(reading, article=article, text=text)


def _batched(readings: Iterable[Reading]) -> Iterator[Reading]:
    yield from (toy_batched.func(r) for r in readings)


@stage(needs={"text"}, fills={"notes"}, many=_batched)
def toy_batched(reading: Reading) -> Reading:
    return replace(reading, notes=(*reading.notes, f"{len(reading.text)} chars"))


@stage(needs={"text"}, fills={"actors", "events"})
def toy_events(reading: Reading) -> Reading:
    actors: dict[str, Actor] = {}
    events = []
    for match in _EVENT.finditer(reading.text):
        for role in ("source", "target"):
            name = match.group(role)
            mention = Mention(text=name, start=match.start(role), end=match.end(role))
            old = actors.get(name) or Actor(
                id=f"a{len(actors) + 1}", name=name, type="state", country=None
            )
            actors[name] = replace(old, mentions=(*old.mentions, mention))
        day = date.fromisoformat(match.group("day"))
        events.append(
            Event(
                id=f"e{len(events) + 1}",
                type="ASSAULT",
                cameo="190",
                goldstein=-10.0,
                plover_score=None,
                source=actors[match.group("source")].id,
                target=actors[match.group("target")].id,
                modality="asserted",
                evidence=Mention(text=match.group(0), start=match.start(), end=match.end()),
                date=Interval(earliest=day, latest=day),
            )
        )
    return replace(reading, actors=tuple(actors.values()), events=tuple(events))


TOY_STAGES: tuple[Stage, ...] = (toy_clean, toy_batched, toy_events)
