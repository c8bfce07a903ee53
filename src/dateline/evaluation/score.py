"""Score one reading against one gold file, layer by layer, as ../shared/GOLD.md says.

We wrote the scorer ourselves: the gold format (`dateline.gold/1`) is ours, and no library
scores fragment-anchored readings. Gold lists quotes, sources, times and quantities
completely, so every prediction there counts for precision; in actors, events and places only
predictions that name a gold item are judged, the rest are reported as extras. Matching is
one-to-one and optimal (best_picks), so a duplicate prediction counts against precision
instead of matching twice, and no early gold item uses up the prediction a later one needed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from dateline.evaluation.article import article_checks, interval_right
from dateline.evaluation.textmatch import (
    normalize,
    texts_overlap,
    token_overlap,
)
from dateline.reading import Actor, Event, Place, Reading

Gold = dict[str, Any]
T = TypeVar("T")
LAYERS = ("article", "actors", "quotes", "sources", "events", "times", "places", "quantities")
SPEAKER_OVERLAP = 0.6  # GOLD.md: descriptors match on 60% token overlap
CONTAINED_SHARE = 0.8  # GOLD.md: a quote inside the fragment must cover 80% of it
FAR_KM = 161  # 100 miles: the geoparsing literature's accuracy radius, when gold gives none


@dataclass(frozen=True, slots=True, kw_only=True)
class Tally:
    """An accuracy over the found items: `right` of `total`."""

    name: str
    right: int
    total: int

    @property
    def value(self) -> float:
        """Return right / total (1.0 when there is nothing to judge)."""
        return self.right / self.total if self.total else 1.0


@dataclass(frozen=True, slots=True, kw_only=True)
class LayerScore:
    """Precision, recall and F1 of one layer, with what was missed and what was extra."""

    layer: str
    found: int  # gold items found (recall's numerator)
    gold: int  # gold items counted: required ones, plus optional ones found
    correct: int  # predictions judged right (precision's numerator)
    predicted: int  # predictions judged (precision's denominator)
    tallies: tuple[Tally, ...] = ()
    misses: tuple[str, ...] = ()
    extras: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        """Return correct / predicted (0 when nothing was predicted but gold exists)."""
        if self.predicted:
            return self.correct / self.predicted
        return 0.0 if self.gold else 1.0

    @property
    def recall(self) -> float:
        """Return found / gold (1.0 when gold has nothing)."""
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class _Match:
    """Bookkeeping for one layer's greedy matching."""

    found: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)

    def record(self, item: Gold, hit: bool, label: str) -> None:
        optional = bool(item.get("optional"))
        if hit or not optional:
            self.gold += 1
        if hit:
            self.found += 1
        elif not optional:
            self.misses.append(label)


@dataclass(frozen=True, slots=True)
class _Context:
    """What every layer scorer needs: the reading and the gold actors' aliases."""

    reading: Reading
    aliases: dict[str, frozenset[str]]  # normalised gold actor name -> its normalised aliases
    actors: dict[str, Actor]

    def gold_names(self, name: str) -> frozenset[str]:
        key = normalize(name)
        return self.aliases.get(key, frozenset()) | {key}


def score_context(reading: Reading, gold: Gold) -> _Context:
    """Return what the layer scorers share: the reading, its actors and gold's aliases."""
    aliases = {
        normalize(a["name"]): frozenset(normalize(x) for x in a.get("aliases", ()))
        for a in gold.get("actors", ())
    }
    return _Context(reading, aliases, {a.id: a for a in reading.actors})


def score_reading(reading: Reading, gold: Gold) -> tuple[LayerScore, ...]:
    """Return one LayerScore per layer of GOLD.md, in LAYERS order."""
    ctx = score_context(reading, gold)
    scorers: dict[str, Callable[[_Context, Any], LayerScore]] = {
        "article": _score_article, "actors": _score_actors, "quotes": _score_quotes,
        "sources": _score_sources, "events": _score_events, "times": _score_times,
        "places": _score_places, "quantities": _score_quantities,
    }  # fmt: skip
    return tuple(scorers[layer](ctx, gold.get(layer) or {}) for layer in LAYERS)


# --- article ----------------------------------------------------------------------------


