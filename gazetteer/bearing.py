"""Points from a place, a compass direction and a distance ("30 km south of Mosul")."""

from __future__ import annotations

import math

from .geo import EARTH_RADIUS_KM

# Degrees clockwise from north.
COMPASS = {
    "north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
    "west": 270, "northwest": 315,
}


def destination(lat: float, lon: float, bearing_degrees: float, distance_km: float) -> tuple[float, float]:
    """The point `distance_km` from (lat, lon) along the great circle starting at the bearing."""
    phi, lam = math.radians(lat), math.radians(lon)
    theta = math.radians(bearing_degrees)
    delta = distance_km / EARTH_RADIUS_KM
    phi2 = math.asin(math.sin(phi) * math.cos(delta)
                     + math.cos(phi) * math.sin(delta) * math.cos(theta))
    lam2 = lam + math.atan2(math.sin(theta) * math.sin(delta) * math.cos(phi),
                            math.cos(delta) - math.sin(phi) * math.sin(phi2))
    return math.degrees(phi2), (math.degrees(lam2) + 540) % 360 - 180
