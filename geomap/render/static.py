"""Static maps for slides and print (PNG, SVG, PDF), drawn with geopandas and matplotlib on the
same offline Natural Earth basemap as the interactive map: one symbol per place of events with
their count, areas shaded for events known only to a country or region, rivers and regions,
labels placed so that none collides (see `static_labels`), a legend, a scale bar and the credits.

For a graphics desk: the SVG keeps its text as <text> (svg.fonttype none) and the PDF embeds
TrueType fonts (pdf.fonttype 42) and carries the title in its metadata. The file is exactly the
asked width and height. No browser is needed.
"""

from __future__ import annotations

import math
import textwrap
import unicodedata
import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd
import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.lines import Line2D
from matplotlib.patches import Ellipse
from matplotlib.transforms import Bbox
from shapely.geometry import box

from gazetteer.geo import KM_PER_DEGREE, distance_km
from gazetteer.model import Kind, Place
from geomap.atomic import write_with
from geomap.events.records import Event
from geomap.events.taxonomy import EVENT_TYPES, FAMILY_OF_TYPE
from geomap.places.mention import PlaceMention

from .areas import area_outline
from .events_layer import STYLES
from .framing import story_core
from .markers import RIVER_BLUE, family_of
from .print_size import DEFAULT_SIZE, PrintSize
from .static_labels import Candidate, place_labels
from .story import (
    TYPE_RANK,
    article_names,
    event_summary,
    is_area_event,
    label_for,
    stacks,
)

FORMATS = ("png", "svg", "pdf")
# matplotlib markers for the interactive map's shapes
MARKERS = {"circle": "o", "square": "s", "triangle": "^", "diamond": "D", "star": "*",
           "cross": "P"}
WATER, LAND, BORDER = "#dbe7ef", "#f3f1ec", "#b9b2a6"
# The view reaches this share beyond the events on each side, at least this many degrees.
MARGIN_SHARE, MIN_SPAN_DEGREES = 0.15, 3.0
CREDITS = "Places: GeoNames (CC-BY 4.0) · Borders: Natural Earth · Map: geomap"
PRINT_FONTS = {"svg.fonttype": "none", "pdf.fonttype": 42, "ps.fonttype": 42}
TITLE_LINES, SUBTITLE_LINES = 2, 2
SYMBOL_SIZE = 110  # points², as scatter takes it


