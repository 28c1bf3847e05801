"""Where two countries meet: the shared border line, and the point of it nearest somewhere."""

from __future__ import annotations

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from .model import Place

# Outlines are simplified, so neighbours' edges do not coincide exactly: this much slack (degrees).
EDGE_SLACK = 0.02


def shared_border(first: Place, second: Place) -> BaseGeometry | None:
    """The line where two countries' outlines meet, or None if they do not touch."""
    if first.geometry is None or second.geometry is None:
        return None
    line = first.geometry.boundary.intersection(second.geometry.buffer(EDGE_SLACK))
    return None if line.is_empty or line.length == 0 else line


def nearest_on(line: BaseGeometry, lat: float, lon: float) -> tuple[float, float]:
    """(lat, lon) of the point of `line` nearest to (lat, lon)."""
    point = nearest_points(line, Point(lon, lat))[0]
    return point.y, point.x
