import pytest

from gazetteer.bearing import destination
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
    assert -180 <= lon < -179.4
