"""Which gazetteer places a recognised name can stand for, before the article's context weighs them.

The gazetteer forgives case, accents and transliteration; here the article's own evidence narrows
what it offers: a code matches only capitals, an abbreviation only with its full stop, a word the
model did not call a place only a place spelt the same, a misspelling only a prominent place.
"""

from __future__ import annotations

import re

from gazetteer import Candidate, Gazetteer
from gazetteer.model import Kind
from gazetteer.normalize import exact_key
from geomap.places.finder import BIG_KINDS, BIG_PLACE_POPULATION
from geomap.places.toponym import PLACE_LABELS, Toponym

# Readings of a name weighed in context: the likeliest, and beyond them places whose own name it
# is, enough for the 30 US counties named Washington (an obscure alternate name of a place in
# the article's area, such as Dublin for Resaca, Georgia, is not worth one).
LIKELIEST, NAMESAKES = 10, 30
FUZZY_MIN_CHARS = 6
# "Sumatra province", "Nyanza Province", "Salem City": a word for the kind of place that the
# gazetteer does not know the name with, and the kinds the name can then stand for (after a
# division word an area, never a town of that name).
AREA_KINDS = frozenset({Kind.ADMIN1, Kind.ADMIN2, Kind.REGION, Kind.ISLAND, Kind.PENINSULA,
                        Kind.VALLEY, Kind.COUNTRY})
SETTLEMENT_KINDS = frozenset({Kind.CITY, Kind.TOWN, Kind.VILLAGE})
KIND_WORDS = {
    **dict.fromkeys(("province", "governorate", "district", "region", "county", "parish",
                     "oblast", "state", "prefecture"), AREA_KINDS),
    **dict.fromkeys(SETTLEMENT_KINDS, SETTLEMENT_KINDS),
}
_NON_LETTERS = re.compile(r"[\W_]+")


def candidates_for(toponym: Toponym, gazetteer: Gazetteer) -> list[Candidate]:
    """Candidates the span can stand for: demonyms for a demonym, places for a name.

    A misspelling is only forgiven in a long name the model itself called a place, and only for a
    prominent place ("Afganistan"; "Danielle" is not a misspelt Danville); only such a name is
    asked of the online geocoder (when the user has turned it on).
    """
    name = toponym.full_name
    if toponym.demonym:
        found = gazetteer.lookup(name, kind=Kind.DEMONYM, limit=5, fuzzy=False) or [
            c for c in gazetteer.lookup(name, limit=5, fuzzy=False) if c.kind != Kind.DEMONYM]
    else:
        model_says_place = toponym.label in PLACE_LABELS
        fuzzy = toponym.label in ("GPE", "LOC") and len(name) >= FUZZY_MIN_CHARS
        found = [c for c in _readings(name, gazetteer, fuzzy=fuzzy, online=model_says_place)
                 if c.kind != Kind.DEMONYM] or _without_kind_word(name, gazetteer)
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
    """A country, a province or a large city, by any of its names (`Finder.is_big_place` also
    asks for its own name)."""
    return candidate.kind in BIG_KINDS or (candidate.population or 0) >= BIG_PLACE_POPULATION


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
