"""Places below the town that no gazetteer entry holds (a street, a building, a landmark): placed
in the town the article puts them in, with the town's extent as their uncertainty.

The town is, in this order, the place named right after the name ("Elm Street in Tulsa", "12 Elm
St., Tulsa"), the nearest town named in the same sentence, or the town the article names most
(its focus); failing a town, the county, province or country it names most, with their larger
uncertainty. An article that names no place leaves the name unplaced.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from gazetteer.model import Kind
from gazetteer.resolve import Resolution
from geomap.places.mention import PlaceMention
from geomap.places.reading import ArticleReading

# "Elm Street in Tulsa", "Elm St., Tulsa", "Elm Street of Tulsa".
_IN_TOWN = re.compile(r",\s*|\s+(?:in|of|at)\s+(?:the\s+)?(?:city\s+of\s+)?", re.IGNORECASE)
TOWN_KINDS = frozenset({Kind.CITY, Kind.TOWN, Kind.VILLAGE, Kind.NEIGHBOURHOOD, Kind.DISTRICT,
                        Kind.USER})
# How far from a town's point a place in it may lie (km): a town's radius grows with the square
# root of its population, within these bounds.
TOWN_RADIUS_KM = (2.0, 25.0)
RADIUS_KM_PER_ROOT_PERSON = 0.012
AREA_RADIUS_KM = {Kind.ADMIN2: 30.0, Kind.ADMIN1: 150.0, Kind.COUNTRY: 400.0}
# A place found below the town is less surely where it is put than the town itself.
IN_TOWN_CONFIDENCE = 0.6


def place_in_town(reading: ArticleReading, index: int) -> PlaceMention | None:
    """The mention of toponym `index` (a name below the town), placed in the article's town."""
    anchor = _town_after(reading, index) or _town_in_sentence(reading, index) \
        or _focus(reading, TOWN_KINDS) \
        or next((found for kinds in AREA_RADIUS_KM
                 if (found := _focus(reading, frozenset({kinds}))) is not None), None)
    if anchor is None:
        return None
    toponym = reading.toponyms[index]
    place = anchor.place
    start, end = reading.article.raw_span(toponym.start, toponym.end)
    return PlaceMention(
        start=start, end=end, text=reading.article.raw[start:end],
        name=" ".join(toponym.text.split()), lat=place.lat, lon=place.lon, kind=toponym.fine,
        country=place.country, admin1=place.admin1, geonameid=None,
        confidence=anchor.confidence * IN_TOWN_CONFIDENCE, source="in-town",
        context=reading.context(toponym.start, toponym.end), uncertainty_km=_radius(anchor),
        anchor=place.name)


def _radius(anchor: Resolution) -> float:
    place = anchor.place
    if place.kind in AREA_RADIUS_KM:
        return AREA_RADIUS_KM[place.kind]
    low, high = TOWN_RADIUS_KM
    return min(high, max(low, RADIUS_KM_PER_ROOT_PERSON * math.sqrt(place.population or 0)))


def _placed(reading: ArticleReading, index: int) -> Resolution | None:
    """The sense of a toponym that is an ordinary place (not itself below the town, nor a
    people's name)."""
    toponym = reading.toponyms[index]
    if toponym.fine or toponym.demonym:
        return None
    return reading.senses.get(reading.keys[index])


def _town_after(reading: ArticleReading, index: int) -> Resolution | None:
    if index + 1 >= len(reading.toponyms):
        return None
    gap = reading.text[reading.toponyms[index].end:reading.toponyms[index + 1].start]
    sense = _placed(reading, index + 1)
    if sense is None or not _IN_TOWN.fullmatch(gap) \
            or sense.place.kind not in TOWN_KINDS | AREA_RADIUS_KM.keys():
        return None
    return sense


def _town_in_sentence(reading: ArticleReading, index: int) -> Resolution | None:
    toponym = reading.toponyms[index]
    sentence = next(((s, e) for s, e in reading.sentences if s <= toponym.start < e), None)
    if sentence is None:
        return None
    near = [(abs(other.start - toponym.start), i) for i, other in enumerate(reading.toponyms)
            if sentence[0] <= other.start < sentence[1] and i != index]
    for _, i in sorted(near):
        sense = _placed(reading, i)
        if sense is not None and sense.place.kind in TOWN_KINDS:
            return sense
    return None


def _focus(reading: ArticleReading, kinds: frozenset[str]) -> Resolution | None:
    """The place of these kinds the article names most (the first named, among equals)."""
    counts: Counter = Counter()
    senses: dict[int, Resolution] = {}
    for index in range(len(reading.toponyms)):
        sense = _placed(reading, index)
        if sense is not None and sense.place.kind in kinds:
            counts[sense.place.id] += 1
            senses.setdefault(sense.place.id, sense)
    if not counts:
        return None
    return senses[counts.most_common(1)[0][0]]
