"""The project's curated features and small places (`gazetteer/data/*.csv`), checked row by row."""

from __future__ import annotations

from pathlib import Path

import pycountry
import shapely
from shapely.geometry import Point

from ..model import FEATURE_KINDS, SITE_KINDS, NewPlace
from .csvfile import DataError, coordinate, read_rows, split_list

DATA = Path(__file__).parent.parent / "data"
# Ranking weight by prominence: a world-famous feature outranks a town of the same name.
PROMINENCE_WEIGHT = {"3": 20_000_000, "2": 2_000_000, "1": 200_000}
SMALL_PLACE_WEIGHT = 2000
SOURCE = "geomap-curated"
FEATURE_COLUMNS = ("name", "aliases", "kind", "countries", "lat", "lon", "geometry", "prominence",
                   "source")
PLACE_COLUMNS = ("name", "aliases", "kind", "country", "admin1", "lat", "lon", "source")


def features() -> list[NewPlace]:
    """Every curated feature file (`features_*.csv`, one per theme: water, land ...)."""
    return [place for path in sorted(DATA.glob("features_*.csv")) for place in features_in(path)]


def features_in(path: Path) -> list[NewPlace]:
    result = []
    for line, row in read_rows(path, FEATURE_COLUMNS):
        where = f"{path}: line {line}"
        _check(row, where, FEATURE_KINDS + ("region",))
        countries = split_list(row["countries"])
        for code in countries:
            _check_country(code, where)
        if row["prominence"] not in PROMINENCE_WEIGHT:
            raise DataError(f"{where}: prominence must be 1, 2 or 3")
        lat, lon = coordinate(row, where)
        geometry = _geometry(row["geometry"], where) if row["geometry"] else None
        weight = PROMINENCE_WEIGHT[row["prominence"]]
        feature = NewPlace(
            name=row["name"], kind=row["kind"], lat=lat, lon=lon,
            country=countries[0] if countries else "", source=SOURCE, geometry=geometry,
            weight=weight, names=[(alias, "alternate") for alias in split_list(row["aliases"])])
        result.append(feature)
        demonyms = split_list(row.get("demonyms", ""))
        if demonyms:
            result.append(NewPlace(
                name=row["name"], kind="demonym", lat=lat, lon=lon, country=feature.country,
                source=SOURCE, weight=weight / 2, names=[(d, "demonym") for d in demonyms]))
    return result


def small_places(path: Path = DATA / "places.csv") -> list[NewPlace]:
    result = []
    for line, row in read_rows(path, PLACE_COLUMNS):
        where = f"{path}: line {line}"
        _check(row, where, SITE_KINDS)
        _check_country(row["country"], where)
        lat, lon = coordinate(row, where)
        population = _population(row.get("population", ""), where)
        result.append(NewPlace(
            name=row["name"], kind=row["kind"], lat=lat, lon=lon, country=row["country"],
            admin1=row["admin1"], population=population, source=SOURCE,
            weight=population or SMALL_PLACE_WEIGHT,
            names=[(alias, "alternate") for alias in split_list(row["aliases"])]))
    return result


def _check(row: dict[str, str], where: str, kinds: tuple[str, ...]) -> None:
    if not row["name"]:
        raise DataError(f"{where}: empty name")
    if row["kind"] not in kinds:
        raise DataError(f"{where}: kind {row['kind']!r} is not one of {', '.join(kinds)}")


def _check_country(code: str, where: str) -> None:
    if code != "XK" and pycountry.countries.get(alpha_2=code) is None:
        raise DataError(f"{where}: unknown country code {code!r}")


def _population(cell: str, where: str) -> int | None:
    if not cell:
        return None
    if not cell.isdigit():
        raise DataError(f"{where}: population must be a whole number, not {cell!r}")
    return int(cell)


def _geometry(wkt: str, where: str) -> shapely.Geometry:
    try:
        geometry = shapely.from_wkt(wkt)
    except shapely.errors.GEOSException as error:
        raise DataError(f"{where}: bad WKT geometry ({error})") from None
    if not geometry.is_valid:
        raise DataError(f"{where}: invalid geometry ({shapely.is_valid_reason(geometry)})")
    return geometry


def point_of(geometry: shapely.Geometry) -> Point:
    """Where to put the marker of a shape: the point itself, else a point on or inside it."""
    return geometry if isinstance(geometry, Point) else geometry.representative_point()