def static_map(path: Path, *, events: Sequence[Event], mentions: Sequence[PlaceMention],
               countries: Sequence[Place], title: str, subtitle: str = "",
               size: PrintSize = DEFAULT_SIZE) -> Path:
    """Draw the events (and, faintly, the other places) to `path`; the format is its suffix.
    Letters the font lacks (some scripts) are drawn as boxes, without a warning for each."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"{path}: a static map is .png, .svg or .pdf, not .{suffix}")
    with warnings.catch_warnings(), matplotlib.rc_context(PRINT_FONTS):
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure = _draw(events=events, mentions=mentions, countries=countries, title=title,
                       subtitle=subtitle, size=size)
        metadata = {"Title": printable(title)}
        return write_with(Path(path), lambda temp: figure.savefig(
            temp, dpi=size.dpi, format=suffix, metadata=metadata))


def _draw(*, events: Sequence[Event], mentions: Sequence[PlaceMention],
          countries: Sequence[Place], title: str, subtitle: str, size: PrintSize) -> Figure:
    placed = [event for event in events if event.place is not None]
    points = [(e.place.lon, e.place.lat) for e in placed if not is_area_event(e)] or [
        (e.place.lon, e.place.lat) for e in placed] or [
        (m.lon, m.lat) for m in mentions if m.kind != Kind.DEMONYM]
    view = _view(_core(points))
    figure = Figure(figsize=(size.width / size.dpi, size.height / size.dpi), dpi=size.dpi)
    FigureCanvasAgg(figure)  # no pyplot: no global state, no display
    axes = figure.subplots()
    names = article_names(mentions, events)
    country_names = _basemap(axes, countries, view)
    _areas(axes, [event for event in placed if is_area_event(event)], countries)
    _shapes(axes, mentions)
    _places(axes, mentions)
    symbols, badges = _events(axes, placed)
    axes.set_xticks([])
    axes.set_yticks([])
    axes.set_xlabel("")
    axes.set_ylabel("")
    header = _header(figure, title, " · ".join(part for part in (subtitle, event_summary(events))
                                                if part))
    figure.text(0.995, 0.004, CREDITS, ha="right", va="bottom", fontsize=7, color="#666")
    _legend(axes, events)
    credits = 14 / (figure.get_figheight() * 72)
    figure.set_layout_engine(ConstrainedLayoutEngine(rect=(0, credits, 1, 1 - header - credits)))
    figure.get_layout_engine().execute(figure)
    figure.set_layout_engine("none")  # labels are placed for this layout; keep it
    _fill_box(axes, view)
    bar = _scale_bar(axes, axes.get_xlim() + axes.get_ylim())
    renderer = figure.canvas.get_renderer()
    place_labels(figure, axes, _candidates(symbols, mentions, names, country_names),
                 obstacles=[bar, *(badge.get_window_extent(renderer) for badge in badges)])
    return figure


def _header(figure: Figure, title: str, subtitle: str) -> float:
    """Title and subtitle along the top of the page, wrapped to its width and cut to a few
    lines; returns the share of the page's height they take."""
    width_points = figure.get_figwidth() * 72 * 0.95
    title_lines = _wrapped(printable(title), int(width_points / (14 * 0.62)), TITLE_LINES)
    subtitle_lines = _wrapped(printable(subtitle), int(width_points / (9 * 0.55)),
                              SUBTITLE_LINES) if subtitle else []
    height_points = figure.get_figheight() * 72
    top = 1 - 10 / height_points
    # parse_math=False: "$5 and $6" in a title is text, not TeX for matplotlib to choke on
    figure.text(0.012, top, "\n".join(title_lines), ha="left", va="top", fontsize=14,
                fontweight="bold", parse_math=False, linespacing=1.2)
    used = 10 + 14 * 1.25 * len(title_lines)
    if subtitle_lines:
        figure.text(0.012, 1 - (used + 3) / height_points, "\n".join(subtitle_lines),
                    ha="left", va="top", fontsize=9, color="#555", parse_math=False)
        used += 3 + 9 * 1.3 * len(subtitle_lines)
    return (used + 6) / height_points


def _fill_box(axes, view: tuple[float, float, float, float]) -> None:
    """Show the view at true shape (a degree of longitude is cos(latitude) of one of latitude),
    grown to the map's box so that the box has no white bands."""
    west, south, east, north = view
    squeeze = math.cos(math.radians((south + north) / 2))
    frame = axes.get_window_extent()
    wanted = frame.width / frame.height
    width, height = east - west, north - south
    if width * squeeze / height < wanted:
        width = wanted * height / squeeze
    else:
        height = width * squeeze / wanted
    middle_lon, middle_lat = (east + west) / 2, (north + south) / 2
    axes.set_xlim(middle_lon - width / 2, middle_lon + width / 2)
    axes.set_ylim(middle_lat - height / 2, middle_lat + height / 2)
    axes.set_aspect(1 / squeeze)


def _wrapped(text: str, width: int, lines: int) -> list[str]:
    wrapped = textwrap.wrap(text, max(width, 20), max_lines=lines, placeholder=" …")
    return wrapped or [""]


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


def _basemap(axes, countries: Sequence[Place], view: tuple[float, float, float, float]
             ) -> list[Candidate]:
    """Water everywhere, land and borders over it; the names of countries well in view, as
    labels that take part in the placing."""
    axes.set_facecolor(WATER)
    window = box(*view)
    west, south, east, north = view
    # the view may grow to the map's shape: draw the land around it too
    around = box(2 * west - east, 2 * south - north, 2 * east - west, 2 * north - south)
    shapes = [(c.name, c.geometry) for c in countries
              if c.geometry is not None and c.geometry.intersects(around)]
    if not shapes:
        return []
    frame = gpd.GeoDataFrame({"name": [n for n, _ in shapes]},
                             geometry=[g for _, g in shapes], crs="EPSG:4326")
    frame.plot(ax=axes, color=LAND, edgecolor=BORDER, linewidth=0.6, zorder=1)
    names = []
    for name, shape in shapes:
        inside = shape.intersection(window)
        if not inside.is_empty and inside.area >= 0.02 * window.area:
            point = inside.representative_point()
            names.append(Candidate(printable(name).upper(), point.x, point.y, inside.area,
                                   "country"))
    return names