def _score_article(ctx: _Context, gold: Gold) -> LayerScore:
    article = ctx.reading.article
    if article is None or not gold:
        return LayerScore(layer="article", found=0, gold=1 if gold else 0, correct=0, predicted=0)
    checks = article_checks(article, gold)
    passed = sum(ok for _, ok in checks)
    misses = tuple(name for name, ok in checks if not ok)
    return LayerScore(
        layer="article", found=passed, gold=len(checks), correct=passed, predicted=len(checks),
        misses=misses,
    )  # fmt: skip


# --- actors, places ---------------------------------------------------------------------


def _actor_named(actor: Actor, names: frozenset[str]) -> bool:
    return bool(_actor_names(actor) & names)


def _actor_names(actor: Actor) -> set[str]:
    return {normalize(actor.name), *(normalize(m.text) for m in actor.mentions)}


def _score_actors(ctx: _Context, gold: Sequence[Gold]) -> LayerScore:
    predicted = ctx.reading.actors
    match, type_right, country_right = _Match(), 0, 0

    def weigh(item: Gold, actor: Actor) -> int:
        return found_weight(item, _actor_named(actor, names=ctx.gold_names(item["name"])))

    for item, pick in zip(gold, best_picks(gold, predicted, weigh), strict=True):
        _use(match, pick)
        match.record(item, pick is not None, item["name"])
        if pick is not None:
            type_right += predicted[pick].type == item.get("type")
            country_right += predicted[pick].country == item.get("country")
    all_names = (
        frozenset().union(*(ctx.gold_names(i["name"]) for i in gold)) if gold else frozenset()
    )
    judged = [i for i, a in enumerate(predicted) if _actor_names(a) & all_names]
    extras = tuple(a.name for a in predicted if not _actor_names(a) & all_names)
    tallies = (Tally(name="type", right=type_right, total=match.found),
               Tally(name="country", right=country_right, total=match.found))  # fmt: skip
    return _layer("actors", match, len(match.used), len(judged), tallies, extras)


def _score_places(ctx: _Context, gold: Sequence[Gold]) -> LayerScore:
    predicted = ctx.reading.places
    match = _Match()

    def weigh(item: Gold, place: Place) -> int:
        return found_weight(item, _place_right(place, gold=item))

    for item, pick in zip(gold, best_picks(gold, predicted, weigh), strict=True):
        _use(match, pick)
        match.record(item, pick is not None, item["name"])
    named = [i for i, p in enumerate(predicted) if any(_place_named(p, g["name"]) for g in gold)]
    extras = tuple(p.name for i, p in enumerate(predicted) if i not in named)
    return _layer("places", match, len(match.used), len(named), (), extras)


def _place_named(place: Place, name: str) -> bool:
    want = normalize(name)
    return want in normalize(place.name) or any(normalize(m.text) == want for m in place.mentions)


def _place_right(place: Place, gold: Gold) -> bool:
    if not _place_named(place, gold["name"]) or place.country != gold.get("country"):
        return False
    if gold.get("lat") is None or gold.get("lon") is None:
        return True
    if place.lat is None or place.lon is None:
        return False
    tolerance = float(gold.get("tolerance_km", FAR_KM))
    return haversine_km(place.lat, place.lon, gold["lat"], gold["lon"]) <= tolerance


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


# --- quotes, sources, times, quantities (gold lists them completely) ---------------------


def _score_quotes(ctx: _Context, gold: Sequence[Gold]) -> LayerScore:
    predicted = ctx.reading.quotes
    match, speaker_right = _Match(), 0

    def weigh(item: Gold, quote: Any) -> int:
        hit = _quote_covers(quote, want=normalize(item["fragment"]))
        return found_weight(item, hit, hit and _speaker_right(ctx, quote, item))

    for item, pick in zip(gold, best_picks(gold, predicted, weigh), strict=True):
        _use(match, pick)
        match.record(item, pick is not None, item["fragment"])
        if pick is not None:
            speaker_right += _speaker_right(ctx, predicted[pick], item)
    extras = tuple(q.text[:60] for i, q in enumerate(predicted) if i not in match.used)
    tallies = (Tally(name="speaker", right=speaker_right, total=match.found),)
    return _layer("quotes", match, len(match.used), len(predicted), tallies, extras)


def _quote_covers(quote: Any, want: str) -> bool:
    got = normalize(quote.text)
    return want in got or (got in want and len(got) >= CONTAINED_SHARE * len(want))


