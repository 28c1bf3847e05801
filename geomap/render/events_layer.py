"""Events on the interactive map: what the page's script (`event_client`) is given. A symbol per
place of events, coloured and shaped by its most important type, with their count; areas for the
events known only to a country or region; the event list; a switch per type in the layer list
(ordered and labelled by family); lines for movements between two places; the filters.

Events travel to the page as compact JSON data, and the page builds markers and popups from it
with DOM text nodes: article text never becomes markup, and a map of many thousands of events stays
small (no per-marker HTML or script in the file). The JSON is inert inside <script> and inside
folium's second Jinja pass (`markup.inert_json`). Each record carries the event's id, the spot it
stands at and the area it is known only to (or -1).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from branca.element import MacroElement

from gazetteer.model import Kind, Place
from geomap.events.records import ACTOR_ROLES, Event, Report
from geomap.events.taxonomy import EVENT_TYPES, FAMILY_OF_TYPE, geo_precision

from .areas import area_outline, outline_json
from .event_client import CSS, EVENT_SCRIPT
from .labels import EVENT_PRIORITY, add_label_placer
from .markup import Template
from .page import add_markercluster, add_stylesheet
from .story import AREA_PRECISION, TYPE_RANK, is_area_event, label_for, spot_key

EPOCH = datetime.date(1970, 1, 1)
# Beyond this many places of events, nearby symbols merge into clusters.
CLUSTER_SPOTS_ABOVE = 60
# Entries the event list shows at once (the rest are counted): a list of 100,000 would be slow.
LIST_MOST = 400
# A map of more articles than this has no per-article switches (the list would fill the map).
MAX_ARTICLE_FILTERS = 12
# Characters of sentence kept on each side of the place in a popup's quote.
QUOTE_SIDE = 160


@dataclass(frozen=True, slots=True)
class EventStyle:
    label: str
    colour: str
    shape: str  # an SVG shape drawn by the page: circle, square, triangle, diamond, star, cross


STYLES = {
    "attack": EventStyle("Attacks", "#c62828", "star"),
    "armed clash": EventStyle("Armed clashes", "#ef6c00", "diamond"),
    "violence against civilians": EventStyle("Violence against civilians", "#6a1b9a", "triangle"),
    "capture": EventStyle("Territory captured", "#2e7d32", "square"),
    "deployment": EventStyle("Deployments & advances", "#1565c0", "triangle"),
    "displacement": EventStyle("Flight & displacement", "#00838f", "circle"),
    "arrest": EventStyle("Arrests", "#4e342e", "square"),
    "protest": EventStyle("Protests", "#ad1457", "circle"),
    "statement": EventStyle("Statements & claims", "#546e7a", "diamond"),
    "meeting": EventStyle("Talks & meetings", "#9e9d24", "cross"),
    "disaster": EventStyle("Disasters", "#0277bd", "star"),
    "accident": EventStyle("Accidents", "#f9a825", "triangle"),
    "legal proceedings": EventStyle("Charges, trials & verdicts", "#6d4c41", "diamond"),
    "political decision": EventStyle("Votes, decisions & appointments", "#558b2f", "square"),
}

class EventLayer(MacroElement):
    """Every event of the story: the places of events as symbols with counts, the areas of events
    known only to a country or region, the event list, one switch per type in `control` (the
    map's layer list, whose counts follow the filters), and a filter by date (when some events
    are dated) and by source article (when the map holds a few articles)."""

    _template = Template(EVENT_SCRIPT)

    def __init__(self, events: Sequence[Event], *, control: MacroElement, names: dict,
                 countries: Sequence[Place] = ()):
        """`names`: each place's label by `place_key` (the article's spelling)."""
        super().__init__()
        self._name = "EventLayer"
        self.control = control
        self.max_article_filters = MAX_ARTICLE_FILTERS
        self.list_most = LIST_MOST
        self.event_priority = EVENT_PRIORITY
        strings = _Strings()
        spots, areas = _Places(strings, names), _Areas(strings, names, countries)
        records = [_record(event, strings) + [event.id, spots(event), areas(event)]
                   for event in events]
        self.data = {
            "styles": [{"label": STYLES[t].label, "colour": STYLES[t].colour,
                        "shape": STYLES[t].shape, "family": FAMILY_OF_TYPE[t],
                        "rank": TYPE_RANK[t]} for t in EVENT_TYPES],
            "cluster": len(spots.table) > CLUSTER_SPOTS_ABOVE, "strings": strings.table,
            "events": records, "spots": spots.table, "areas": areas.table,
        }

    def render(self, **kwargs) -> None:
        add_stylesheet(self, "events_css", CSS)
        add_label_placer(self)
        if self.data["cluster"]:
            add_markercluster(self)
        super().render(**kwargs)


class _Places:
    """The spots events stand at, numbered: [lat, lon, label, uncertainty km or None]."""

    def __init__(self, strings: _Strings, names: dict):
        self.table: list[list] = []
        self._index: dict[tuple, int] = {}
        self._strings, self._names = strings, names

    def __call__(self, event: Event) -> int:
        place = event.place
        if place is None or is_area_event(event):
            return -1
        key = spot_key(place)
        if key not in self._index:
            self._index[key] = len(self.table)
            self.table.append([key[0], key[1], self._strings(label_for(place, self._names)),
                               round(place.uncertainty_km, 1) if place.uncertainty_km else None])
        return self._index[key]


class _Areas:
    """The countries and regions events are known only to, numbered: [name, label, bounds,
    centre, GeoJSON outline or None]."""

    def __init__(self, strings: _Strings, names: dict, countries: Sequence[Place]):
        self.table: list[list] = []
        self._index: dict[tuple, int] = {}
        self._strings, self._names, self._countries = strings, names, countries

    def __call__(self, event: Event) -> int:
        if not is_area_event(event):
            return -1
        place = event.place
        if place.place_key not in self._index:
            self._index[place.place_key] = len(self.table)
            shape = area_outline(place, self._countries)
            if shape is not None:
                west, south, east, north = shape.bounds
            else:
                radius = (place.uncertainty_km or 50) / 111
                west, south, east, north = (place.lon - radius, place.lat - radius,
                                            place.lon + radius, place.lat + radius)
            self.table.append([self._strings(place.name),
                               self._strings(label_for(place, self._names)),
                               [[round(south, 3), round(west, 3)], [round(north, 3), round(east, 3)]],
                               [round(place.lat, 4), round(place.lon, 4)],
                               None if shape is None else outline_json(shape)])
        return self._index[place.place_key]


class _Strings:
    """A table of the page's repeated strings (place, actor and source names), referred to by
    index: a map of many events names the same few places and sources again and again."""

    def __init__(self):
        self.table: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str | None) -> int:
        if text is None:
            return -1
        if text not in self._index:
            self._index[text] = len(self.table)
            self.table.append(text)
        return self._index[text]


REPORTED, SPECULATIVE, NEGATED, AT_LEAST = 1, 2, 4, 8


def _record(event: Event, strings: _Strings) -> list:
    """What the page needs of an event, as a list in the order the page's script reads it
    (field names repeated a hundred thousand times would be most of the file)."""
    place = event.place
    day, span = _days(event)
    written = " ".join(place.text.split()) if place is not None else ""
    flags = (REPORTED * event.reported | SPECULATIVE * event.speculative
             | NEGATED * event.negated | AT_LEAST * event.counts_at_least)
    return [
        EVENT_TYPES.index(event.type), strings(event.subtype),
        round(place.lat, 5) if place else None, round(place.lon, 5) if place else None,
        day, span, when_text(event), strings(place.name if place else None),
        strings(written) if place and written != place.name else -1,
        round(place.confidence * 100) if place else 0,
        round(place.uncertainty_km, 1) if place and place.uncertainty_km else None,
        strings(event.origin.name if event.origin else None),
        strings(event.destination.name if event.destination else None),
        event.fatalities, event.injured, event.displaced, flags, round(event.confidence * 100),
        [[strings(actor.name), ACTOR_ROLES.index(actor.role)] for actor in event.actors],
        _quote(event), [[strings(title), strings(link or None), killed]
                        for title, link, killed in _sources(event)],
        _movement(event),
    ]


def _days(event: Event) -> tuple[int | None, int]:
    """The event's first day as a day number, and how many more days it spans."""
    if event.date.date is None:
        return None, 0
    first = datetime.date.fromisoformat(event.date.date)
    last = datetime.date.fromisoformat(event.date.end) if event.date.end else first
    return (first - EPOCH).days, (last - first).days