def _areas(axes, events: Sequence[Event], countries: Sequence[Place]) -> None:
    """Events known only to a country or region: the area shaded faintly in the colour of its
    most important event, no pin at its centre."""
    by_place: dict[tuple, list[Event]] = {}
    for event in events:
        by_place.setdefault(event.place.place_key, []).append(event)
    for group in by_place.values():
        top = min(group, key=lambda event: TYPE_RANK[event.type])
        place, colour = top.place, STYLES[top.type].colour
        shape = area_outline(place, countries)
        if shape is not None and shape.geom_type in ("LineString", "MultiLineString"):
            gpd.GeoSeries([shape]).plot(ax=axes, color=colour, linewidth=3, alpha=0.35, zorder=2)
        elif shape is not None:
            gpd.GeoSeries([shape]).plot(ax=axes, facecolor=colour, alpha=0.05, edgecolor="none",
                                        zorder=2)
            gpd.GeoSeries([shape.boundary]).plot(ax=axes, color=colour, linewidth=0.7,
                                                 alpha=0.35, linestyle="--", zorder=2)


def _shapes(axes, mentions: Sequence[PlaceMention]) -> None:
    """Rivers as blue lines and regions as faint outlines, as on the interactive map."""
    seen = set()
    for mention in mentions:
        shape = mention.geometry
        if shape is None or mention.place_key in seen or mention.kind == Kind.COUNTRY:
            continue
        seen.add(mention.place_key)
        if shape.geom_type in ("LineString", "MultiLineString"):
            gpd.GeoSeries([shape]).plot(ax=axes, color=RIVER_BLUE, linewidth=1.4, alpha=0.8,
                                        zorder=2.5)
        elif shape.geom_type in ("Polygon", "MultiPolygon"):
            colour = family_of(mention.kind).colour
            gpd.GeoSeries([shape.boundary]).plot(ax=axes, color=colour, linewidth=0.6,
                                                 alpha=0.45, linestyle=":", zorder=2.5)


def _places(axes, mentions: Sequence[PlaceMention]) -> None:
    """The places the articles name, small and faint beneath the events (one scatter per colour:
    matplotlib draws a collection at once, and a point at a time very slowly)."""
    by_colour: dict[str, list[PlaceMention]] = {}
    for mention in mentions:
        if mention.kind != Kind.DEMONYM and mention.geometry is None:
            by_colour.setdefault(family_of(mention.kind).colour, []).append(mention)
    for colour, shown in by_colour.items():
        axes.scatter([m.lon for m in shown], [m.lat for m in shown], s=10, color=colour,
                     alpha=0.45, linewidths=0, zorder=3)


def _events(axes, events: Sequence[Event]) -> tuple[list[tuple[PlaceMention, int]], list]:
    """One symbol per place of events, of its most important type, with the count beside it;
    a light circle of uncertainty for an approximate place and an arrow for a movement between
    two places of the story. Returns each symbol's place and count, and the count badges."""
    point_stacks = stacks(events)
    for stack in point_stacks:
        place, style = stack.place, STYLES[stack.top.type]
        if place.uncertainty_km:
            radius = place.uncertainty_km / KM_PER_DEGREE
            axes.add_patch(Ellipse(
                (place.lon, place.lat), 2 * radius / math.cos(math.radians(place.lat)),
                2 * radius, fill=True, facecolor=style.colour, alpha=0.04,
                edgecolor=style.colour, linestyle="--", linewidth=0.6, zorder=4))
        for event in stack.events:
            if _moves_between_places(event):
                axes.annotate("", xy=(event.destination.lon, event.destination.lat),
                              xytext=(event.origin.lon, event.origin.lat), zorder=4,
                              arrowprops={"arrowstyle": "->", "color": style.colour, "lw": 1.1,
                                          "linestyle": "--", "alpha": 0.8})
    for event_type in reversed(EVENT_TYPES):
        shown = [stack.place for stack in point_stacks if stack.top.type == event_type]
        if shown:
            style = STYLES[event_type]
            axes.scatter([p.lon for p in shown], [p.lat for p in shown], s=SYMBOL_SIZE,
                         marker=MARKERS[style.shape], color=style.colour, edgecolors="white",
                         linewidths=0.9, zorder=5)
    badges = []
    for stack in point_stacks:
        if len(stack.events) > 1:
            badges.append(axes.annotate(
                          str(len(stack.events)), (stack.place.lon, stack.place.lat),
                          xytext=(0, 10), textcoords="offset points", fontsize=6.5,
                          fontweight="bold", color="white", ha="center", va="center",
                          zorder=6, bbox={"boxstyle": "circle,pad=0.25", "fc": "#333",
                                          "ec": "white", "lw": 0.6}))
    return [(stack.place, len(stack.events)) for stack in point_stacks], badges


