"""Read a chunk of inputs through the stages, one failure per bad input, never one per chunk.

`Pipeline.stream` chains the stages as generators, so one exception would end the whole
chunk. The stages before the first batched one (clean: where InputErrors come from) run per
input; the survivors then stream through the rest in nlp batches, and if anything raises
there, the chunk is re-run input by input to pin the failure on its input and stage.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from dateline.batch.sources import Page
from dateline.errors import DatelineError, InputError
from dateline.pipeline import Stage, let_go
from dateline.reading import Reading
from dateline.store.rows import Prepared, prepare
from dateline.store.store import Failure

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Read:
    """A page read into the rows it adds to the store (built here, in the reading process)."""

    prepared: Prepared
    content_hash: str
    fetched_at: str | None


Outcome = Read | Failure


def read_pages(pages: Sequence[Page], stages: Sequence[Stage]) -> list[Outcome]:
    """Return one outcome per page, in order: its reading, or the failure that stopped it."""
    readings = [Reading(source=page.source, raw=page.raw) for page in pages]
    outcomes: list[Outcome] = []
    for page, done in zip(pages, read_readings(readings, stages), strict=True):
        if isinstance(done, Failure):
            outcomes.append(replace(done, content_hash=page.content_hash))
        else:
            prepared = prepare(done, content_hash=page.content_hash)
            outcomes.append(Read(prepared=prepared, content_hash=page.content_hash,
                                 fetched_at=page.fetched_at))  # fmt: skip
    return outcomes


def read_readings(readings: Sequence[Reading], stages: Sequence[Stage]) -> list[Reading | Failure]:
    """Return each reading after the stages, or the failure that stopped it, in order."""
    first_batched = next((i for i, s in enumerate(stages) if s.many), len(stages))
    each, batched = tuple(stages[:first_batched]), tuple(stages[first_batched:])
    results: list[Reading | Failure] = [_run(r, each) for r in readings]
    survivors = [(i, r) for i, r in enumerate(results) if isinstance(r, Reading)]
    streamed = _stream([r for _, r in survivors], batched)
    for (index, _), done in zip(survivors, streamed, strict=True):
        results[index] = done
    return results


def _stream(readings: list[Reading], stages: tuple[Stage, ...]) -> list[Reading | Failure]:
    try:
        return list(_chain(readings, stages))
    except Exception:  # the batch runner catches (see _run)
        log.info("a batch of %d failed in stream; re-reading it one by one", len(readings))
        return [_run(reading, stages) for reading in readings]


def _chain(readings: Iterable[Reading], stages: tuple[Stage, ...]) -> Iterator[Reading]:
    flow: Iterable[Reading] = readings
    for step in stages:
        flow = step.run_many(flow)
    yield from map(let_go, flow)


def _run(reading: Reading, stages: tuple[Stage, ...]) -> Reading | Failure:
    for step in stages:
        try:
            reading = step(reading)
        # A stage still being built may raise anything; one bad page must not end a corpus run,
        # so the runner records it (STYLE.md: the batch runner catches, stores, goes on).
        except Exception as err:
            return failure_of(err, reading.source, "", step.name)
    return let_go(reading)


def read_one(reading: Reading, stages: Sequence[Stage]) -> Reading | Failure:
    """Return the reading after the stages, or the failure (any exception) that stopped it."""
    return _run(reading, tuple(stages))


def is_internal(failure: Failure) -> bool:
    """Return True when the failure is a bug of ours (a stray exception), not a bad input."""
    return failure.error not in _OUR_ERRORS


def _names(kind: type[BaseException]) -> set[str]:
    return {kind.__name__}.union(*(_names(sub) for sub in kind.__subclasses__()))


_OUR_ERRORS = frozenset(_names(DatelineError))


def failure_of(err: BaseException, source: str, content_hash: str, stage: str) -> Failure:
    """Return the failure row for an error raised while reading one input."""
    message = err.reason if isinstance(err, InputError) else str(err) or type(err).__name__
    return Failure(
        source=source, content_hash=content_hash, stage=stage, error=type(err).__name__,
        message=message,
    )  # fmt: skip
