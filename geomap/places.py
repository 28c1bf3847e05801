"""Places in an article: each place mention found in the text and resolved against the gazetteer.

A `PlaceMention` is one span of the file's text (offsets exactly as the file was read) with the place
it was resolved to, how sure we are, and the runner-up candidates.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry
from spacy.tokens import Doc

from gazetteer import Candidate, Gazetteer, Place
from gazetteer.bearing import destination
from gazetteer.borders import nearest_on, shared_border
from gazetteer.geo import distance_km
from gazetteer.normalize import exact_key
from gazetteer.resolve import Resolution, resolve_together

from .article import Article
from .recognize import Toponym, find_toponyms
from .relative import BorderPhrase, Relation, find_borders, find_relations


@dataclass(slots=True)
class Alternative:
    """A runner-up candidate for a mention, kept so a user can see what else the name could be."""

    name: str
    lat: float
    lon: float
    kind: str
    country: str
    admin1: str
    geonameid: int | None
    confidence: float

    def to_dict(self) -> dict:
        return {"name": self.name, "lat": round(self.lat, 5), "lon": round(self.lon, 5),
                "kind": self.kind, "country": self.country, "admin1": self.admin1,
                "geonameid": self.geonameid, "confidence": round(self.confidence, 3)}


@dataclass(slots=True)
class PlaceMention:
    """One place mention and the place it resolved to.

    `start`/`end` index the file's text as read (`text == raw[start:end]`); `context` is the clean
    sentence around the mention split as (before, mention, after), for quoting it on a map.
    `geometry` is the place's shape when it has one (a river line, a region polygon); it travels to
    maps and GIS files, not into the JSON record.
    """

    start: int
    end: int
    text: str
    name: str
    lat: float
    lon: float
    kind: str
    country: str
    admin1: str
    geonameid: int | None
    confidence: float
    source: str
    context: tuple[str, str, str] = ("", "", "")
    alternatives: list[Alternative] = field(default_factory=list)
    geometry: BaseGeometry | None = None
    uncertainty_km: float | None = None  # for an approximate location: its radius
    anchor: str = ""  # for an approximate location: the place it is described from
    metonym: bool = False  # the name stands for its government ("Washington said")

    @property
    def place_key(self) -> tuple:
        """Mentions with the same key are the same place (one marker on a map); "Iraqi" and
        "Iraq" are kept apart, since a map shows them differently."""
        return (self.geonameid, self.name, self.kind == "demonym", round(self.lat, 4),
                round(self.lon, 4))

    def to_dict(self) -> dict:
        """The JSON record of DESIGN.md's `places` contract."""
        return {
            "start": self.start, "end": self.end, "text": self.text, "name": self.name,
            "lat": round(self.lat, 5), "lon": round(self.lon, 5), "geonameid": self.geonameid,
            "kind": self.kind, "country": self.country, "admin1": self.admin1,
            "confidence": round(self.confidence, 3), "source": self.source,
            "alternatives": [alternative.to_dict() for alternative in self.alternatives],
            **({"uncertainty_km": round(self.uncertainty_km, 1), "anchor": self.anchor}
               if self.uncertainty_km is not None else {}),
            **({"metonym": True} if self.metonym else {}),
        }


MISREAD_CONFIDENCE = 0.85
# A name standing for its government ("Washington said") is less surely about the place.
METONYM_CONFIDENCE = 0.8
FUZZY_MIN_CHARS = 6
# A name written in capitals ("IRAQ", "ROME") may be a headline's place only if it is this big.
PROMINENT_POPULATION = 100_000
CONTEXT_CHARS = 240
# A bare direction from a place ("north of Tikrit") is read as this far (km) from it, by kind.
DEFAULT_OFFSET_KM = {"city": 20.0, "town": 15.0, "village": 10.0, "camp": 10.0, "base": 10.0,
                     "admin2": 40.0, "admin1": 100.0}
# "North of Baghdad" reaches farther than "north of Tikrit".
BIG_CITY_POPULATION = 1_000_000
BIG_CITY_OFFSET_KM = 50.0
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
# "Near the Syrian border" is a stretch of it, not a point.
BORDER_UNCERTAINTY_KM = 50.0
# What may stand between a name and the place that qualifies it: "Alexandria, La.".
_QUALIFIER_GAP = re.compile(r",\s*")


