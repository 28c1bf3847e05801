"""Airports from the `airportsdata` package: the airports with an IATA code (those with scheduled
passenger service, which is what the news names), each under its full name, the part of it after
its city ("Heathrow" of London Heathrow Airport, with and without "Airport"), and its IATA and
ICAO codes (names of kind `code`, which only a name in capitals matches and which never alone
make a word a place)."""

from __future__ import annotations

import airportsdata

from ..model import Kind, NewPlace

SOURCE = "airportsdata"
# An airport outranks a village of its name and yields to a town: "Heathrow" is the airport
# before the Florida town of 6,000 only with the article's country behind it.
AIRPORT_WEIGHT = 20_000
# Words that say what the place is, not which one it is.
GENERIC_WORDS = frozenset({"airport", "international", "intl", "regional", "municipal",
                           "airfield", "aerodrome", "national", "county", "metropolitan",
                           "domestic", "city", "air", "base", "field"})


def places() -> list[NewPlace]:
    return [_airport(record) for record in airportsdata.load("ICAO").values() if record["iata"]]


def _airport(record: dict) -> NewPlace:
    name, city = record["name"].strip(), record["city"].strip()
    names = [(alias, "short") for alias in _short_names(name, city)]
    names += [(record["iata"], "code"), (record["icao"], "code")]
    return NewPlace(name=name, kind=Kind.AIRPORT, lat=float(record["lat"]),
                    lon=float(record["lon"]), country=record["country"],
                    admin1=record["subd"], source=SOURCE, weight=AIRPORT_WEIGHT, names=names)


def _short_names(name: str, city: str) -> list[str]:
    """"London Heathrow Airport" -> "Heathrow Airport", "Heathrow"; nothing when what is left
    after the city is only generic ("Baghdad International Airport" is not "Baghdad")."""
    if not city or not name.startswith(city + " "):
        return []
    words = name[len(city) + 1:].split()
    while words and words[-1].lower() in GENERIC_WORDS:
        words.pop()
    if not words or all(word.lower() in GENERIC_WORDS for word in words) \
            or not all(word[:1].isupper() for word in words):
        return []
    own = " ".join(words)
    return [own, f"{own} Airport"] if len(own) >= 4 else [f"{own} Airport"]