def _speaker_right(ctx: _Context, quote: Any, gold: Gold) -> bool:
    speaker = quote.speaker
    if speaker is None or speaker.kind != gold.get("speaker_kind"):
        return False
    names = ctx.gold_names(gold["speaker"])
    actor = ctx.actors.get(speaker.actor or "")
    if normalize(speaker.text) in names or (actor and _actor_names(actor) & names):
        return True
    return token_overlap(speaker.text, gold["speaker"]) >= SPEAKER_OVERLAP


def _score_sources(ctx: _Context, gold: Sequence[Gold]) -> LayerScore:
    predicted = ctx.reading.sources
    match, kind_right, count_right = _Match(), 0, 0

    def weigh(item: Gold, source: Any) -> int:
        hit = _fact_touches(source, fragment=item["fragment"])
        return found_weight(item, hit, hit and source.kind == item.get("kind"))

    for item, pick in zip(gold, best_picks(gold, predicted, weigh), strict=True):
        _use(match, pick)
        match.record(item, pick is not None, item["fragment"])
        if pick is not None:
            kind_right += predicted[pick].kind == item.get("kind")
            count_right += predicted[pick].count == item.get("count")
    extras = tuple(s.text for i, s in enumerate(predicted) if i not in match.used)
    tallies = (Tally(name="kind", right=kind_right, total=match.found),
               Tally(name="count", right=count_right, total=match.found))  # fmt: skip
    return _layer("sources", match, len(match.used), len(predicted), tallies, extras)


def _score_times(ctx: _Context, gold: Sequence[Gold]) -> LayerScore:
    predicted = ctx.reading.times
    match = _Match()

    def weigh(item: Gold, time: Any) -> int:
        return found_weight(item, _time_right(time, gold=item))

    for item, pick in zip(gold, best_picks(gold, predicted, weigh), strict=True):
        _use(match, pick)
        match.record(item, pick is not None, item["fragment"])
    extras = tuple(t.text for i, t in enumerate(predicted) if i not in match.used)
    return _layer("times", match, len(match.used), len(predicted), (), extras)


def _score_quantities(ctx: _Context, gold: Sequence[Gold]) -> LayerScore:
    predicted = ctx.reading.quantities
    match = _Match()

    def weigh(item: Gold, quantity: Any) -> int:
        return found_weight(item, _quantity_right(quantity, gold=item))

    for item, pick in zip(gold, best_picks(gold, predicted, weigh), strict=True):
        _use(match, pick)
        match.record(item, pick is not None, item["fragment"])
    extras = tuple(q.text for i, q in enumerate(predicted) if i not in match.used)
    return _layer("quantities", match, len(match.used), len(predicted), (), extras)


# --- events -----------------------------------------------------------------------------


def _score_events(ctx: _Context, gold: Sequence[Gold]) -> LayerScore:
    predicted = ctx.reading.events
    match, full, dated, date_right = _Match(), 0, 0, 0

    def weigh(item: Gold, event: Event) -> int:
        typed = evidence_overlaps(event, item) and same_type(event, item)
        return found_weight(item, typed, typed and _full_match(ctx, event, item))

    for item, pick in zip(gold, best_picks(gold, predicted, weigh), strict=True):
        if pick is not None:
            match.used.add(pick)
            full += _full_match(ctx, predicted[pick], item)
            if item.get("date"):
                dated += 1
                got = predicted[pick].date
                date_right += bool(got and interval_right(got.earliest, got.latest, item["date"]))
        match.record(item, pick is not None, item.get("id", item["evidence"][:40]))
    judged = sum(any(evidence_overlaps(e, g) for g in gold) for e in predicted)
    extras = tuple(f"{e.type} {e.evidence.text[:50]}" for i, e in enumerate(predicted)
                   if i not in match.used)  # fmt: skip
    tallies = (Tally(name="full", right=full, total=match.found),
               Tally(name="date", right=date_right, total=dated))  # fmt: skip
    return _layer("events", match, len(match.used), judged, tallies, extras)


def events_full_f1(score: LayerScore) -> LayerScore:
    """Return the events score counting only full matches (type, source, target, modality)."""
    full = next(t.right for t in score.tallies if t.name == "full")
    return LayerScore(layer="events (full)", found=full, gold=score.gold, correct=full,
                      predicted=score.predicted, tallies=score.tallies)  # fmt: skip


