"""Names of places below the town, read from the words alone: a name ending in a word for a
street, a building or a landmark ("Elm Street", "400 S. Locust St.", "St. Peter's Basilica",
"Tahrir Square"). The gazetteer has no entry for most of them; the recogniser takes the whole
name, so that no word of it is read as a town elsewhere ("Washington Avenue" is no Washington).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from geomap.places.words import capitalised
from geomap.vocabulary import FINE_PLACE_HEADS

MAX_NAME_TOKENS = 6
_ORDINAL = re.compile(r"\d+(st|nd|rd|th)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s?")
_HOUSE_NUMBER = re.compile(r"\d{1,5}[A-Za-z]?")
_APOSTROPHE_NAME = re.compile(r"[A-Z][a-z]*[’'][A-Z][a-z]+")
_FUNCTION_WORDS = frozenset({"the", "a", "an", "on", "in", "at", "of", "to", "from", "by", "for",
                             "and", "or", "with", "into", "onto", "near", "off", "as", "is"})
# Words after a street that go on with the address, not into another name: "Lone Oak Road Lot 12".
_ADDRESS_WORDS = frozenset({"lot", "apt", "apt.", "suite", "unit", "no", "no.", "room"})
# Abbreviations that begin a name: a side of the street ("S. Locust St."), a saint, a mount.
_LEADING_ABBREVIATIONS = frozenset({"n.", "s.", "e.", "w.", "st.", "mt.", "ft."})
# A building named after a saint may end in a lower-case word: "the Saint Peter and Saint Paul
# church".
SAINTS = frozenset({"saint", "st.", "st", "san", "santa", "sainte", "santo"})
# Lower-case particles inside a transliterated name.
_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "an", "at", "az", "ez", "de", "del",
                        "la", "le", "di", "du", "da", "von", "van"})
# Words for a part of a town, before "of" and its name.
_DISTRICT_WORDS = frozenset({"district", "neighbourhood", "neighborhood", "suburb", "quarter",
                             "borough"})
# Head words that are surnames too: a name the model calls a person's is one.
_SURNAMES_TOO = frozenset({"lane", "way", "park", "temple", "chapel", "tower", "church", "pike",
                           "hospital", "square", "bridge"})
_LOWER_CASE_BUILDINGS = frozenset({"church", "cathedral", "basilica", "chapel", "mosque"})
# Plural street words name a crossing of the names before them: "Fifth and Main streets".
_CROSSING_HEADS = frozenset({"avenues", "streets", "roads"})
_CROSSING_PREPOSITIONS = frozenset({"at", "near", "on", "of", "off", "from", "to", "by"})
# Numbered roads: "Interstate 64", "Route 9", "State Road 44", "I-4", and "U.S. 36" where the
# words around it make it a road ("at 11690 U.S. 36", "on U.S. 27A"), not a country's figure.
_ROAD_WORDS = frozenset({"interstate", "route", "highway", "hwy.", "hwy", "road", "sr", "cr"})
_ROAD_NUMBER = re.compile(r"\d{1,4}[A-Z]?")
_INTERSTATE = re.compile(r"I-\d{1,3}")
_COUNTRY_ROAD_WORDS = frozenset({"u.s.", "us"})
_ON_A_ROAD = frozenset({"on", "at", "along", "off", "onto", "near", "from", "to", "via", "of",
                        "and", "across", "down", "up", "westbound", "eastbound", "northbound",
                        "southbound"})


@dataclass(frozen=True, slots=True)
class FineName:
    """Tokens [start, end) of a name below the town, and its kind (street, building,
    landmark); `after_person` when it is named after a person or a saint ("St. Mary's
    Hospital"), not after the place whose name it holds."""

    start: int
    end: int
    kind: str
    after_person: bool


def fine_names(doc: Doc) -> list[FineName]:
    """Every name in `doc` that ends in a word of `FINE_PLACE_HEADS`, and every name after "the
    district of" and its like, in text order."""
    return sorted(_headed_names(doc) + _named_districts(doc) + _numbered_roads(doc),
                  key=lambda name: name.start)


def _numbered_roads(doc: Doc) -> list[FineName]:
    """"Interstate 64", "State Road 44", "I-4", "at 11690 U.S. 36": roads by number."""
    found = []
    for token in doc:
        if _INTERSTATE.fullmatch(token.text):
            found.append(FineName(token.i, token.i + 1, "street", after_person=False))
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is None or not _ROAD_NUMBER.fullmatch(following.text) \
                or not token.text[:1].isupper():
            continue
        if token.lower_ in _COUNTRY_ROAD_WORDS:
            before = doc[token.i - 1] if token.i > 0 else None
            if before is None or not (before.lower_ in _ON_A_ROAD
                                      or _HOUSE_NUMBER.fullmatch(before.text)):
                continue
        elif token.lower_ not in _ROAD_WORDS:
            continue
        start = token.i
        if token.lower_ in FINE_PLACE_HEADS:  # "County Road 35", "Oxford Road 5"
            start = _name_start(doc, token.i) or token.i
        elif token.i > 0 and doc[token.i - 1].lower_ == "state":
            start = token.i - 1  # "state Route 1"
        found.append(FineName(_address_start(doc, start), token.i + 2, "street",
                              after_person=False))  # "11690 U.S. 36": the address
    return found


def _named_districts(doc: Doc) -> list[FineName]:
    """"The district of Karrada", "the neighbourhood of Faubourg Marigny": a part of a town."""
    found = []
    for token in doc[:-2]:
        if token.lower_ not in _DISTRICT_WORDS or doc[token.i + 1].lower_ != "of" \
                or token.i == 0 or doc[token.i - 1].lower_ not in ("the", "a"):
            continue
        end = token.i + 2
        while end < len(doc) and end - token.i - 2 < MAX_NAME_TOKENS and _name_word(doc[end]):
            end += 1
        if end > token.i + 2:
            found.append(FineName(token.i + 2, end, "district", after_person=False))
    return found


def _headed_names(doc: Doc) -> list[FineName]:
    """The names that end in a head word, less those that name people or organisations."""
    found = []
    for token in doc:
        kind, end = _head(doc, token.i)
        if kind is None or token.i == 0 or _runs_on(doc, end - 1):
            continue
        start = _name_start(doc, token.i)
        if start is None:
            continue
        name = doc[start:token.i]
        lower_head = not token.text[:1].isupper()
        if lower_head and not (token.lower_ in _LOWER_CASE_BUILDINGS
                               and name[0].lower_ in SAINTS) \
                and not _crossing(doc, start, token.i):
            continue
        possessive = any(_POSSESSIVE.fullmatch(t.text) for t in name)
        if token.lower_ == "way" and (token.ent_type_ == "ORG" or possessive):
            continue  # "United Way", "Lou's Thrifty Way": an organisation, a shop
        block = start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ == "block"
        if token.lower_ in _SURNAMES_TOO and not block \
                and all(t.ent_type_ == "PERSON" for t in doc[start:token.i + 1]):
            continue  # "Jerry Lane", "Tony Park", "Shirley Temple": people ("the 200 block of
            # Joanne Lane" is a street)
        if kind == "street":
            start = _address_start(doc, start)  # "1935 Orchard St.": the address
        # "St. Mary's Hospital", "the Saint Peter and Saint Paul church": named after people
        after_person = possessive or (kind == "building" and doc[start].lower_ in SAINTS)
        found.append(FineName(start, end, kind, after_person))
    return found


def _address_start(doc: Doc, start: int) -> int:
    """Where a street's name begins with the house number before it, if there is one."""
    return start - 1 if start > 0 and _HOUSE_NUMBER.fullmatch(doc[start - 1].text) else start


def _crossing(doc: Doc, start: int, head: int) -> bool:
    """"at Fifth and Main streets", "near Rivers and Stokes avenues": two streets' names and a
    plural street word after a word of where (not "the Dayton and Akron roads")."""
    return doc[head].lower_ in _CROSSING_HEADS and head - start > 2 and start > 0 \
        and doc[start - 1].lower_ in _CROSSING_PREPOSITIONS


def _head(doc: Doc, index: int) -> tuple[str | None, int]:
    """The kind of place the word at `index` ends the name of, and the end of the head (an
    abbreviation's full stop may be a token of its own: "Nordland Ave., Lebanon")."""
    token = doc[index]
    kind = FINE_PLACE_HEADS.get(token.lower_)
    if kind is not None:
        return kind, index + 1
    split = index + 1 < len(doc) and doc[index + 1].text == "." and not token.whitespace_
    kind = FINE_PLACE_HEADS.get(f"{token.lower_}.") if split and token.text[:1].isupper() else None
    return kind, index + 2


def _runs_on(doc: Doc, index: int) -> bool:
    """The head word goes on into a longer capitalised name: "Wall Street Journal", "Main Street
    Bank" name an organisation."""
    following = doc[index + 1] if index + 1 < len(doc) else None
    return following is not None and capitalised(following) and not following.is_sent_start \
        and following.lower_ not in _ADDRESS_WORDS


def _name_start(doc: Doc, head: int) -> int | None:
    """The first token of the name before the head word, or None when no name precedes it."""
    start = head
    while start > 0 and head - start < MAX_NAME_TOKENS:
        token = doc[start - 1]
        if _name_word(token) or (_joins(doc, start - 1) and start < head):
            start -= 1
        elif (_POSSESSIVE.fullmatch(token.text) or token.lower_ in _PARTICLES) \
                and start - 1 > 0 and _name_word(doc[start - 2]):
            start -= 1  # "St. Peter's Basilica", "the Qasr al-Nil Bridge"
        elif token.lower_ == "and" and start < head and (
                doc[start].lower_ in SAINTS or doc[head].lower_ in _CROSSING_HEADS):
            start -= 1  # "Saint Peter and Saint Paul", "Rivers and Stokes avenues"
        else:
            break
    while start < head and not _name_word(doc[start]):
        start += 1  # a name begins with a word, not a hyphen or "and"
    if start > 0 and doc[start - 1].lower_ in _LEADING_ABBREVIATIONS:
        start -= 1
    return start if start < head and any(_name_word(t) for t in doc[start:head]) else None


def _name_word(token: Token) -> bool:
    """A capitalised word ("O’Roark" too), not a function word ("On Main Street"; but "First
    Street", "Front Street"), or an ordinal ("42nd")."""
    if _ORDINAL.fullmatch(token.text):
        return True
    if not (capitalised(token) or _APOSTROPHE_NAME.fullmatch(token.text)):
        return False
    return not (token.is_stop and (token.is_sent_start or token.lower_ in _FUNCTION_WORDS))


def _joins(doc: Doc, index: int) -> bool:
    """A hyphen binding two words of one name ("Hyland-Croy Road")."""
    token = doc[index]
    return token.text == "-" and index > 0 and not doc[index - 1].whitespace_ \
        and not token.whitespace_
