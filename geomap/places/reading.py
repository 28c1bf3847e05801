"""An article's place names as resolved so far: what placing them further, and writing their
mentions, needs."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from gazetteer import Candidate, Gazetteer
from gazetteer.model import Kind
from gazetteer.resolve import Resolution
from geomap.places.candidates import candidates_for
from geomap.places.mention import Alternative, PlaceMention
from geomap.places.toponym import Toponym
from geomap.read.article import Article

# A name read on a cue, not because the model called it a place, is less surely a place.
MISREAD_CONFIDENCE = 0.85
# A name standing for its government ("Washington said") is less surely about the place.
METONYM_CONFIDENCE = 0.8
CONTEXT_CHARS = 240


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
        return candidates_for(toponym, self.gazetteer)

    def mention(self, toponym: Toponym, sense: Resolution) -> PlaceMention:
        return _mention(self.article, self.context(toponym.start, toponym.end), toponym, sense)


def _mention(article: Article, context: tuple[str, str, str], toponym: Toponym,
             sense: Resolution) -> PlaceMention:
    start, end = article.raw_span(toponym.start, toponym.end)
    place = sense.place
    confidence = sense.confidence * (MISREAD_CONFIDENCE if toponym.cue else 1.0) \
        * (METONYM_CONFIDENCE if toponym.metonym else 1.0)
    return PlaceMention(
        start=start, end=end, text=article.raw[start:end], name=place.name, lat=place.lat,
        lon=place.lon, kind=Kind.DEMONYM if toponym.demonym else place.kind, country=place.country,
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
