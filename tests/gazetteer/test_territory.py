"""Province points at the centre of their land, estimated from the country's outline and cities."""

from __future__ import annotations

import pytest
from shapely.geometry import MultiPolygon, box

from gazetteer.geo import distance_km
from gazetteer.territory import division_centres

# A 10 x 4 degree country on the equator.
STRIP = box(0, 0, 10, 4)


def test_a_division_is_placed_at_its_land_not_among_its_cities():
    # West has many cities crowded on its western edge, East one city near its far end: the land
    # between belongs to whichever city is nearer, so the boundary runs at longitude 5.
    west = [("west", lat, lon) for lat in (0.5, 1.5, 2.5, 3.5) for lon in (0.2, 0.8)]
    centres = division_centres(STRIP, [*west, ("east", 2.0, 9.2)])
    assert centres["west"][1] == pytest.approx(2.5, abs=0.3)
    assert centres["east"][1] == pytest.approx(7.5, abs=0.3)
    assert centres["west"][0] == pytest.approx(2.0, abs=0.2)


def test_land_far_from_every_city_belongs_to_no_division():
    overseas = MultiPolygon([STRIP, box(60, 0, 64, 4)])
    centres = division_centres(overseas, [("only", 2.0, 5.0)])
    assert centres["only"][1] == pytest.approx(5.0, abs=0.3)


def test_a_division_across_the_antimeridian_is_centred_on_it():
    island = MultiPolygon([box(178, -18, 180, -16), box(-180, -18, -178, -16)])
    cities = [("fiji-like", -17.0, 179.5), ("fiji-like", -17.0, -179.5)]
    lat, lon = division_centres(island, cities)["fiji-like"]
    assert abs(lon) == pytest.approx(180, abs=0.3)
    assert lat == pytest.approx(-17.0, abs=0.2)


def test_a_crescent_keeps_its_point_on_its_own_land():
    # An L-shaped division: the centre of mass falls in the notch, which is another's land.
    corner = [("ell", lat, 0.5) for lat in (0.5, 1.5, 2.5, 3.5)]
    corner += [("ell", 0.5, lon) for lon in (1.5, 2.5, 3.5)]
    centres = division_centres(box(0, 0, 4, 4), [*corner, ("notch", 3.0, 3.0)])
    lat, lon = centres["ell"]
    assert lat < 2.1 or lon < 2.1


def test_a_town_filed_under_a_far_division_does_not_move_it():
    # West's forty towns cover the western half; one more filed under West sits among East's.
    west = [("west", lat, lon / 4) for lat in (0.5, 1.5, 2.5, 3.5) for lon in range(1, 20, 2)]
    east = [("east", 2.0, 6.0), ("east", 0.5, 8.0), ("east", 3.5, 8.0), ("east", 2.0, 9.8)]
    straying = division_centres(STRIP, [*west, *east, ("west", 2.0, 8.0)])
    right = division_centres(STRIP, [*west, *east])
    assert straying["west"] == pytest.approx(right["west"], abs=0.01)
    assert straying["east"] == pytest.approx(right["east"], abs=0.01)
    assert right["west"][1] < 3.5 < right["east"][1]


def test_a_division_in_two_well_settled_parts_keeps_both():
    # Two islands, each with many of the division's towns: neither is a stray, so the centre of
    # their land lies on the big one, nearer the small one than the big one's own middle (2.0).
    islands = MultiPolygon([box(0, 0, 4, 2), box(6, 0, 7, 2)])
    towns = [("isles", lat / 2, lon / 2) for lat in range(1, 4) for lon in range(1, 8)]
    towns += [("isles", lat / 2, 6.5) for lat in range(1, 4)]
    lat, lon = division_centres(islands, towns)["isles"]
    assert lon == pytest.approx(2.9, abs=0.15)


def test_land_across_the_antimeridian_is_not_cut_off():
    # forty towns west of 180°, one just east: one body of land, the east end no stray's
    globe_spanning = MultiPolygon([box(170, -18, 180, -16), box(-180, -18, -178, -16)])
    towns = [("east-west", -17.0, 170.5 + lon / 4) for lon in range(40)]
    towns.append(("east-west", -17.0, -179.0))
    lat, lon = division_centres(globe_spanning, towns)["east-west"]
    assert lon == pytest.approx(176.0, abs=0.4)  # 175.0 without the land east of 180°


def test_too_small_a_division_is_left_to_the_caller():
    # A town hemmed in by its neighbour's cities gets less land than MIN_CELLS grid cells.
    big = [("big", lat / 10 + 0.05, lon / 10 + 0.05) for lat in range(40) for lon in range(100)]
    centres = division_centres(STRIP, [*big, ("speck", 2.5, 5.5)])
    assert "big" in centres
    assert "speck" not in centres


def test_no_cities_no_centres():
    assert division_centres(STRIP, []) == {}


# Centres of provinces whose cities crowd one edge (Wikipedia's coordinates for each province).
PROVINCE_CENTRES = {
    ("Ontario", "CA"): (50.0, -85.0),
    ("Quebec", "CA"): (52.0, -72.0),
    ("Queensland", "AU"): (-22.5, 144.5),
    ("Western Australia", "AU"): (-26.0, 121.0),
    # GeoNames files a few Tibetan villages under these, and Tokyo runs to islands 1,000 km south.
    ("Hebei", "CN"): (39.3, 116.7),
    ("Heilongjiang", "CN"): (48.0, 128.0),
    ("Tokyo", "JP"): (35.7, 139.7),
}


@pytest.mark.parametrize(("name", "country"), sorted(PROVINCE_CENTRES))
def test_provinces_in_the_store_sit_at_the_middle_of_their_land(gazetteer, name, country):
    province = gazetteer.lookup(name, country=country, kind="admin1")[0]
    assert distance_km(province.lat, province.lon, *PROVINCE_CENTRES[name, country]) < 200
