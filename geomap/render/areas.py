"""The outline of a country or region an event is known only to, for shading it faintly on both
kinds of map instead of pinning the event at its centre."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from gazetteer.model import Kind, Place
from geomap.places.mention import PlaceMention

# Degrees and decimals of outlines sent to the page: an area is shaded, not surveyed.
OUTLINE_TOLERANCE, OUTLINE_DECIMALS = 0.02, 3


def area_outline(place: PlaceMention, countries: Sequence[Place]) -> BaseGeometry | None:
    """The place's own shape, else its country's outline when the place is a country."""
    if place.geometry is not None:
        return place.geometry
    if place.kind != Kind.COUNTRY:
        return None
    return next((country.geometry for country in countries
                 if country.geometry is not None
                 and (country.name == place.name or (place.country
                                                     and country.country == place.country))),
                None)


def outline_json(shape: BaseGeometry) -> dict:
    """The outline as GeoJSON, simplified and rounded to keep the page small."""
    simple = shapely.transform(shape.simplify(OUTLINE_TOLERANCE, preserve_topology=True),
                               lambda points: np.round(points, OUTLINE_DECIMALS))
    return mapping(simple)
