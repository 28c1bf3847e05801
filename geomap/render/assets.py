"""Leaflet and its marker-cluster plugin as inline markup, so a map page loads nothing.

The files come from registry packages (django-js-lib-leaflet, xstatic-leaflet-markercluster) rather
than a CDN. Images the CSS refers to become data: URIs: even a relative file:// fetch is a request,
and the image would be missing beside a lone HTML file.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from functools import cache
from importlib.resources import files
from pathlib import Path

from xstatic.pkg import leaflet_markercluster

LEAFLET_DIR = Path(str(files("js_lib_leaflet") / "static" / "js_lib_leaflet"))
MARKERCLUSTER_DIR = Path(leaflet_markercluster.BASE_DIR)

CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)""")
# `behavior: url(#default#VML)` is an old-IE hack; the fragment-only URL is dropped with it.
FRAGMENT_URL_DECLARATION = re.compile(r"[\w-]+\s*:\s*url\(\s*['\"]?#[^)]*\)\s*;?")
SOURCE_MAP_COMMENT = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)
# Sequences that would end or confuse an inline <script>/<style> element.
UNSAFE_INLINE = re.compile(r"</script|</style|<!--", re.IGNORECASE)


class AssetError(Exception):
    """A packaged asset cannot be inlined safely."""


@cache
def leaflet_markup() -> str:
    """Leaflet's stylesheet and script, inline."""
    return (_style(_read(LEAFLET_DIR / "leaflet.css"), LEAFLET_DIR)
            + _script(_read(LEAFLET_DIR / "leaflet.js")))


@cache
def markercluster_markup() -> str:
    """The marker-cluster plugin's stylesheets and script, inline (after Leaflet)."""
    return (_style(_read(MARKERCLUSTER_DIR / "MarkerCluster.css"), MARKERCLUSTER_DIR)
            + _style(_read(MARKERCLUSTER_DIR / "MarkerCluster.Default.css"), MARKERCLUSTER_DIR)
            + _script(_read(MARKERCLUSTER_DIR / "leaflet.markercluster.js")))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise AssetError(f"{path}: packaged asset missing (is the package installed?)") from error


def _script(source: str) -> str:
    # A source-map comment makes developer tools fetch the map file.
    return f"<script>{_checked(SOURCE_MAP_COMMENT.sub('', source))}</script>\n"


def _style(css: str, folder: Path) -> str:
    css = FRAGMENT_URL_DECLARATION.sub("", css)
    css = CSS_URL.sub(lambda match: f'url("{_data_uri(folder / match.group(2))}")', css)
    return f"<style>{_checked(css)}</style>\n"


def _data_uri(path: Path) -> str:
    if not path.is_file():
        raise AssetError(f"{path}: stylesheet refers to a file that is not packaged")
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _checked(text: str) -> str:
    if UNSAFE_INLINE.search(text):
        raise AssetError("asset contains markup that would break out of its inline element")
    return text


# Files `--assets DIR` writes, and the guard each script runs under: a page holding several
# fragments loads them once per fragment, and running Leaflet twice would replace `L`.
ASSET_FILES = {
    "leaflet": ("geomap-leaflet.css", "geomap-leaflet.js", "window.L"),
    "markercluster": ("geomap-markercluster.css", "geomap-markercluster.js",
                      "window.L && L.MarkerClusterGroup"),
}


def write_assets(folder: Path) -> dict[str, tuple[Path, Path]]:
    """Leaflet and the cluster plugin as files in `folder` (stylesheet, script per library),
    each script guarded so that loading it again does nothing."""
    from geomap.atomic import write_text

    sources = {"leaflet": (_style(_read(LEAFLET_DIR / "leaflet.css"), LEAFLET_DIR),
                           _read(LEAFLET_DIR / "leaflet.js")),
               "markercluster": (
                   _style(_read(MARKERCLUSTER_DIR / "MarkerCluster.css"), MARKERCLUSTER_DIR)
                   + _style(_read(MARKERCLUSTER_DIR / "MarkerCluster.Default.css"),
                            MARKERCLUSTER_DIR),
                   _read(MARKERCLUSTER_DIR / "leaflet.markercluster.js"))}
    written = {}
    for name, (css_name, js_name, guard) in ASSET_FILES.items():
        css, js = sources[name]
        css_text = "\n".join(STYLE_BODY.findall(css))
        js_text = f"if (!({guard})) {{\n{SOURCE_MAP_COMMENT.sub('', js)}\n}}\n"
        written[name] = (write_text(Path(folder) / css_name, css_text),
                         write_text(Path(folder) / js_name, js_text))
    return written


STYLE_BODY = re.compile(r"<style>(.*?)</style>", re.DOTALL)
