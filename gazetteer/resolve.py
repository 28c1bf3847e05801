"""Choosing among the places that share a name, in the context of the other names read with it.

A text that names several places is usually about one area: the readings of its names that lie in
the same country, province and county support each other ("Dublin" beside "Ga." and "Atlanta" is
Dublin, Georgia; "Paris" beside "Henry County" is Paris, Tennessee). Each name lends support by how
likely each of its readings is, not by its first reading alone, and the likelihoods are then
worked out once more with that support, so two ambiguous names can settle each other. To a
country a name lends by the weight (population) of its readings there, not by their number: the
United States has a namesake of almost every town, and two dozen Oxfords of a few thousand people
are not more likely meant than Oxford, England ("Cambridge, Oxford and Durham" is England). A name
qualified by a containing place ("Alexandria, La.", "Paris, Texas") is read inside it. Scores
become probabilities through their gaps; candidates within a few kilometres of the chosen one count
as the same answer (a city and the district named after it).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from .geo import distance_km
from .model import Candidate, Place
from .rank import PRIOR_SCALE

# Added to a candidate's score in proportion to the share of the other names read in its country,
# in its province/state and in its district/county (by the length of the area's key).
AREA_BONUS = {1: 0.5, 2: 0.5, 3: 0.5}
# Rounds of letting each name's likely readings inform the others' (0: prior readings only).
CONTEXT_ROUNDS = 1
# Added to a candidate inside the place that qualifies its name ("Alexandria, La.").
CONTAINED_BONUS = 1.0
# A qualifier's readings this close to its best score may be the one meant.
CONTAINER_MARGIN = 0.25
# "Iraq, Iran" lists two countries; "Lebanon, Pa." is a town in a state.
COUNTRY_KINDS = frozenset({"country", "continent"})
# Scores become probabilities with this temperature (a score gap of 0.1 is about e:1).
TEMPERATURE = 0.1
# ... and shares of a name lent to countries with this one, at which a reading's share is in
# proportion to its weight (the prior adds PRIOR_SCALE per factor of ten of weight).
COUNTRY_TEMPERATURE = PRIOR_SCALE / math.log(10)
SAME_PLACE_KM = 50.0
MATCH_CONFIDENCE = {"exact": 1.0, "loose": 0.9, "fuzzy": 0.6, "online": 0.8}
ALTERNATIVES = 3


@dataclass(slots=True)
class Resolution:
    """The chosen place, the probability that it is right, and the runners-up with theirs."""

    place: Candidate
    confidence: float
    runners_up: list[tuple[Candidate, float]]


def resolve_together(readings: dict[Hashable, list[Candidate]],
                     containers: dict[Hashable, Hashable] | None = None) -> dict[Hashable, Resolution]:
    """A resolution per name key with candidates. `containers[key]` is the key of a name that
    qualifies it ("La." for "Alexandria" in "Alexandria, La.")."""
    containers = containers or {}
    readings = {key: found for key, found in readings.items() if found}
    first = {key: found[0] for key, found in readings.items()}
    contained = {key: _inside(_likely(readings[container])) for key, container in containers.items()
                 if key in readings and container in first
                 and not _a_list(first[key], first[container])}

    def qualified(key: Hashable, candidate: Candidate) -> float:
        return CONTAINED_BONUS * contained[key](candidate) if key in contained else 0.0

    own = {key: [c.score + qualified(key, c) for c in found] for key, found in readings.items()}
    # a name's shares lent to countries come from its own scores, so are the same every round
    by_weight = {key: _shares(scores, COUNTRY_TEMPERATURE) for key, scores in own.items()}
    scores = own
    for _ in range(CONTEXT_ROUNDS + 1):
        support = _support(readings, scores, by_weight)
        scores = {key: [score + bonus for score, bonus in zip(own[key], support[key])]
                  for key in readings}
    resolutions = {}
    for key, found in readings.items():
        bonus = {id(c): qualified(key, c) + extra for c, extra in zip(found, support[key])}
        resolutions[key] = _resolution(found, lambda c, bonus=bonus: bonus[id(c)])
    return resolutions


def _shares(scores: list[float], temperature: float = TEMPERATURE) -> list[float]:
    """How likely each reading of one name is, from its score."""
    best = max(scores)
    weights = [math.exp((score - best) / temperature) for score in scores]
    total = sum(weights)
    return [weight / total for weight in weights]


def _support(readings: dict[Hashable, list[Candidate]], scores: dict[Hashable, list[float]],
             by_weight: dict[Hashable, list[float]]) -> dict[Hashable, list[float]]:
    """For each reading, the bonus from the other names that are likely read in its country, its
    province and its district (a name counts by how likely its readings there are in context; in
    a country, by the weight of its readings there: `by_weight`, shares from their own scores
    alone).

    A province named in the text does not vouch for a town inside it against a same-named
    province of the same country: beside "England", "Wales" is still the province, not the
    Yorkshire village (provinces are listed with their peers)."""
    areas: dict[Hashable, Counter] = {}
    provinces: dict[Hashable, Counter] = {}
    for key, found in readings.items():
        areas[key], provinces[key] = Counter(), Counter()
        shares = _shares(scores[key])
        for candidate, share, weighted in zip(found, shares, by_weight[key]):
            for area in _areas(candidate):
                areas[key][area] += weighted if len(area) == 1 else share
            if candidate.kind == "admin1":
                provinces[key][candidate.country, candidate.admin1] += share
    everywhere, all_provinces = _total(areas.values()), _total(provinces.values())
    others = len(readings) - 1
    support = {}
    for key, found in readings.items():
        peers = {c.country for c in found if c.kind == "admin1"}

        def lent(area: tuple[str, ...], key: Hashable = key, peers: set[str] = peers) -> float:
            share = everywhere[area] - areas[key][area]
            if len(area) == 2 and area[0] in peers:
                share -= all_provinces[area] - provinces[key][area]
            return AREA_BONUS[len(area)] * share

        support[key] = [0.0 if others <= 0 else sum(lent(area) for area in _areas(c)) / others
                        for c in found]
    return support


def _total(counters: Iterable[Counter]) -> Counter:
    """The counters added up, in one pass (`sum` would copy the growing total at every step)."""
    total: Counter = Counter()
    for counter in counters:
        total.update(counter)
    return total


def _areas(place: Candidate) -> list[tuple[str, ...]]:
    """The country, province and district a place lies in, as far as known."""
    areas = [(place.country,)] if place.country else []
    if place.admin1:
        areas.append((place.country, place.admin1))
        if place.admin2:
            areas.append((place.country, place.admin1, place.admin2))
    return areas


def _a_list(name: Candidate, container: Candidate) -> bool:
    """Whether "name, container" lists two countries rather than placing one inside the other."""
    return name.kind in COUNTRY_KINDS and container.kind in COUNTRY_KINDS


def _likely(found: list[Candidate]) -> list[Candidate]:
    """The readings of a qualifier close enough to its best to be the one meant: "Pa." is
    Chongqing's old name a little more than Pennsylvania's abbreviation, before context."""
    return [c for c in found if c.score >= found[0].score - CONTAINER_MARGIN]


def lies_within(place: Place, container: Place) -> bool:
    """Whether a place lies in a country, province or district (another place of the same id
    does not)."""
    if place.country != container.country or place.id == container.id:
        return False
    if container.kind == "country":
        return True
    if container.kind == "admin1":
        return place.admin1 == container.name
    if container.kind == "admin2":
        return place.admin2 == container.name
    return False


def _inside(containers: list[Candidate]):
    """A test of whether a candidate lies in one of `containers` (countries, provinces or
    districts)."""
    def test(candidate: Candidate) -> bool:
        return any(lies_within(candidate, container) for container in containers)
    return test


def _resolution(found: list[Candidate], bonus) -> Resolution:
    scored = sorted(((c.score + bonus(c), c) for c in found), key=lambda pair: -pair[0])
    best_score, best = scored[0]
    weights = [math.exp((score - best_score) / TEMPERATURE) for score, _ in scored]
    total = sum(weights)
    near = [distance_km(best.lat, best.lon, c.lat, c.lon) <= SAME_PLACE_KM for _, c in scored]
    confidence = sum(w for w, same in zip(weights, near) if same) / total * MATCH_CONFIDENCE[best.match]
    runners_up = [(c, w / total) for w, same, (_, c) in zip(weights, near, scored) if not same]
    return Resolution(best, confidence, runners_up[:ALTERNATIVES])
