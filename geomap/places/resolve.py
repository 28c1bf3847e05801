"""Places in an article: each place name found in the text, resolved against the gazetteer in the
context of the article's other places, as `PlaceMention`s (offsets exactly as the file was read)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from gazetteer import Candidate
from gazetteer.model import Kind
from gazetteer.normalize import exact_key
from gazetteer.resolve import Resolution, resolve_together
from geomap.context import ReadingContext
from geomap.places.approximate import place_approximately
from geomap.places.candidates import SETTLEMENT_KINDS, candidates_for
from geomap.places.intown import place_in_town
from geomap.places.mention import PlaceMention
from geomap.places.reading import ArticleReading
from geomap.places.recognize import find_toponyms
from geomap.places.toponym import PLACE_LABELS, Toponym
from geomap.places.unlisted import place_unlisted
from geomap.read.article import Article

# What may stand between a name and the place that qualifies it: "Alexandria, La.", "Palmyra in
# Syria" (the qualifier is a container only if it is a country, province or county).
_QUALIFIER_GAP = re.compile(r",\s*|\s+in\s+")
# What stands between two names of one list: "Egypt and Niger", "Iraq, Syria or Iran".
_LIST_GAP = re.compile(r",\s*|,?\s+(?:and|or)\s+")
# How sure the reading of a listed country must be to make its neighbour one.
LISTED_COUNTRY_CONFIDENCE = 0.8
# ... and how sure the country so read is at most (a list is strong evidence, not proof).
LISTED_COUNTRY_CEILING = 0.95
# The sense of a name that a governor governs ("Murmansk Governor"): the province, kept apart
# from the name's other mentions (the city's mayor is the city's), like a qualified name.
PROVINCE = -1
GOVERNOR_WORDS = frozenset({"governor", "governors", "governorship", "gubernatorial"})
_FOLLOWING_WORD = re.compile(r"(?:'s|’s)?\s+([A-Za-z]+)")
# The style of a town's name in its institutions' names ("Dublin City Council").
CITY_STYLE = " city"
# A name's sense in an article: its key, whether a demonym, the index of its qualifier if any.
SenseKey = tuple[str, bool, int | None]


def find_places(article: Article, doc: Doc, context: ReadingContext) -> list[PlaceMention]:
    """Every place mention in the article, resolved in the context of the article's other places.

    One sense per name per article: every mention of the same name gets the same place (unless a
    mention is qualified, as in "Paris, Texas", which is its own sense). Names known only from a
    relative phrase, a border or a generic district are placed approximately, and names below
    the town (streets, buildings) in the article's town.
    """
    gazetteer = context.gazetteer
    toponyms = find_toponyms(doc, context)
    containers = _qualifiers(toponyms, article.text)
    keys = [_sense_key(t, containers.get(i)) for i, t in enumerate(toponyms)]
    # a name below the town is looked up in no gazetteer: "Washington Avenue" is no Washington
    readings = {key: candidates_for(t, gazetteer) for key, t in _most_place_like(keys, toponyms)
                if not t.fine}
    senses = resolve_together(readings, {keys[i]: keys[j] for i, j in containers.items()})
    _follow_qualified(senses, readings)
    _city_styled(senses)
    _countries_listed_together(senses, readings, keys, toponyms, article.text)
    _governed_provinces(senses, readings, keys, toponyms, article.text)
    reading = ArticleReading(article, toponyms, keys, readings, senses,
                             [(sentence.start_char, sentence.end_char) for sentence in doc.sents],
                             gazetteer)
    unlisted = place_unlisted(reading, containers)
    located, senses = place_approximately(reading)
    mentions = []
    for index, (key, toponym) in enumerate(zip(keys, toponyms)):
        if index in located:  # placed by a phrase, or dropped (None)
            mentions.append(located.pop(index))
        elif index in unlisted:  # "Stroud, Ontario": a town the gazetteer lacks
            mentions.append(unlisted[index])
        elif toponym.fine:
            mentions.append(place_in_town(reading, index))
        elif key in senses:
            mentions.append(reading.mention(toponym, senses[key]))
    mentions += located.values()  # phrases that are places of their own
    return sorted((m for m in mentions if m is not None), key=lambda m: (m.start, m.end))


def _most_place_like(keys: list[SenseKey], toponyms: list[Toponym]
                     ) -> list[tuple[SenseKey, Toponym]]:
    """One mention per sense key to look the name up by: one the model called a place, without
    a cue, if there is one (the lookup forgives more for such a mention)."""
    chosen: dict[SenseKey, Toponym] = {}
    for key, toponym in zip(keys, toponyms):
        held = chosen.get(key)
        if held is None or _place_likeness(toponym) > _place_likeness(held):
            chosen[key] = toponym
    return list(chosen.items())


def _place_likeness(toponym: Toponym) -> tuple[bool, bool]:
    return toponym.label in PLACE_LABELS, not toponym.cue


def _follow_qualified(senses: dict[SenseKey, Resolution],
                      readings: dict[SenseKey, list[Candidate]]) -> None:
    """A bare name is the place the article qualifies it as elsewhere ("Dublin, Ohio ... Dublin"),
    unless it qualifies the name as more than one place."""
    qualified: dict[tuple[str, bool], dict[int, Resolution]] = {}
    for (name, demonym, qualifier), sense in senses.items():
        if qualifier is not None:
            qualified.setdefault((name, demonym), {})[sense.place.id] = sense
    for key, sense in senses.items():
        as_qualified = qualified.get(key[:2], {})
        if key[2] is not None or len(as_qualified) != 1 or sense.place.id in as_qualified:
            continue
        (source,) = as_qualified.values()
        same = next((c for c in readings[key] if c.id == source.place.id), None)
        if same is not None:
            senses[key] = Resolution(same, source.confidence,
                                     [(c, p) for c, p in sense.runners_up if c.id != same.id])


def _city_styled(senses: dict[SenseKey, Resolution]) -> None:
    """"Dublin City" ("the Dublin City Council") in an article that names the town Dublin alone
    is that town in a city's style, not a namesake whose own name it is (Dublin, Ireland); a
    name whose first words are a province or a country ("Kansas City") is its own."""
    for key, sense in list(senses.items()):
        name, demonym, _ = key
        if not name.endswith(CITY_STYLE):
            continue
        town = senses.get((name.removesuffix(CITY_STYLE), demonym, None))
        if town is not None and town.place.kind in SETTLEMENT_KINDS \
                and town.place.id != sense.place.id:
            senses[key] = town


def _countries_listed_together(senses: dict[SenseKey, Resolution],
                               readings: dict[SenseKey, list[Candidate]], keys: list[SenseKey],
                               toponyms: list[Toponym], text: str) -> None:
    """A name listed with a country ("eradicated in Egypt and Niger") is a country too when it
    is the name of one: a list names places of one kind (not Niger State, Nigeria)."""
    for i in range(len(toponyms) - 1):
        if not _LIST_GAP.fullmatch(text[toponyms[i].end:toponyms[i + 1].start]):
            continue
        for country, other in ((keys[i], keys[i + 1]), (keys[i + 1], keys[i])):
            listed, sense = senses.get(country), senses.get(other)
            if listed is None or sense is None or listed.place.kind != Kind.COUNTRY \
                    or listed.confidence < LISTED_COUNTRY_CONFIDENCE \
                    or sense.place.kind == Kind.COUNTRY:
                continue
            runner = next(((c, p) for c, p in sense.runners_up if c.kind == Kind.COUNTRY), None)
            if runner is not None:  # the namesake's share goes to the country
                place, probability = runner
                confidence = min(probability + sense.confidence, LISTED_COUNTRY_CEILING)
                senses[other] = Resolution(place, confidence, [(sense.place, 1.0 - confidence), *(
                    (c, p) for c, p in sense.runners_up if c.id != place.id)])


def _governed_provinces(senses: dict[SenseKey, Resolution],
                        readings: dict[SenseKey, list[Candidate]], keys: list[SenseKey],
                        toponyms: list[Toponym], text: str) -> None:
    """"Murmansk Governor Yury Yevdokimov", "the Kano governor": a governor governs a province,
    so the mention is the province of that name when the name has one, read apart from the
    name's other mentions (the city's mayor is the city's)."""
    for index, toponym in enumerate(toponyms):
        following = _FOLLOWING_WORD.match(text, toponym.end)
        sense = senses.get(keys[index])
        if following is None or following[1].lower() not in GOVERNOR_WORDS or sense is None \
                or sense.place.kind == Kind.ADMIN1:
            continue
        province = next((c for c in readings[keys[index]] if c.kind == Kind.ADMIN1
                         and c.country == sense.place.country), None)
        if province is not None:
            key = (*keys[index][:2], PROVINCE)
            senses[key] = Resolution(province, sense.confidence, [(sense.place, 0.0)])
            readings[key] = [province]
            keys[index] = key


def _qualifiers(toponyms: list[Toponym], text: str) -> dict[int, int]:
    """Index of each toponym directly followed by ", <place>" -> index of that place."""
    return {i: i + 1 for i in range(len(toponyms) - 1)
            if not toponyms[i].demonym and not toponyms[i + 1].demonym
            and _QUALIFIER_GAP.fullmatch(text[toponyms[i].end:toponyms[i + 1].start])}


def _sense_key(toponym: Toponym, qualifier: int | None = None) -> SenseKey:
    return exact_key(toponym.full_name), toponym.demonym, qualifier


