"""A folium page as one self-contained file: no CDN links, everything inline, written atomically.

folium's Map and MarkerCluster list CDN scripts and styles (Leaflet, jQuery, Bootstrap, Font
Awesome, awesome-markers) in `default_js`/`default_css`, which `JSCSSMixin.render` turns into
<script src> and <link> tags. The subclasses here list nothing and put the inlined assets in the
page header instead. Nothing on these maps uses jQuery or Bootstrap, so dropping them loses nothing.
"""

from __future__ import annotations

import os
import re
from html import escape
from pathlib import Path
from typing import ClassVar

import folium
from branca.element import Element
from folium.plugins import MarkerCluster

from geomap.atomic import write_text

from .assets import leaflet_markup, markercluster_markup, write_assets

# Tags whose attribute makes the browser fetch something when the page opens (data: URIs excepted).
FETCHING_TAG = re.compile(
    r"""<(?:script|img|iframe|audio|video|source|embed)\b[^>]*\bsrc\s*=\s*(?!['"]?data:)[^\s>]*"""
    r"""|<link\b[^>]*\bhref\s*=\s*(?!['"]?data:)[^\s>]*""",
    re.IGNORECASE,
)
STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.IGNORECASE | re.DOTALL)
CSS_FETCH = re.compile(r"""\burl\(\s*(?!['"]?data:)[^)]*\)|@import\b[^;]*""", re.IGNORECASE)
# What folium puts in a page's head for a whole page, which a fragment must not impose on its host:
# the viewport, and styles for <html>, <body> and #map.
PAGE_ONLY = re.compile(
    r'<meta name="viewport"[^>]*>|<style>\s*(?:html, body|#map) \{[^}]*\}\s*</style>')
# An empty data: icon stops browsers from asking for /favicon.ico.
NO_FAVICON = '<link rel="icon" href="data:,">\n'


class RawHtml(Element):
    """Markup placed in the page verbatim; a plain branca Element would run it through Jinja, which
    trips over `{{`/`{#` in minified JavaScript."""

    def __init__(self, markup: str):
        super().__init__()
        self.markup = markup

    def render(self, **kwargs: object) -> str:
        return self.markup


class OfflineMap(folium.Map):
    """folium.Map with Leaflet inlined instead of linked; never adds a default tile layer."""

    default_js: ClassVar[list[tuple[str, str]]] = []
    default_css: ClassVar[list[tuple[str, str]]] = []

    def __init__(self, **kwargs: object):
        super().__init__(tiles=None, **kwargs)
        header = self.get_root().header
        header.add_child(RawHtml(NO_FAVICON), name="no_favicon")
        header.add_child(RawHtml(leaflet_markup()), name="inline_leaflet")


class OfflineMarkerCluster(MarkerCluster):
    """folium's MarkerCluster with the plugin inlined instead of linked."""

    default_js: ClassVar[list[tuple[str, str]]] = []
    default_css: ClassVar[list[tuple[str, str]]] = []

    def render(self, **kwargs: object) -> None:
        add_markercluster(self)
        super().render(**kwargs)


def add_markercluster(element: Element) -> None:
    """Inline the marker-cluster plugin in the element's page, once: every layer that clusters
    adds it under the same name (and a linked copy, see `write_html`, is kept)."""
    header = element.get_root().header
    if "inline_markercluster" not in header._children:
        header.add_child(RawHtml(markercluster_markup()), name="inline_markercluster")


def add_stylesheet(element: Element, name: str, css: str) -> None:
    """Add the page's own CSS after Leaflet's, so its rules win."""
    element.get_root().header.add_child(RawHtml(f"<style>{css}</style>\n"), name=name)


def linked_resources(html: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Every reference in the page's markup and stylesheets that would make the browser fetch
    something, but the `allowed` asset files. (Fetches a script makes, like web tiles, show only
    in a browser.)"""
    found = [match.group(0) for match in FETCHING_TAG.finditer(html)]
    for style in STYLE_ELEMENT.finditer(html):
        found += [match.group(0) for match in CSS_FETCH.finditer(style.group(1))]
    return [reference for reference in found
            if not any(reference.endswith(f'"{url}"') for url in allowed)]


def write_html(map: folium.Map, path: Path, *, assets: Path | None = None) -> Path:
    """Render the map's page and write it atomically (see `geomap.atomic`), so a reader never sees
    half a map. Refuses a page that would fetch anything when opened, but the files of `assets`
    (a folder Leaflet is written to once, see `assets.write_assets`)."""
    allowed = _link_assets(map, Path(path), assets)
    html = map.get_root().render()
    linked = linked_resources(html, allowed)
    if linked:
        raise ValueError(f"map page would load external resources: {linked[:3]}")
    return write_text(Path(path), html)


def _link_assets(map: folium.Map, path: Path, assets: Path | None) -> frozenset[str]:
    """With `assets`, Leaflet and the cluster plugin are written there and linked from the page
    instead of inlined; returns the links."""
    if assets is None:
        return frozenset()
    map.get_root().render()  # every layer adds its parts to the header
    header = map.get_root().header._children
    links = set()
    for name, (css, js) in write_assets(assets).items():
        part = "inline_leaflet" if name == "leaflet" else "inline_markercluster"
        if part not in header:
            continue
        css_url, js_url = (Path(os.path.relpath(file, path.parent)).as_posix() for file in (css, js))
        header[part] = RawHtml(f'<link rel="stylesheet" href="{escape(css_url)}">\n'
                               f'<script src="{escape(js_url)}"></script>\n')
        links |= {escape(css_url), escape(js_url)}
    return frozenset(links)


def write_fragment(map: folium.Map, path: Path, *, responsive: bool = False,
                   height: str = "520px", assets: Path | None = None) -> Path:
    """An HTML fragment to paste into a page: one container with the map's styles, its div and
    its scripts, no <html> or <head>. Every id and variable name carries the map's own random
    suffix, so two maps on one page never clash. `responsive` keeps a 16:10 shape at any width
    instead of a fixed `height`; `assets` links Leaflet from that folder (see `write_html`)."""
    allowed = _link_assets(map, Path(path), assets)
    root = map.get_root()
    root.render()  # lays out header, body and script parts
    size = ("width: 100%; aspect-ratio: 16 / 10;" if responsive
            else f"width: 100%; height: {height};")
    header = "".join(PAGE_ONLY.sub("", child.render())
                     for name, child in root.header._children.items()
                     if name not in ("meta_http", "no_favicon"))
    fragment = (f'<div class="geomap-embed" id="{map.get_name()}_embed" '
                f'style="position: relative; {size}">\n'
                f"{header}\n{root.html.render()}\n"
                f"<script>\n{root.script.render()}\n</script>\n</div>\n")
    linked = linked_resources(fragment, allowed)
    if linked:
        raise ValueError(f"map fragment would load external resources: {linked[:3]}")
    return write_text(Path(path), fragment)
