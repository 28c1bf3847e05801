"""The gazetteer's answers for names users meet in the news, against the real store."""

from __future__ import annotations

import pytest

from gazetteer.geo import distance_km

# name -> (kind, country, lat, lon, tolerance km) of the place that must come first
FIRST_PLACE = {
    "Mosul": ("city", "IQ", 36.335, 43.119, 10),
    "Tal Afar": ("city", "IQ", 36.377, 42.448, 10),
    "Raqqa": ("city", "SY", 35.953, 39.008, 10),
    "Raqa": ("city", "SY", 35.953, 39.008, 10),
    "Ar-Raqqah": ("city", "SY", 35.953, 39.008, 10),
    "Tikrit": ("city", "IQ", 34.616, 43.679, 10),
    "Al Bab": ("city", "SY", 36.370, 37.516, 10),
    "Aleppo": ("city", "SY", 36.202, 37.159, 10),
    "Baghdad": ("city", "IQ", 33.341, 44.401, 10),
    "Nineveh": ("admin1", "IQ", 36.2, 42.9, 150),
    "Syria": ("country", "SY", 35.0, 38.5, 250),
    "Iraq": ("country", "IQ", 33.0, 43.5, 250),
    "U.S.": ("country", "US", 39.5, -98.5, 1200),
    "Ohio": ("admin1", "US", 40.4, -82.8, 150),
    "Ky.": ("admin1", "US", 37.5, -85.3, 250),
    "Laurel County": ("admin2", "US", 37.11, -84.12, 40),
    "Alexandria": ("city", "EG", 31.2, 29.92, 20),
    "Washington": ("city", "US", 38.895, -77.036, 20),
}


@pytest.mark.parametrize("name", sorted(FIRST_PLACE))
def test_the_right_place_comes_first(gazetteer, name):
    kind, country, lat, lon, tolerance = FIRST_PLACE[name]
    best = gazetteer.lookup(name)[0]
    assert (best.kind, best.country) == (kind, country), best
    assert distance_km(best.lat, best.lon, lat, lon) <= tolerance, best


def test_euphrates_is_a_river_drawn_as_a_line(gazetteer):
    best = gazetteer.lookup("Euphrates")[0]
    assert best.kind == "river"
    assert best.geometry is not None and best.geometry.geom_type in ("LineString", "MultiLineString")
    # it flows through Syria and Iraq: the line passes near Raqqa and Fallujah
    assert best.geometry.distance(_point(39.01, 35.95)) < 0.3
    assert best.geometry.distance(_point(43.78, 33.35)) < 0.3


def test_euphrates_river_valley_is_a_region_in_syria_and_iraq(gazetteer):
    best = gazetteer.lookup("Euphrates river valley")[0]
    assert best.kind == "valley"
    assert best.geometry is not None and best.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert best.country in ("SY", "IQ")
    assert 33.0 <= best.lat <= 36.5 and 38.0 <= best.lon <= 44.0, "marker must not sit in Turkey"


def test_the_americas_are_both_continents_not_the_united_states(gazetteer):
    best = gazetteer.lookup("Americas")[0]
    assert best.kind == "region"
    assert best.geometry.contains(_point(-74.0, 40.7)) and best.geometry.contains(_point(-58.4, -34.6))
    assert not best.geometry.contains(_point(2.35, 48.86))


def test_a_name_towns_bear_as_their_own_is_not_a_big_citys_old_name(gazetteer):
    # "Franklin" is also an old name of Columbus, Ohio, and "Victoria" of Hong Kong
    franklin = gazetteer.lookup("Franklin", country="US")[0]
    assert (franklin.name, franklin.kind) == ("Franklin", "city")
    assert gazetteer.lookup("Victoria")[0].country != "HK"
    # nor, anywhere, another place's alternate name when it is not far bigger: "Cancun" is
    # Cancún, not Changchun (the article's context still makes Palmyra Syria's Tadmur)
    assert gazetteer.lookup("Cancun")[0].country == "MX"
    # but where the towns bearing it are far smaller, an old name still finds its city
    assert gazetteer.lookup("Bombay")[0].name == "Mumbai"


def test_alexandria_in_the_united_states(gazetteer):
    best = gazetteer.lookup("Alexandria", country="US")[0]
    assert best.country == "US" and best.admin1 in ("Louisiana", "Virginia")


