"""Text as a terminal can show it: names and messages reach users' screens, and a file name or
an article can hold bytes that are not UTF-8 and control characters (an escape sequence that
rewrites the screen, a carriage return that hides what came before)."""

from __future__ import annotations

import os


def shown(text: os.PathLike | str) -> str:
    """`text` (or a path) safe to print and to write as UTF-8: bytes of a name that were not UTF-8
    as \\xNN, control and other unprintable characters as \\uNNNN."""
    out = []
    for char in os.fspath(text):
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or not (char.isprintable() or char == " "):
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)
