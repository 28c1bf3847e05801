"""Name keys for matching: how two spellings of one place come to compare equal.

Two keys per name. `exact_key` forgives case, accents, punctuation and spacing ("Tall ‘Afar" ->
"tall afar"). `loose_key` also forgives what transliteration from Arabic and similar scripts varies
on: a leading article (al-, el-, ar-, ash- ...), Tal/Tall/Tell, doubled letters and a final h
("Ar-Raqqah", "Raqqa" and "Raqa" all give "raqa"). Exact-key matches rank above loose-key ones.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Keys remembered per process: an article asks for those of its names again and again (four in
# five of the keys a corpus of news asks for were asked before).
KEYS_REMEMBERED = 1 << 16

# Characters that carry no letter: apostrophes, ayin/hamza marks, quotes, and the full stops of
# abbreviations ("U.S." is "US", "B.C." is "BC").
_SILENT = dict.fromkeys(map(ord, ".'’‘`´ʿʾʻʼ′\"“”"), None)
_SEPARATORS = re.compile(r"[\W_]+", re.UNICODE)
# Arabic definite article with its sun-letter assimilations, when it starts a word.
_ARTICLE = re.compile(r"\b(?:al|el|ar|as|ash|at|ad|adh|an|az|ath|ul|es|ed|ez)\s+(?=\w{2,})")
_TAL = re.compile(r"\b(?:tall|tell|tel)\b")
_DOUBLED = re.compile(r"(\w)\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")


@functools.lru_cache(maxsize=KEYS_REMEMBERED)
def exact_key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    stripped = name.translate(_SILENT)
    if not stripped.isascii():  # ASCII has no accents to take off (the most common case)
        decomposed = unicodedata.normalize("NFKD", stripped)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", stripped.casefold()).strip()


def loose_key(name: str) -> str:
    """Exact key with transliteration variants folded together."""
    return loosen(exact_key(name))


@functools.lru_cache(maxsize=KEYS_REMEMBERED)
def loosen(key: str) -> str:
    """The loose key of a name from its exact key (when that is at hand already)."""
    key = _TAL.sub("tal", key)
    unprefixed = _ARTICLE.sub("", key)
    key = unprefixed if unprefixed.strip() else key
    key = _DOUBLED.sub(r"\1", key)
    return _FINAL_H.sub("", key).strip()


def is_latin(name: str) -> bool:
    """True when every letter is Latin script, so the name can take part in fuzzy matching."""
    return all(not ch.isalpha() or ord(ch) < 0x250 for ch in unicodedata.normalize("NFKD", name))
