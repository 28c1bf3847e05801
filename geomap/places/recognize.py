"""Finding place names in parsed text: which spans of an article name a place.

Candidates are the model's entities and every other run of capitalised words; a name below the
town ("Elm Street", "St. Peter's Basilica", "the district of X": `places/finenames.py`) stands
in place of the entities and runs it overlaps, so that no word of it is read as a town. Each
candidate is grown to the longest name the gazetteer knows ("Deir" -> "Deir ez-Zor", "Euphrates"
-> "Euphrates river valley", "Nineveh" -> "Nineveh province") and decided by the first of the
rules in `geomap/places/rules.py` that speaks to it:

- the model labelled it a place (GPE, LOC, FAC): kept, unless it is a person's surname or a
  description in lower case;
- a demonym the gazetteer knows (NORP "Iraqi") becomes a mention of its country;
- otherwise (a name the model took for a person or organisation, or did not label at all) it must
  not be the name of a person named in the article, and it needs a cue: a locative word, a list
  with an accepted place, a place-type word that grows it into a known name, a dateline, the
  place's people or offices, or, for an organisation label only, a large known place. A place
  inside an organisation's name is kept and flagged, as is a demonym in it.

Then, over the whole article: names listed before a plural kind are places of that kind, a
legislator's home follows the party, and a name the article mostly uses as a place is one in its
other uses too.
"""

from __future__ import annotations

from spacy.tokens import Doc

from geomap.context import ReadingContext
from geomap.places.finder import Finder
from geomap.places.finenames import FineName, fine_names
from geomap.places.rules import ARTICLE_PASSES, SPAN_RULES, Candidate, own_place
from geomap.places.toponym import Toponym
from geomap.places.words import abbreviated_word, capitalised, is_dateline, trim
from geomap.vocabulary import DATELINE_FOLLOWERS, NON_PLACE_LABELS


def find_toponyms(doc: Doc, context: ReadingContext) -> list[Toponym]:
    """Place-name spans in `doc`, in text order, without overlaps."""
    finder = Finder(doc, context.gazetteer, context.actors, context.switched_off)
    if finder.enabled("fine_place"):
        own = [own_place(finder, name) for name in fine_names(doc)]
        finder.fine_names = {name.end: name for name in own if name is not None}
    for start, end, label in _candidate_spans(doc, list(finder.fine_names.values())):
        _decide(finder, start, end, label)
    for rule in ARTICLE_PASSES:
        if finder.enabled(rule.name):
            rule.apply(finder)
    return sorted(finder.found, key=lambda toponym: toponym.start)


def _decide(finder: Finder, start: int, end: int, label: str) -> None:
    """Try the span rules in order on one candidate span, until one decides it."""
    if start < finder.taken_until:
        return
    span = trim(finder.doc[start:end])
    if not span.text.strip():
        return
    candidate = Candidate(finder, span, label)
    for rule in SPAN_RULES:
        if finder.enabled(rule.name) and rule.apply(finder, candidate):
            return


def _dateline_apart(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """An entity the model ran on from a dateline into the story ("DANIELSVILLE - Madison
    County") as two candidates: the dateline, unlabelled, and the rest under the model's label."""
    for cut in range(start + 1, end - 1):
        if doc[cut].text in DATELINE_FOLLOWERS and is_dateline(doc[start:cut]):
            return [(start, cut, ""), (cut + 1, end, label)]
    return [(start, end, label)]


def _candidate_spans(doc: Doc, fine: list[FineName]) -> list[tuple[int, int, str]]:
    """(start token, end token, label) of every entity and every unlabelled capitalised run; a
    name below the town ("Elm Street") in place of the entities and runs it overlaps, with the
    label of the entity that ends it."""
    # (the model calls some countries products: "pressuring Cyprus")
    spans = [part for ent in doc.ents
             if ent.label_ not in NON_PLACE_LABELS or ent.label_ == "PRODUCT"
             for part in _dateline_apart(doc, ent.start, ent.end, ent.label_)]
    index = 0
    while index < len(doc):
        token = doc[index]
        if token.ent_type_ or not (capitalised(token) or abbreviated_word(token)):
            index += 1
            continue
        end = index + 1
        while end < len(doc) and not doc[end].ent_type_ and capitalised(doc[end]):
            end += 1
        spans.append((index, end, ""))
        index = end
    for name in fine:
        spans = [span for span in spans if span[1] <= name.start or span[0] >= name.end]
        spans.append((name.start, name.end, doc[name.end - 1].ent_type_))
    return sorted(spans)
