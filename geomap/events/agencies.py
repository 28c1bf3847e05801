"""Institutions an article names in full once and then by a common noun: "the Harlan County
Sheriff's Office ... deputies said", "the Louisville Metro Council ... the council voted".

An analyst records the institution, not the noun, so a bare "deputies" or "the council" in an
article that names exactly one institution of that category is that institution. Where the article
names no police force, police are named as the press and ACLED name them: after their country
("Georgian police"), or in the United States, where policing is local, as the police department of
the town the story is about ("Fulton Police Department"). The army of the story's country ("the
army", "government forces") is its country's forces ("Lebanese forces").
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from importlib import resources

from spacy.tokens import Span

from geomap.actors import actor_key
from geomap.vocabulary import AGENCIES

LOCAL_POLICING_COUNTRIES = frozenset({"US"})
# Who arrests, charges and tries: in a court or police report with no one named doing it, the
# institution the sentence or the article names ("according to the Butler County Sheriff's
# Office", "appeared in Meigs County Court") is the one that acted.
JUSTICE_CATEGORIES = ("court", "jury", "prosecutor", "sheriff", "police")
# Modifiers and nouns that make state forces their own government's ("government troops").
OWN_ARMY_WORDS = frozenset({"government", "army", "military", "pro-government", "regime"})
LEADING_ARTICLES = ("the ", "The ")
# Letters of a council's noun its name must hold ("commiss", "council").
NOUN_STEM = 7
# How the press names a local institution after its county or town (see `local_institution`).
LOCAL_OFFICE_NAMES = {"sheriff": "{} Sheriff's Office", "prosecutor": "{} Prosecutor's Office",
                      "police": "{} Police Department"}
# The words of a council's name that say what it is but not whose ("the City Council").
BARE_COUNCIL_WORDS = frozenset({"the", "city", "town", "village", "county", "council",
                                "commission", "board", "of", "commissioners"})
# How a town's police force is named in full where policing is local ("Dayton Police
# Department", "Barrie Police Service").
TOWN_POLICE_NAMES = {"US": "{} Police Department", "CA": "{} Police Service"}
# Last words of an institution's name besides its category's own ("Sheriff's Office").
OFFICE_WORDS = frozenset({"office", "department", "service", "agency", "bureau"})


def category_of_name(words: Iterable[str]) -> str | None:
    """The category whose name words an organisation's name holds ("Sheriff's Office": sheriff),
    in the table's order, so a sheriff's office is not taken for a police force."""
    lowered = {word.lower() for word in words}
    return next((category for category, (names, _) in AGENCIES.items() if names & lowered), None)


def institution_category(entity: Span) -> str | None:
    """The category of an institution the model named, as an organisation or, when its name
    ends like an institution's ("Meigs County Court", "Meigs County Sheriff's Office"), as a
    place."""
    words = [token.text for token in entity]
    if entity.label_ == "ORG":
        return category_of_name(words)
    last = words[-1].lower()
    if entity.label_ in ("GPE", "LOC", "FAC") and len(words) > 1 and (
            last in OFFICE_WORDS or category_of_name([last])):
        return category_of_name(words)
    return None


def category_of_noun(noun: str) -> str | None:
    """The category a common noun refers to ("deputies": sheriff), or None."""
    word = noun.lower()
    return next((category for category, (_, nouns) in AGENCIES.items() if word in nouns), None)


def organisation_name(entity: Span) -> str:
    """An organisation's name as a record shows it: without its leading article."""
    text = entity.text.strip()
    return text[4:] if text.startswith(LEADING_ARTICLES) else text


def bare_council(words: Iterable[str]) -> bool:
    """A council named by what it is, not whose: "City Council", "the County Commission"."""
    return {word.lower() for word in words} <= BARE_COUNCIL_WORDS


def named_agencies(entities: Iterable[Iterable[Span]]) -> dict[str, list[str]]:
    """Per category, the institutions the article names in full (the model's organisations),
    each once, in order; `entities` holds each sentence's."""
    found: dict[str, dict[str, str]] = {}
    for sentence in entities:
        for entity in sentence:
            if len(entity) < 2 or entity.label_ not in ("ORG", "GPE", "LOC", "FAC"):
                continue
            entity = _with_office(entity)
            category = institution_category(entity)
            if category is not None and not bare_council(token.text for token in entity):
                name = organisation_name(entity)
                found.setdefault(category, {}).setdefault(actor_key(name), name)
    return {category: list(names.values()) for category, names in found.items()}