def when_text(event: Event) -> str:
    """"2017-03-08 (day, “late on Wednesday”)", "July 2014 (month)", or "" when unknown."""
    date = event.date
    if date.date is None:
        return ""
    shown = date.date if not date.end else f"{date.date} to {date.end}"
    words = f", “{date.text}”" if date.text else ""
    return f"{shown} ({date.precision}{words})"


def _quote(event: Event) -> list[str]:
    """The sentence split around the place as written, for highlighting it."""
    sentence = " ".join(event.sentence.split())
    written = " ".join(event.place.text.split()) if event.place is not None else ""
    at = sentence.find(written) if written else -1
    if at < 0:
        return [sentence[:2 * QUOTE_SIDE], "", ""]
    before, after = sentence[:at], sentence[at + len(written):]
    if len(before) > QUOTE_SIDE:
        before = "…" + before[-QUOTE_SIDE:]
    if len(after) > QUOTE_SIDE:
        after = after[:QUOTE_SIDE] + "…"
    return [before, written, after]


def _sources(event: Event) -> list[list]:
    """[title, link or "", killed] per report; only http(s) links are made clickable."""
    reports = event.sources or [Report(event.article, event.sentence, event.fatalities)]
    found = []
    for report in reports:
        article = report.article
        title = article.title or article.source or article.file
        link = article.url if urlsplit(article.url).scheme in ("http", "https") else ""
        found.append([title, link, report.fatalities])
    return found


def _movement(event: Event) -> list[list[float]] | None:
    """A line from origin to destination, only when both are places with a point of their own
    (a line from a country's centre says nothing)."""
    ends = (event.origin, event.destination)
    if None in ends or spot_key(ends[0]) == spot_key(ends[1]) or any(
            geo_precision(end) == AREA_PRECISION or end.kind == Kind.APPROXIMATE for end in ends):
        return None
    return [[round(event.origin.lat, 5), round(event.origin.lon, 5)],
            [round(event.destination.lat, 5), round(event.destination.lon, 5)]]
