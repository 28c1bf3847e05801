"""Static maps for slides and print (PNG, SVG, PDF), drawn with geopandas and matplotlib on the
same offline Natural Earth basemap as the interactive map, with the same symbols per event type,
a legend, labels that do not overlap, a scale bar and the credits. No browser is needed.
"""

from __future__ import annotations

import math
import unicodedata
import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Ellipse
from shapely.geometry import box

from gazetteer.geo import KM_PER_DEGREE, distance_km
from gazetteer.model import Kind, Place
from geomap.atomic import write_with
from geomap.events.records import Event
from geomap.events.taxonomy import EVENT_TYPES, FAMILY_OF_TYPE
from geomap.places.mention import PlaceMention

from .events_layer import STYLES
from .framing import story_core
from .markers import family_of

FORMATS = ("png", "svg", "pdf")
# matplotlib markers for the interactive map's shapes
MARKERS = {"circle": "o", "square": "s", "triangle": "^", "diamond": "D", "star": "*",
           "cross": "P"}
WATER, LAND, BORDER = "#dbe7ef", "#f3f1ec", "#b9b2a6"
FIGURE_INCHES = (11.0, 7.5)
DPI = 200
# The view reaches this share beyond the events on each side, at least this many degrees.
MARGIN_SHARE, MIN_SPAN_DEGREES = 0.15, 3.0
LABELS_AT_MOST = 25
CREDITS = "Places: GeoNames (CC-BY 4.0) · Borders: Natural Earth · Map: geomap"


def static_map(path: Path, *, events: Sequence[Event], mentions: Sequence[PlaceMention],
               countries: Sequence[Place], title: str, subtitle: str = "") -> Path:
    """Draw the events (and, faintly, the other places) to `path`; the format is its suffix.
    Letters the font lacks (some scripts) are drawn as boxes, without a warning for each."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        return _draw(Path(path), events=events, mentions=mentions, countries=countries,
                     title=title, subtitle=subtitle)


def _draw(path: Path, *, events: Sequence[Event], mentions: Sequence[PlaceMention],
          countries: Sequence[Place], title: str, subtitle: str = "") -> Path:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"{path}: a static map is .png, .svg or .pdf, not .{suffix}")
    placed = [event for event in events if event.place is not None]
    points = [(e.place.lon, e.place.lat) for e in placed] or [
        (m.lon, m.lat) for m in mentions if m.kind != Kind.DEMONYM]
    west, south, east, north = _view(_core(points))
    figure = Figure(figsize=FIGURE_INCHES)
    FigureCanvasAgg(figure)  # no pyplot: no global state, no display
    axes = figure.subplots()
    _basemap(axes, countries, (west, south, east, north))
    _places(axes, mentions)
    _events(axes, placed)
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    axes.set_xticks([])
    axes.set_yticks([])
    axes.set_xlabel("")
    axes.set_ylabel("")
    # parse_math=False: "$5 and $6" in a title is text, not TeX for matplotlib to choke on
    axes.set_title(printable(title), loc="left", fontsize=14, fontweight="bold", pad=18,
                   parse_math=False)
    if subtitle:
        axes.text(0, 1.01, printable(subtitle), transform=axes.transAxes, fontsize=9, color="#555",
                  parse_math=False)
    figure.text(0.99, 0.01, CREDITS, ha="right", va="bottom", fontsize=7, color="#666")
    _legend(axes, placed)
    figure.tight_layout()
    _labels(figure, axes, placed)
    _scale_bar(axes, (west, south, east, north))
    return write_with(Path(path), lambda temp: figure.savefig(
        temp, dpi=DPI, format=suffix, bbox_inches="tight", pad_inches=0.2))


def _core(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The story's core among the (lon, lat) points (see `framing`), each distinct point weighted
    by how many events stand there."""
    counts = Counter(points)
    spots = list(counts)
    inside = story_core([lat for _, lat in spots], [lon for lon, _ in spots],
                        [counts[spot] for spot in spots])
    return [spot for spot, keep in zip(spots, inside) if keep]


def printable(text: str) -> str:
    """Text without control and format characters (right-to-left overrides, zero-width joins):
    an image shows letters, and no font has glyphs for those."""
    return "".join(ch for ch in " ".join(text.split()) if unicodedata.category(ch)[0] != "C")


