"""WGS84 distances (pyproj's geodesics), pinned on a surveyed line and on the ellipsoid's size."""

import numpy as np
import pytest

from gazetteer.geo import KM_PER_DEGREE, distance_km, distances_km

# Flinders Peak to Buninyong (Victoria): the geodetic survey's worked example, 54,972.271 m.
FLINDERS_PEAK = (-(37 + 57 / 60 + 3.72030 / 3600), 144 + 25 / 60 + 29.52440 / 3600)
BUNINYONG = (-(37 + 39 / 60 + 10.15610 / 3600), 143 + 55 / 60 + 35.38390 / 3600)


def test_distance_of_a_surveyed_line():
    assert distance_km(*FLINDERS_PEAK, *BUNINYONG) == pytest.approx(54.972271, abs=1e-3)


def test_distances_on_the_ellipsoid_not_a_sphere():
    # A quarter meridian is 10,001.966 km; a degree of the equator 111.319 km.
    assert distance_km(0, 0, 90, 0) == pytest.approx(10001.966, abs=1e-3)
    assert distance_km(0, 10, 0, 11) == pytest.approx(111.319, abs=1e-3)
    assert KM_PER_DEGREE == pytest.approx(111.319, abs=1e-3)
    assert distance_km(36.335, 43.119, 36.335, 43.119) == 0


def test_distances_broadcast_every_pair_and_many_to_one():
    lats = np.array([36.335, 33.3406, FLINDERS_PEAK[0]])
    lons = np.array([43.119, 44.4009, FLINDERS_PEAK[1]])
    pairs = distances_km(lats[:, None], lons[:, None], lats[None, :], lons[None, :])
    assert pairs.shape == (3, 3)
    for i in range(3):
        for j in range(3):
            assert pairs[i, j] == pytest.approx(distance_km(lats[i], lons[i], lats[j], lons[j]))
    to_mosul = distances_km(lats, lons, 36.335, 43.119)
    assert to_mosul.tolist() == pytest.approx(pairs[:, 0].tolist())
    # Baghdad to Mosul: 352.9 km on the mean sphere, 0.2% less on the ellipsoid.
    assert to_mosul[1] == pytest.approx(352.27, abs=0.01)
