"""Places known only approximately: "30 km south of Mosul", "the Zarqoun area, north of Tikrit",
"near the Syrian border", "the Old City".

They work on an article whose names are already resolved (`ArticleReading`): a relative phrase
picks the reading of a known name that agrees with it, or places an unknown one at the described
point with an uncertainty radius; a border phrase is the stretch of the shared border nearest the
article's places; a generic district is in the article's own city.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter

import shapely

from gazetteer import Gazetteer, Place
from gazetteer.bearing import destination
from gazetteer.borders import nearest_on, shared_border
from gazetteer.geo import KM_PER_DEGREE, distance_km
from gazetteer.model import Kind
from gazetteer.normalize import exact_key
from gazetteer.resolve import Resolution
from geomap.places.mention import PlaceMention
from geomap.places.reading import ArticleReading
from geomap.places.relative import (
    BorderPhrase,
    PartPhrase,
    Relation,
    find_borders,
    find_city_parts,
    find_parts,
    find_relations,
)
from geomap.places.toponym import Toponym

# A bare direction from a place ("north of Tikrit") is read as this far (km) from it, by kind.
DEFAULT_OFFSET_KM = {Kind.CITY: 20.0, Kind.TOWN: 15.0, Kind.VILLAGE: 10.0, Kind.CAMP: 10.0,
                     Kind.BASE: 10.0, Kind.ADMIN2: 40.0, Kind.ADMIN1: 100.0}
# "North of Baghdad" reaches farther than "north of Tikrit".
BIG_CITY_POPULATION = 1_000_000
BIG_CITY_OFFSET_KM = 50.0
# "Just west of St. Paris" is right outside it: this share of the bare direction's offset.
JUST_OFFSET_SHARE = 0.25
# A bare direction is vague: its uncertainty is this many times its offset.
BARE_DIRECTION_UNCERTAINTY = 1.5
# The uncertainty of a stated distance: this share of it, at least the minimum (km).
UNCERTAINTY_SHARE = 0.3
MIN_UNCERTAINTY_KM = 5.0
# A known reading agrees with a relative phrase when it lies this close to the described circle.
AGREEMENT_SLACK_KM = 15.0
AGREEING_CONFIDENCE = 0.9
# Below this confidence a known name's reading gives way to the point a relative phrase describes.
DOUBTFUL = 0.5
APPROXIMATE_CONFIDENCE = 0.6
# Names every city has a place for: they mean the one in the city the article is about.
GENERIC_DISTRICTS = frozenset({"old city", "old town", "city centre", "city center", "downtown",
                               "old quarter", "medina", "city hall"})
GENERIC_DISTRICT_RADIUS_KM = 3.0
# A part of a city named by the city ("the Mosul district of Mansour") lies this close to it.
CITY_PART_KM = 30.0
# How a part of a country or province is named on the map: "North-eastern Syria".
PART_ADJECTIVES = {"north": "Northern", "south": "Southern", "east": "Eastern", "west": "Western",
                   "central": "Central", "northeast": "North-eastern", "northwest": "North-western",
                   "southeast": "South-eastern", "southwest": "South-western"}
# "Near the Syrian border" is a stretch of it, not a point.
BORDER_UNCERTAINTY_KM = 50.0


Located = dict[int | tuple[int, int], PlaceMention | None]


def place_approximately(reading: ArticleReading) -> tuple[Located, dict[tuple, Resolution]]:
    """Mentions placed by their phrases, by toponym index (replacing its ordinary mention; None
    drops it) or by a new span (a phrase that is a place of its own), and the article's senses
    as the phrases refine them ("north of Tikrit" picks the reading of a name that lies there).
    The reading given is left as it was."""
    reading = dataclasses.replace(reading, senses=dict(reading.senses))
    located: Located = {}
    for relation in find_relations(reading.text, reading.toponyms):
        _place_relation(reading, relation, located)
    for phrase in find_borders(reading.text, reading.toponyms):
        border = _at_border(reading, phrase)
        if border is not None:
            located[phrase.span] = border
    for index, toponym in enumerate(reading.toponyms):
        if exact_key(toponym.text) in GENERIC_DISTRICTS:
            located[index] = _in_own_city(reading, index)
    for city, part in find_city_parts(reading.text, reading.toponyms):
        inside = _in_city(reading, city, part)
        if inside is not None:
            located[part] = inside
    for part in find_parts(reading.text, reading.toponyms):
        region = _part_of_area(reading, part)
        if region is not None:
            located[part.span] = region
    return located, reading.senses


def _place_relation(reading: ArticleReading, relation: Relation,
                    located: Located) -> None:
    anchor = reading.senses.get(reading.keys[relation.anchor])
    point = _locate(relation, anchor) if anchor is not None else None
    # a street or building is placed in its town, not from a phrase ("Elm Street, north of ...")
    if point is None or relation.subject is not None and reading.toponyms[relation.subject].fine:
        return
    lat, lon, radius = point
    if relation.subject is not None:
        subject = reading.toponyms[relation.subject]
        slot: int | tuple[int, int] = relation.subject
        found = reading.readings[reading.keys[relation.subject]]
    else:
        start, end = relation.subject_span or relation.span
        subject = Toponym(start, end, reading.text[start:end], "", cue="located by a relative phrase")
        slot = (start, end)
        found = reading.candidates(subject) if relation.subject_span else []
    agreeing = [c for c in found if distance_km(c.lat, c.lon, lat, lon) <= radius + AGREEMENT_SLACK_KM]
    if agreeing:  # the phrase picks the reading of a known name
        resolution = Resolution(max(agreeing, key=lambda c: c.score), AGREEING_CONFIDENCE, [])
        if relation.subject is not None:
            reading.senses[reading.keys[relation.subject]] = resolution
        else:
            located[slot] = reading.mention(subject, resolution)
        return
    known = reading.senses.get(reading.keys[relation.subject]) if relation.subject is not None else None
    if known is not None and known.confidence >= DOUBTFUL:
        return  # a vague phrase does not overrule a name read with confidence
    located[slot] = _approximate(reading, (subject.start, subject.end), anchor, lat, lon, radius)


def _at_border(reading: ArticleReading, phrase: BorderPhrase) -> PlaceMention | None:
    """"Near the Syrian border": the stretch of the border between that country and the one the
    article is about (or the other one named), nearest the article's places in the latter."""
    keys, senses, gazetteer = reading.keys, reading.senses, reading.gazetteer
    first = _country_of(senses.get(keys[phrase.first]), gazetteer)
    if first is None:
        return None
    if phrase.second is not None:
        second = _country_of(senses.get(keys[phrase.second]), gazetteer)
    else:  # the other country the sentence names, else the one the article is most about
        second = _country_in_sentence(reading, phrase, first.country)
        counts = Counter(senses[key].place.country for key in keys
                         if key in senses and senses[key].place.country not in ("", first.country))
        if second is None and counts:
            second = gazetteer.country(counts.most_common(1)[0][0])
    line = shared_border(first, second) if second is not None else None
    if line is None:
        return None
    inside = [senses[key].place for key in keys if key in senses
              and senses[key].place.country == second.country
              and senses[key].place.kind not in (Kind.COUNTRY, Kind.DEMONYM)]
    lat, lon = ((sum(p.lat for p in inside) / len(inside), sum(p.lon for p in inside) / len(inside))
                if inside else (second.lat, second.lon))
    lat, lon = nearest_on(line, lat, lon)
    mention = _approximate(reading, phrase.span, senses[keys[phrase.first]], lat, lon,
                           BORDER_UNCERTAINTY_KM)
    mention.name = f"{second.name}–{first.name} border"
    mention.anchor = f"{second.name}–{first.name} border"
    return mention