def _with_office(entity: Span) -> Span:
    """The name with the office word the model left after it ("Lexington County Sheriff's"
    before "Department")."""
    doc, end = entity.doc, entity.end
    while end < len(doc) and doc[end].is_title and doc[end].lower_ in OFFICE_WORDS:
        end += 1
    return entity if end == entity.end else Span(doc, entity.start, end, label=entity.label_)


def with_county(agencies: dict[str, list[str]], county: str) -> None:
    """A sheriff's office is a county's: named without its county ("the Sheriff's Department"),
    it is that of the one county the article names (`county`, as written; "" for none)."""
    if not county:
        return
    agencies["sheriff"] = [name if not name.lower().startswith(("sheriff", "county sheriff"))
                           else f"{county} {name.removeprefix('County ')}"
                           for name in agencies.get("sheriff", [])]


def institution(category: str, agencies: dict[str, list[str]], noun: str = "") -> str | None:
    """The one institution of the category the article names, or None for none or several. A
    council's noun must be in its name: "the commissioners" are no board of assessors."""
    names = agencies.get(category, [])
    if category == "council" and noun:
        names = [name for name in names if noun.lower()[:NOUN_STEM] in name.lower()]
    return names[0] if len(names) == 1 else None


def acting_institution(categories_in_sentence: dict[str, str],
                       agencies: dict[str, list[str]]) -> str | None:
    """The institution that did a legal step no one is named doing: the one named in its
    sentence (by category, courts first), else the article's one law-enforcement agency."""
    for category in JUSTICE_CATEGORIES:
        if category in categories_in_sentence:
            return categories_in_sentence[category]
    enforcers = {name for category in ("sheriff", "police") for name in agencies.get(category, [])}
    return enforcers.pop() if len(enforcers) == 1 else None


def local_institution(category: str, noun: str, place: str, county: bool, country: str
                      ) -> str | None:
    """The name of the institution a county or town qualifies ("Lexington County sheriff's
    deputies", "Madison County commissioners"), as the press names it in full: a county's
    sheriff's office, a town's police department, a county's board of commissioners, a town's
    city council. Sheriffs, prosecutors and police are so named in the United States only."""
    if category == "council":
        if noun.lower() in ("commission", "commissioners"):
            return f"{place} Board of Commissioners" if county else f"{place} Commission"
        return f"{place} Council" if county else f"{place} City Council"
    if country not in LOCAL_POLICING_COUNTRIES or (category == "sheriff" and not county):
        return None
    template = LOCAL_OFFICE_NAMES.get(category)
    return template.format(place) if template else None


def town_police(town: str, country: str) -> str | None:
    """The full name of a town's own police force ("DeKalb police": DeKalb Police Department),
    where forces are named so."""
    template = TOWN_POLICE_NAMES.get(country)
    return template.format(town) if template else None


def local_forces(category: str | None, words: Iterable[str], country: str, town: str
                 ) -> str | None:
    """The name of police or of the army the article leaves unnamed, from the story's country and
    town (see the module's docstring); None when neither tells."""
    if category == "police":
        if country in LOCAL_POLICING_COUNTRIES:  # the town's own force, by its name
            return LOCAL_OFFICE_NAMES["police"].format(town) if town else None
        demonym = country_adjective(country)
        return f"{demonym} police" if demonym else None
    if OWN_ARMY_WORDS & {word.lower() for word in words}:
        demonym = country_adjective(country)
        return f"{demonym} forces" if demonym else None
    return None


def country_adjective(country: str) -> str | None:
    """"Georgian" for GE: the first adjectival form of the gazetteer's curated country names."""
    return _adjectives().get(country)


@functools.cache
def _adjectives() -> dict[str, str]:
    adjectives: dict[str, str] = {}
    path = resources.files("gazetteer") / "data" / "country_names.csv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["name_kind"] == "demonym":  # listed adjective first: Georgian, Georgians
                adjectives.setdefault(row["country"], row["name"])
    return adjectives
