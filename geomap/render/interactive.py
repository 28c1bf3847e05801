"""The interactive map: the story's events (see `events_layer`) and the places found in the
articles, on an offline basemap, with names placed so that none collides (see `labels`) and
panels that fold away at narrow widths (see `layout`).

Place layers follow the kind families (cities, sites, territories, features, demonyms), each
toggleable; places with a shape (a river, a region) are drawn as that shape too, with the marker
at the point. A country gets no dot at its centre: the basemap names it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import folium
import numpy as np
import shapely
from folium.map import CustomPane
from shapely.geometry import mapping

from gazetteer.model import Kind, Place
from geomap.events.records import Event
from geomap.places.mention import PlaceMention

from .basemap import add_basemap
from .events_layer import EventLayer
from .framing import story_core
from .labels import CONTEXT_PRIORITY, CORE_PRIORITY, PlaceLabels
from .layout import ResponsiveLayout
from .markers import (
    FAMILIES,
    OTHER_FAMILY,
    RIVER_BLUE,
    KindFamily,
    MappedPlace,
    group_places,
    popup_html,
    tooltip_text,
)
from .markup import BoundPopup, BoundTooltip, MapTitle
from .page import OfflineMap, OfflineMarkerCluster, add_stylesheet
from .story import (
    SUBTITLE_CHARACTERS,
    TITLE_CHARACTERS,
    article_names,
    capped,
    event_summary,
    is_area_event,
    label_for,
    spot_key,
)

# Beyond this many markers, nearby ones merge into clusters.
CLUSTER_ABOVE = 50
WORLD_CENTRE, WORLD_ZOOM = (20.0, 15.0), 2
# Fitting never zooms closer than this: one town still shows its surroundings.
FIT_MAX_ZOOM = 7
# An opened popup is panned clear of the title box.
POPUP_CLEAR_TOP_LEFT = (20, 120)
# The offline basemap is too coarse to be worth zooming further; web tiles allow more.
OFFLINE_MAX_ZOOM, TILES_MAX_ZOOM = 12, 18
PLACE_SHAPE_PANE, PLACE_SHAPE_Z = "geomap-place-shapes", 380
# Names of places offered to the label placer, per kind family (the most mentioned first).
LABELLED_PLACES = 200
# Degrees and decimals for place shapes: finer than the basemap, as these are what the map is about.
SHAPE_TOLERANCE, SHAPE_DECIMALS = 0.002, 4
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
    map.get_root().title = escape(capped(title, TITLE_CHARACTERS))
    CustomPane(PLACE_SHAPE_PANE, z_index=PLACE_SHAPE_Z, pointer_events=True).add_to(map)
    clustered = len(places) > CLUSTER_ABOVE
    names = article_names(mentions, events)
    spots = {spot_key(event.place) for event in events
             if event.place is not None and not is_area_event(event)}
    core = {id(mapped) for mapped in _story_core(places)}
    areas = {event.place.place_key for event in events if is_area_event(event)}
    for family in (*FAMILIES, OTHER_FAMILY):
        # a country is on the basemap, named there: no dot at its centre
        members = [mapped for mapped in places if mapped.family == family
                   and mapped.place.kind != Kind.COUNTRY]
        if members:
            layer = _family_layer(family, members, clustered=clustered, muted=bool(events),
                                  drawn={*spots, *areas})
            layer.add_to(map)
            labels = [_label(mapped, names, id(mapped) in core) for mapped in members
                      if spot_key(mapped.place) not in spots][:LABELLED_PLACES]
            if labels and not clustered:
                PlaceLabels(map, layer, labels).add_to(map)
    add_basemap(map, countries, tiles=tiles)
    summary = (f"{len(places)} place{'s' if len(places) != 1 else ''} named")
    if events:
        summary = f"{event_summary(events)} · {summary}"
    MapTitle(capped(title, TITLE_CHARACTERS), capped(subtitle, SUBTITLE_CHARACTERS),
             summary).add_to(map)
    control = folium.LayerControl(collapsed=False)
    control.add_to(map)
    pinned = [event.place for event in events
              if event.place is not None and not is_area_event(event)]
    if events:
        EventLayer(events, control=control, names=names, countries=countries).add_to(map)
    ResponsiveLayout(control, _story_bounds(group_places(pinned) if pinned else places),
                     max_zoom=FIT_MAX_ZOOM).add_to(map)
    add_stylesheet(map, "places_css", CSS)
    return map


def _label(mapped: MappedPlace, names: dict, core: bool) -> list:
    """[lat, lon, text, priority, symbol radius, class] for the placer (see `labels`)."""
    priority = (CORE_PRIORITY if core else CONTEXT_PRIORITY) + min(len(mapped.mentions), 999)
    return [mapped.place.lat, mapped.place.lon, label_for(mapped.place, names), priority,
            round(mapped.radius + 1, 1), "geomap-label-place" if core else "geomap-label-context"]


def _family_layer(family: KindFamily, members: list[MappedPlace], *, clustered: bool,
                  muted: bool, drawn: set) -> folium.FeatureGroup:
    """One toggleable layer per kind family; the markers go in a cluster group when there are
    many. Places whose spot or key is in `drawn` (the event layer draws their area or circle)
    get only their marker."""
    name = (f'<span class="geomap-swatch" style="background:{family.colour}"></span>'
            f'{family.label} <span class="geomap-count">({len(members)})</span>')
    layer = folium.FeatureGroup(name=name, show=family.shown)
    marker_parent = layer
    if clustered:
        marker_parent = OfflineMarkerCluster(control=False, showCoverageOnHover=False,
                                             maxClusterRadius=40, disableClusteringAtZoom=9)
        marker_parent.add_to(layer)
    for mapped in members:
        if spot_key(mapped.place) in drawn or mapped.place.place_key in drawn:
            _place_marker(mapped, muted).add_to(marker_parent)
            continue
        if mapped.geometry is not None:
            shape = _place_shape(mapped, muted)
            if shape is not None:
                shape.add_to(layer)
        if mapped.place.uncertainty_km is not None and mapped.geometry is None:
            _uncertainty_circle(mapped).add_to(layer)  # (a part of a country is drawn as that)
        _place_marker(mapped, muted).add_to(marker_parent)
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
                         color=colour, weight=1, opacity=0.45, dash_array="4 3", fill=True,
                         fill_color=colour, fill_opacity=0.04, interactive=False,
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


def _story_bounds(places: list[MappedPlace]) -> list[list[float]] | None:
    """What the map opens on: the places shown (all if only hidden ones exist), narrowed to the
    story's core when a few far-off mentions ("officials in Washington") would shrink it to a
    dot; framed in the page clear of its panels (see `layout`)."""
    framed = _story_core([mapped for mapped in places if mapped.family.shown] or places)
    if not framed:
        return None
    lats = [mapped.place.lat for mapped in framed]
    lons = [mapped.place.lon for mapped in framed]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _story_core(places: list[MappedPlace]) -> list[MappedPlace]:
    """The places near the story's centre, weighted by their mentions (see `framing`)."""
    inside = story_core([m.place.lat for m in places], [m.place.lon for m in places],
                        [len(m.mentions) for m in places])
    return [mapped for mapped, keep in zip(places, inside) if keep]