def _moves_between_places(event: Event) -> bool:
    ends = (event.origin, event.destination)
    return (None not in ends and ends[0].place_key != ends[1].place_key
            and all(end.kind not in (Kind.COUNTRY, Kind.ADMIN1, Kind.APPROXIMATE)
                    for end in ends))


def _candidates(symbols: list[tuple[PlaceMention, int]], mentions: Sequence[PlaceMention],
                names: dict, country_names: list[Candidate]) -> list[Candidate]:
    """Labels by priority: places of events (the most eventful first), then the other places
    the story names (the most mentioned first), then the country names."""
    found = [Candidate(printable(label_for(place, names)), place.lon, place.lat, count, "event")
             for place, count in symbols]
    counted = Counter(m.place_key for m in mentions if m.kind not in (Kind.DEMONYM, Kind.COUNTRY))
    labelled = {place.place_key for place, _ in symbols}
    first = {m.place_key: m for m in mentions}
    for key, count in counted.most_common():
        if key not in labelled and first[key].geometry is None:
            place = first[key]
            found.append(Candidate(printable(label_for(place, names)), place.lon, place.lat,
                                   count, "place"))
    return found + sorted(country_names, key=lambda name: -name.weight)


def _legend(axes, events: Sequence[Event]) -> None:
    """The event types present, grouped under their family (an unmarked heading line each),
    with every event counted, and the events known only to a country or region listed."""
    told = [e for e in events if e.place is not None]
    present = [t for t in EVENT_TYPES if any(e.type == t for e in told)]
    handles = []
    for family in dict.fromkeys(FAMILY_OF_TYPE[t] for t in present):
        handles.append(Line2D([], [], linestyle="", label=family.upper()))
        handles += [Line2D([], [], marker=MARKERS[STYLES[t].shape], linestyle="", markersize=8,
                           color=STYLES[t].colour, markeredgecolor="white",
                           label=f"{STYLES[t].label} ({sum(e.type == t for e in told)})")
                    for t in present if FAMILY_OF_TYPE[t] == family]
    areas = Counter(printable(e.place.name) for e in told if is_area_event(e))
    if areas:
        handles.append(Line2D([], [], linestyle="", label="ONLY A COUNTRY OR REGION"))
        handles += [Line2D([], [], linestyle="", label=f"{name} ({count})")
                    for name, count in areas.most_common(8)]
    unplaced = len(events) - len(told)
    if unplaced:
        handles.append(Line2D([], [], linestyle="", label=f"Without a place: {unplaced}"))
    if handles:
        axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
                    frameon=False, title=f"Events ({len(events)})", title_fontsize=9,
                    alignment="left")


def _scale_bar(axes, view: tuple[float, ...]):
    """A bar of a round number of kilometres, about a fifth of the map wide, bottom left;
    returns its extent on the page, which labels keep clear of."""
    west, east, south, north = view
    latitude = south + (north - south) * 0.06
    width_km = distance_km(latitude, west, latitude, east)
    target = width_km / 5
    length = min((n * 10 ** e for e in range(5) for n in (1, 2, 5)),
                 key=lambda value: abs(value - target))
    degrees = length / max(distance_km(latitude, 0, latitude, 1), 1e-6)
    start = west + (east - west) * 0.04
    [line] = axes.plot([start, start + degrees], [latitude, latitude], color="#333",
                       linewidth=2.5, solid_capstyle="butt", zorder=7)
    text = axes.text(start + degrees / 2, latitude + (north - south) * 0.012, f"{length:,} km",
                     ha="center", va="bottom", fontsize=8, color="#333", zorder=7)
    renderer = axes.figure.canvas.get_renderer()
    return Bbox.union([line.get_window_extent(renderer), text.get_window_extent(renderer)])