def _view(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    if not points:
        return -180.0, -60.0, 180.0, 80.0
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    width = max(max(lons) - min(lons), MIN_SPAN_DEGREES)
    height = max(max(lats) - min(lats), MIN_SPAN_DEGREES)
    middle_lon, middle_lat = (max(lons) + min(lons)) / 2, (max(lats) + min(lats)) / 2
    half_w, half_h = width * (0.5 + MARGIN_SHARE), height * (0.5 + MARGIN_SHARE)
    return (max(-180.0, middle_lon - half_w), max(-85.0, middle_lat - half_h),
            min(180.0, middle_lon + half_w), min(85.0, middle_lat + half_h))


def _basemap(axes, countries: Sequence[Place], view: tuple[float, float, float, float]) -> None:
    """Water everywhere, land and borders over it, and the names of countries well in view."""
    axes.set_facecolor(WATER)
    window = box(*view)
    shapes = [(c.name, c.geometry) for c in countries
              if c.geometry is not None and c.geometry.intersects(window)]
    if not shapes:
        return
    frame = gpd.GeoDataFrame({"name": [n for n, _ in shapes]},
                             geometry=[g for _, g in shapes], crs="EPSG:4326")
    frame.plot(ax=axes, color=LAND, edgecolor=BORDER, linewidth=0.6, zorder=1)
    west, south, east, north = view
    for name, shape in shapes:
        inside = shape.intersection(window)
        if inside.area < 0.02 * window.area:
            continue
        point = inside.representative_point()
        axes.text(point.x, point.y, name.upper(), fontsize=8, color="#9c958a", ha="center",
                  va="center", zorder=2, fontweight="bold", parse_math=False)


def _places(axes, mentions: Sequence[PlaceMention]) -> None:
    """The places the articles name, small and faint beneath the events (one scatter per colour:
    matplotlib draws a collection at once, and a point at a time very slowly)."""
    by_colour: dict[str, list[PlaceMention]] = {}
    for mention in mentions:
        if mention.kind != Kind.DEMONYM:
            by_colour.setdefault(family_of(mention.kind).colour, []).append(mention)
    for colour, shown in by_colour.items():
        axes.scatter([m.lon for m in shown], [m.lat for m in shown], s=10, color=colour,
                     alpha=0.45, linewidths=0, zorder=3)


def _events(axes, events: Sequence[Event]) -> None:
    """Each event's symbol (one scatter per type), with its circle of uncertainty when its place
    is approximate and an arrow when it moved from one place to another."""
    for event in events:
        style, place = STYLES[event.type], event.place
        if place.uncertainty_km:
            radius = place.uncertainty_km / KM_PER_DEGREE
            axes.add_patch(Ellipse(
                (place.lon, place.lat), 2 * radius / math.cos(math.radians(place.lat)),
                2 * radius, fill=True, facecolor=style.colour, alpha=0.05,
                edgecolor=style.colour, linestyle="--", linewidth=0.8, zorder=4))
        if event.origin is not None and event.destination is not None:
            axes.annotate("", xy=(event.destination.lon, event.destination.lat),
                          xytext=(event.origin.lon, event.origin.lat), zorder=4,
                          arrowprops={"arrowstyle": "->", "color": style.colour, "lw": 1.2,
                                      "linestyle": "--"})
    for event_type in EVENT_TYPES:
        of_type = [event.place for event in events if event.type == event_type]
        if of_type:
            style = STYLES[event_type]
            axes.scatter([p.lon for p in of_type], [p.lat for p in of_type], s=110,
                         marker=MARKERS[style.shape], color=style.colour, edgecolors="white",
                         linewidths=0.9, zorder=5)


def _labels(figure: Figure, axes, events: Sequence[Event]) -> None:
    """Names of event places (the most eventful first), each kept only where it overlaps no label
    already written."""
    counts: dict[tuple, tuple[PlaceMention, int]] = {}
    for event in events:
        key = event.place.place_key
        counts[key] = (event.place, counts.get(key, (event.place, 0))[1] + 1)
    ranked = sorted(counts.values(), key=lambda item: -item[1])[:LABELS_AT_MOST]
    renderer = figure.canvas.get_renderer()
    taken = []
    for place, _ in ranked:
        label = axes.annotate(printable(place.name), (place.lon, place.lat), xytext=(7, 5),
                              parse_math=False,
                              textcoords="offset points", fontsize=8.5, color="#222", zorder=6,
                              bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                                    "alpha": 0.7})
        extent = label.get_window_extent(renderer)
        if any(extent.overlaps(other) for other in taken):
            label.remove()
        else:
            taken.append(extent)


def _legend(axes, events: Sequence[Event]) -> None:
    """The event types present, grouped under their family (an unmarked heading line each)."""
    present = [t for t in EVENT_TYPES if any(e.type == t for e in events)]
    handles = []
    for family in dict.fromkeys(FAMILY_OF_TYPE[t] for t in present):
        handles.append(Line2D([], [], linestyle="", label=family.upper()))
        handles += [Line2D([], [], marker=MARKERS[STYLES[t].shape], linestyle="", markersize=8,
                           color=STYLES[t].colour, markeredgecolor="white",
                           label=f"{STYLES[t].label} ({sum(e.type == t for e in events)})")
                    for t in present if FAMILY_OF_TYPE[t] == family]
    if handles:
        axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
                    frameon=False, title="Events", title_fontsize=9, alignment="left")


def _scale_bar(axes, view: tuple[float, float, float, float]) -> None:
    """A bar of a round number of kilometres, about a fifth of the map wide, bottom left."""
    west, south, east, north = view
    latitude = south + (north - south) * 0.06
    width_km = distance_km(latitude, west, latitude, east)
    target = width_km / 5
    length = min((n * 10 ** e for e in range(0, 5) for n in (1, 2, 5)),
                 key=lambda value: abs(value - target))
    degrees = length / max(distance_km(latitude, 0, latitude, 1), 1e-6)
    start = west + (east - west) * 0.04
    axes.plot([start, start + degrees], [latitude, latitude], color="#333", linewidth=2.5,
              solid_capstyle="butt", zorder=7)
    axes.text(start + degrees / 2, latitude + (north - south) * 0.012, f"{length:,} km",
              ha="center", va="bottom", fontsize=8, color="#333", zorder=7)
