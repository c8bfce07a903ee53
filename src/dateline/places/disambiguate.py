"""Choose which gazetteer entry a name means, given what the story is about.

The score is a log-population prior plus bonuses: the entry lies in a country or first-level
region the story names, the name is the entry's own name rather than an alias, the entry is a
country or a capital, or it comes from the curated supplement (written for news usage).
Weights were set by hand on sentences in tests/places and checked on the geoparsing benchmark
(GeoWebNews, LGL): a bare "Paris" is Paris, FRA; "Paris" in a story naming Texas is Paris, USA.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from dateline.places.gazetteer import Entry, Hit

CONTEXT_BONUS = 3.0  # in a country the story is about: outweighs 1,000x population
# In a country the story names only in passing (#9: "US and UK officials" in a Syria story
# must not put Geneva in Illinois): a nudge, not a verdict. A country is the story's when it
# has at least FOCUS_SHARE of the mentions of the most mentioned one, or a region of it is
# named. FOCUS_SHARE was set on the geoparsing benchmark's full sets (LGL, GeoWebNews,
# TR-News, GeoVirus): at 0.34 a Canadian city in a story mostly about US towns went to
# England; at 0.2 one LGL toponym of 2,315 ("Petersburg" in a US airline story) moves.
PASSING_BONUS = 0.5
FOCUS_SHARE = 0.2
REGION_BONUS = 2.0  # in a state or province the story names ("Alexandria" in a Louisiana story)
EXACT_BONUS = 1.5  # "Pokrovsk" the town, not the old name of another town
COUNTRY_BONUS = 2.0  # "Georgia" is the country unless the story is about the US
CAPITAL_BONUS = 1.5  # "Washington" the capital, not the state
CURATED_BONUS = 2.0  # "Gaza" the Strip, as news uses it, over the city of the same name
CITY_SHARE = 10  # a city with a tenth of a region's (damped) population beats the region


@dataclass(frozen=True, slots=True)
class Context:
    """The countries (ISO alpha-3) and first-level regions (admin1 codes) a story names."""

    countries: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    passing: frozenset[str] = frozenset()  # of `countries`, those named only in passing


def score(hit: Hit, context: Context) -> float:
    """Return how likely this hit is what the story means."""
    entry = hit.entry
    named = entry.country in context.countries
    # A country the story names is itself named in full, however often; "passing" is about
    # the towns that might lie in it.
    focus = named and (entry.kind == "country" or entry.country not in context.passing)
    bonuses = (
        (focus, CONTEXT_BONUS),
        (named and not focus, PASSING_BONUS),
        (entry.admin1 in context.regions, REGION_BONUS),
        (hit.exact, EXACT_BONUS),
        (entry.kind == "country", COUNTRY_BONUS),
        (entry.capital, CAPITAL_BONUS),
        (entry.curated, CURATED_BONUS),
    )
    return hit.prior + sum(bonus for applies, bonus in bonuses if applies)


def choose(hits: Iterable[Hit], context: Context) -> Entry | None:
    """Return the best entry among the hits, or None when there are none."""
    best = max(_cities_over_regions(tuple(hits)), key=partial(score, context=context), default=None)
    return best.entry if best else None


def _cities_over_regions(hits: tuple[Hit, ...]) -> list[Hit]:
    """Drop regions named for a big city of theirs: "New York", "Kyiv", "Idlib" in news mean
    the city far more often, and the region mostly lies within reach of it anyway. A town that
    shares a state's name ("California") is too small to count. A district goes for a town
    of its name in its country, of any size ("Bakhmut" is the town, not the raion). Curated
    regions stay: the supplement lists "Gaza" under the Strip on purpose."""
    biggest: dict[str | None, int] = {}
    for hit in hits:
        if hit.entry.kind == "city":
            country = hit.entry.country
            biggest[country] = max(biggest.get(country, 0), hit.entry.population)
    return [h for h in hits if not _named_for_city(h.entry, biggest)]


def _named_for_city(entry: Entry, biggest: dict[str | None, int]) -> bool:
    if entry.kind != "region" or entry.curated:
        return False
    if entry.admin2 is not None:  # a district bearing a town's name is named for its seat (#9)
        return entry.country in biggest
    return biggest.get(entry.country, 0) * CITY_SHARE >= entry.population


def story_context(
    hit_lists: Iterable[tuple[Hit, ...]], *, extra: Iterable[str | None] = ()
) -> Context:
    """Return the countries and regions a story names: each name whose likeliest reading is a
    country or region, or lies in the only country the name can mean, and that no context
    could overturn (so "Georgia" alone commits to nothing), plus the `extra` countries (the
    dateline's, the actors')."""
    counts = Counter(c for c in extra if c)
    regions, regioned = set(), set()
    for hits in hit_lists:
        best = _settled(hits)
        if best is None or best.country is None:
            continue
        if best.kind in ("country", "region") or len({h.entry.country for h in hits}) == 1:
            counts[best.country] += 1
        # A district does not name its region: "Madison County" is in twenty states, and the
        # likeliest one would pull the story's Huntsville to Alabama (#9, LGL).
        if best.kind == "region" and best.admin1 and best.admin2 is None:
            regions.add(best.admin1)
            regioned.add(best.country)
    top = max(counts.values(), default=0)
    # A story that names a province or state of a country is set in it ("London, Ontario").
    passing = {c for c, n in counts.items() if n < FOCUS_SHARE * top and c not in regioned}
    return Context(frozenset(counts), frozenset(regions), frozenset(passing))


def _settled(hits: tuple[Hit, ...]) -> Entry | None:
    """Return the best reading of a name when it beats every reading in another country by
    more than the context bonus, else None."""
    scored = sorted(((score(h, Context()), h.entry) for h in _cities_over_regions(hits)),
                    key=_first, reverse=True)  # fmt: skip
    if not scored:
        return None
    top, best = scored[0]
    rivals = [value for value, entry in scored[1:] if entry.country != best.country]
    return best if not rivals or top - rivals[0] > CONTEXT_BONUS else None


def _first(pair: tuple[float, Entry]) -> float:
    return pair[0]


def widen(context: Context, chosen: Iterable[Entry]) -> Context:
    """Return the context with the countries and regions of the entries chosen so far."""
    chosen = list(chosen)
    countries = {e.country for e in chosen if e.country}
    regions = {e.admin1 for e in chosen if e.admin1 and e.kind in ("city", "region")
               and e.admin2 is None}  # fmt: skip
    # A country named in passing stays so: a place the first pass put there (on the passing
    # bonus) does not make it the story's subject.
    return Context(context.countries | countries, context.regions | regions, context.passing)
