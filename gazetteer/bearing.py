"""Points from a place, a compass direction and a distance ("30 km south of Mosul")."""

from __future__ import annotations

from .geo import WGS84

# Degrees clockwise from north.
COMPASS = {
    "north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
    "west": 270, "northwest": 315,
}


def destination(lat: float, lon: float, bearing_degrees: float, distance_km: float) -> tuple[float, float]:
    """(lat, lon) of the point `distance_km` from (lat, lon) along the WGS84 geodesic that starts
    at the bearing (pyproj's forward problem; longitudes come back within -180..180)."""
    lon2, lat2, _ = WGS84.fwd(lon, lat, bearing_degrees, distance_km * 1000)
    return lat2, lon2
