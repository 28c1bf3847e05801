"""The size of a static map's file, apart from the drawing so the command line reads it without
loading matplotlib."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_DPI = 2200, 1500, 200


@dataclass(frozen=True, slots=True)
class PrintSize:
    """The file's size in pixels at `dpi` (an SVG or PDF is the same size in inches)."""

    width: int = DEFAULT_WIDTH
    height: int = DEFAULT_HEIGHT
    dpi: int = DEFAULT_DPI


DEFAULT_SIZE = PrintSize()
