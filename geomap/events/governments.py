"""Governments as actors, named as analysts name them: "Government of Pakistan".

A country that acts ("Pakistan agreed to reinstate the judge", "Washington imposed sanctions")
stands for its government, and "the government" or "the authorities" of a story are its
country's ("South Korean authorities": the Government of South Korea), as ACLED names them. In
a fight, a country's part is taken by its forces: "Iraq launched the offensive" is the Iraqi
forces' offensive.
"""

from __future__ import annotations

from spacy.tokens import Doc

from gazetteer.model import Kind
from geomap.actors import ActorTable
from geomap.events.actor_mentions import ActorMention
from geomap.events.agencies import country_adjective
from geomap.events.records import Actor
from geomap.events.syntax import token_at
from geomap.places.mention import PlaceMention

PREFIX = "Government of "
# The government nouns an article's country names ("the government", "the authorities").
GENERIC = "Government"
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Country names that take "the": the United States, the Philippines, the Czech Republic.
ARTICLE_WORDS = ("United ", "Democratic ", "Central African ", "Republic of ")


def government_of(country: str) -> str:
    """"Government of Pakistan", "Government of the United States" (and of the Netherlands,
    whose name the gazetteer writes "The Netherlands")."""
    if country.startswith(("The ", "the ")):
        return f"{PREFIX}the {country[4:]}"
    needs_article = country.startswith(ARTICLE_WORDS) or country.endswith(
        ("s", " Republic", " Kingdom", " Islands", " Emirates"))
    return f"{PREFIX}the {country}" if needs_article else PREFIX + country


def acting_countries(parsed: Doc, places: list[tuple[int, int, PlaceMention]]
                     ) -> list[ActorMention]:
    """Countries, and capitals standing for their governments, that are a clause's subject."""
    found = []
    for start, end, place in places:
        first, last = token_at(parsed, start), token_at(parsed, end - 1)
        root = parsed[first:last + 1].root
        country = _country_name(place, places) if root.dep_ in SUBJECTS else None
        if country:
            found.append(ActorMention(first, last + 1, root.i, government_of(country),
                                      "government", parsed[first:last + 1].text))
    return found


def countries_by_government(places: list[PlaceMention]) -> dict[str, str]:
    """Each government the article's countries name, with its country's code."""
    return {government_of(place.name): place.country for place in places
            if place.kind in (Kind.COUNTRY, Kind.DEMONYM) and place.country}


def name_generic(mentions: list[ActorMention], places: list[tuple[int, int, PlaceMention]],
                 parsed: Doc, country_near: str) -> None:
    """"The government", "South Korean authorities": the government of the country the phrase's
    adjective names, else of the country the text names last before it (`country_near`, a
    name, or "")."""
    demonyms = {token_at(parsed, start): place.name for start, _, place in places
                if place.kind == Kind.DEMONYM}
    for mention in mentions:
        if mention.kind != "government" or mention.name != GENERIC:
            continue
        country = next((demonyms[i] for i in range(mention.start, mention.end)
                        if i in demonyms), country_near)
        if country:
            mention.name, mention.generic = government_of(country), False


def as_forces(actors: list[Actor], countries: dict[str, str], table: ActorTable) -> None:
    """In a fight, a government's part is its forces': "Government of Iraq" -> "Iraqi forces"
    (the actor table's name for them when it has one)."""
    for actor in actors:
        code = countries.get(actor.name)
        adjective = country_adjective(code) if code else None
        if adjective:
            forces = f"{adjective} forces"
            actor.name, actor.kind = table.forces_name(forces) or forces, "state forces"


def _country_name(place: PlaceMention, places: list[tuple[int, int, PlaceMention]]
                  ) -> str | None:
    """The country a country's name, or a capital standing for its government, names (the
    capital's by the name its sentence gives the country); None for other places."""
    if place.kind == Kind.COUNTRY:
        return place.name
    if not place.metonym:
        return None
    return next((other.name for _, _, other in places
                 if other.kind == Kind.COUNTRY and other.country == place.country), None)