def test_kind_filter(gazetteer):
    found = gazetteer.lookup("Nineveh", kind="admin1")
    assert found and all(c.kind == "admin1" for c in found)
    assert found[0].name == "Nineveh"


def test_forms_of_divisions(gazetteer):
    for name in ("Nineveh province", "Rapides Parish", "Laurel County"):
        assert gazetteer.lookup(name)[0].kind in ("admin1", "admin2"), name


def test_demonyms_point_at_their_country(gazetteer):
    for demonym, country in (("Iraqi", "IQ"), ("Syrians", "SY"), ("American", "US"),
                             ("Russian", "RU")):
        found = gazetteer.lookup(demonym, kind="demonym")
        assert found and found[0].country == country, demonym


def test_country_short_forms(gazetteer):
    for name, country in (("US", "US"), ("USA", "US"), ("America", "US"), ("UK", "GB"),
                          ("Britain", "GB")):
        best = gazetteer.lookup(name)[0]
        assert (best.kind, best.country) == ("country", country), name


def test_matching_forgives_case_accents_apostrophes_and_articles(gazetteer):
    expected = gazetteer.lookup("Tal Afar")[0].id
    for variant in ("tal afar", "TALL AFAR", "Tal ‘Afar", "Tal 'Afar", "Tall-Afar"):
        assert gazetteer.lookup(variant)[0].id == expected, variant


def test_fuzzy_match_finds_a_misspelling_but_ranks_below_exact(gazetteer):
    best = gazetteer.lookup("Tikrt")[0]
    assert best.geonameid == gazetteer.lookup("Tikrit")[0].geonameid and best.match == "fuzzy"
    assert best.score < gazetteer.lookup("Tikrit")[0].score
    assert gazetteer.lookup("Tikrt", fuzzy=False) == []


def test_words_two_names_share_do_not_make_them_alike(gazetteer):
    # "nyanza province" is 87% like "nyland province" (Uusimaa) on the whole key, 55% on the names
    assert gazetteer.lookup("Nyanza province") == []
    assert gazetteer.lookup("Sumatra province") == []
    # nor does a different direction, nor a place's name in another language ("Oplandt", Chester)
    assert [c.name for c in gazetteer.lookup("North Eastern Province")] == []
    assert gazetteer.lookup("Oppland") == []
    misspelt = gazetteer.lookup("Aleppo provence")[0]
    assert (misspelt.kind, misspelt.country, misspelt.match) == ("admin1", "SY", "fuzzy")


def test_doubled_letters_are_a_transliteration_variant(gazetteer):
    best = gazetteer.lookup("Mosull")[0]
    assert best.name == "Mosul" and best.match == "loose"


def test_airport_codes_are_not_city_names(gazetteer):
    assert all(c.kind != "city" for c in gazetteer.lookup("SDF"))


def test_unknown_and_empty_names(gazetteer):
    assert gazetteer.lookup("Qwxzvbnmlk") == []
    assert gazetteer.lookup("") == []
    assert gazetteer.lookup("  ...  ") == []


def test_limit(gazetteer):
    assert len(gazetteer.lookup("Alexandria", limit=3)) == 3


def test_info_counts(gazetteer):
    info = gazetteer.info()
    assert info["by_kind"]["city"] > 200_000
    assert info["by_kind"]["country"] > 200
    assert info["by_kind"]["admin1"] > 3000
    assert info["by_source"]["geomap-curated"] > 300
    assert info["size_bytes"] > 0


def _point(lon: float, lat: float):
    from shapely.geometry import Point
    return Point(lon, lat)


def test_a_corrupt_or_missing_store_is_named_not_opened(tmp_path):
    from gazetteer import Gazetteer, StoreError
    from gazetteer.lookup import is_current

    corrupt = tmp_path / "store.sqlite"
    corrupt.write_bytes(b"this is not a database" * 100)
    for path in (corrupt, tmp_path / "missing.sqlite"):
        assert not is_current(path)  # so `Gazetteer.open` rebuilds it by default
        with pytest.raises(StoreError, match="missing, out of date or damaged") as error:
            Gazetteer.open(path, build_if_needed=False)
        assert str(path) in str(error.value) and "geomap gazetteer build" in str(error.value)
