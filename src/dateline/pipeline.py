"""Stage, @stage, Pipeline and DEFAULT_STAGES: the one ordered list of stages.

A stage is a function `Reading -> Reading` that declares the Reading fields it needs and
fills. `Pipeline` checks when built, not on article 10,000, that every need is filled by an
earlier stage. English-only stages (everything after nlp) skip a reading in another
language and say so in `reading.notes` rather than guess.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from dateline.errors import PipelineError
from dateline.reading import Reading

StageFunc = Callable[[Reading], Reading]
ManyFunc = Callable[[Iterable[Reading]], Iterator[Reading]]

# What a Reading holds before any stage runs.
GIVEN = frozenset({"source", "raw"})


@dataclass(frozen=True, slots=True)
class Stage:
    """A named step with the Reading fields it needs and fills."""

    name: str
    func: StageFunc
    needs: frozenset[str]
    fills: frozenset[str]
    many: ManyFunc | None = None  # a batched form, for stages that gain from batches
    english_only: bool = False

    def __call__(self, reading: Reading) -> Reading:
        if self.english_only and not is_english(reading):
            return _skip(reading, self.name)
        return self.func(reading)

    def run_many(self, readings: Iterable[Reading]) -> Iterator[Reading]:
        """Yield each reading after this stage, in batches where the stage has a batched form."""
        if self.many is None:
            yield from (self(r) for r in readings)
            return
        yield from self.many(readings)


def stage(
    *,
    needs: set[str],
    fills: set[str],
    many: ManyFunc | None = None,
    english_only: bool = False,
) -> Callable[[StageFunc], Stage]:
    """Wrap a `Reading -> Reading` function in a Stage."""

    def wrap(func: StageFunc) -> Stage:
        return Stage(func.__name__, func, frozenset(needs), frozenset(fills), many, english_only)

    return wrap


def is_english(reading: Reading) -> bool:
    """Return True when the article is English (or its language is unknown)."""
    language = reading.article.language if reading.article else None
    return language in (None, "en")


def _skip(reading: Reading, name: str) -> Reading:
    language = reading.article.language if reading.article else None
    note = f"{name}: skipped, the article is in {language!r} and this layer reads English only"
    return replace(reading, notes=(*reading.notes, note))


class Pipeline:
    """Stages run in order over one reading (`run`) or a stream of them (`stream`)."""

    def __init__(self, stages: Iterable[Stage]) -> None:
        self.stages = tuple(stages)
        _check_wiring(self.stages)

    def run(self, reading: Reading) -> Reading:
        """Return the reading after every stage."""
        for step in self.stages:
            reading = step(reading)
        return let_go(reading)

    def stream(self, readings: Iterable[Reading]) -> Iterator[Reading]:
        """Yield readings after every stage, chaining stages as generators."""
        flow: Iterable[Reading] = readings
        for step in self.stages:
            flow = step.run_many(flow)
        yield from map(let_go, flow)

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Return the stage names in order."""
        return tuple(s.name for s in self.stages)


def let_go(reading: Reading) -> Reading:
    """Return the reading with the stages' memos on its Doc dropped, once every stage ran."""
    if reading.doc is not None:
        from dateline.nlp.text import forget  # only once a Doc exists: spaCy is loaded

        forget(reading.doc)
    return reading


def _check_wiring(stages: tuple[Stage, ...]) -> None:
    filled = set(GIVEN)
    for step in stages:
        missing = step.needs - filled
        if missing:
            raise PipelineError(
                f"stage {step.name!r} needs {', '.join(sorted(missing))}, "
                "which no earlier stage fills"
            )
        filled |= step.fills


# Stages, or a function that builds them: an ingest hands its reading processes the builder,
# so the writing process never imports the stages' code (spaCy alone is 87 MiB of it, #12).
StageSource = tuple[Stage, ...] | Callable[[], tuple[Stage, ...]]


def built(source: StageSource) -> tuple[Stage, ...]:
    """Return the stages of a source: the tuple itself, or what the builder builds."""
    return source() if callable(source) else source


def default_stages() -> tuple[Stage, ...]:
    """Return DEFAULT_STAGES (imported here so `dateline.pipeline` loads no stage code)."""
    from dateline.actors import find_actors
    from dateline.clean import clean_article
    from dateline.events import code_events
    from dateline.nlp import parse
    from dateline.places import find_places
    from dateline.quantities import find_quantities
    from dateline.quotes import find_quotes
    from dateline.sources import find_sources
    from dateline.times import resolve_times

    return (
        clean_article,
        parse,
        find_actors,
        find_quotes,
        find_sources,
        resolve_times,
        find_places,
        find_quantities,
        code_events,
    )


def default_pipeline() -> Pipeline:
    """Return the Pipeline of every default stage."""
    return Pipeline(default_stages())