def _part_of_area(reading: ArticleReading, phrase: PartPhrase) -> PlaceMention | None:
    """"Northern Syria", "North Texas": the third of the country's or province's outline on that
    side (the middle third both ways for "central"), as a point inside it with the radius of a
    circle of its area."""
    sense = reading.senses.get(reading.keys[phrase.area])
    area = _area_of(sense, reading.gazetteer)
    outline = reading.gazetteer.outline(area) if area is not None else None
    if outline is None:
        return None
    west, south, east, north = outline.bounds
    width, height = (east - west) / 3, (north - south) / 3
    box = {"north": (west, north - height, east, north),
           "south": (west, south, east, south + height),
           "east": (east - width, south, east, north), "west": (west, south, west + width, north),
           "central": (west + width, south + height, east - width, north - height)}
    for corner in ("northeast", "northwest", "southeast", "southwest"):
        vertical, horizontal = box[corner[:5]], box[corner[5:]]
        box[corner] = (max(vertical[0], horizontal[0]), max(vertical[1], horizontal[1]),
                       min(vertical[2], horizontal[2]), min(vertical[3], horizontal[3]))
    region = outline.intersection(shapely.box(*box[phrase.part]))
    if region.is_empty:
        return None
    point = region.centroid if region.contains(region.centroid) else region.representative_point()
    # the radius of a circle as large as the part (degrees are shorter east-west away from the
    # equator)
    square_km = region.area * KM_PER_DEGREE ** 2 * math.cos(math.radians(point.y))
    radius = math.sqrt(square_km / math.pi)
    mention = _approximate(reading, phrase.span, sense, point.y, point.x, radius)
    mention.name = f"{PART_ADJECTIVES[phrase.part]} {area.name}"
    mention.anchor = area.name
    mention.geometry = region
    return mention


