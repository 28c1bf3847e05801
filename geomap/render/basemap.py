"""The offline basemap: country shapes on a water-coloured background, with quiet country names.

Drawn from the gazetteer's country outlines so a map needs no tile server. Outlines are simplified
together (`coverage_simplify`), so neighbours keep a shared border instead of opening slivers, and
ship as delta-encoded integer rings, about half the size of GeoJSON, decoded by a short script.
Web tiles are opt-in and sit above the offline layer, which shows again when they are switched off.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from html import escape

import folium
import numpy as np
import shapely
import xyzservices
from branca.element import MacroElement
from folium.map import CustomPane, Layer
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from gazetteer.model import Place

from .labels import COUNTRY_PRIORITY, add_label_placer
from .markup import Template
from .page import add_stylesheet

WATER = "#d4e2ea"
LAND = "#f3f1ec"
BORDER = "#c3bcb0"
LABEL = "#8a8276"
# Under Leaflet's tile pane (200) so opt-in web tiles cover it.
BASEMAP_PANE, BASEMAP_Z = "geomap-basemap", 150
# coverage_simplify's measure (Visvalingam-Whyatt): at 0.1 it keeps about as many points as a
# ~0.05° (5 km) Douglas-Peucker simplify, which is under a pixel or two at country-scale zooms.
SIMPLIFY_TOLERANCE = 0.1
# Square degrees: islets smaller than ~100 km² vanish at those zooms, and cost bytes.
MIN_PART_AREA = 0.01
# Outline coordinates are sent as integer thousandths of a degree (3 decimals).
COORDINATE_SCALE = 1000
# (smallest area in square degrees, zoom from which the name shows): big countries first.
LABEL_ZOOMS = ((50.0, 3), (10.0, 4), (2.0, 5), (0.3, 6))
SMALLEST_LABEL_ZOOM = 7
CREDITS = ('Places: <a href="https://www.geonames.org/">GeoNames</a> (CC-BY 4.0) · '
           'Borders: <a href="https://www.naturalearthdata.com/">Natural Earth</a>')

CSS = f"""
.leaflet-container {{ background: {WATER}; }}
.geomap-label.geomap-label-country {{ color: {LABEL}; text-shadow: 0 0 3px {LAND}, 0 0 3px {LAND}; }}
"""


class CountryShapes(Layer):
    """Every country outline as one non-interactive polygon each, in the basemap pane."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup();
            (function (group, countries, scale, style) {
                function ring(deltas) {
                    var latlngs = [], x = 0, y = 0;
                    for (var i = 0; i < deltas.length; i += 2) {
                        x += deltas[i];
                        y += deltas[i + 1];
                        latlngs.push([y / scale, x / scale]);
                    }
                    return latlngs;
                }
                countries.forEach(function (polygons) {
                    var latlngs = polygons.map(function (rings) { return rings.map(ring); });
                    L.polygon(latlngs, style).addTo(group);
                });
            })({{ this.get_name() }}, {{ this.outlines|inert }}, {{ this.scale|inert }},
               {{ this.style|inert }});
        {% endmacro %}
    """)

    def __init__(self, countries: Sequence[Place], *, name: str):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "CountryShapes"
        # Only areas are land; coverage_simplify refuses anything else.
        self.outlines = _encoded_outlines(tuple(
            country.geometry for country in countries
            if isinstance(country.geometry, (Polygon, MultiPolygon))))
        self.scale = COORDINATE_SCALE
        self.style = {"pane": BASEMAP_PANE, "interactive": False, "color": BORDER, "weight": 0.7,
                      "fillColor": LAND, "fillOpacity": 1}


class CountryLabels(Layer):
    """Country names, handed to the map's label placer (see `labels`) below the story's places:
    each shows from a zoom that fits the country's size, while this layer is on, where it
    overlaps nothing."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.layerGroup();
            (function (map, group, labels) {
                geomapLabels(map).add({labels: labels.map(function (l) {
                    return {lat: l[0], lon: l[1], text: l[2], minZoom: l[3], priority: l[4], r: 0,
                            cls: "geomap-label-country"};
                }), active: function (label) {
                    return map.hasLayer(group) && map.getZoom() >= label.minZoom;
                }});
            })({{ this._parent.get_name() }}, {{ this.get_name() }}, {{ this.labels|inert }});
        {% endmacro %}
    """)

    def __init__(self, countries: Sequence[Place], *, name: str, show: bool):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "CountryLabels"
        self.labels = [[round(country.lat, 3), round(country.lon, 3), country.name,
                        _label_zoom(country.geometry), COUNTRY_PRIORITY + _label_rank(country)]
                       for country in countries]

    def render(self, **kwargs) -> None:
        add_label_placer(self)
        super().render(**kwargs)


class Credits(MacroElement):
    """Credit the data sources on every map, whichever layers are switched on."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.attributionControl.addAttribution(
                {{ this.credits|inert }});
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "Credits"
        self.credits = CREDITS


