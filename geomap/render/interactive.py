"""The interactive map: a marker per event (see `events_layer`) and per place found in the
articles, on an offline basemap.

Place layers follow the kind families (cities, sites, territories, features, demonyms), each
toggleable; places with a shape (a river, a region) are drawn as that shape too, with the marker
at the point.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import folium
import numpy as np
import shapely
from folium.map import CustomPane
from shapely.geometry import mapping

from gazetteer.model import Place
from geomap.events.records import Event
from geomap.places.mention import PlaceMention

from .basemap import add_basemap
from .events_layer import EventLayer
from .framing import story_core
from .markers import (
    FAMILIES,
    OTHER_FAMILY,
    KindFamily,
    MappedPlace,
    group_places,
    popup_html,
    tooltip_text,
)
from .markup import BoundPopup, BoundTooltip, MapTitle, PlaceLabels
from .page import OfflineMap, OfflineMarkerCluster, add_stylesheet

# Beyond this many markers, nearby ones merge into clusters.
CLUSTER_ABOVE = 50
WORLD_CENTRE, WORLD_ZOOM = (20.0, 15.0), 2
# Fitting never zooms closer than this: one town still shows its surroundings.
FIT_MAX_ZOOM = 7
# Pixels kept clear for the title box (top left) and the layer list (top right).
FIT_PADDING_TOP_LEFT, FIT_PADDING_BOTTOM_RIGHT = (50, 110), (50, 40)
# An opened popup is panned below the title box and the layer list.
POPUP_CLEAR_TOP_LEFT = (20, 190)
# The offline basemap is too coarse to be worth zooming further; web tiles allow more.
OFFLINE_MAX_ZOOM, TILES_MAX_ZOOM = 12, 18
PLACE_SHAPE_PANE, PLACE_SHAPE_Z = "geomap-place-shapes", 380
# Over place shapes (380), under circle markers (overlay pane, 400): a name never hides a marker.
PLACE_LABEL_PANE, PLACE_LABEL_Z = "geomap-place-labels", 390
# Only the most-mentioned places get their name written on the map, to keep it readable.
LABELLED_PLACES = 20
# Degrees and decimals for place shapes: finer than the basemap, as these are what the map is about.
SHAPE_TOLERANCE, SHAPE_DECIMALS = 0.002, 4
RIVER_BLUE = "#3d7fbf"
# Places beneath events are drawn this much smaller and fainter.
MUTED_SCALE, MUTED_OPACITY = 0.7, 0.45
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'

CSS = f"""
.leaflet-container, .leaflet-container .leaflet-control-layers {{ font-family: {FONT}; }}
.geomap-title {{
  background: rgba(255, 255, 255, .94); padding: 10px 14px; border-radius: 4px;
  box-shadow: 0 1px 5px rgba(0, 0, 0, .18); max-width: 380px; color: #222;
}}
.geomap-title h1 {{ font-size: 16px; line-height: 1.3; margin: 0; font-weight: 650; }}
.geomap-title p {{ margin: 3px 0 0; font-size: 12.5px; color: #555; }}
.geomap-title p.geomap-summary {{ margin-top: 6px; font-size: 11.5px; color: #7a7a7a; }}
.leaflet-control-layers-expanded {{ padding: 8px 12px 8px 8px; font-size: 12px; color: #333; }}
.geomap-swatch {{
  display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin: 0 4px 0 1px;
  vertical-align: -1px; box-shadow: 0 0 0 1px rgba(0, 0, 0, .18);
}}
.geomap-count {{ color: #888; }}
.geomap-tooltip {{ font-size: 12px; }}
.leaflet-container path.leaflet-interactive:focus:not(:focus-visible) {{ outline: none; }}
.geomap-place-label span {{
  position: absolute; top: 0; transform: translateY(-50%); white-space: nowrap;
  font-size: 12px; font-weight: 600; color: #2b2b2b;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff;
}}
/* Calmer clusters; more specific than the plugin's rules, which are inlined after this sheet. */
.leaflet-container .marker-cluster {{ background-color: rgba(84, 94, 104, .22); }}
.leaflet-container .marker-cluster div {{
  background-color: rgba(70, 80, 90, .82); color: #fff; font-weight: 600;
}}
.leaflet-popup-content {{ margin: 12px 14px; }}
.geomap-popup {{
  font-size: 12.5px; line-height: 1.45; color: #222; max-height: 340px; overflow-y: auto;
}}
.geomap-popup h2 {{ font-size: 15px; margin: 0; }}
.geomap-popup p {{ margin: 0; }}
.geomap-popup .geomap-kind {{ margin-bottom: 6px; color: #666; }}
.geomap-popup dl {{
  display: grid; grid-template-columns: auto 1fr; gap: 1px 10px; margin: 0 0 8px;
}}
.geomap-popup dt {{ color: #777; }}
.geomap-popup dd {{ margin: 0; overflow-wrap: anywhere; }}
.geomap-popup .geomap-quotes-head {{
  font-weight: 600; color: #444; border-top: 1px solid #e6e6e6; padding-top: 6px;
  margin-bottom: 4px;
}}
.geomap-popup blockquote {{
  margin: 0 0 5px; padding-left: 8px; border-left: 3px solid #d9d2c5; color: #333;
  overflow-wrap: anywhere;
}}
.geomap-popup mark {{ background: #fbe8a6; padding: 0 1px; }}
.geomap-popup .geomap-more {{ color: #777; font-style: italic; }}
"""


def place_map(mentions: Sequence[PlaceMention], *, countries: Sequence[Place], title: str,
              subtitle: str = "", tiles: str | None = None,
              events: Sequence[Event] = ()) -> folium.Map:
    """A self-contained map of the `events` and of the places in `mentions` over the `countries`
    basemap. With events, the places are drawn lighter beneath them and the view fits the events.

    `tiles` (an xyzservices name, e.g. "CartoDB.Positron") opts in to web tiles, the one thing on
    the map that uses the network.
    """
    places = group_places(mentions)
    map = OfflineMap(location=WORLD_CENTRE, zoom_start=WORLD_ZOOM, zoom_control="bottomright",
                     control_scale=True, minZoom=2, zoomSnap=0.5,
                     maxZoom=OFFLINE_MAX_ZOOM if tiles is None else TILES_MAX_ZOOM)
    map.get_root().title = escape(title)
    CustomPane(PLACE_SHAPE_PANE, z_index=PLACE_SHAPE_Z, pointer_events=True).add_to(map)
    CustomPane(PLACE_LABEL_PANE, z_index=PLACE_LABEL_Z, pointer_events=False).add_to(map)
    clustered = len(places) > CLUSTER_ABOVE
    # Markers move into their clusters, where names written beside them would not follow.
    named = [] if clustered else places[:LABELLED_PLACES]
    for family in (*FAMILIES, OTHER_FAMILY):
        members = [mapped for mapped in places if mapped.family == family]
        if members:
            family_named = [mapped for mapped in named if mapped.family == family]
            _family_layer(family, members, named=family_named, clustered=clustered,
                          muted=bool(events)).add_to(map)
    add_basemap(map, countries, tiles=tiles)
    summary = (f"{len(places)} place{'s' if len(places) != 1 else ''} · "
               f"{len(mentions)} mention{'s' if len(mentions) != 1 else ''}")
    mapped_events = [event for event in events if event.place is not None]
    if events:
        summary = f"{len(mapped_events)} event{'s' if len(mapped_events) != 1 else ''} · {summary}"
    MapTitle(title, subtitle, summary).add_to(map)
    control = folium.LayerControl(collapsed=False)
    control.add_to(map)
    if mapped_events:
        EventLayer(mapped_events, control=control).add_to(map)
        _fit_to_places(map, group_places([event.place for event in mapped_events]))
    else:
        _fit_to_places(map, places)
    add_stylesheet(map, "places_css", CSS)
    return map


def _family_layer(family: KindFamily, members: list[MappedPlace], *, named: list[MappedPlace],
                  clustered: bool, muted: bool) -> folium.FeatureGroup:
    """One toggleable layer per kind family, with the `named` places' names written beside their
    markers; the markers go in a cluster group when there are many."""
    name = (f'<span class="geomap-swatch" style="background:{family.colour}"></span>'
            f'{family.label} <span class="geomap-count">({len(members)})</span>')
    layer = folium.FeatureGroup(name=name, show=family.shown)
    marker_parent = layer
    if clustered:
        marker_parent = OfflineMarkerCluster(control=False, showCoverageOnHover=False,
                                             maxClusterRadius=40, disableClusteringAtZoom=9)
        marker_parent.add_to(layer)
    for mapped in members:
        if mapped.geometry is not None:
            shape = _place_shape(mapped, muted)
            if shape is not None:
                shape.add_to(layer)
        if mapped.place.uncertainty_km is not None and mapped.geometry is None:
            _uncertainty_circle(mapped).add_to(layer)  # (a part of a country is drawn as that)
        _place_marker(mapped, muted).add_to(marker_parent)
    if named:
        PlaceLabels([(mapped.place.lat, mapped.place.lon, mapped.place.name, mapped.radius + 3)
                     for mapped in named], pane=PLACE_LABEL_PANE).add_to(layer)
    return layer


def _place_marker(mapped: MappedPlace, muted: bool) -> folium.CircleMarker:
    """The place's dot; lighter and smaller under events, which are what such a map is about."""
    place = mapped.place
    marker = folium.CircleMarker(
        location=(place.lat, place.lon), radius=mapped.radius * (MUTED_SCALE if muted else 1),
        color="#ffffff", weight=1.5, fill=True, fill_color=mapped.family.colour,
        fill_opacity=MUTED_OPACITY if muted else 0.9, opacity=MUTED_OPACITY if muted else 1,
        class_name=f"geomap-place geomap-{mapped.family.key}")
    BoundPopup(popup_html(mapped), clear_top_left=POPUP_CLEAR_TOP_LEFT).add_to(marker)
    BoundTooltip(tooltip_text(mapped)).add_to(marker)
    return marker


def _uncertainty_circle(mapped: MappedPlace) -> folium.Circle:
    """Where an approximate location may be: a dashed circle of its uncertainty radius."""
    place = mapped.place
    colour = mapped.family.colour
    return folium.Circle(location=(place.lat, place.lon), radius=place.uncertainty_km * 1000,
                         color=colour, weight=1, opacity=0.8, dash_array="4 3", fill=True,
                         fill_color=colour, fill_opacity=0.1, interactive=False,
                         pane=PLACE_SHAPE_PANE)


def _place_shape(mapped: MappedPlace, muted: bool) -> folium.GeoJson | None:
    """The place's line or area, lightly drawn (more lightly under events); None when it has only
    points (the marker is it)."""
    geometry = shapely.transform(
        mapped.geometry.simplify(SHAPE_TOLERANCE, preserve_topology=True),
        lambda coordinates: np.round(coordinates, SHAPE_DECIMALS))
    # Twice: a collection's members may themselves be multi-part.
    parts = shapely.get_parts(shapely.get_parts(geometry))
    features = [{"type": "Feature", "properties": {}, "geometry": mapping(part)}
                for part in parts
                if part.geom_type in ("LineString", "Polygon") and not part.is_empty]
    if not features:
        return None
    colour = mapped.family.colour
    line_style = {"color": RIVER_BLUE, "weight": 2.5, "opacity": 0.85}
    area_style = {"color": colour, "weight": 1, "opacity": MUTED_OPACITY if muted else 0.7,
                  "dashArray": "4 3", "fillColor": colour, "fillOpacity": 0.05 if muted else 0.12}
    shape = folium.GeoJson(
        {"type": "FeatureCollection", "features": features}, control=False, pane=PLACE_SHAPE_PANE,
        style_function=lambda feature: (line_style if feature["geometry"]["type"] == "LineString"
                                        else area_style))
    BoundPopup(popup_html(mapped), clear_top_left=POPUP_CLEAR_TOP_LEFT).add_to(shape)
    BoundTooltip(tooltip_text(mapped)).add_to(shape)
    return shape


def _fit_to_places(map: folium.Map, places: list[MappedPlace]) -> None:
    """Frame the story on opening: the places shown (all if only hidden ones exist), narrowed to
    its core when a few far-off mentions ("officials in Washington") would shrink it to a dot."""
    framed = _story_core([mapped for mapped in places if mapped.family.shown] or places)
    if not framed:
        return
    lats = [mapped.place.lat for mapped in framed]
    lons = [mapped.place.lon for mapped in framed]
    map.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]],
                   padding_top_left=FIT_PADDING_TOP_LEFT,
                   padding_bottom_right=FIT_PADDING_BOTTOM_RIGHT, max_zoom=FIT_MAX_ZOOM)


def _story_core(places: list[MappedPlace]) -> list[MappedPlace]:
    """The places near the story's centre, weighted by their mentions (see `framing`)."""
    inside = story_core([m.place.lat for m in places], [m.place.lon for m in places],
                        [len(m.mentions) for m in places])
    return [mapped for mapped, keep in zip(places, inside) if keep]
