"""A keyword baseline for the event layer: every sentence with a violence or disaster word and a
place is an event at that place, on the publication day.

It is scored beside the pipeline (geomap.evaluation.events) so that the pipeline's figures can be
read against what a word list and the pipeline's own places and sentence splits already give.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from gazetteer.model import Kind
from geomap import nlp
from geomap.places.mention import PlaceMention
from geomap.read.boilerplate import mask_for_parsing

# Each word and the family (eval/events-guidelines.md) of the event it most often tells.
KEYWORDS: dict[str, str] = {
    **dict.fromkeys(("killed", "attack", "attacked", "attacks", "bomb", "bombing", "bombed",
                     "airstrike", "airstrikes", "shelling", "militants", "fighting", "clashes",
                     "offensive"), "conflict"),
    **dict.fromkeys(("shot", "shooting", "murder", "murdered", "stabbed", "robbery", "robbed"),
                    "crime"),
    **dict.fromkeys(("fire", "explosion", "crash", "crashed", "collision", "drowned"), "accident"),
    **dict.fromkeys(("flood", "floods", "flooding", "storm", "storms", "hurricane", "tornado",
                     "earthquake", "tsunami", "wildfire", "outbreak", "epidemic"), "disaster"),
    **dict.fromkeys(("protest", "protests", "protesters", "riot", "riots"), "protest"),
}
_KEYWORD = re.compile(r"\b(" + "|".join(sorted(KEYWORDS, key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class KeywordEvent:
    """A sentence taken as an event: its span in the text, the word that made it one, the word's
    family, the place and the publication day (ISO, or None when the article has none)."""

    start: int
    end: int
    word: str
    family: str
    place: PlaceMention
    date: str | None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The pipeline's sentence splits of `text` (the same segmenter and line rule, without the
    entity recogniser, which does not move boundaries), without surrounding white space."""
    language = nlp.load()
    with language.select_pipes(enable=["line_breaks", "senter"]):
        doc = language(mask_for_parsing(text))
    spans = []
    for sentence in doc.sents:
        start = sentence.start_char + len(sentence.text) - len(sentence.text.lstrip())
        end = sentence.start_char + len(sentence.text.rstrip())
        if start < end:
            spans.append((start, end))
    return spans


def keyword_events(text: str, places: list[PlaceMention], published: datetime.date | None,
                   sentences: list[tuple[int, int]] | None = None) -> list[KeywordEvent]:
    """One event per sentence holding a keyword and a place (a place named rather than an
    adjective when the sentence has one), with the family of its first keyword."""
    spans = sentence_spans(text) if sentences is None else sentences
    day = published.isoformat() if published is not None else None
    found = []
    for start, end in spans:
        word = _KEYWORD.search(text, start, end)
        inside = [place for place in places if start <= place.start < end]
        if word is None or not inside:
            continue
        place = min(inside, key=lambda p: (p.kind == Kind.DEMONYM, p.start))
        found.append(KeywordEvent(start, end, word.group(0), KEYWORDS[word.group(0).lower()],
                                  place, day))
    return found
