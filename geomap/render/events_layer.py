"""Events on the interactive map: a marker per event, coloured and shaped by its type, a layer per
type in the layer list (ordered and labelled by family), lines for movements, and a time filter.

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

from geomap.events.records import ACTOR_ROLES, Event, Report
from geomap.events.taxonomy import EVENT_TYPES, FAMILY_OF_TYPE

from .markup import Template
from .page import add_markercluster, add_stylesheet

EPOCH = datetime.date(1970, 1, 1)
# Beyond this many events, markers of one type merge into clusters.
CLUSTER_EVENTS_ABOVE = 60
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

CSS = """
.geomap-event-icon svg { display: block; overflow: visible; }
.geomap-event-icon { filter: drop-shadow(0 1px 1px rgba(0, 0, 0, .35)); }
.geomap-legend-shape { display: inline-block; vertical-align: -2px; margin: 0 4px 0 1px; }
.geomap-family {
  display: inline-block; min-width: 6.5em; color: #777; font-size: 10px;
  text-transform: uppercase; letter-spacing: .04em;
}
.geomap-time {
  background: rgba(255, 255, 255, .94); padding: 8px 12px; border-radius: 4px; font-size: 12px;
  box-shadow: 0 1px 5px rgba(0, 0, 0, .18); color: #333; min-width: 260px;
}
.geomap-time input[type=range] { width: 100%; margin: 2px 0; }
.geomap-time .geomap-time-range { font-weight: 600; }
.geomap-time label { display: block; margin-top: 3px; color: #555; max-width: 300px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.geomap-time .geomap-time-articles { margin-top: 6px; }
.geomap-popup .geomap-sources li { margin: 0 0 3px; overflow-wrap: anywhere; }
.geomap-popup .geomap-sources { margin: 0; padding-left: 16px; }
.geomap-popup .geomap-flags { color: #8a5a00; margin-bottom: 6px; }
"""


class EventLayer(MacroElement):
    """Every event on the map, one overlay per type registered with `control` (the map's layer
    list), and a filter by date (when some events are dated) and by source article (when the
    map holds a few articles)."""

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
            var S = data.strings, ROLES = ["actor", "target", "victim"];
            var MAX_ARTICLE_FILTERS = {{ this.max_article_filters }};
            function text(index) { return index >= 0 ? S[index] : null; }
            function figure(value, e) {
                if (value === null) { return null; }
                return (e[16] & 8 ? "at least " : "") + value.toLocaleString("en");
            }
            function iso(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }
            function tooltip(e) {
                var parts = [text(e[1]), text(e[7])];
                if (e[4] !== null) { parts.push(e[5] ? e[6].split(" (")[0] : iso(e[4])); }
                if (e[13]) { parts.push(figure(e[13], e) + " killed"); }
                return parts.filter(Boolean).join(" · ");
            }
            function where(e) {
                var written = text(e[8]);
                return text(e[7]) + " (" + e[9] + "% sure" +
                    (written ? ", written “" + written + "”" : "") +
                    (e[10] ? ", within about " + Math.round(e[10]) + " km" : "") + ")";
            }
            function popup(e) {
                var style = data.styles[e[0]], subtype = text(e[1]);
                var box = document.createElement("div");
                box.className = "geomap-popup geomap-event-popup";
                add(box, "h2", subtype ? subtype.charAt(0).toUpperCase() + subtype.slice(1)
                                        : style.label);
                add(box, "p", style.label, "geomap-kind");
                var flags = [[1, "reported by a source"], [2, "speculative"],
                             [4, "denied or negated"]]
                    .filter(function (f) { return e[16] & f[0]; })
                    .map(function (f) { return f[1]; });
                if (flags.length) { add(box, "p", flags.join(" · "), "geomap-flags"); }
                var list = add(box, "dl");
                row(list, "Who", e[18].filter(function (a) { return a[1] === 0; })
                    .map(function (a) { return S[a[0]]; }).join(", "));
                row(list, "Against", e[18].filter(function (a) { return a[1] !== 0; })
                    .map(function (a) { return S[a[0]] + " (" + ROLES[a[1]] + ")"; }).join(", "));
                row(list, "When", e[6]);
                row(list, "Where", where(e));
                row(list, "From", text(e[11]));
                row(list, "To", text(e[12]));
                row(list, "Killed", figure(e[13], e));
                row(list, "Injured", figure(e[14], e));
                row(list, "Displaced", figure(e[15], e));
                row(list, "Confidence", e[17] + "%");
                add(box, "p", "As reported", "geomap-quotes-head");
                var quote = add(box, "blockquote");
                quote.appendChild(document.createTextNode(e[19][0]));
                add(quote, "mark", e[19][1]);
                quote.appendChild(document.createTextNode(e[19][2]));
                add(box, "p", e[20].length > 1 ? e[20].length + " sources" : "Source",
                    "geomap-quotes-head");
                var sources = add(box, "ul", null, "geomap-sources");
                e[20].forEach(function (source) {
                    var item = add(sources, "li");
                    if (source[1] >= 0) {
                        var link = add(item, "a", S[source[0]]);
                        link.href = S[source[1]];
                        link.target = "_blank";
                        link.rel = "noopener noreferrer";
                    } else {
                        item.textContent = S[source[0]];
                    }
                    if (source[2] !== null) { add(item, "span", " (" + source[2] + " killed)"); }
                });
                return box;
            }
            var popupOptions = {maxWidth: 360, minWidth: 240, autoPanPaddingTopLeft: [20, 190]};
            var groups = data.styles.map(function () {
                var group = data.cluster
                    ? L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40,
                                            disableClusteringAtZoom: 9, chunkedLoading: true})
                    : L.featureGroup();
                // one popup and one tooltip per layer of markers, not per marker: a map of a
                // hundred thousand events opens faster (clusters and circles have no event)
                group.bindPopup(function (layer) { return popup(layer.geomapEvent); },
                                popupOptions);
                group.bindTooltip(function (layer) {
                    var span = document.createElement("span");
                    span.textContent = tooltip(layer.geomapEvent);
                    return span;
                }, {direction: "top", className: "geomap-tooltip"});
                return group;
            });
            var icons = data.styles.map(function (style) {
                return L.divIcon({className: "geomap-event-icon", html: svg(style, 18),
                                  iconSize: [18, 18], iconAnchor: [9, 9],
                                  popupAnchor: [0, -8], tooltipAnchor: [0, -8]});
            });
            var ring = {};  // events at one spot are set around it, none hidden under another
            var items = data.events.map(function (e) {
                var spot = e[2] + "," + e[3], nth = ring[spot] = (ring[spot] || 0) + 1;
                var icon = icons[e[0]];
                if (nth > 1) {
                    var angle = (nth - 2) * Math.PI / 3, shift = 8 + 3 * Math.floor((nth - 2) / 6);
                    icon = L.divIcon(Object.assign({}, icon.options, {iconAnchor:
                        [9 - Math.round(shift * Math.cos(angle)), 9 - Math.round(shift * Math.sin(angle))]}));
                }
                var marker = L.marker([e[2], e[3]], {icon: icon, riseOnHover: true, title: ""});
                var layers = [marker], clickable = [marker];
                if (e[10]) {
                    layers.push(L.circle([e[2], e[3]], {radius: e[10] * 1000, interactive: false,
                        color: data.styles[e[0]].colour, weight: 1, dashArray: "4 3",
                        fillOpacity: .06}));
                }
                if (e[21]) {
                    var line = L.polyline(e[21], {color: data.styles[e[0]].colour, weight: 2,
                                                  opacity: .8, dashArray: "6 4"});
                    layers.push(line);
                    clickable.push(line);
                }
                clickable.forEach(function (layer) { layer.geomapEvent = e; });
                return {event: e, layers: layers, shown: true};
            });
            data.styles.forEach(function (style, index) {
                var members = items.filter(function (item) { return item.event[0] === index; });
                if (!members.length) { return; }
                var group = groups[index];
                group.addLayers ? group.addLayers([].concat.apply([], members.map(
                    function (item) { return item.layers; })))
                    : members.forEach(function (item) {
                        item.layers.forEach(function (layer) { group.addLayer(layer); });
                    });
                group.addTo(map);
                control.addOverlay(group, '<span class="geomap-family">' + style.family +
                    '</span><span class="geomap-legend-shape">' +
                    svg(style, 13) + '</span>' + style.label.replace(/&/g, "&amp;") +
                    ' <span class="geomap-count">(' + members.length + ')</span>');
            });
            map.geomapEvents = items;
            var days = data.events.map(function (e) { return e[4]; })
                .filter(function (d) { return d !== null; });
            var articles = [];  // the source articles, by their title's index
            data.events.forEach(function (e) {
                e[20].forEach(function (source) {
                    if (articles.indexOf(source[0]) < 0) { articles.push(source[0]); }
                });
            });
            var byArticle = articles.length > 1 && articles.length <= MAX_ARTICLE_FILTERS;
            if (!days.length && !byArticle) { return; }
            var first = Math.min.apply(null, days), last = Math.max.apply(null, days);
            var filter = L.control({position: "bottomleft"});
            filter.onAdd = function () {
                var box = L.DomUtil.create("div", "geomap-time");
                var inputs = [], from = null, to = null, undated = null, range = null;
                if (days.length) {
                    add(box, "div", "Dates shown");
                    range = add(box, "div", "", "geomap-time-range");
                    from = add(box, "input"); to = add(box, "input");
                    [from, to].forEach(function (input, index) {
                        input.type = "range"; input.min = first; input.max = last;
                        input.step = 1; input.value = index ? last : first;
                        input.className = index ? "geomap-time-to" : "geomap-time-from";
                    });
                    var label = add(box, "label");
                    undated = add(label, "input");
                    undated.type = "checkbox"; undated.checked = true;
                    undated.className = "geomap-time-undated";
                    label.appendChild(document.createTextNode(" events without a date"));
                    inputs.push(from, to, undated);
                }
                var chosen = {};
                if (byArticle) {
                    add(box, "div", "Articles", "geomap-time-articles");
                    articles.forEach(function (title) {
                        var label = add(box, "label");
                        var check = add(label, "input");
                        check.type = "checkbox"; check.checked = true;
                        check.className = "geomap-article-filter";
                        check.geomapArticle = title;
                        label.appendChild(document.createTextNode(" " + S[title]));
                        chosen[title] = check;
                        inputs.push(check);
                    });
                }
                function dated(e) {
                    if (!from) { return true; }
                    var low = Math.min(+from.value, +to.value), high = Math.max(+from.value, +to.value);
                    return e[4] === null ? undated.checked : (e[4] + e[5] >= low && e[4] <= high);
                }
                function reported(e) {  // shown while any article that tells it is
                    return !byArticle || e[20].some(function (source) {
                        return chosen[source[0]].checked;
                    });
                }
                function apply() {
                    if (from) {
                        var low = Math.min(+from.value, +to.value), high = Math.max(+from.value, +to.value);
                        range.textContent = iso(low) + " – " + iso(high);
                    }
                    var adding = groups.map(function () { return []; });
                    var removing = groups.map(function () { return []; });
                    items.forEach(function (item) {
                        var show = dated(item.event) && reported(item.event);
                        if (show === item.shown) { return; }
                        item.shown = show;
                        (show ? adding : removing)[item.event[0]].push.apply(
                            (show ? adding : removing)[item.event[0]], item.layers);
                    });
                    groups.forEach(function (group, index) {  // in batches: fast at scale
                        if (group.removeLayers) {
                            group.removeLayers(removing[index]);
                            group.addLayers(adding[index]);
                        } else {
                            removing[index].forEach(function (l) { group.removeLayer(l); });
                            adding[index].forEach(function (l) { group.addLayer(l); });
                        }
                    });
                }
                inputs.forEach(function (input) { L.DomEvent.on(input, "input change", apply); });
                L.DomEvent.disableClickPropagation(box);
                L.DomEvent.disableScrollPropagation(box);
                apply();
                return box;
            };
            filter.addTo(map);
        })({{ this._parent.get_name() }}, {{ this.control.get_name() }}, {{ this.data|inert }});
        {% endmacro %}
    """)

    def __init__(self, events: Sequence[Event], *, control: MacroElement):
        super().__init__()
        self._name = "EventLayer"
        self.control = control
        self.max_article_filters = MAX_ARTICLE_FILTERS
        placed = [event for event in events if event.place is not None]
        strings = _Strings()
        records = [_record(event, strings) for event in placed]
        self.data = {
            "styles": [{"label": STYLES[t].label, "colour": STYLES[t].colour,
                        "shape": STYLES[t].shape, "family": FAMILY_OF_TYPE[t]}
                       for t in EVENT_TYPES],
            "cluster": len(placed) > CLUSTER_EVENTS_ABOVE, "strings": strings.table,
            "events": records,
        }

    def render(self, **kwargs) -> None:
        add_stylesheet(self, "events_css", CSS)
        if self.data["cluster"]:
            add_markercluster(self)
        super().render(**kwargs)


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
    written = " ".join(place.text.split())
    flags = (REPORTED * event.reported | SPECULATIVE * event.speculative
             | NEGATED * event.negated | AT_LEAST * event.counts_at_least)
    return [
        EVENT_TYPES.index(event.type), strings(event.subtype), round(place.lat, 5),
        round(place.lon, 5), day, span, when_text(event), strings(place.name),
        strings(written) if written != place.name else -1, round(place.confidence * 100),
        round(place.uncertainty_km, 1) if place.uncertainty_km else None,
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
    if event.origin is None or event.destination is None:
        return None
    return [[round(event.origin.lat, 5), round(event.origin.lon, 5)],
            [round(event.destination.lat, 5), round(event.destination.lon, 5)]]