def add_basemap(map: folium.Map, countries: Sequence[Place], *, tiles: str | None = None) -> None:
    """Add the offline country layer and labels, the data credits and, if asked for, web tiles."""
    CustomPane(BASEMAP_PANE, z_index=BASEMAP_Z, pointer_events=False).add_to(map)
    CountryShapes(countries, name="Countries (offline)").add_to(map)
    if tiles is not None:
        web_tiles(tiles).add_to(map)
    # Tile sets carry their own names.
    CountryLabels(countries, name="Country names", show=tiles is None).add_to(map)
    Credits().add_to(map)
    add_stylesheet(map, "basemap_css", CSS)


def web_tiles(provider_name: str) -> folium.TileLayer:
    """An opt-in web tile layer from an xyzservices provider name such as "CartoDB.Positron".

    A provider that needs a key it was not given is a ValueError from xyzservices."""
    try:
        provider = xyzservices.providers.query_name(provider_name)
    except ValueError as error:
        raise ValueError(f"unknown tile provider {provider_name!r} "
                         "(expected an xyzservices name such as 'CartoDB.Positron')") from error
    return folium.TileLayer(provider, name=f"Web tiles: {escape(provider.name)}", overlay=True)


@functools.lru_cache(maxsize=2)
def _encoded_outlines(geometries: tuple[BaseGeometry, ...]) -> list[list[list[list[int]]]]:
    """The outlines as the page ships them. Every map drawn from one gazetteer has the same ones,
    and simplifying them takes about a second, so it is done once per set of outlines."""
    return [_encoded(outline) for outline in _simplified(list(geometries))]


def _simplified(geometries: list[BaseGeometry]) -> list[list[Polygon]]:
    """Each outline simplified with its neighbours, as its polygons without islets and pinholes."""
    if not geometries:
        return []
    simplified = shapely.coverage_simplify(np.array(geometries, dtype=object), SIMPLIFY_TOLERANCE)
    return [polygons for outline in simplified if (polygons := _without_islets(outline))]


def _without_islets(outline: BaseGeometry) -> list[Polygon]:
    polygons = [part for part in getattr(outline, "geoms", [outline])
                if isinstance(part, Polygon) and not part.is_empty]
    if not polygons:
        return []
    kept = [polygon for polygon in polygons if polygon.area >= MIN_PART_AREA]
    # A country made only of islets keeps its largest, or it would vanish from the map.
    return [Polygon(polygon.exterior,
                    [hole for hole in polygon.interiors if Polygon(hole).area >= MIN_PART_AREA])
            for polygon in kept or [max(polygons, key=lambda polygon: polygon.area)]]


def _encoded(polygons: list[Polygon]) -> list[list[list[int]]]:
    """Polygons as rings of integer [x, y, dx, dy, ...] in COORDINATE_SCALE units (last point
    dropped: Leaflet closes rings itself)."""
    return [[_encoded_ring(np.asarray(ring.coords)[:-1])
             for ring in (polygon.exterior, *polygon.interiors)]
            for polygon in polygons]


def _encoded_ring(coordinates: np.ndarray) -> list[int]:
    scaled = np.round(coordinates[:, :2] * COORDINATE_SCALE).astype(np.int64)
    return np.vstack([scaled[:1], np.diff(scaled, axis=0)]).ravel().tolist()


def _label_rank(country: Place) -> int:
    """Bigger countries' names first, in 0..999."""
    area = country.geometry.area if country.geometry is not None else 0.0
    return min(999, int(area))


def _label_zoom(outline: BaseGeometry | None) -> int:
    area = outline.area if outline is not None else 0.0
    return next((zoom for smallest, zoom in LABEL_ZOOMS if area >= smallest), SMALLEST_LABEL_ZOOM)
