"""What a map opens on: the story's core, so that one far-off mention ("officials in Washington")
does not shrink the story to a dot. Shared by the interactive and the static map."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from gazetteer.geo import distances_km

# The story's core: places this close to its centre, framed when they hold this share of weight.
CORE_RADIUS_KM = 1500
CORE_SHARE = 0.75
# The centre is sought among this many of the weightiest places.
CENTRE_CANDIDATES = 200


def story_core(lats: Sequence[float], lons: Sequence[float],
               weights: Sequence[float]) -> list[bool]:
    """Which places are in the core: near the centre (of the weightiest places, the one with the
    least weighted distance to all), when those hold most of the weight; else all of them."""
    if len(lats) < 3:
        return [True] * len(lats)
    lat, lon = np.asarray(lats, dtype=float), np.asarray(lons, dtype=float)
    weight = np.asarray(weights, dtype=float)
    candidates = np.argsort(-weight, kind="stable")[:CENTRE_CANDIDATES]
    # distances, candidates x places, in one go: a map may hold many thousand places
    distance = distances_km(lat[candidates, None], lon[candidates, None], lat[None, :],
                            lon[None, :])
    near = distance[int(np.argmin(distance @ weight))] <= CORE_RADIUS_KM
    if weight[near].sum() < CORE_SHARE * weight.sum():
        return [True] * len(lats)
    return near.tolist()
