"""Choose which gazetteer entry a name means, given the story's countries.

The score is a log-population prior plus bonuses: the entry lies in a country the story is
about, the name is the entry's own name rather than an alias, the entry is a country or a
capital, or it comes from the curated supplement (written for news usage). Weights were set
by hand on sentences in tests/places and checked on the geoparsing benchmark (GeoWebNews,
LGL); e.g. a bare "Paris" is Paris, FRA, but "Paris" in a story about Texas is Paris, USA.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import partial

from dateline.places.gazetteer import Entry, Hit

CONTEXT_BONUS = 3.0  # the entry is in a country the story names: outweighs 1,000x population
EXACT_BONUS = 1.5  # "Pokrovsk" the town, not the old name of another town
COUNTRY_BONUS = 2.0  # "Georgia" is the country unless the story is about the US
CAPITAL_BONUS = 1.5  # "Washington" the capital, not the state
CURATED_BONUS = 2.0  # "Gaza" the Strip, as news uses it, over the city of the same name


def score(hit: Hit, context: frozenset[str]) -> float:
    """Return how likely this hit is what the story means."""
    entry = hit.entry
    value = hit.prior
    if entry.country in context:
        value += CONTEXT_BONUS
    if hit.exact:
        value += EXACT_BONUS
    if entry.kind == "country":
        value += COUNTRY_BONUS
    if entry.capital:
        value += CAPITAL_BONUS
    if entry.curated:
        value += CURATED_BONUS
    return value


def choose(hits: Iterable[Hit], context: frozenset[str]) -> Entry | None:
    """Return the best entry among the hits, or None when there are none."""
    best = max(hits, key=partial(score, context=context), default=None)
    return best.entry if best else None


def story_countries(
    hit_lists: Iterable[tuple[Hit, ...]], *, extra: Iterable[str | None] = ()
) -> frozenset[str]:
    """Return the countries a story is about: countries named in it and `extra` (dateline,
    actors), plus the country of any name whose every reading lies in one country."""
    found: Counter[str] = Counter(c for c in extra if c)
    for hits in hit_lists:
        countries = {h.entry.country for h in hits}
        named_country = any(h.entry.kind == "country" and h.exact for h in hits)
        if named_country or len(countries) == 1:
            best = max(hits, key=_prior)
            if best.entry.country:
                found[best.entry.country] += 1
    return frozenset(found)


def _prior(hit: Hit) -> float:
    return hit.prior + (COUNTRY_BONUS if hit.entry.kind == "country" else 0.0)