def evidence_overlaps(event: Event, gold: Gold) -> bool:
    """GOLD.md: a predicted event is about a gold one when their evidence texts overlap."""
    return texts_overlap(event.evidence.text, gold["evidence"])


# GOLD.md: an intended act of cooperation may be typed as the act or, as PLOVER does, as AGREE.
COOPERATION = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})


def same_type(event: Event, gold: Gold) -> bool:
    """Same PLOVER type or CAMEO root; intended cooperation matches AGREE (GOLD.md)."""
    if event.type == gold.get("type") or event.cameo[:2] == str(gold.get("cameo", ""))[:2]:
        return True
    intended = event.modality == gold.get("modality") == "intended"
    types = {event.type, gold.get("type")}
    return intended and "AGREE" in types and types <= COOPERATION


def same_modality(event: Event, gold: Gold) -> bool:
    """Equal modality; THREATEN is conditional by nature, so asserted counts too (GOLD.md)."""
    if event.modality == gold.get("modality"):
        return True
    loose = {"asserted", "conditional"}
    return event.type == "THREATEN" and {event.modality, gold.get("modality")} <= loose


def role_right(ctx: _Context, event: Event, gold: Gold, role: str) -> bool:
    """The gold actor is the event's source (target) or one of its co-sources (co-targets)."""
    if gold.get(role) is None:
        return True
    ids = (getattr(event, role), *getattr(event, f"co_{role}s"))
    return any(_actor_is(ctx, actor_id, gold[role]) for actor_id in ids)


def _full_match(ctx: _Context, event: Event, gold: Gold) -> bool:
    return same_modality(event, gold) and all(
        role_right(ctx, event, gold, role) for role in ("source", "target")
    )


def _actor_is(ctx: _Context, actor_id: str | None, gold_name: str) -> bool:
    actor = ctx.actors.get(actor_id or "")
    return bool(actor and _actor_names(actor) & ctx.gold_names(gold_name))


# --- shared -----------------------------------------------------------------------------


def best_picks(
    gold: Sequence[Gold], items: Sequence[T], weigh: Callable[[Gold, T], int]
) -> list[int | None]:
    """Return, for each gold item, the predicted item matched to it one-to-one, chosen so
    the total weight is the largest (0: no match). An optimal assignment, not a greedy one:
    a prediction used up by an earlier gold item must not hide a match a later one needed.
    Weights put required gold before optional and then reward the finer checks."""
    picks: list[int | None] = [None] * len(gold)
    if not gold or not items:
        return picks
    import numpy as np  # imported here: only scoring needs them
    from scipy.optimize import linear_sum_assignment

    weights = np.array([[weigh(g, item) for item in items] for g in gold], dtype=float)
    for row, col in zip(*linear_sum_assignment(weights, maximize=True), strict=True):
        if weights[row, col] > 0:
            picks[int(row)] = int(col)
    return picks


def found_weight(gold: Gold, hit: bool, bonus: bool = False) -> int:
    """A required gold item outweighs an optional one; a finer check right adds one."""
    if not hit:
        return 0
    return (2 if gold.get("optional") else 3) * 2 + int(bonus)


def _use(match: _Match, pick: int | None) -> None:
    if pick is not None:
        match.used.add(pick)


def _fact_touches(fact: Any, fragment: str) -> bool:
    """GOLD.md: a fact is found when its text overlaps the gold fragment (texts_overlap)."""
    return texts_overlap(fact.text, fragment)


def _time_right(time: Any, gold: Gold) -> bool:
    return _fact_touches(time, gold["fragment"]) and interval_right(
        time.earliest, time.latest, gold
    )


def _quantity_right(quantity: Any, gold: Gold) -> bool:
    if not _fact_touches(quantity, gold["fragment"]) or not math.isclose(
        quantity.value, gold["value"]
    ):
        return False
    return normalize(quantity.unit) == normalize(gold["unit"])


def _layer(
    name: str,
    match: _Match,
    correct: int,
    predicted: int,
    tallies: tuple[Tally, ...],
    extras: tuple[str, ...],
) -> LayerScore:
    return LayerScore(layer=name, found=match.found, gold=match.gold, correct=correct,
                      predicted=predicted, tallies=tallies, misses=tuple(match.misses),
                      extras=extras)  # fmt: skip
