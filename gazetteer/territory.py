"""The land each province or state covers, estimated from its cities, and the centre of that land.

No registry package ships first-level boundaries, but the country's outline and its cities are
enough: every patch of the country belongs to the division of its nearest city (a Voronoi estimate
of the boundaries), and a division's point is the centre of its patches, as atlases place a
province's label. The middle of a city list drifts to where people live: Ontario's would sit on
Lake Huron, 400 km south of the province's centre.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from .geo import KM_PER_DEGREE, distances_km

# Grid patches per country: enough to place divisions a few tens of km apart, cheap to build.
CELLS_PER_COUNTRY = 5000
# Grid step bounds, degrees: fine for small countries, coarse enough for Russia.
MIN_STEP, MAX_STEP = 0.01, 0.25
# Cells tested against the outline at most: island states spread over an ocean get a coarser grid.
MAX_TESTED = 1_000_000
# A division needs this many patches for its centre to be trusted over its cities' middle.
MIN_CELLS = 4
# Land farther than this from any of the country's cities is overseas or empty (French Guiana in
# France's outline, whose towns GeoNames files under their own code): it belongs to no division.
MAX_REACH_KM = 500.0


def division_centres(outline: BaseGeometry, cities: Sequence[tuple[Hashable, float, float]]
                     ) -> dict[Hashable, tuple[float, float]]:
    """(lat, lon) of the centre of each division's land, from (division, lat, lon) of its cities.

    Divisions too small for the grid are left out; the caller keeps their city-based point."""
    if not cities:
        return {}
    lons, lats, step = _grid(outline)
    if len(lons) == 0:
        return {}
    city_lats = np.array([lat for _, lat, _ in cities])
    city_lons = np.array([lon for _, _, lon in cities])
    tree = shapely.STRtree(shapely.points(city_lons, city_lats))
    cell_index, city_index = tree.query_nearest(shapely.points(lons, lats), all_matches=False)
    nearest = np.empty(len(lons), dtype=int)
    nearest[cell_index] = city_index
    reach = distances_km(lats, lons, city_lats[nearest], city_lons[nearest])
    keys = list(dict.fromkeys(key for key, _, _ in cities))
    code_of = {key: code for code, key in enumerate(keys)}
    city_codes = np.array([code_of[key] for key, _, _ in cities])
    owner = np.where(reach <= MAX_REACH_KM, city_codes[nearest], -1)
    order = np.argsort(owner, kind="stable")
    bounds = np.searchsorted(owner[order], np.arange(len(keys) + 1))
    centres = {}
    for code, key in enumerate(keys):
        cells = order[bounds[code]:bounds[code + 1]]
        if len(cells) >= MIN_CELLS:
            centres[key] = _centre(lats[cells], lons[cells], step)
    return centres


def _grid(outline: BaseGeometry) -> tuple[np.ndarray, np.ndarray, float]:
    """Centres of a regular lon/lat grid's cells that fall inside the outline, and the step."""
    min_lon, min_lat, max_lon, max_lat = outline.bounds
    step = min(MAX_STEP, max(MIN_STEP, math.sqrt(outline.area / CELLS_PER_COUNTRY)))
    step = max(step, math.sqrt((max_lon - min_lon) * (max_lat - min_lat) / MAX_TESTED))
    lon_grid, lat_grid = np.meshgrid(np.arange(min_lon + step / 2, max_lon, step),
                                     np.arange(min_lat + step / 2, max_lat, step))
    lons, lats = lon_grid.ravel(), lat_grid.ravel()
    shapely.prepare(outline)
    inside = shapely.contains_xy(outline, lons, lats)
    return lons[inside], lats[inside], step


def _centre(lats: np.ndarray, lons: np.ndarray, step: float) -> tuple[float, float]:
    """The centre of mass of the cells on the sphere (so a division across the antimeridian is
    fine), weighted by cell area; if that falls outside them (a crescent), their cell nearest it."""
    phi, lam = np.radians(lats), np.radians(lons)
    weight = np.cos(phi)
    vector = np.array([(weight * np.cos(phi) * np.cos(lam)).sum(),
                       (weight * np.cos(phi) * np.sin(lam)).sum(),
                       (weight * np.sin(phi)).sum()])
    x, y, z = vector / np.linalg.norm(vector)
    lat, lon = math.degrees(math.asin(z)), math.degrees(math.atan2(y, x))
    gaps = distances_km(lats, lons, lat, lon)
    nearest = int(gaps.argmin())
    if gaps[nearest] > 2 * step * KM_PER_DEGREE:
        return float(lats[nearest]), float(lons[nearest])
    return lat, lon

