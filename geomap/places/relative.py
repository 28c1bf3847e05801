"""Relative locations: "30 km south of Mosul", "the Al Hajaj area, north of the city of Tikrit".

A direction (with or without a distance) right before a place name makes that place an anchor. What
the phrase locates is the name just before it ("Al Hajaj area, north of ..."), or, with no such
name, the phrase itself ("a village 30 km south of Mosul").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazetteer.bearing import COMPASS
from geomap.places.toponym import Toponym

_DIRECTION = r"(?P<direction>(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?"
_DISTANCE = (r"(?:(?:about|some|around|roughly|nearly|almost|approximately|over|under)\s+)?"
             r"(?P<distance>\d+(?:\.\d+)?)\s*-?\s*(?P<unit>km|kms|kilomet(?:er|re)s?|miles?|mi)\b")
_PHRASE = re.compile(
    rf"(?:{_DISTANCE}\s+)?(?:to\s+the\s+|(?P<just>just)\s+)?{_DIRECTION}\s+of\s+"
    r"(?:the\s+(?:city|town|village|capital|province|district|region)\s+of\s+)?$",
    re.IGNORECASE)
# The name a phrase locates: a capitalised name, maybe with a generic word, then a comma, maybe an
# apposition ("Tal Afar, a town to the west of ...").
_KIND_WORD = r"(?:area|village|town|city|district|region|camp|neighbou?rhood|base|hamlet)"
_SUBJECT = re.compile(
    rf"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})(?:\s+{_KIND_WORD})?\s*,?\s*"
    rf"(?:(?:a|an|the)\s+(?:small\s+|large\s+|remote\s+)?{_KIND_WORD}\s+)?"
    r"(?:which\s+lies\s+|lying\s+|located\s+|situated\s+)?$")
# How far before the anchor (characters) a phrase, and before the phrase its subject, may start.
_LOOKBACK = 80
MILE_KM = 1.609344


@dataclass(slots=True)
class Relation:
    """A relative location in the clean text.

    `anchor` indexes the toponym the phrase starts from; `subject` indexes the toponym the phrase
    locates, or is None with `subject_span` set for a name the gazetteer did not know, or both None
    when the phrase itself is the place ("30 km south of Mosul", spanning `span`).
    """

    anchor: int
    bearing: float
    distance_km: float | None
    span: tuple[int, int]
    subject: int | None = None
    subject_span: tuple[int, int] | None = None
    just: bool = False  # "just west of": right outside it


def find_relations(text: str, toponyms: list[Toponym]) -> list[Relation]:
    relations = []
    by_start = {toponym.start: index for index, toponym in enumerate(toponyms)}
    by_end = {toponym.end: index for index, toponym in enumerate(toponyms)}
    for anchor, toponym in enumerate(toponyms):
        if toponym.demonym:
            continue
        window_start = max(0, toponym.start - _LOOKBACK)
        phrase = _PHRASE.search(text, window_start, toponym.start)
        if phrase is None:
            continue
        relation = Relation(anchor, _bearing(phrase.group("direction")), _distance_km(phrase),
                            (phrase.start(), toponym.end), just=phrase.group("just") is not None)
        subject = _SUBJECT.search(text, max(0, phrase.start() - _LOOKBACK), phrase.start())
        if subject is not None:
            name_start, name_end = subject.span("name")
            known = by_start.get(name_start, by_end.get(name_end))
            if known is not None and known != anchor:
                relation.subject = known
            elif known is None:
                relation.subject_span = (name_start, name_end)
        relations.append(relation)
    return relations


def _bearing(direction: str) -> float:
    return float(COMPASS[direction.lower().replace("-", "")])


def _distance_km(phrase: re.Match) -> float | None:
    if phrase.group("distance") is None:
        return None
    value = float(phrase.group("distance"))
    return value * MILE_KM if phrase.group("unit").lower().startswith("mi") else value


_BORDER_AFTER = re.compile(r"\s*(?:[-–/]\s*)?$")  # between two names: "Turkish-Syrian", "Iraq/Syria"
_BORDER_WORD = re.compile(r"\s+(?:border|frontier)\b", re.IGNORECASE)
_BORDER_WITH = re.compile(r"\b(?:border|frontier)\s+(?:with|between)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(slots=True)
class BorderPhrase:
    """"the Syrian border", "the Turkish-Syrian border", "the border with Syria": `first` (and
    `second`, when the phrase names both sides) index toponyms; `span` covers the phrase."""

    first: int
    second: int | None
    span: tuple[int, int]


def find_borders(text: str, toponyms: list[Toponym]) -> list[BorderPhrase]:
    phrases = []
    index = 0
    while index < len(toponyms):
        toponym = toponyms[index]
        second = None
        end = toponym.end
        following = toponyms[index + 1] if index + 1 < len(toponyms) else None
        if following is not None and _BORDER_AFTER.match(text[toponym.end:following.start]) \
                and _BORDER_WORD.match(text, following.end):
            second, end = index + 1, following.end
        word = _BORDER_WORD.match(text, end)
        if word is not None:
            phrases.append(BorderPhrase(index, second, (toponym.start, word.end())))
            index += 2 if second is not None else 1
            continue
        before = _BORDER_WITH.search(text, max(0, toponym.start - 40), toponym.start)
        if before is not None:
            pair = following is not None \
                and re.fullmatch(r"\s+and\s+", text[toponym.end:following.start]) is not None
            second_index = index + 1 if pair else None
            end = following.end if pair else toponym.end
            phrases.append(BorderPhrase(index, second_index, (before.start(), end)))
        index += 1
    return phrases


# "northern Syria", "central Somalia"; and capitalised, as a region's name: "North Texas",
# "Northeast Georgia", "North East Texas" (a known whole name such as "North Carolina" is one
# toponym, with no part before it)
_PART = re.compile(r"\b(?P<part>(?:north|south)(?:-?(?:east|west))?ern|eastern|western|central"
                   r"|(?-i:(?:North|South)(?:[- ]?(?:[Ee]ast|[Ww]est))?|East|West|Central))"
                   r"\s+$", re.IGNORECASE)


@dataclass(slots=True)
class PartPhrase:
    """"Northern Syria": a compass part of the country or province toponym `area`, spanning
    `span`."""

    area: int
    part: str  # "north", "southeast", "central" ...
    span: tuple[int, int]


def find_parts(text: str, toponyms: list[Toponym]) -> list[PartPhrase]:
    """Compass parts of named places: "northern Syria", "a northern Syrian village",
    "North Texas"."""
    found = []
    for index, toponym in enumerate(toponyms):
        match = _PART.search(text, max(0, toponym.start - 20), toponym.start)
        if match is not None:
            part = re.sub(r"ern$|[- ]", "", match.group("part").lower())
            found.append(PartPhrase(index, part, (match.start(), toponym.end)))
    return found


# "the west Mosul district of Mansour": a part of a city named by the city (the recogniser may
# have taken "Mosul district" as one name)
_PART_WORD = r"(?:district|neighbou?rhood|quarter|suburb|area)"
_PART_OF_CITY = re.compile(rf"\s+{_PART_WORD}\s+of\s+$", re.IGNORECASE)
_ENDS_WITH_PART = re.compile(rf"\b{_PART_WORD}$", re.IGNORECASE)


def find_city_parts(text: str, toponyms: list[Toponym]) -> list[tuple[int, int]]:
    """(city, part) toponym index pairs from "<city> district of <part>"."""
    pairs = []
    for index in range(len(toponyms) - 1):
        city, part = toponyms[index], toponyms[index + 1]
        between = text[city.end:part.start]
        if not city.demonym and (_PART_OF_CITY.fullmatch(between) or (
                re.fullmatch(r"\s+of\s+", between) and _ENDS_WITH_PART.search(city.text))):
            pairs.append((index, index + 1))
    return pairs