def find_places(article: Article, doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every place mention in the article, resolved in the context of the article's other places.

    One sense per name per article: every mention of the same name gets the same place (unless a
    mention is qualified, as in "Paris, Texas", which is its own sense).
    """
    text = article.text
    toponyms = find_toponyms(doc, gazetteer)
    containers = _qualifiers(toponyms, text)
    keys = [_sense_key(t, containers.get(i)) for i, t in enumerate(toponyms)]
    readings = {key: _candidates(t, gazetteer) for key, t in zip(keys, toponyms)}
    qualified_by = {keys[i]: keys[j] for i, j in containers.items()}
    senses = resolve_together(readings, qualified_by)
    sentences = [(sentence.start_char, sentence.end_char) for sentence in doc.sents]

    def context(start: int, end: int) -> tuple[str, str, str]:
        return _context(sentences, text, start, end)

    located: dict[int | tuple[int, int], PlaceMention | None] = {}  # by toponym index or new span
    for relation in find_relations(text, toponyms):
        anchor = senses.get(keys[relation.anchor])
        point = _locate(relation, anchor) if anchor is not None else None
        if point is None:
            continue
        lat, lon, radius = point
        if relation.subject is not None:
            subject = toponyms[relation.subject]
            slot: int | tuple[int, int] = relation.subject
            found = readings[keys[relation.subject]]
        else:
            start, end = relation.subject_span or relation.span
            subject = Toponym(start, end, text[start:end], "", cue="located by a relative phrase")
            slot = (start, end)
            found = _candidates(subject, gazetteer) if relation.subject_span else []
        agreeing = [c for c in found if distance_km(c.lat, c.lon, lat, lon) <= radius + AGREEMENT_SLACK_KM]
        if agreeing:  # the phrase picks the reading of a known name
            resolution = Resolution(max(agreeing, key=lambda c: c.score), AGREEING_CONFIDENCE, [])
            if relation.subject is not None:
                senses[keys[relation.subject]] = resolution
            else:
                located[slot] = _mention(article, context(subject.start, subject.end), subject,
                                         resolution)
            continue
        reading = senses.get(keys[relation.subject]) if relation.subject is not None else None
        if reading is not None and reading.confidence >= DOUBTFUL:
            continue  # a vague phrase does not overrule a name read with confidence
        located[slot] = _approximate(article, (subject.start, subject.end),
                                     context(subject.start, subject.end), anchor, lat, lon, radius)
    for phrase in find_borders(text, toponyms):
        border = _at_border(article, phrase, toponyms, keys, senses, gazetteer, context)
        if border is not None:
            located[phrase.span] = border
    for index, toponym in enumerate(toponyms):
        if exact_key(toponym.text) in GENERIC_DISTRICTS:
            located[index] = _in_own_city(article, toponyms, senses, keys, index,
                                          context(toponym.start, toponym.end))
    mentions = []
    for index, (key, toponym) in enumerate(zip(keys, toponyms)):
        if index in located:  # placed by a relative phrase, or dropped (None)
            mentions.append(located.pop(index))
        elif key in senses:
            mentions.append(_mention(article, context(toponym.start, toponym.end), toponym,
                                     senses[key]))
    mentions += located.values()  # phrases that are places of their own
    return sorted((m for m in mentions if m is not None), key=lambda m: (m.start, m.end))


def _at_border(article: Article, phrase: BorderPhrase, toponyms: list[Toponym], keys: list,
               senses: dict, gazetteer: Gazetteer, context) -> PlaceMention | None:
    """"Near the Syrian border": the stretch of the border between that country and the one the
    article is about (or the other one named), nearest the article's places in the latter."""
    first = _country_of(senses.get(keys[phrase.first]), gazetteer)
    if first is None:
        return None
    if phrase.second is not None:
        second = _country_of(senses.get(keys[phrase.second]), gazetteer)
    else:  # the country the article is most about, other than the border's
        counts = Counter(senses[key].place.country for key in keys
                         if key in senses and senses[key].place.country not in ("", first.country))
        second = gazetteer.country(counts.most_common(1)[0][0]) if counts else None
    line = shared_border(first, second) if second is not None else None
    if line is None:
        return None
    inside = [senses[key].place for key in keys if key in senses
              and senses[key].place.country == second.country
              and senses[key].place.kind not in ("country", "demonym")]
    lat, lon = ((sum(p.lat for p in inside) / len(inside), sum(p.lon for p in inside) / len(inside))
                if inside else (second.lat, second.lon))
    lat, lon = nearest_on(line, lat, lon)
    start, end = phrase.span
    mention = _approximate(article, phrase.span, context(start, end),
                           senses[keys[phrase.first]], lat, lon, BORDER_UNCERTAINTY_KM)
    mention.name = f"{second.name}–{first.name} border"
    mention.anchor = f"{second.name}–{first.name} border"
    return mention


def _country_of(sense: Resolution | None, gazetteer: Gazetteer) -> Place | None:
    """The country (with its outline) that a country or demonym mention stands for."""
    if sense is None or sense.place.kind not in ("country", "demonym"):
        return None
    return gazetteer.country(sense.place.country)


def _in_own_city(article: Article, toponyms: list[Toponym], senses: dict, keys: list,
                 index: int, context: tuple[str, str, str]) -> PlaceMention | None:
    """"The Old City" of the city the article is talking about: the nearest city named before it
    (else the first one after), or nothing when the article names no city."""
    cities = [i for i, key in enumerate(keys)
              if i != index and key in senses and senses[key].place.kind == "city"]
    before = [i for i in cities if i < index]
    if not cities:
        return None
    anchor = senses[keys[before[-1] if before else cities[0]]]
    toponym = toponyms[index]
    return _approximate(article, (toponym.start, toponym.end), context, anchor, anchor.place.lat,
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
        radius = BARE_DIRECTION_UNCERTAINTY * distance
    else:
        radius = max(MIN_UNCERTAINTY_KM, UNCERTAINTY_SHARE * distance)
    lat, lon = destination(anchor.place.lat, anchor.place.lon, relation.bearing, distance)
    return lat, lon, radius


def _approximate(article: Article, span: tuple[int, int], context: tuple[str, str, str],
                 anchor: Resolution, lat: float, lon: float, radius: float) -> PlaceMention:
    start, end = article.raw_span(*span)
    text = article.raw[start:end]
    return PlaceMention(
        start=start, end=end, text=text, name=" ".join(article.text[span[0]:span[1]].split()),
        lat=lat, lon=lon, kind="approximate", country=anchor.place.country,
        admin1=anchor.place.admin1, geonameid=None,
        confidence=anchor.confidence * APPROXIMATE_CONFIDENCE, source="relative",
        context=context, uncertainty_km=radius, anchor=anchor.place.name)


def _qualifiers(toponyms: list[Toponym], text: str) -> dict[int, int]:
    """Index of each toponym directly followed by ", <place>" -> index of that place."""
    return {i: i + 1 for i in range(len(toponyms) - 1)
            if not toponyms[i].demonym and not toponyms[i + 1].demonym
            and _QUALIFIER_GAP.fullmatch(text[toponyms[i].end:toponyms[i + 1].start])}


def _sense_key(toponym: Toponym, qualifier: int | None = None) -> tuple[str, bool, int | None]:
    return exact_key(toponym.text), toponym.demonym, qualifier


def _candidates(toponym: Toponym, gazetteer: Gazetteer) -> list[Candidate]:
    """Candidates the span can stand for: demonyms for a demonym, places for a name.

    A misspelling is only forgiven in a long name the model itself called a place, and only such a
    name is asked of the online geocoder (when the user has turned it on).
    """
    if toponym.demonym:
        found = gazetteer.lookup(toponym.text, kind="demonym", limit=5, fuzzy=False) or [
            c for c in gazetteer.lookup(toponym.text, limit=5, fuzzy=False) if c.kind != "demonym"]
    else:
        model_says_place = toponym.label in ("GPE", "LOC", "FAC")
        fuzzy = toponym.label in ("GPE", "LOC") and len(toponym.text) >= FUZZY_MIN_CHARS
        found = [c for c in gazetteer.lookup(toponym.text, limit=10, fuzzy=fuzzy,
                                             online=model_says_place)
                 if c.kind != "demonym"]
    found = [c for c in found if _written_alike(c.matched_name, toponym.text)]
    if _is_code(toponym.text):  # "HIV", "FAO": a capitalised word, not a small town's name
        found = [c for c in found if _is_code(c.matched_name) or _is_prominent(c)]
    return found


def _is_prominent(candidate: Candidate) -> bool:
    return candidate.kind in ("country", "admin1", "continent") or \
        (candidate.population or 0) >= PROMINENT_POPULATION


def _written_alike(name: str, text: str) -> bool:
    """A code ("MAR", "USA") matches only capitals, an abbreviation ("Miss.", "Ill.") only with
    its full stop: otherwise they are ordinary words."""
    if _is_code(name) and not _is_code(text):
        return False
    if name.endswith(".") and "." not in text:
        return False
    return True


def _is_code(name: str) -> bool:
    """An all-capitals code or abbreviation ("USA", "U.S.", "DRC"), not a word."""
    letters = [ch for ch in name if ch.isalpha()]
    return 2 <= len(letters) <= 4 and all(ch.isupper() for ch in letters)


def _mention(article: Article, context: tuple[str, str, str], toponym: Toponym,
             sense: Resolution) -> PlaceMention:
    start, end = article.raw_span(toponym.start, toponym.end)
    place = sense.place
    confidence = sense.confidence * (MISREAD_CONFIDENCE if toponym.cue else 1.0) \
        * (METONYM_CONFIDENCE if toponym.metonym else 1.0)
    return PlaceMention(
        start=start, end=end, text=article.raw[start:end], name=place.name, lat=place.lat,
        lon=place.lon, kind="demonym" if toponym.demonym else place.kind, country=place.country,
        admin1=place.admin1, geonameid=place.geonameid, confidence=confidence, source=place.source,
        context=context, geometry=place.geometry, metonym=toponym.metonym,
        alternatives=[Alternative(c.name, c.lat, c.lon, c.kind, c.country, c.admin1, c.geonameid,
                                  share) for c, share in sense.runners_up])


def _context(sentences: list[tuple[int, int]], text: str, start: int,
             end: int) -> tuple[str, str, str]:
    """The sentence around the span, cut to a readable length on each side."""
    index = bisect.bisect_right(sentences, (start, len(text) + 1)) - 1
    sentence_start, sentence_end = sentences[index] if index >= 0 else (0, len(text))
    before = text[max(sentence_start, start - CONTEXT_CHARS):start]
    after = text[end:min(max(sentence_end, end), end + CONTEXT_CHARS)]
    return " ".join(before.split()), text[start:end], " ".join(after.split())
