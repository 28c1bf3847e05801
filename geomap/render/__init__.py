"""Maps of an article's places: self-contained HTML pages that open with no network."""

from .interactive import place_map
from .page import write_fragment, write_html

__all__ = ["place_map", "write_fragment", "write_html"]
