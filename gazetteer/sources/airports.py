"""Airports from the `airportsdata` package: the airports with an IATA code (those with scheduled
passenger service, which is what the news names), each under its full name, the word that tells
it from its city's others ("Heathrow", and "Heathrow Airport"; the bare word as an alternate name,
which a town of that name outranks in its own country), and its IATA and ICAO codes (names of
kind `code`, which only a name in capitals matches and which never alone make a word a place)."""

from __future__ import annotations

import airportsdata

from ..model import Kind, NewPlace

SOURCE = "airportsdata"
# An airport outranks a village of its name and yields to a town: "Heathrow" is the airport
# before the Florida town of 6,000 only with the article's country behind it.
AIRPORT_WEIGHT = 20_000
# Words that say what the place is, not which one it is.
GENERIC_WORDS = frozenset({
    "airport", "international", "intl", "regional", "municipal", "airfield", "aerodrome",
    "national", "county", "metropolitan", "metro", "domestic", "city", "town", "air", "base",
    "field", "executive", "state", "memorial", "airstrip", "airpark", "skypark", "seaplane",
    "glider", "heliport", "station", "island", "downtown", "industrial", "harbour", "harbor",
    "area", "valley", "lake", "park", "central", "north", "south", "east", "west", "lrrs",
    "intercontinental", "business", "army", "navy", "naval", "joint", "reserve", "general",
    "federal", "space", "spaceport",
})


def places() -> list[NewPlace]:
    return [_airport(record) for record in airportsdata.load("ICAO").values() if record["iata"]]


def _airport(record: dict) -> NewPlace:
    name, city = record["name"].strip(), record["city"].strip()
    names = [(record["iata"], "code"), (record["icao"], "code")]
    own = _own_name(name, city)
    if own:
        names += [(f"{own} Airport", "short"), (own, "alternate")]
    return NewPlace(name=name, kind=Kind.AIRPORT, lat=float(record["lat"]),
                    lon=float(record["lon"]), country=record["country"],
                    admin1=record["subd"], source=SOURCE, weight=AIRPORT_WEIGHT, names=names)


def _own_name(name: str, city: str) -> str:
    """The one word that tells an airport from its city's others: "Heathrow" of London Heathrow
    Airport, "Schiphol" of Amsterdam Airport Schiphol; "" when what is left after the city is
    generic ("Baghdad International Airport"), a person's name of several words ("John Lennon")
    or an ordinary word ("Metro")."""
    if not city or not name.startswith(city + " "):
        return ""
    words = [word for word in name[len(city) + 1:].split() if word.lower() not in GENERIC_WORDS]
    if len(words) != 1 or len(words[0]) < 4 or not words[0][:1].isupper() \
            or not words[0].isalpha() or words[0].isupper():
        return ""
    return words[0]
