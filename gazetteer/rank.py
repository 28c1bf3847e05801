"""Ranking the places that share a name, before any context from an article is known.

A candidate's score is how well the name matched plus a prior from the place's weight (population,
or its stand-in for territories and features), on a log scale so that a match of a better kind is
worth about one and a half orders of magnitude of population.
"""

from __future__ import annotations

import math

from .model import Candidate
from .normalize import loose_key

MATCH_QUALITY = {
    ("exact", "primary"): 1.0,
    ("exact", "official"): 1.0,
    ("exact", "short"): 0.98,
    ("exact", "abbreviation"): 0.97,
    ("exact", "demonym"): 0.97,
    ("exact", "alias"): 0.97,
    ("exact", "form"): 0.97,
    ("exact", "historic"): 0.9,
    ("exact", "code"): 0.9,  # an airport's IATA or ICAO code
}
EXACT_ALTERNATE = 0.95
LOOSE = 0.85
FUZZY_SCALE = 0.7  # times the similarity ratio in 0..1
PRIOR_SCALE = 0.1  # per order of magnitude of weight
# Taken off a place matched by another place's own name in its country: "Franklin" is a dozen US
# towns before it is an old name of Columbus, Ohio (an order of magnitude of population).
BORROWED_NAME_PENALTY = 0.1
# ... and anywhere, when the place whose own name it is scores at most this far below it (a
# primary name's better match and two orders of magnitude of weight): "Cancun" is Cancún before
# it is an alternate name of Changchun, "Plattsville" the Ontario village.
BORROWED_NAME_GAP = 0.25


def match_quality(match: str, name_kind: str, similarity: float = 1.0) -> float:
    if match == "fuzzy":
        return FUZZY_SCALE * similarity
    if match == "loose":
        return LOOSE
    return MATCH_QUALITY.get((match, name_kind), EXACT_ALTERNATE)


def prior(weight: float) -> float:
    return PRIOR_SCALE * math.log10(1 + max(weight, 0))


def demote_borrowed_names(candidates: list[Candidate]) -> None:
    """Lower places matched by one of their alternate names where, in the same country, the name
    is some other place's own, or where, anywhere, a place whose own name it is scores not far
    below ("Cancun" is Cancún before Changchun; "Bombay" is still Mumbai, the New Zealand
    village being far smaller; "Palmyra" is an American town before Syria's Tadmur, which the
    article's context then picks)."""
    owners = {c.country for c in candidates if c.name_kind != "alternate"}
    owner = max((c.score for c in candidates if c.name_kind == "primary"), default=None)
    for candidate in candidates:
        if candidate.name_kind == "alternate" and (
                candidate.country in owners
                or owner is not None and owner >= candidate.score - BORROWED_NAME_GAP):
            candidate.score -= BORROWED_NAME_PENALTY


def prefer_seats(candidates: list[Candidate]) -> None:
    """A division named after its seat ("Raqqa", "Aleppo", "Baghdad") means the city when the
    name stands bare; "Raqqa province" matches only the division. Lift such cities just above it."""
    divisions = [c for c in candidates if c.kind in ("admin1", "admin2")]
    if not divisions:
        return
    cities = [(c, loose_key(c.name)) for c in candidates if c.kind == "city"]
    for division in divisions:
        division_key = loose_key(division.name)
        for city, city_key in cities:
            inside = (city.admin1 if division.kind == "admin1" else city.admin2) == division.name
            # only the city named like its division (Raqqa in Raqqa province), not any city of it
            # that happens to carry the division's name among its alternates (Minneota, Minnesota)
            if city.country == division.country and inside and city_key == division_key \
                    and city.score <= division.score:
                city.score = division.score + 0.001


def order(candidates: list[Candidate]) -> list[Candidate]:
    return sorted(candidates, key=lambda c: (-c.score, -(c.population or 0), c.id))
