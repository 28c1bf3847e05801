"""Article text into a map page as data, never as markup, script or template.

Strings from articles are HTML-escaped where the HTML is built, and reach the page's script as
JSON made inert twice over (`inert_json`): in HTML, <, >, & and ' are escaped so nothing closes the
<script>; and because folium compiles each element's rendered script once more as a Jinja
template, the openers {{, {% and {# are broken up too, or an article saying "{{ ... }}" would be
run as a template when the map is drawn. folium's own Popup and Tooltip are not used: they paste
HTML into a JavaScript template literal, where `${...}` and a backslash before a backtick are
live, and the Popup needs jQuery.
"""

from __future__ import annotations

import json
import re
from html import escape

import folium.template
from branca.element import MacroElement

# "{" before one of these starts a Jinja tag; as "\u007b" it is the same character to JavaScript.
_TEMPLATE_OPENER = re.compile(r"\{(?=[{%#])")


def inert_json(value: object) -> str:
    """`value` as JSON that stays data inside a <script> and inside a Jinja template."""
    text = (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027"))
    return _TEMPLATE_OPENER.sub(r"\\u007b", text)


class _Environment(folium.template.Environment):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["inert"] = inert_json


class Template(folium.template.Template):
    """folium's template, with the `inert` filter for anything that came from an article."""

    environment_class = _Environment


class BoundPopup(MacroElement):
    """A popup of ready, escaped HTML bound to its parent layer (a marker or a shape)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.bindPopup(
                {{ this.html|inert }}, {{ this.options|inert }});
        {% endmacro %}
    """)

    def __init__(self, html: str, *, clear_top_left: tuple[int, int]):
        """`clear_top_left`: pixels the map pans to keep an open popup clear of controls there."""
        super().__init__()
        self._name = "BoundPopup"
        self.html = html
        self.options = {"maxWidth": 360, "minWidth": 240,
                        "autoPanPaddingTopLeft": list(clear_top_left)}


class BoundTooltip(MacroElement):
    """A hover tooltip of plain text (escaped here) bound to its parent layer."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.bindTooltip(
                {{ this.html|inert }}, {{ this.options|inert }});
        {% endmacro %}
    """)

    def __init__(self, text: str):
        super().__init__()
        self._name = "BoundTooltip"
        self.html = escape(text)
        self.options = {"direction": "top", "className": "geomap-tooltip"}


class MapTitle(MacroElement):
    """The title box: a Leaflet control holding escaped title, subtitle and a summary line."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.control({position: "topleft"});
            {{ this.get_name() }}.onAdd = function () {
                var box = L.DomUtil.create("div", "geomap-title");
                box.innerHTML = {{ this.html|inert }};
                L.DomEvent.disableClickPropagation(box);
                L.DomEvent.disableScrollPropagation(box);
                return box;
            };
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, title: str, subtitle: str = "", summary: str = ""):
        super().__init__()
        self._name = "MapTitle"
        parts = [f"<h1>{escape(title)}</h1>"]
        if subtitle:
            parts.append(f'<p class="geomap-subtitle">{escape(subtitle)}</p>')
        if summary:
            parts.append(f'<p class="geomap-summary">{escape(summary)}</p>')
        self.html = "".join(parts)
