"""Bytes to text, as a browser would read a page: its byte-order mark, else the charset the page
declares, else UTF-8 (a few stray bytes in otherwise UTF-8 text read as U+FFFD, not as a whole
file in Windows-1252), else what charset-normalizer detects.

Offsets users get index the decoded text, so a replaced byte is one character of it like any
other. Files that are not text (a PDF, an image, an archive) are named as such.
"""

from __future__ import annotations

import codecs
import re

# A short text fits several single-byte encodings equally well; Western European (what browsers
# assume of a page that does not say) is taken when it fits as well as the best.
WESTERN = "cp1252"
# How far into an HTML page its charset declaration may be (HTML looks in the first 1,024 bytes;
# pages with long comments or scripts before it exist).
DECLARATION_WITHIN = 4096
BINARY_MAGIC = ((b"%PDF", "PDF"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
                (b"GIF8", "GIF image"), (b"PK\x03\x04", "zip (or Word/Excel)"),
                (b"\x1f\x8b", "gzip"), (b"\x7fELF", "program"))
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
# `<meta charset=...>`, `<meta http-equiv="Content-Type" content="...; charset=...">`, or an
# XHTML page's `<?xml ... encoding="..."?>`.
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)|"
                           rb"\A\s*<\?xml\b[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)",
                           re.IGNORECASE)
# Encodings taken only with their byte-order mark: guessed, they read any bytes as some text.
WITHOUT_MARK = ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "utf_7")
# Characters text does not hold (a guessed encoding that yields them is no encoding of it).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
# Labels HTML reads as another encoding (the WHATWG Encoding Standard).
_HTML_LABELS = {"iso8859-1": WESTERN, "ascii": WESTERN,
                "utf-16-le": "utf-8", "utf-16-be": "utf-8", "utf-16": "utf-8"}


class NotText(Exception):
    """The bytes are not text in any encoding recognised; the message says what they look like."""


def decode(data: bytes, *, html: bool = False) -> str:
    """The text of a file's bytes; with `html`, a charset the page declares is honoured."""
    for magic, kind in BINARY_MAGIC:
        if data.startswith(magic):
            raise NotText(f"looks like a {kind} file, not an article (text, HTML or JSON)")
    text = _decoded(data, html)
    if "\x00" in text:
        raise NotText("looks like a binary file, not an article")
    return text


def _decoded(data: bytes, html: bool) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    declared = declared_charset(data) if html else None
    if declared is not None and declared != "utf-8" and not _strict_utf8_beyond_ascii(data):
        return data.decode(declared, errors="replace")
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if bad == 0 or sum(ord(char) > 0x7F for char in text) - bad >= bad:
        return text  # UTF-8, or nearly: as many characters read right as not
    return _detected(data)


def _strict_utf8_beyond_ascii(data: bytes) -> bool:
    """Whether the bytes are valid UTF-8 holding more than ASCII: a page that declares another
    charset and is this is mislabelled (such bytes are almost never an accident)."""
    try:
        return not data.decode("utf-8").isascii()
    except UnicodeDecodeError:
        return False


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page's `<meta charset>`, http-equiv Content-Type or XML declaration
    names, when Python knows it."""
    match = _META_CHARSET.search(data[:DECLARATION_WITHIN])
    if match is None:
        return None
    try:
        name = codecs.lookup((match.group(1) or match.group(2)).decode("ascii")).name
    except LookupError:
        return None
    return _HTML_LABELS.get(name, name)


def _detected(data: bytes) -> str:
    """The bytes in the encoding charset-normalizer finds likeliest (Western European when it
    fits as well)."""
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    matches = list(from_bytes(data, cp_exclusion=list(WITHOUT_MARK)))
    text = str(matches[0]) if matches else ""
    for match in matches:
        if (match.chaos, -match.coherence) > (matches[0].chaos, -matches[0].coherence):
            break
        if WESTERN in match.could_be_from_charset:
            text = data.decode(WESTERN, errors="replace")
            break
    if not text or _CONTROLS.search(text):
        raise NotText("not text in UTF-8 or any other encoding recognised (nor a known file "
                      "type)")
    return text
