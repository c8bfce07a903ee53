"""Read a chunk of pages through the stages, one failure per bad input, never one per chunk.

`Pipeline.stream` chains the stages as generators, so one exception would end the whole
chunk. The stages before the first batched one (clean: where InputErrors come from) run per
page; the survivors then stream through the rest in nlp batches, and if anything raises
there, the chunk is re-run page by page to pin the failure on its input and stage.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from dateline.batch.sources import Page
from dateline.errors import InputError
from dateline.pipeline import Stage
from dateline.reading import Reading
from dateline.store.store import Failure

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Read:
    """A page read into a reading (the Doc dropped: it stays out of the store)."""

    reading: Reading
    content_hash: str
    fetched_at: str | None


Outcome = Read | Failure


def split_stages(stages: Sequence[Stage]) -> tuple[tuple[Stage, ...], tuple[Stage, ...]]:
    """Return (stages run page by page, stages streamed in batches)."""
    first_batched = next((i for i, s in enumerate(stages) if s.many), len(stages))
    return tuple(stages[:first_batched]), tuple(stages[first_batched:])


def read_pages(pages: Sequence[Page], stages: Sequence[Stage]) -> list[Outcome]:
    """Return one outcome per page, in order: its reading, or the failure that stopped it."""
    each, batched = split_stages(stages)
    outcomes: list[Outcome | None] = []
    survivors: list[tuple[int, Reading]] = []
    for page in pages:
        result = _run(Reading(source=page.source, raw=page.raw), each, page)
        outcomes.append(result if isinstance(result, Failure) else None)
        if isinstance(result, Reading):
            survivors.append((len(outcomes) - 1, result))
    for (index, _), done in zip(survivors, _stream(survivors, batched, pages), strict=True):
        outcomes[index] = done
    return [o for o in outcomes if o is not None]


def _stream(
    survivors: list[tuple[int, Reading]], stages: tuple[Stage, ...], pages: Sequence[Page]
) -> Iterator[Outcome]:
    readings = [r for _, r in survivors]
    try:
        done = list(_chain(readings, stages))
    except Exception:  # the batch runner catches (see _run)
        log.info("a batch of %d failed in stream; re-reading it page by page", len(readings))
        for index, reading in survivors:
            result = _run(reading, stages, pages[index])
            yield result if isinstance(result, Failure) else _read(result, pages[index])
        return
    for (index, _), reading in zip(survivors, done, strict=True):
        yield _read(reading, pages[index])


def _chain(readings: Iterable[Reading], stages: tuple[Stage, ...]) -> Iterator[Reading]:
    flow: Iterable[Reading] = readings
    for step in stages:
        flow = step.run_many(flow)
    yield from flow


def _run(reading: Reading, stages: tuple[Stage, ...], page: Page) -> Reading | Failure:
    for step in stages:
        try:
            reading = step(reading)
        # A stage still being built may raise anything; one bad page must not end a corpus run,
        # so the runner records it (STYLE.md: the batch runner catches, stores, goes on).
        except Exception as err:
            return failure_of(err, page.source, page.content_hash, step.name)
    return reading


def failure_of(err: BaseException, source: str, content_hash: str, stage: str) -> Failure:
    """Return the failure row for an error raised while reading one input."""
    message = err.reason if isinstance(err, InputError) else str(err) or type(err).__name__
    return Failure(
        source=source, content_hash=content_hash, stage=stage, error=type(err).__name__,
        message=message,
    )  # fmt: skip


def _read(reading: Reading, page: Page) -> Read:
    light = replace(reading, raw=b"", doc=None)
    return Read(reading=light, content_hash=page.content_hash, fetched_at=page.fetched_at)
