"""How the map's controls share its space at any width: below NARROW pixels (an embed in a
column, a phone) the layer list, the event list and the filters fold into buttons and the title
box shrinks, so the first view shows the map; a panel the reader opened stays open. The event
list's height follows the room left between the title and the bottom controls, and the story is
framed on opening in the part of the map the panels leave free.
"""

from __future__ import annotations

from branca.element import MacroElement

from .markup import Template
from .page import add_stylesheet

NARROW, TINY = 900, 560

CSS = """
.geomap-narrow .geomap-title { max-width: 58%; padding: 6px 9px; }
.geomap-narrow .geomap-title h1 { font-size: 13.5px; }
.geomap-narrow .geomap-title p.geomap-subtitle { display: none; }
.geomap-narrow .geomap-title p.geomap-summary { margin-top: 2px; font-size: 11px; }
.geomap-narrow .geomap-list { width: 260px; }
.geomap-narrow .leaflet-control-attribution { font-size: 9px; line-height: 1.25; }
.geomap-tiny .leaflet-control-scale { display: none; }
.geomap-tiny .geomap-title h1 { font-size: 12.5px; }
.geomap-tiny .geomap-title p.geomap-summary { display: none; }
.geomap-narrow .leaflet-control-zoom a { width: 26px; height: 26px; line-height: 26px; }
"""


class ResponsiveLayout(MacroElement):
    """Folds the panels and the layer list (`control`) at narrow widths, on opening and when
    the map is resized; sizes the event list to the room it has; frames the story."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map, control, bounds) {
            var container = map.getContainer(), wasNarrow = null;
            function fitList() {
                var body = container.querySelector(".geomap-list-body");
                if (!body || !body.offsetParent) { return; }
                var frame = container.getBoundingClientRect();
                var bottom = 0;
                container.querySelectorAll(".leaflet-bottom.leaflet-left .leaflet-control")
                    .forEach(function (node) { bottom += node.offsetHeight + 10; });
                var room = frame.bottom - body.getBoundingClientRect().top - bottom - 16;
                body.style.maxHeight = Math.max(60, room) + "px";
            }
            function frame() {  // the story's bounds, clear of the panels at the sides
                if (!bounds) { return; }
                var size = map.getSize(), left = 0, right = 0, top = 0, bottom = 0;
                var box = container.getBoundingClientRect();
                container.querySelectorAll(".leaflet-control").forEach(function (node) {
                    var b = node.getBoundingClientRect();
                    if (!b.width || b.height > size.y * 0.8) { return; }
                    if (b.left - box.left < size.x / 2) { left = Math.max(left, b.right - box.left); }
                    else { right = Math.max(right, box.right - b.left); }
                    if (b.top - box.top < size.y / 2) { top = Math.max(top, b.bottom - box.top); }
                    else { bottom = Math.max(bottom, box.bottom - b.top); }
                });
                var padding = left + right <= size.x * 0.6
                    ? [[left + 30, 30], [right + 30, 30]]
                    // too narrow to dodge sideways: keep the story below the top controls
                    : [[12, Math.min(top, size.y * 0.4) + 8], [12, Math.min(bottom, size.y * 0.2) + 8]];
                map.fitBounds(bounds, {paddingTopLeft: padding[0], paddingBottomRight: padding[1],
                                       maxZoom: {{ this.max_zoom }}, animate: false});
            }
            function arrange() {
                var width = map.getSize().x, narrow = width < {{ this.narrow }};
                container.classList.toggle("geomap-narrow", narrow);
                container.classList.toggle("geomap-tiny", width < {{ this.tiny }});
                if (narrow !== wasNarrow) {
                    container.querySelectorAll(".geomap-panel").forEach(function (panel) {
                        panel.classList.toggle("geomap-collapsed", narrow);
                    });
                    if (narrow) { control.collapse(); } else { control.expand(); }
                    wasNarrow = narrow;
                }
                fitList();
                if (map.geomapLabelPlacer) { map.geomapLabelPlacer.refresh(); }
            }
            map.on("click", function () {
                if (container.classList.contains("geomap-narrow")) { control.collapse(); }
            });
            map.on("resize geomap-panels", arrange);
            arrange();
            frame();
            if (map.geomapLabelPlacer) { map.geomapLabelPlacer.refresh(); }
        })({{ this._parent.get_name() }}, {{ this.control.get_name() }}, {{ this.bounds|inert }});
        {% endmacro %}
    """)

    def __init__(self, control: MacroElement, bounds: list[list[float]] | None, *,
                 max_zoom: int):
        """`bounds`: [[south, west], [north, east]] of the story, framed on opening."""
        super().__init__()
        self._name = "ResponsiveLayout"
        self.control, self.bounds, self.max_zoom = control, bounds, max_zoom
        self.narrow, self.tiny = NARROW, TINY

    def render(self, **kwargs) -> None:
        add_stylesheet(self, "layout_css", CSS)
        super().render(**kwargs)
