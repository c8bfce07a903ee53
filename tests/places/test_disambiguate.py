"""Disambiguation by story context and population, on entries built by hand."""

from __future__ import annotations

from dateline.places.disambiguate import Context, choose, story_context, widen
from dateline.places.gazetteer import Entry, Hit


def _city(name: str, country: str, population: int, **kw: object) -> Entry:
    return Entry(name, country, 0.0, 0.0, "city", population, **kw)  # type: ignore[arg-type]


PARIS_FR = _city("Paris", "FRA", 2_100_000, capital=True, admin1="FR.11")
PARIS_TX = _city("Paris", "USA", 25_000, admin1="US.TX")
PARIS_ON = _city("Paris", "CAN", 12_000, admin1="CA.08")
TEXAS = Entry("Texas", "USA", 31.0, -99.0, "region", 4_000_000, admin1="US.TX")
PARIS = (Hit(PARIS_FR, True), Hit(PARIS_TX, True), Hit(PARIS_ON, True))


def test_choose_defaults_to_the_most_populous_reading() -> None:
    assert choose(PARIS, Context()) is PARIS_FR


def test_choose_prefers_a_country_the_story_names() -> None:
    egypt = _city("Alexandria", "EGY", 3_800_000)
    louisiana = _city("Alexandria", "USA", 47_000)
    hits = (Hit(egypt, True), Hit(louisiana, True))
    assert choose(hits, Context()) is egypt
    assert choose(hits, Context(countries=frozenset({"USA"}))) is louisiana


def test_choose_prefers_a_region_the_story_names_over_its_country() -> None:
    context = Context(countries=frozenset({"USA", "CAN"}), regions=frozenset({"US.TX"}))
    assert choose(PARIS, context) is PARIS_TX


def test_choose_prefers_a_name_over_an_alias() -> None:
    renamed = _city("Engels", "RUS", 200_000)  # "Pokrovsk" is its old name
    town = _city("Pokrovsk", "UKR", 60_000)
    assert choose((Hit(renamed, False), Hit(town, True)), Context()) is town


def test_choose_takes_the_city_when_a_region_is_named_for_it() -> None:
    city = _city("Kyiv", "UKR", 2_900_000)
    region = Entry("Kyiv", "UKR", 50.3, 30.5, "region", 4_000_000, admin1="UA.13")
    assert choose((Hit(region, True), Hit(city, True)), Context()) is city


def test_choose_takes_a_curated_region_over_a_city_of_the_same_name() -> None:
    strip = Entry("Gaza Strip", "PSE", 31.4, 34.4, "region", 1_000_000, curated=True)
    city = _city("Gaza", "PSE", 410_000)
    assert choose((Hit(city, True), Hit(strip, True)), Context()) is strip


def test_choose_returns_none_without_hits() -> None:
    assert choose((), Context()) is None


def test_story_context_collects_named_countries_regions_and_extras() -> None:
    lebanon = Entry("Lebanon", "LBN", None, None, "country", 4_500_000)
    beirut_lb = _city("Beirut", "LBN", 1_900_000)
    beirut_us = _city("Beirut", "USA", 600)
    hit_lists = [
        (Hit(lebanon, True),),
        (Hit(TEXAS, True),),
        (Hit(beirut_lb, True), Hit(beirut_us, True)),
    ]
    context = story_context(hit_lists, extra=["ISR", None])
    assert context.countries == {"LBN", "USA", "ISR"}
    assert context.regions == {"US.TX"}
    assert choose((Hit(beirut_us, True), Hit(beirut_lb, True)), context) is beirut_lb


def test_widen_adds_the_countries_and_regions_of_chosen_places() -> None:
    context = widen(Context(countries=frozenset({"FRA"})), [PARIS_TX, TEXAS])
    assert context.countries == {"FRA", "USA"}
    assert context.regions == {"US.TX"}


def test_a_country_named_in_passing_does_not_place_a_prominent_city_in_it() -> None:
    # issue #9: a Syria story that names "US officials" once must not put Geneva in Illinois
    syria = Entry("Syria", "SYR", 35.0, 38.0, "country", 22_000_000)
    usa = Entry("United States", "USA", 39.0, -98.0, "country", 310_000_000)
    geneva_ch = _city("Geneva", "CHE", 184_000)
    geneva_il = _city("Geneva", "USA", 21_000)
    geneva = (Hit(geneva_il, True), Hit(geneva_ch, True))
    context = story_context([(Hit(syria, True),)] * 6 + [(Hit(usa, True),)])
    assert context.passing == {"USA"}
    assert choose(geneva, context) is geneva_ch
    # ... but a story about the United States keeps its own Geneva
    assert choose(geneva, story_context([(Hit(usa, True),)] * 3)) is geneva_il


def test_a_country_named_in_passing_is_still_that_country() -> None:
    usa = Entry("United States", "USA", 39.0, -98.0, "country", 310_000_000)
    lebanon = Entry("Lebanon", "LBN", 33.8, 35.8, "country", 4_500_000)
    lebanon_tn = _city("Lebanon", "USA", 30_000)
    context = story_context([(Hit(usa, True),)] * 6 + [(Hit(lebanon, True),)])
    assert choose((Hit(lebanon_tn, True), Hit(lebanon, True)), context) is lebanon


def test_a_named_region_makes_its_country_the_storys() -> None:
    usa = Entry("United States", "USA", 39.0, -98.0, "country", 310_000_000)
    ontario = Entry("Ontario", "CAN", 50.0, -85.0, "region", 13_000_000, admin1="CA.08")
    context = story_context([(Hit(usa, True),)] * 6 + [(Hit(ontario, True),)])
    assert "CAN" not in context.passing


def test_a_district_named_for_its_town_yields_to_the_town() -> None:
    # #9: "Bakhmut" bare is the town, not Bakhmut Raion, whatever their sizes.
    town = _city("Bakhmut", "UKR", 70_000, admin1="UA.05")
    raion = Entry("Bakhmut Raion", "UKR", 48.6, 38.0, "region", 400_000, admin1="UA.05",
                  admin2="UA.05.1402")  # fmt: skip
    assert choose((Hit(raion, False), Hit(town, True)), Context()) is town


def test_a_district_of_the_storys_country_beats_a_town_abroad() -> None:
    district = Entry("Zharey", "AFG", 31.6, 65.4, "region", 10_000, admin1="AF.23",
                     admin2="AF.23.2416")  # fmt: skip
    town = _city("Zary", "POL", 38_779)
    hits = (Hit(district, False), Hit(town, False))
    assert choose(hits, Context(countries=frozenset({"AFG"}))) is district
