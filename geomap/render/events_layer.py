"""Events on the interactive map: a marker per event, coloured and shaped by its type, a layer per
type in the layer list, lines for movements, and a time filter.

Events travel to the page as compact JSON data, and the page builds markers and popups from it
with DOM text nodes: article text never becomes markup, and a map of many thousands of events stays
small (no per-marker HTML or script in the file). The JSON is inert inside <script>: `tojson`
escapes <, >, & and '.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from branca.element import MacroElement
from folium.template import Template

from geomap.event import EVENT_TYPES, Event, Report

from .page import RawHtml

EPOCH = datetime.date(1970, 1, 1)
# Beyond this many events, markers of one type merge into clusters.
CLUSTER_EVENTS_ABOVE = 60
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
}

CSS = """
.geomap-event-icon svg { display: block; overflow: visible; }
.geomap-event-icon { filter: drop-shadow(0 1px 1px rgba(0, 0, 0, .35)); }
.geomap-legend-shape { display: inline-block; vertical-align: -2px; margin: 0 4px 0 1px; }
.geomap-time {
  background: rgba(255, 255, 255, .94); padding: 8px 12px; border-radius: 4px; font-size: 12px;
  box-shadow: 0 1px 5px rgba(0, 0, 0, .18); color: #333; min-width: 260px;
}
.geomap-time input[type=range] { width: 100%; margin: 2px 0; }
.geomap-time .geomap-time-range { font-weight: 600; }
.geomap-time label { display: block; margin-top: 3px; color: #555; }
.geomap-popup .geomap-sources li { margin: 0 0 3px; overflow-wrap: anywhere; }
.geomap-popup .geomap-sources { margin: 0; padding-left: 16px; }
.geomap-popup .geomap-flags { color: #8a5a00; margin-bottom: 6px; }
"""


class EventLayer(MacroElement):
    """Every event on the map, one overlay per type registered with `control` (the map's layer
    list), and a time filter when some events are dated."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map, control, data) {
            var SHAPES = {
                circle: '<circle cx="9" cy="9" r="6.5"/>',
                square: '<rect x="3" y="3" width="12" height="12"/>',
                triangle: '<path d="M9 1.5 L16.5 15.5 L1.5 15.5 Z"/>',
                diamond: '<path d="M9 1 L17 9 L9 17 L1 9 Z"/>',
                star: '<path d="M9 .8 L11.3 6.3 L17.2 6.6 L12.6 10.4 L14.1 16.2 L9 13 L3.9 16.2 L5.4 10.4 L.8 6.6 L6.7 6.3 Z"/>',
                cross: '<path d="M6.5 1.5 H11.5 V6.5 H16.5 V11.5 H11.5 V16.5 H6.5 V11.5 H1.5 V6.5 H6.5 Z"/>'
            };
            function svg(style, size) {
                return '<svg width="' + size + '" height="' + size + '" viewBox="0 0 18 18">' +
                    '<g fill="' + style.colour + '" stroke="#fff" stroke-width="1.4">' +
                    SHAPES[style.shape] + '</g></svg>';
            }
            function add(parent, tag, text, className) {
                var node = document.createElement(tag);
                if (text !== undefined && text !== null) { node.textContent = String(text); }
                if (className) { node.className = className; }
                parent.appendChild(node);
                return node;
            }
            function row(list, term, value) {
                if (value === undefined || value === null || value === "") { return; }
                add(list, "dt", term);
                add(list, "dd", value);
            }
            function popup(e) {
                var style = data.styles[e.t];
                var box = document.createElement("div");
                box.className = "geomap-popup geomap-event-popup";
                add(box, "h2", e.s ? e.s.charAt(0).toUpperCase() + e.s.slice(1) : style.label);
                add(box, "p", style.label, "geomap-kind");
                if (e.f.length) { add(box, "p", e.f.join(" · "), "geomap-flags"); }
                var list = add(box, "dl");
                row(list, "Who", e.a.filter(function (a) { return a[1] === "actor"; })
                    .map(function (a) { return a[0]; }).join(", "));
                row(list, "Against", e.a.filter(function (a) { return a[1] !== "actor"; })
                    .map(function (a) { return a[0] + " (" + a[1] + ")"; }).join(", "));
                row(list, "When", e.w);
                row(list, "Where", e.p);
                row(list, "From", e.o);
                row(list, "To", e.to);
                row(list, "Killed", e.k);
                row(list, "Injured", e.i);
                row(list, "Displaced", e.x);
                row(list, "Confidence", e.c);
                add(box, "p", "As reported", "geomap-quotes-head");
                var quote = add(box, "blockquote");
                quote.appendChild(document.createTextNode(e.q[0]));
                add(quote, "mark", e.q[1]);
                quote.appendChild(document.createTextNode(e.q[2]));
                add(box, "p", e.r.length > 1 ? e.r.length + " sources" : "Source",
                    "geomap-quotes-head");
                var sources = add(box, "ul", null, "geomap-sources");
                e.r.forEach(function (source) {
                    var item = add(sources, "li");
                    if (source[1]) {
                        var link = add(item, "a", source[0]);
                        link.href = source[1];
                        link.target = "_blank";
                        link.rel = "noopener noreferrer";
                    } else {
                        item.textContent = source[0];
                    }
                    if (source[2] !== null) { add(item, "span", " (" + source[2] + " killed)"); }
                });
                return box;
            }
            var groups = data.styles.map(function (style, index) {
                var group = data.cluster
                    ? L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40,
                                            disableClusteringAtZoom: 9, chunkedLoading: true})
                    : L.featureGroup();
                var count = data.events.filter(function (e) { return e.t === index; }).length;
                if (count) {
                    group.addTo(map);
                    control.addOverlay(group, '<span class="geomap-legend-shape">' +
                        svg(style, 13) + '</span>' + style.label.replace(/&/g, "&amp;") +
                        ' <span class="geomap-count">(' + count + ')</span>');
                }
                return group;
            });
            var icons = data.styles.map(function (style) {
                return L.divIcon({className: "geomap-event-icon", html: svg(style, 18),
                                  iconSize: [18, 18], iconAnchor: [9, 9],
                                  popupAnchor: [0, -8], tooltipAnchor: [0, -8]});
            });
            var ring = {};  // events at one spot are set around it, none hidden under another
            var items = data.events.map(function (e) {
                var spot = e.la + "," + e.lo, nth = ring[spot] = (ring[spot] || 0) + 1;
                var icon = icons[e.t];
                if (nth > 1) {
                    var angle = (nth - 2) * Math.PI / 3, shift = 8 + 3 * Math.floor((nth - 2) / 6);
                    icon = L.divIcon(Object.assign({}, icon.options, {iconAnchor:
                        [9 - Math.round(shift * Math.cos(angle)), 9 - Math.round(shift * Math.sin(angle))]}));
                }
                var layers = [L.marker([e.la, e.lo], {icon: icon, riseOnHover: true, title: ""})];
                if (e.u) {
                    layers.push(L.circle([e.la, e.lo], {radius: e.u * 1000, interactive: false,
                        color: data.styles[e.t].colour, weight: 1, dashArray: "4 3",
                        fillOpacity: .06}));
                }
                if (e.m) {
                    layers.push(L.polyline(e.m, {color: data.styles[e.t].colour, weight: 2,
                                                 opacity: .8, dashArray: "6 4"}));
                }
                layers.filter(function (layer) { return layer.options.interactive !== false; })
                      .forEach(function (layer) {
                    layer.bindPopup(function () { return popup(e); },
                                    {maxWidth: 360, minWidth: 240, autoPanPaddingTopLeft: [20, 190]});
                    layer.bindTooltip(function () {
                        var text = document.createElement("span");
                        text.textContent = e.h;
                        return text;
                    }, {direction: "top", className: "geomap-tooltip"});
                    layer.geomapEvent = e;
                });
                return {event: e, layers: layers, shown: true};
            });
            items.forEach(function (item) {
                item.layers.forEach(function (layer) { groups[item.event.t].addLayer(layer); });
            });
            map.geomapEvents = items;
            var days = data.events.map(function (e) { return e.d; })
                .filter(function (d) { return d !== null; });
            if (!days.length) { return; }
            var first = Math.min.apply(null, days), last = Math.max.apply(null, days);
            var filter = L.control({position: "bottomleft"});
            filter.onAdd = function () {
                var box = L.DomUtil.create("div", "geomap-time");
                add(box, "div", "Dates shown");
                var range = add(box, "div", "", "geomap-time-range");
                var from = add(box, "input"), to = add(box, "input");
                [from, to].forEach(function (input, index) {
                    input.type = "range"; input.min = first; input.max = last; input.step = 1;
                    input.value = index ? last : first;
                    input.className = index ? "geomap-time-to" : "geomap-time-from";
                });
                var label = add(box, "label");
                var undated = add(label, "input");
                undated.type = "checkbox"; undated.checked = true;
                undated.className = "geomap-time-undated";
                label.appendChild(document.createTextNode(" events without a date"));
                function day(number) {
                    return new Date(number * 86400000).toISOString().slice(0, 10);
                }
                function apply() {
                    var low = Math.min(+from.value, +to.value), high = Math.max(+from.value, +to.value);
                    range.textContent = day(low) + " – " + day(high);
                    items.forEach(function (item) {
                        var d = item.event.d;
                        var show = d === null ? undated.checked : (d + item.event.n >= low && d <= high);
                        if (show === item.shown) { return; }
                        item.shown = show;
                        item.layers.forEach(function (layer) {
                            if (show) { groups[item.event.t].addLayer(layer); }
                            else { groups[item.event.t].removeLayer(layer); }
                        });
                    });
                }
                [from, to, undated].forEach(function (input) {
                    L.DomEvent.on(input, "input change", apply);
                });
                L.DomEvent.disableClickPropagation(box);
                L.DomEvent.disableScrollPropagation(box);
                apply();
                return box;
            };
            filter.addTo(map);
        })({{ this._parent.get_name() }}, {{ this.control.get_name() }}, {{ this.data|tojson }});
        {% endmacro %}
    """)

    def __init__(self, events: Sequence[Event], *, control: MacroElement):
        super().__init__()
        self._name = "EventLayer"
        self.control = control
        placed = [event for event in events if event.place is not None]
        self.data = {
            "styles": [{"label": STYLES[t].label, "colour": STYLES[t].colour,
                        "shape": STYLES[t].shape} for t in EVENT_TYPES],
            "cluster": len(placed) > CLUSTER_EVENTS_ABOVE,
            "events": [_record(event) for event in placed],
        }

    def render(self, **kwargs) -> None:
        self.get_root().header.add_child(RawHtml(f"<style>{CSS}</style>\n"), name="events_css")
        super().render(**kwargs)


def _record(event: Event) -> dict:
    """What the page needs of an event, in short keys (the file stays small at scale)."""
    place = event.place
    day, span = _days(event)
    return {
        "t": EVENT_TYPES.index(event.type), "s": event.subtype,
        "la": round(place.lat, 5), "lo": round(place.lon, 5), "d": day, "n": span,
        "h": tooltip_text(event), "w": when_text(event),
        "p": where_text(place), "o": event.origin.name if event.origin else None,
        "to": event.destination.name if event.destination else None,
        "k": _figure(event.fatalities, event.counts_at_least),
        "i": _figure(event.injured, event.counts_at_least),
        "x": _figure(event.displaced, event.counts_at_least),
        "c": f"{event.confidence:.0%}",
        "u": round(place.uncertainty_km, 1) if place.uncertainty_km else None,
        "a": [[actor.name, actor.role] for actor in event.actors],
        "f": [flag for flag, on in (("reported by a source", event.reported),
                                    ("speculative", event.speculative),
                                    ("denied or negated", event.negated)) if on],
        "q": _quote(event), "r": _sources(event), "m": _movement(event),
    }


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


def where_text(place) -> str:
    """The place with its confidence and the name as the article wrote it."""
    written = f", written “{place.text.strip()}”" if place.text.strip() != place.name else ""
    radius = f", within about {place.uncertainty_km:.0f} km" if place.uncertainty_km else ""
    return f"{place.name} ({place.confidence:.0%} sure{written}{radius})"


def tooltip_text(event: Event) -> str:
    """"Suicide bombing · Al Hajaj · 2017-03-08 · 26 killed"."""
    parts = [event.subtype.capitalize() or STYLES[event.type].label]
    if event.place is not None:
        parts.append(event.place.name)
    if event.date.date:
        parts.append(event.date.date if event.date.precision == "day" else event.date.text)
    if event.fatalities:
        parts.append(f"{'at least ' if event.counts_at_least else ''}{event.fatalities} killed")
    return " · ".join(part for part in parts if part)


def _figure(value: int | None, at_least: bool) -> str | None:
    if value is None:
        return None
    return f"at least {value:,}" if at_least else f"{value:,}"


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
    if event.origin is None or event.destination is None:
        return None
    return [[round(event.origin.lat, 5), round(event.origin.lon, 5)],
            [round(event.destination.lat, 5), round(event.destination.lon, 5)]]
