"""The user's own places, from a CSV or GeoJSON file; they outrank every other source.

CSV: columns `name`, `lat`, `lon`, and optionally `aliases` (`|`-separated), `kind`, `country`,
`admin1`, `population`. GeoJSON: a FeatureCollection whose features have a `name` property (and
optionally the same others); any geometry type, placed at a point on or inside it.
"""

from __future__ import annotations

import json
from pathlib import Path

import shapely
from shapely.geometry import shape

from ..model import KINDS, NewPlace
from .csvfile import DataError, coordinate, read_rows, split_list
from .curated import point_of

# Far above any population: a user's place wins over every same-named place.
USER_WEIGHT = 1e12
SOURCE = "user"


def load(path: Path) -> list[NewPlace]:
    """Places from `path`; raises DataError naming the file and line (or feature) of a bad row."""
    if path.suffix.lower() in (".geojson", ".json"):
        return _from_geojson(path)
    if path.suffix.lower() == ".csv":
        return _from_csv(path)
    raise DataError(f"{path}: user places must be a .csv, .geojson or .json file")


def _from_csv(path: Path) -> list[NewPlace]:
    result = []
    for line, row in read_rows(path, ("name", "lat", "lon")):
        where = f"{path}: line {line}"
        if not row["name"]:
            raise DataError(f"{where}: empty name")
        lat, lon = coordinate(row, where)
        result.append(_place(row, lat, lon, None, where))
    if not result:
        raise DataError(f"{path}: no places in the file")
    return result


def _from_geojson(path: Path) -> list[NewPlace]:
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataError(f"{path}: not valid GeoJSON ({error})") from None
    except OSError as error:
        raise DataError(f"{path}: cannot read ({error.strerror})") from None
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list) or not features:
        raise DataError(f"{path}: expected a FeatureCollection with at least one feature")
    result = []
    for number, feature in enumerate(features, start=1):
        where = f"{path}: feature {number}"
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict) or not str(properties.get("name") or "").strip():
            raise DataError(f"{where}: needs a 'name' property")
        try:
            geometry = shape(feature["geometry"])
        except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException):
            raise DataError(f"{where}: missing or invalid geometry") from None
        if geometry.is_empty:
            raise DataError(f"{where}: empty geometry")
        point = point_of(geometry)
        row = {key: str(value) for key, value in properties.items() if value is not None}
        row["lat"], row["lon"] = str(point.y), str(point.x)
        lat, lon = coordinate(row, where)
        result.append(_place(row, lat, lon, None if geometry.geom_type == "Point" else geometry, where))
    return result


def _place(row: dict[str, str], lat: float, lon: float, geometry, where: str) -> NewPlace:
    kind = row.get("kind") or "user"
    if kind not in KINDS:
        raise DataError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    population = row.get("population") or ""
    if population and not population.isdigit():
        raise DataError(f"{where}: population must be a whole number, not {population!r}")
    return NewPlace(
        name=row["name"].strip(), kind=kind, lat=lat, lon=lon,
        country=(row.get("country") or "").upper(), admin1=row.get("admin1", ""),
        population=int(population) if population else None, source=SOURCE, geometry=geometry,
        weight=USER_WEIGHT, names=[(alias, "alternate") for alias in split_list(row.get("aliases", ""))])
