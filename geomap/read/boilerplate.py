"""What the model should not read: links and the furniture of web pages.

Text copied from news sites carries "Share this article", "Skip to main content", "Read more:"
lines, links glued to words ("Tal Afarhttps://t.co/...") and, at the end, headlines of other
articles. They are blanked out before parsing, character for character, so every offset into the
text stays as it was.
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
    r"(?:read|watch|see also|also read):.*|you are here|font size:?|show comments|"
    r"comments?|print(?: this)?(?: article)?|email|"
    r"(?:[\w&]+\s*[/|]\s*){2,}[\w&]+)",  # menus: "Portuguese / Spanish / English"
    re.IGNORECASE)
# A heading after which a page lists other articles, to its end.
_OTHER_ARTICLES = re.compile(
    r"(?:related(?: articles| stories| content| news)?|you (?:might|may) also like|"
    r"more (?:from|on) .{0,40}|recommended(?: for you)?|more stories|latest news|trending(?: now)?|"
    r"most (?:read|popular|viewed)|read next|what to read next):?", re.IGNORECASE)
# Windows-1252 punctuation that reached the text as C1 control characters (a page read as
# Latin-1): U+0097 is an em dash, U+0092 an apostrophe. Read as what it was, one for one.
_C1_AS_WINDOWS_1252 = {code: bytes([code]).decode("cp1252", errors="replace").replace("\ufffd", " ")
                       for code in range(0x80, 0xA0)}
# Only a heading in the last part of the text starts that list (this share of it is before).
TAIL_FROM = 0.6
# Furniture lines are short; a long line is reporting even if it starts like one.
_MAX_FURNITURE_WORDS = 12


def mask_for_parsing(text: str) -> str:
    """`text` with links and furniture lines replaced by spaces of the same length, and the
    list of other articles that closes many pages ("Related Articles", "You might also like");
    stray Windows punctuation is read as such."""
    masked = _URL.sub(lambda match: " " * len(match.group(0)), text.translate(_C1_AS_WINDOWS_1252))
    lines = masked.splitlines(keepends=True)
    kept, seen, other_articles = [], 0, False
    for line in lines:
        other_articles = other_articles or (
            seen >= TAIL_FROM * len(masked) and _OTHER_ARTICLES.fullmatch(line.strip()) is not None)
        kept.append(_blank(line) if other_articles or _is_furniture(line) else line)
        seen += len(line)
    return "".join(kept)


def headline(text: str) -> str:
    """The first line that is neither page furniture nor only a link: the article's headline."""
    for line in text.splitlines():
        kept = " ".join(_URL.sub(" ", line).split())
        if kept and not _is_furniture(kept):
            return kept
    return ""


def _is_furniture(line: str) -> bool:
    """A line of page furniture ("Share this article"), not of reporting."""
    stripped = line.strip()
    return bool(stripped) and len(stripped.split()) <= _MAX_FURNITURE_WORDS \
        and _FURNITURE.fullmatch(stripped) is not None


def _blank(line: str) -> str:
    return "".join(ch if ch in "\r\n" else " " for ch in line)
