"""Towns the gazetteer lacks but the text places: in "Stroud, Ontario" or "Taji, Iraq" the
qualifier says which province or country the town is in, so when no place of that name lies there
the town is one the gazetteer does not hold, not a namesake abroad (Stroud, England). It is placed
approximately: among the article's towns in that province, else at the province itself, with an
uncertainty that says how roughly."""

from __future__ import annotations

from statistics import fmean

from gazetteer.model import Kind
from gazetteer.resolve import Resolution, lies_within
from geomap.places.candidates import SETTLEMENT_KINDS
from geomap.places.mention import PlaceMention
from geomap.places.reading import ArticleReading

# The kinds of place a qualifier may be, and how far (km) a town inside one may lie from the
# point it is placed at.
CONTAINER_RADIUS_KM = {Kind.ADMIN2: 30.0, Kind.ADMIN1: 250.0, Kind.COUNTRY: 400.0}
# How sure a place so placed is, of its qualifier's confidence.
UNLISTED_CONFIDENCE = 0.6


def place_unlisted(reading: ArticleReading, containers: dict[int, int]) -> dict[int, PlaceMention]:
    """Mentions, by toponym index, of qualified names no place inside their qualifier holds
    (`containers` maps a toponym's index to its qualifier's), and of the same name's bare
    mentions read as the same namesake."""
    found: dict[int, PlaceMention] = {}
    for index, qualifier in containers.items():
        box = reading.senses.get(reading.keys[qualifier])
        key = reading.keys[index]
        sense = reading.senses.get(key)
        if box is None or box.place.kind not in CONTAINER_RADIUS_KM \
                or not _a_town(reading, index, qualifier, sense) \
                or any(lies_within(candidate, box.place) for candidate in reading.readings.get(key, [])):
            continue
        for other, other_key in enumerate(reading.keys):
            same = other_key == key or (
                other_key[:2] == key[:2] and other_key[2] is None and sense is not None
                and reading.senses.get(other_key) is not None
                and reading.senses[other_key].place.id == sense.place.id)
            if same and other not in found:
                found[other] = _unlisted(reading, other, box)
    return found


def _a_town(reading: ArticleReading, index: int, qualifier: int,
            sense: Resolution | None) -> bool:
    """Whether the qualified name is a town's: the gazetteer reads it as a town elsewhere, or
    it has no reading but the model calls it a place and a comma sets the qualifier after it
    ("Stroud, Ontario"; not "HIV in Kenya")."""
    if sense is not None:
        return sense.place.kind in SETTLEMENT_KINDS
    toponym, container = reading.toponyms[index], reading.toponyms[qualifier]
    return toponym.label in ("GPE", "LOC") \
        and reading.text[toponym.end:container.start].strip() == ","


def _unlisted(reading: ArticleReading, index: int, box: Resolution) -> PlaceMention:
    toponym = reading.toponyms[index]
    towns = {sense.place.id: sense.place for sense in reading.senses.values()
             if sense.place.kind in SETTLEMENT_KINDS and lies_within(sense.place, box.place)}
    lat = fmean(town.lat for town in towns.values()) if towns else box.place.lat
    lon = fmean(town.lon for town in towns.values()) if towns else box.place.lon
    article = reading.article
    start, end = article.raw_span(toponym.start, toponym.end)
    return PlaceMention(
        start=start, end=end, text=article.raw[start:end],
        name=" ".join(article.text[toponym.start:toponym.end].split()), lat=lat, lon=lon,
        kind=Kind.APPROXIMATE, country=box.place.country, admin1=box.place.admin1,
        geonameid=None, confidence=box.confidence * UNLISTED_CONFIDENCE, source="qualifier",
        context=reading.context(toponym.start, toponym.end),
        uncertainty_km=CONTAINER_RADIUS_KM[box.place.kind], anchor=box.place.name)
