"""Maps of an article's places and events: self-contained HTML pages that open with no network,
and static PNG/SVG/PDF. folium is imported only when an interactive map is asked for."""

from __future__ import annotations

__all__ = ["place_map", "write_fragment", "write_html"]


def __getattr__(name: str):
    if name == "place_map":
        from .interactive import place_map
        return place_map
    if name in ("write_fragment", "write_html"):
        from . import page
        return getattr(page, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
