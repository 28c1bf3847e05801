"""Places in an article: each place name found in the text, resolved against the gazetteer in the
context of the article's other places, as `PlaceMention`s (offsets exactly as the file was read)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from gazetteer import Candidate, Gazetteer
from gazetteer.normalize import exact_key
from gazetteer.resolve import Resolution, resolve_together

from .approximate import place_approximately
from .article import Article
from .mention import Alternative, PlaceMention
from .recognize import PLACE_LABELS, Toponym, find_toponyms

__all__ = ["Alternative", "ArticleReading", "PlaceMention", "find_places"]


MISREAD_CONFIDENCE = 0.85
# Readings of a name weighed in context: the likeliest, and beyond them places whose own name it
# is, enough for the 30 US counties named Washington (an obscure alternate name of a place in
# the article's area, such as Dublin for Resaca, Georgia, is not worth one).
LIKELIEST, NAMESAKES = 10, 30
# A name standing for its government ("Washington said") is less surely about the place.
METONYM_CONFIDENCE = 0.8
FUZZY_MIN_CHARS = 6
# A name written in capitals ("IRAQ", "ROME") may be a headline's place only if it is this big.
PROMINENT_POPULATION = 100_000
# "Sumatra province", "Nyanza Province", "Fargo City": a word for the kind of place that the
# gazetteer does not know the name with, and the kinds the name can then stand for (after a
# division word an area, never a town of that name).
AREA_KINDS = frozenset({"admin1", "admin2", "region", "island", "islands", "peninsula", "valley",
                        "country"})
SETTLEMENT_KINDS = frozenset({"city", "town", "village"})
KIND_WORDS = {
    **dict.fromkeys(("province", "governorate", "district", "region", "county", "parish",
                     "oblast", "state", "prefecture"), AREA_KINDS),
    **dict.fromkeys(SETTLEMENT_KINDS, SETTLEMENT_KINDS),
}
CONTEXT_CHARS = 240
# What may stand between a name and the place that qualifies it: "Alexandria, La.".
_QUALIFIER_GAP = re.compile(r",\s*")
_NON_LETTERS = re.compile(r"[\W_]+")
# A name's sense in an article: its key, whether a demonym, the index of its qualifier if any.
SenseKey = tuple[str, bool, int | None]


@dataclass(slots=True)
class ArticleReading:
    """An article's place names as resolved so far, with what placing them further needs."""

    article: Article
    toponyms: list[Toponym]
    keys: list[tuple]  # each toponym's sense key: one sense per name (and qualifier)
    readings: dict[tuple, list[Candidate]]
    senses: dict[tuple, Resolution]
    sentences: list[tuple[int, int]]
    gazetteer: Gazetteer

    @property
    def text(self) -> str:
        return self.article.text

    def context(self, start: int, end: int) -> tuple[str, str, str]:
        return _context(self.sentences, self.article.text, start, end)

    def candidates(self, toponym: Toponym) -> list[Candidate]:
        return _candidates(toponym, self.gazetteer)

    def mention(self, toponym: Toponym, sense: Resolution) -> PlaceMention:
        return _mention(self.article, self.context(toponym.start, toponym.end), toponym, sense)


def find_places(article: Article, doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every place mention in the article, resolved in the context of the article's other places.

    One sense per name per article: every mention of the same name gets the same place (unless a
    mention is qualified, as in "Paris, Texas", which is its own sense). Names known only from a
    relative phrase, a border or a generic district are placed approximately.
    """
    toponyms = find_toponyms(doc, gazetteer)
    containers = _qualifiers(toponyms, article.text)
    keys = [_sense_key(t, containers.get(i)) for i, t in enumerate(toponyms)]
    readings = {key: _candidates(t, gazetteer) for key, t in _most_place_like(keys, toponyms)}
    senses = resolve_together(readings, {keys[i]: keys[j] for i, j in containers.items()})
    _follow_qualified(senses, readings)
    reading = ArticleReading(article, toponyms, keys, readings, senses,
                             [(sentence.start_char, sentence.end_char) for sentence in doc.sents],
                             gazetteer)
    located = place_approximately(reading)
    mentions = []
    for index, (key, toponym) in enumerate(zip(keys, toponyms)):
        if index in located:  # placed by a phrase, or dropped (None)
            mentions.append(located.pop(index))
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


def _qualifiers(toponyms: list[Toponym], text: str) -> dict[int, int]:
    """Index of each toponym directly followed by ", <place>" -> index of that place."""
    return {i: i + 1 for i in range(len(toponyms) - 1)
            if not toponyms[i].demonym and not toponyms[i + 1].demonym
            and _QUALIFIER_GAP.fullmatch(text[toponyms[i].end:toponyms[i + 1].start])}


def _sense_key(toponym: Toponym, qualifier: int | None = None) -> SenseKey:
    return exact_key(toponym.full_name), toponym.demonym, qualifier


def _candidates(toponym: Toponym, gazetteer: Gazetteer) -> list[Candidate]:
    """Candidates the span can stand for: demonyms for a demonym, places for a name.

    A misspelling is only forgiven in a long name the model itself called a place, and only for a
    prominent place ("Afganistan"; "Danielle" is not a misspelt Danville); only such a name is
    asked of the online geocoder (when the user has turned it on).
    """
    name = toponym.full_name
    if toponym.demonym:
        found = gazetteer.lookup(name, kind="demonym", limit=5, fuzzy=False) or [
            c for c in gazetteer.lookup(name, limit=5, fuzzy=False) if c.kind != "demonym"]
    else:
        model_says_place = toponym.label in PLACE_LABELS
        fuzzy = toponym.label in ("GPE", "LOC") and len(name) >= FUZZY_MIN_CHARS
        found = [c for c in _readings(name, gazetteer, fuzzy=fuzzy, online=model_says_place)
                 if c.kind != "demonym"] or _without_kind_word(name, gazetteer)
    found = [c for c in found if _written_alike(c.matched_name, name)
             and (c.match != "fuzzy" or _is_prominent(c))]
    if not toponym.demonym and toponym.label not in PLACE_LABELS:
        # a word the model did not call a place is a small place only as spelt: "God" is not
        # Göd, nor "Holy" Holly
        found = [c for c in found if _spelt_alike(c.matched_name, name) or _is_prominent(c)]
    if _is_code(name):  # "HIV", "FAO": a capitalised word, not a small town's name
        found = [c for c in found if _is_code(c.matched_name) or _is_prominent(c)]
    # "Pa." is Pennsylvania's abbreviation, not "Pa", an old name of Chongqing
    if name.endswith(".") and any(c.matched_name.endswith(".") for c in found):
        found = [c for c in found if c.matched_name.endswith(".")]
    return found


def _without_kind_word(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Places named by the text less a trailing word for their kind that the gazetteer does not
    pair with the name."""
    name, _, last = text.rpartition(" ")
    kinds = KIND_WORDS.get(last.casefold())
    if not name or kinds is None:
        return []
    return [c for c in _readings(name, gazetteer) if c.kind in kinds]


def _readings(name: str, gazetteer: Gazetteer, *, fuzzy: bool = False,
              online: bool = False) -> list[Candidate]:
    found = gazetteer.lookup(name, limit=NAMESAKES, fuzzy=fuzzy, online=online)
    return found[:LIKELIEST] + [c for c in found[LIKELIEST:]
                                if exact_key(c.matched_name) == exact_key(c.name)]


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


def _spelt_alike(name: str, text: str) -> bool:
    """The same letters, accents and all, whatever the case and punctuation."""
    return _NON_LETTERS.sub("", name).casefold() == _NON_LETTERS.sub("", text).casefold()


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