def _in_city(reading: ArticleReading, city: int, part: int) -> PlaceMention | None:
    """"The west Mosul district of Mansour": the reading of the part's name inside the city,
    else a point in the city with a district's radius (not Baghdad's Mansour)."""
    anchor = reading.senses.get(reading.keys[city])
    if anchor is None:
        return None
    toponym = reading.toponyms[part]
    inside = [c for c in reading.readings.get(reading.keys[part], [])
              if distance_km(c.lat, c.lon, anchor.place.lat, anchor.place.lon) <= CITY_PART_KM]
    if inside:
        return reading.mention(toponym, Resolution(max(inside, key=lambda c: c.score),
                                                   AGREEING_CONFIDENCE, []))
    return _approximate(reading, (toponym.start, toponym.end), anchor, anchor.place.lat,
                        anchor.place.lon, GENERIC_DISTRICT_RADIUS_KM)


def _country_in_sentence(reading: ArticleReading, phrase: BorderPhrase,
                         other_than: str) -> Place | None:
    """A country (or its adjective) named in the border phrase's own sentence, nearest it."""
    sentence = next(((s, e) for s, e in reading.sentences if s <= phrase.span[0] < e), None)
    if sentence is None:
        return None
    start, end = sentence
    named = [(abs(toponym.start - phrase.span[0]), key)
             for toponym, key in zip(reading.toponyms, reading.keys)
             if start <= toponym.start < end and key in reading.senses]
    for _, key in sorted(named):
        sense = reading.senses[key]
        country = _country_of(sense, reading.gazetteer)
        # a people without a state ("Kurdish") names no country
        if country is not None and country.country != other_than \
                and (sense.place.kind == Kind.COUNTRY or sense.place.name == country.name):
            return country
    return None


def _country_of(sense: Resolution | None, gazetteer: Gazetteer) -> Place | None:
    """The country (with its outline) that a country or demonym mention stands for."""
    if sense is None or sense.place.kind not in (Kind.COUNTRY, Kind.DEMONYM):
        return None
    return gazetteer.country(sense.place.country)


def _area_of(sense: Resolution | None, gazetteer: Gazetteer) -> Place | None:
    """The country or province a mention stands for, whose parts can be told."""
    if sense is not None and sense.place.kind == Kind.ADMIN1:
        return sense.place
    return _country_of(sense, gazetteer)


def _in_own_city(reading: ArticleReading, index: int) -> PlaceMention | None:
    """"The Old City" of the city the article is talking about: the nearest city named before it
    (else the first one after), or nothing when the article names no city."""
    keys, senses = reading.keys, reading.senses
    cities = [i for i, key in enumerate(keys)
              if i != index and key in senses and senses[key].place.kind == Kind.CITY
              and exact_key(reading.toponyms[i].text) not in GENERIC_DISTRICTS]
    if not cities:
        return None
    before = [i for i in cities if i < index]
    anchor = senses[keys[before[-1] if before else cities[0]]]
    toponym = reading.toponyms[index]
    return _approximate(reading, (toponym.start, toponym.end), anchor, anchor.place.lat,
                        anchor.place.lon, GENERIC_DISTRICT_RADIUS_KM)


def _locate(relation: Relation, anchor: Resolution) -> tuple[float, float, float] | None:
    """The point a relative phrase describes and its uncertainty radius (km), or None when the
    anchor is too large for a bare direction to mean a distance ("north of Syria")."""
    distance = relation.distance_km
    if distance is None:
        distance = DEFAULT_OFFSET_KM.get(anchor.place.kind)
        if distance is None:
            return None
        if (anchor.place.population or 0) >= BIG_CITY_POPULATION:
            distance = BIG_CITY_OFFSET_KM
        if relation.just:
            distance *= JUST_OFFSET_SHARE
        radius = BARE_DIRECTION_UNCERTAINTY * distance
    else:
        radius = max(MIN_UNCERTAINTY_KM, UNCERTAINTY_SHARE * distance)
    lat, lon = destination(anchor.place.lat, anchor.place.lon, relation.bearing, distance)
    return lat, lon, radius


def _approximate(reading: ArticleReading, span: tuple[int, int], anchor: Resolution, lat: float,
                 lon: float, radius: float) -> PlaceMention:
    article = reading.article
    start, end = article.raw_span(*span)
    return PlaceMention(
        start=start, end=end, text=article.raw[start:end],
        name=" ".join(article.text[span[0]:span[1]].split()), lat=lat, lon=lon,
        kind=Kind.APPROXIMATE, country=anchor.place.country, admin1=anchor.place.admin1,
        geonameid=None, confidence=anchor.confidence * APPROXIMATE_CONFIDENCE, source="relative",
        context=reading.context(*span), uncertainty_km=radius, anchor=anchor.place.name)


