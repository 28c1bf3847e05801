"""Names on the interactive map that never collide: one placer per map, in the page's script.

Layers hand the placer sets of labels (events' places, the story's places, country names), each
label with a priority, the radius of the symbol at its point (0 for a name that stands alone) and
a test of whether it is shown now (its layer on, its zoom reached, its events not filtered out).
After every zoom, pan and resize the placer writes the labels greedily by priority, trying
positions around the point, keeping clear of every symbol, of the labels already written and of
the map's controls; a label that fits nowhere is hidden. Its script is written once per page.
"""

from __future__ import annotations

from branca.element import Element, MacroElement

from .markup import Template
from .page import RawHtml, add_stylesheet

# Priorities: places of events above the story's own places, country names, then context.
EVENT_PRIORITY, CORE_PRIORITY, COUNTRY_PRIORITY, CONTEXT_PRIORITY = 4000, 3000, 2000, 1000
# Labels considered at once (the highest priorities in view): the rest would not fit anyway.
MOST_LABELS = 400

PLACER_SCRIPT = """<script>
window.geomapLabels = window.geomapLabels || function (map) {
    if (map.geomapLabelPlacer) { return map.geomapLabelPlacer; }
    var pane = map.createPane("geomap-labels");
    pane.classList.add("leaflet-zoom-hide");
    var sets = [], pending = false, MOST = MOST_LABELS, GAP = 2;
    var AROUND = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1]];
    var CENTRED = [[0, 0], [0, -1.2], [0, 1.2]];
    function measure(labels) {  // all new nodes first, then one reading: a single reflow
        var fresh = labels.filter(function (label) { return !label.node; });
        fresh.forEach(function (label) {
            label.node = document.createElement("div");
            label.node.className = "geomap-label " + (label.cls || "");
            label.node.textContent = label.text;
            label.node.style.visibility = "hidden";
            pane.appendChild(label.node);
        });
        fresh.forEach(function (label) {
            label.w = label.node.offsetWidth; label.h = label.node.offsetHeight;
        });
    }
    function overlaps(a, b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }
    function controls() {
        var frame = map.getContainer().getBoundingClientRect(), found = [];
        map.getContainer().querySelectorAll(".leaflet-control").forEach(function (node) {
            var box = node.getBoundingClientRect();
            if (box.width && box.height) {
                found.push([box.left - frame.left - GAP, box.top - frame.top - GAP,
                            box.right - frame.left + GAP, box.bottom - frame.top + GAP]);
            }
        });
        return found;
    }
    function candidates(size) {
        var found = [];
        sets.forEach(function (set) {
            if (set.collect) { set.collect(); }  // a set that changes with the view
            set.labels.forEach(function (label) {
                var shown = set.active(label);
                var point = shown && map.latLngToContainerPoint([label.lat, label.lon]);
                if (shown && label.shift) { point = point.add(label.shift); }  // a set-apart symbol
                if (shown && point.x >= 0 && point.y >= 0 && point.x <= size.x &&
                        point.y <= size.y) {
                    label.point = point;
                    found.push(label);
                } else if (label.node) {
                    label.node.style.display = "none";
                }
            });
        });
        found.sort(function (a, b) { return b.priority - a.priority; });
        found.slice(MOST).forEach(function (label) {
            if (label.node) { label.node.style.display = "none"; }
        });
        return found.slice(0, MOST);
    }
    function fit(label, taken, symbols, size) {
        var p = label.point, r = label.r, w = label.w, h = label.h;
        var ways = r > 0 ? AROUND : CENTRED;
        for (var i = 0; i < ways.length; i++) {
            var dx = ways[i][0], dy = ways[i][1];
            var x = r > 0 ? (dx > 0 ? p.x + r + 3 : dx < 0 ? p.x - r - 3 - w : p.x - w / 2)
                          : p.x - w / 2;
            var y = r > 0 ? (dy > 0 ? p.y + r + 1 : dy < 0 ? p.y - r - 1 - h : p.y - h / 2)
                          : p.y - h / 2 + dy * h;
            var box = [x, y, x + w, y + h];
            if (x < 0 || y < 0 || x + w > size.x || y + h > size.y) { continue; }
            var clear = !taken.some(function (other) { return overlaps(box, other); }) &&
                !symbols.some(function (symbol) {
                    return symbol.label !== label && overlaps(box, symbol.box);
                });
            if (clear) { return box; }
        }
        return null;
    }
    function layout() {
        pending = false;
        var size = map.getSize(), found = candidates(size), taken = controls();
        var symbols = found.filter(function (label) { return label.r > 0; })
            .map(function (label) {
                var p = label.point, r = label.r;
                return {label: label, box: [p.x - r, p.y - r, p.x + r, p.y + r]};
            });
        measure(found);
        found.forEach(function (label) {
            var node = label.node, box = fit(label, taken, symbols, size);
            if (!box) { node.style.display = "none"; return; }
            taken.push(box);
            var at = map.containerPointToLayerPoint([box[0], box[1]]);
            L.DomUtil.setPosition(node, at);
            node.style.display = "";
            node.style.visibility = "";
        });
    }
    function schedule() {
        if (pending) { return; }
        pending = true;
        setTimeout(layout, 0);
    }
    map.on("zoomend moveend resize overlayadd overlayremove", schedule);
    map.geomapLabelPlacer = {add: function (set) { sets.push(set); schedule(); },
                             refresh: schedule, layout: layout};
    return map.geomapLabelPlacer;
};
</script>
""".replace("MOST_LABELS", str(MOST_LABELS))

CSS = """
.leaflet-pane.leaflet-geomap-labels-pane { z-index: 450; pointer-events: none; }
.geomap-label {
  position: absolute; left: 0; top: 0; white-space: nowrap; pointer-events: none;
  font-size: 12px; line-height: 15px; font-weight: 600; color: #262626;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff;
}
.geomap-label.geomap-label-place { font-size: 11.5px; font-weight: 500; color: #4a4a4a; }
.geomap-label.geomap-label-context { font-size: 11px; font-weight: 400; color: #6f6f6f; }
.geomap-label.geomap-label-country {
  font-size: 10.5px; letter-spacing: .08em; text-transform: uppercase; color: #8a8276;
}
"""


def add_label_placer(element: Element) -> None:
    """The placer's script and styles in the element's page, once."""
    element.get_root().header.add_child(RawHtml(PLACER_SCRIPT), name="geomap_label_placer")
    add_stylesheet(element, "labels_css", CSS)


class PlaceLabels(MacroElement):
    """Names of places handed to the map's placer; each shows while `layer` (its markers'
    layer) is on the map. `labels` are [lat, lon, text, priority, symbol radius, class]."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            geomapLabels({{ this.map.get_name() }}).add({labels:
                {{ this.labels|inert }}.map(function (l) {
                    return {lat: l[0], lon: l[1], text: l[2], priority: l[3], r: l[4],
                            cls: l[5]};
                }),
                active: function () {
                    return {{ this.map.get_name() }}.hasLayer({{ this.layer.get_name() }});
                }});
        {% endmacro %}
    """)

    def __init__(self, map: Element, layer: Element, labels: list[list]):
        super().__init__()
        self._name = "PlaceLabels"
        self.map, self.layer, self.labels = map, layer, labels

    def render(self, **kwargs) -> None:
        add_label_placer(self)
        super().render(**kwargs)
