"""What the model should not read: links and the furniture of web pages.

Text copied from news sites carries "Share this article", "Skip to main content", "Read more:"
lines and links glued to words ("Tal Afarhttps://t.co/..."). They are blanked out before parsing,
character for character, so every offset into the text stays as it was.
"""

from __future__ import annotations

import re

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Lines that are page furniture, not reporting: matched on the whole (stripped) line.
_FURNITURE = re.compile(
    r"(?:skip to (?:main )?content|share (?:this|on) \w+.*|close button|advertisement|"
    r"sign up.*|subscribe.*|follow us.*|read more.*|related(?: articles| stories| content)?:?.*|"
    r"click here.*|image (?:copyright|caption).*|(?:photo|picture|image|video)(?: credit)?:.*|"
    r"copyright .*|all rights reserved.*|most (?:read|popular|viewed)|cookie.*|"
    r"(?:read|watch|see also|also read):.*)",
    re.IGNORECASE)
# Furniture lines are short; a long line is reporting even if it starts like one.
_MAX_FURNITURE_WORDS = 12


def mask_for_parsing(text: str) -> str:
    """`text` with links and furniture lines replaced by spaces of the same length."""
    masked = _URL.sub(lambda match: " " * len(match.group(0)), text)
    lines = masked.splitlines(keepends=True)
    return "".join(_blank(line) if _is_furniture(line) else line for line in lines)


def _is_furniture(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and len(stripped.split()) <= _MAX_FURNITURE_WORDS \
        and _FURNITURE.fullmatch(stripped) is not None


def _blank(line: str) -> str:
    return "".join(ch if ch in "\r\n" else " " for ch in line)
