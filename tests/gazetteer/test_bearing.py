import pytest

from gazetteer.bearing import COMPASS, destination
from gazetteer.geo import distance_km


@pytest.mark.parametrize("bearing, north, east", [
    (0, 1, 0), (90, 0, 1), (180, -1, 0), (270, 0, -1), (45, 1, 1), (225, -1, -1)])
def test_destination_is_at_the_distance_in_the_direction(bearing, north, east):
    lat, lon = destination(36.335, 43.119, bearing, 30)
    assert distance_km(36.335, 43.119, lat, lon) == pytest.approx(30, rel=1e-3)
    for moved, sign in ((lat - 36.335, north), (lon - 43.119, east)):
        assert (abs(moved) < 1e-3) if sign == 0 else (moved * sign > 0.05)


def test_destination_across_the_antimeridian():
    lat, lon = destination(0, 179.9, 90, 50)
    assert lat == pytest.approx(0, abs=1e-9)
    assert lon == pytest.approx(-179.6508, abs=1e-4)


def test_destination_along_a_surveyed_line():
    # Flinders Peak, 54,972.271 m at 306°52'05.37" (the geodetic survey's worked example).
    lat, lon = destination(-(37 + 57 / 60 + 3.72030 / 3600), 144 + 25 / 60 + 29.52440 / 3600,
                           306 + 52 / 60 + 5.37 / 3600, 54.972271)
    assert lat == pytest.approx(-(37 + 39 / 60 + 10.15610 / 3600), abs=1e-6)
    assert lon == pytest.approx(143 + 55 / 60 + 35.38390 / 3600, abs=1e-6)


def test_destination_by_compass_word():
    lat, lon = destination(36.335, 43.119, COMPASS["south"], 30)
    assert (lat, lon) == pytest.approx((36.0646, 43.119), abs=1e-4)
