"""Labels on a static map that never collide: placed greedily by priority, each trying positions
around its point (right, left, above, below, the corners), kept clear of the symbols, of the
labels already placed and of what else is drawn (the scale bar); a label that fits nowhere is left
out. Country names take part, centred on their country, after the places of the story.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

# (dx, dy) in points and the text's alignment, in the order tried.
AROUND = ((7, 0, "left", "center"), (-7, 0, "right", "center"), (0, 7, "center", "bottom"),
          (0, -7, "center", "top"), (6, 5, "left", "bottom"), (6, -5, "left", "top"),
          (-6, 5, "right", "bottom"), (-6, -5, "right", "top"))
CENTRED = ((0, 0, "center", "center"), (0, 9, "center", "bottom"), (0, -9, "center", "top"))
# Half the side of the box around a symbol that labels keep clear of, in points.
SYMBOL_HALF = 8.0
STYLES = {
    "event": {"fontsize": 8.5, "color": "#1f1f1f", "fontweight": "bold"},
    "place": {"fontsize": 7.5, "color": "#555"},
    "country": {"fontsize": 8, "color": "#9c958a", "fontweight": "bold"},
}
HALO = {"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.72}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A label that may be written: its text, its point (lon, lat), its weight among labels of
    its kind, and its kind (event, place, country)."""

    text: str
    lon: float
    lat: float
    weight: float
    kind: str


def place_labels(figure: Figure, axes, candidates: list[Candidate], *,
                 obstacles: list[Bbox] = ()) -> list:
    """Write the candidates in the order given where each fits; returns the written labels.
    The figure's layout must be final (labels are measured in its pixels)."""
    renderer = figure.canvas.get_renderer()
    frame = axes.get_window_extent(renderer)
    points_to_pixels = figure.dpi / 72
    half = SYMBOL_HALF * points_to_pixels
    taken = list(obstacles)
    for candidate in candidates:
        if candidate.kind != "country":
            x, y = axes.transData.transform((candidate.lon, candidate.lat))
            taken.append(Bbox([[x - half, y - half], [x + half, y + half]]))
    written = []
    for candidate in candidates:
        label = _fit(axes, renderer, candidate, frame, taken)
        if label is not None:
            taken.append(label.get_window_extent(renderer))
            written.append(label)
    return written


def _fit(axes, renderer, candidate: Candidate, frame: Bbox, taken: list[Bbox]):
    x, y = axes.transData.transform((candidate.lon, candidate.lat))
    if not frame.contains(x, y):
        return None
    own = Bbox([[x - 1, y - 1], [x + 1, y + 1]])
    for dx, dy, ha, va in CENTRED if candidate.kind == "country" else AROUND:
        label = axes.annotate(candidate.text, (candidate.lon, candidate.lat), xytext=(dx, dy),
                              textcoords="offset points", ha=ha, va=va, zorder=6,
                              parse_math=False, annotation_clip=False,
                              bbox=None if candidate.kind == "country" else HALO,
                              **STYLES[candidate.kind])
        extent = label.get_window_extent(renderer)
        if _inside(extent, frame) and not any(
                extent.overlaps(other) for other in taken if not own.overlaps(other)
                or candidate.kind == "country"):
            return label
        label.remove()
    return None


def _inside(extent: Bbox, frame: Bbox) -> bool:
    return (extent.x0 >= frame.x0 and extent.x1 <= frame.x1 and extent.y0 >= frame.y0
            and extent.y1 <= frame.y1)
