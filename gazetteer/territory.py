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
# A patch of a division's land cut off from its main body, won by fewer than this share of its
# cities, is the work of misfiled towns (GeoNames files a few Tibetan villages under Hebei, whose
# patch of empty plateau would pull Hebei's point 2,000 km west): those towns are left out.
STRAY_SHARE = 0.05


def division_centres(outline: BaseGeometry, cities: Sequence[tuple[Hashable, float, float]]
                     ) -> dict[Hashable, tuple[float, float]]:
    """(lat, lon) of the centre of each division's land, from (division, lat, lon) of its cities.

    Divisions too small for the grid are left out; the caller keeps their city-based point."""
    if not cities:
        return {}
    lons, lats, step = _grid(outline)
    if len(lons) == 0:
        return {}
    keys = list(dict.fromkeys(key for key, _, _ in cities))
    code_of = {key: code for code, key in enumerate(keys)}
    city_codes = np.array([code_of[key] for key, _, _ in cities])
    city_lats = np.array([lat for _, lat, _ in cities])
    city_lons = np.array([lon for _, _, lon in cities])
    owner = _owners(lats, lons, city_lats, city_lons)
    min_lon, _, max_lon, _ = outline.bounds
    strays = _stray_cities(owner, city_codes, len(keys), lats, lons, step,
                           wraps=max_lon - min_lon > 360 - 2 * step)
    if strays.any():
        # Only the strays' land changes hands, to the nearest city left.
        kept = np.flatnonzero(~strays)
        lost = np.flatnonzero(strays[np.maximum(owner, 0)] & (owner >= 0))
        found = _owners(lats[lost], lons[lost], city_lats[kept], city_lons[kept])
        owner[lost] = np.where(found >= 0, kept[found], -1)
    cell_codes = np.where(owner >= 0, city_codes[owner], -1)
    order = np.argsort(cell_codes, kind="stable")
    bounds = np.searchsorted(cell_codes[order], np.arange(len(keys) + 1))
    centres = {}
    for code, key in enumerate(keys):
        cells = order[bounds[code]:bounds[code + 1]]
        if len(cells) >= MIN_CELLS:
            centres[key] = _centre(lats[cells], lons[cells], step)
    return centres


def _owners(lats: np.ndarray, lons: np.ndarray, city_lats: np.ndarray, city_lons: np.ndarray
            ) -> np.ndarray:
    """Index of each cell's nearest city, or -1 where that city is out of reach."""
    tree = shapely.STRtree(shapely.points(city_lons, city_lats))
    cell_index, city_index = tree.query_nearest(shapely.points(lons, lats), all_matches=False)
    nearest = np.empty(len(lons), dtype=int)
    nearest[cell_index] = city_index
    reach = distances_km(lats, lons, city_lats[nearest], city_lons[nearest])
    return np.where(reach <= MAX_REACH_KM, nearest, -1)


def _stray_cities(owner: np.ndarray, city_codes: np.ndarray, divisions: int, lats: np.ndarray,
                  lons: np.ndarray, step: float, wraps: bool) -> np.ndarray:
    """Which cities own only land cut off from their division's main body (the patch most of its
    cities share), in patches that few of its cities share: towns filed under the wrong division."""
    owned = np.flatnonzero(owner >= 0)
    cell_codes = np.full(len(owner), -1)
    cell_codes[owned] = city_codes[owner[owned]]
    patches = _patches(cell_codes, lats, lons, step, wraps)[owned]
    # One row per (patch, city owning land in it).
    pairs = np.unique(np.column_stack([patches, owner[owned]]), axis=0)
    patch_ids, patch_of_pair, cities_in_patch = np.unique(pairs[:, 0], return_inverse=True,
                                                          return_counts=True)
    patch_codes = city_codes[pairs[np.searchsorted(pairs[:, 0], patch_ids), 1]]
    landed_cities = np.bincount(city_codes[np.unique(pairs[:, 1])], minlength=divisions)
    largest = np.zeros(divisions, dtype=int)
    np.maximum.at(largest, patch_codes, cities_in_patch)
    stray_patch = ((cities_in_patch < largest[patch_codes])
                   & (cities_in_patch < STRAY_SHARE * landed_cities[patch_codes]))
    strays = np.zeros(len(city_codes), dtype=bool)
    strays[pairs[stray_patch[patch_of_pair], 1]] = True
    strays[pairs[~stray_patch[patch_of_pair], 1]] = False
    return strays


def _patches(cell_codes: np.ndarray, lats: np.ndarray, lons: np.ndarray, step: float,
             wraps: bool) -> np.ndarray:
    """A label per cell, shared by the cells of one division that touch (side or corner; across
    the antimeridian too when the grid `wraps` round the globe)."""
    rows = np.rint((lats - lats.min()) / step).astype(np.int64)
    columns = np.rint((lons - lons.min()) / step).astype(np.int64)
    width = columns.max() + 3
    cell_keys = (rows + 1) * width + columns + 1
    order = np.argsort(cell_keys)
    sorted_keys = cell_keys[order]
    firsts, seconds = [], []

    def link(cells: np.ndarray, keys: np.ndarray) -> None:
        spot = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
        found = sorted_keys[spot] == keys
        mine, neighbour = cells[found], order[spot[found]]
        same = cell_codes[mine] == cell_codes[neighbour]
        firsts.append(mine[same])
        seconds.append(neighbour[same])

    every = np.arange(len(lats))
    for offset in (1, width - 1, width, width + 1):
        link(every, cell_keys + offset)
    if wraps:  # the last column touches the first
        last = np.flatnonzero(columns == columns.max())
        for row_step in (-1, 0, 1):
            link(last, (rows[last] + row_step + 1) * width + 1)
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    labels = every
    while True:
        linked = labels.copy()
        np.minimum.at(linked, first, labels[second])
        np.minimum.at(linked, second, labels[first])
        linked = linked[linked]
        if (linked == labels).all():
            return labels
        labels = linked


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

