"""Distances on the globe, for ranking places against each other and scoring geocoding error.

Distances are WGS84 geodesics from pyproj (Karney's algorithm), not a hand-written haversine on a
sphere: they differ by up to 0.5%, which moves no evaluation figure by more than rounding.
"""

from __future__ import annotations

import math

import numpy as np
from pyproj import Geod

# One ellipsoid for every call: building a Geod costs far more than using it.
WGS84 = Geod(ellps="WGS84")
# Length of a degree along the equator, of longitude there and near enough of latitude anywhere.
KM_PER_DEGREE = math.radians(WGS84.a) / 1000


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance between two WGS84 points.

    Called in resolution's loops, so it goes straight to the shared Geod's scalar `inv` (about
    1 microsecond a call against the haversine's 0.6; LGL's 588 documents make some 15,000 calls,
    a hundredth of a second in all) rather than through arrays or a new Geod."""
    return WGS84.inv(lon1, lat1, lon2, lat2)[2] / 1000


def distances_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray,
                 lon2: np.ndarray) -> np.ndarray:
    """`distance_km` over arrays of degrees, broadcast against each other (many points to one, or
    every pair of two sets), in one pyproj call; `Geod.inv` needs equal shapes, hence the
    broadcast."""
    lat1, lon1, lat2, lon2 = np.broadcast_arrays(*(np.asarray(v, dtype=float)
                                                   for v in (lat1, lon1, lat2, lon2)))
    return np.asarray(WGS84.inv(lon1, lat1, lon2, lat2)[2]) / 1000
