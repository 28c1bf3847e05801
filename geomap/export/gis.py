"""Events out of geomap and into other tools: JSON Lines and GeoJSON for programs, CSV for
spreadsheets, GeoPackage, KML and GeoParquet for GIS, and a JSON Schema that says what a record is.

The flat table follows ACLED's column names where the two overlap, so analysts can put geomap's
events beside ACLED's; the JSON forms keep the full nested record (docs/architecture.md's event contract).
Every file is written atomically (see `geomap.atomic`).
"""

from __future__ import annotations

import functools
import html
import json
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow
import pyogrio.errors
from jsonschema import Draft202012Validator
from shapely.geometry import Point, mapping

from geomap.atomic import write_text, write_with
from geomap.events.records import Event

FORMATS = ("jsonl", "geojson", "csv", "gpkg", "kml", "parquet")
CRS = "EPSG:4326"
LAYER = "events"

TEXT_COLUMNS = ("event_id", "event_date", "date_end", "date_precision", "date_text", "event_type",
                "sub_event_type", "family", "geomap_type", "geomap_subtype", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
                "location", "country", "admin1", "source", "notes", "article_file", "published",
                "triggers")
INT_COLUMNS = ("geo_precision", "fatalities", "injured", "displaced", "source_count")
BOOL_COLUMNS = ("counts_at_least", "reported", "negated", "speculative", "aggregate")
FLOAT_COLUMNS = ("latitude", "longitude", "confidence")
COLUMNS = ("event_id", "event_date", "date_end", "date_precision", "date_text", "event_type",
           "sub_event_type", "family", "geomap_type", "geomap_subtype", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location",
           "country", "admin1", "latitude", "longitude", "geo_precision", "fatalities", "injured",
           "displaced", "counts_at_least", "reported", "negated", "speculative", "aggregate",
           "source",
           "source_count", "notes", "confidence", "article_file", "published", "triggers")
DTYPES = {**dict.fromkeys(TEXT_COLUMNS, str), **dict.fromkeys(INT_COLUMNS, "Int64"),
          **dict.fromkeys(BOOL_COLUMNS, "boolean"), **dict.fromkeys(FLOAT_COLUMNS, "float64")}
SEPARATOR = "; "
DATE_COLUMNS = ("event_date", "date_end")
NEED_A_PLACE = frozenset({"kml"})  # the formats with no room for an event without a point
# What a spreadsheet takes for the start of a formula (OWASP's list, and a line break).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")

GIS_ERRORS = (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError)


def events_to_geodataframe(events: list[Event]) -> gpd.GeoDataFrame:
    """One row per event in ACLED-like flat columns, with the place as a point (EPSG:4326)."""
    frame = pd.DataFrame([_row(event) for event in events], columns=list(COLUMNS)).astype(DTYPES)
    return gpd.GeoDataFrame(frame, geometry=[_point(event) for event in events], crs=CRS)


def _point(event: Event) -> Point | None:
    return None if event.place is None else Point(event.place.lon, event.place.lat)


def _row(event: Event) -> dict:
    doers = [actor.name for actor in event.actors if actor.role == "actor"]
    sufferers = [actor.name for actor in event.actors if actor.role in ("target", "victim")]
    articles = [report.article for report in event.sources] or [event.article]
    place = event.place
    event_type, sub_event_type = event.acled
    return {
        "event_id": event.id, "event_date": event.date.date or "",
        "date_end": event.date.end or "", "date_precision": event.date.precision,
        "date_text": event.date.text, "event_type": event_type or "",
        "sub_event_type": sub_event_type or "", "family": event.family,
        "geomap_type": event.type, "geomap_subtype": event.subtype,
        "actor1": doers[0] if doers else "", "assoc_actor_1": SEPARATOR.join(doers[1:]),
        "actor2": sufferers[0] if sufferers else "",
        "assoc_actor_2": SEPARATOR.join(sufferers[1:]),
        "location": place.name if place else "", "country": place.country if place else "",
        "admin1": place.admin1 if place else "",
        "latitude": place.lat if place else None, "longitude": place.lon if place else None,
        "geo_precision": event.geo_precision,
        "fatalities": event.fatalities, "injured": event.injured, "displaced": event.displaced,
        "counts_at_least": event.counts_at_least, "reported": event.reported,
        "negated": event.negated, "speculative": event.speculative,
        "aggregate": event.aggregate,
        "source": SEPARATOR.join(dict.fromkeys(
            article.source or article.title or article.file for article in articles)),
        "source_count": len(articles), "notes": event.sentence,
        "confidence": round(event.confidence, 3), "article_file": event.article.file,
        "published": event.article.published, "triggers": SEPARATOR.join(event.triggers),
    }


def write_events(events: list[Event], fmt: str, path: Path | None) -> int:
    """Write events in one of FORMATS to `path`; text formats go to stdout when `path` is None.
    How many were written: all, except in a format that cannot hold an event without a place
    (NEED_A_PLACE), whose caller should say how many were left out."""
    if fmt in _TEXT_WRITERS:
        text = _TEXT_WRITERS[fmt](events)
        if path is None:
            sys.stdout.write(text)
        else:
            write_text(path, text)
    elif fmt in _FILE_WRITERS:
        if path is None:
            raise ValueError(f"{fmt} output needs -o FILE")
        write, errors = _FILE_WRITERS[fmt]
        frame = events_to_geodataframe(events)
        write_with(Path(path), lambda temp: write(frame, temp), errors)
    else:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if fmt in NEED_A_PLACE:
        return sum(event.place is not None for event in events)
    return len(events)


def _jsonl(events: list[Event]) -> str:
    return "".join(json.dumps(event.to_dict(), ensure_ascii=False) + "\n" for event in events)


def _geojson(events: list[Event]) -> str:
    """An RFC 7946 FeatureCollection, one Feature a line."""
    features = [json.dumps({"type": "Feature",
                            "geometry": None if event.place is None else mapping(_point(event)),
                            "properties": event.to_dict()}, ensure_ascii=False)
                for event in events]
    body = ",\n".join(features)
    return f'{{"type": "FeatureCollection", "features": [\n{body}\n]}}\n'


def _csv(events: list[Event]) -> str:
    """The flat table, with every text cell a spreadsheet would run as a formula made inert.
    Rows end in CRLF as RFC 4180 says, which also makes the writer quote a cell holding a lone
    carriage return (with "\n" endings it does not, and readers split the row there)."""
    frame = events_to_geodataframe(events).drop(columns="geometry")
    text = list(TEXT_COLUMNS)
    frame[text] = frame[text].map(_inert)
    return frame.to_csv(index=False, lineterminator="\r\n")


def _inert(cell: str) -> str:
    """A leading apostrophe, as OWASP advises against CSV injection: spreadsheets show the text
    and run nothing (numbers are in their own columns, so a longitude of -43.1 stays a number)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _gpkg(frame: gpd.GeoDataFrame, path: Path) -> None:
    """GeoPackage has a DATE type; the Arrow path of pyogrio writes date32 columns as one (the
    other path makes them text or DATETIME)."""
    dated = frame.assign(**{column: pd.to_datetime(frame[column], format="%Y-%m-%d",
                                                   errors="coerce").astype("date32[pyarrow]")
                            for column in DATE_COLUMNS})  # "" (no date) becomes NULL
    dated.to_file(path, driver="GPKG", layer=LAYER, engine="pyogrio", use_arrow=True)


def _kml(frame: gpd.GeoDataFrame, path: Path) -> None:
    """KML has no place for an event without a point. GDAL's LIBKML driver takes each placemark's
    name, description and time from the fields so called (a dated event gets a TimeStamp, one
    with a last day a TimeSpan, which Google Earth's time slider reads), and types 64-bit
    integers as strings (so counts go as 32-bit). Viewers show a description as HTML: the
    sentence is escaped so that it shows as the text it is."""
    placed = frame[frame.geometry.notna()].astype(dict.fromkeys(INT_COLUMNS, "Int32"))
    names = (placed["geomap_type"] + ": " + placed["location"]).str.removesuffix(": ")
    spans = placed["date_end"] != ""
    placed = placed.assign(
        name=names, description=placed["notes"].map(html.escape),
        timestamp=placed["event_date"].where(~spans, ""),
        begin=placed["event_date"].where(spans, ""), end=placed["date_end"])
    # LIBKML writes a folder of files for a name that does not end in .kml (or .kmz, zipped)
    named = path if path.suffix.lower() in (".kml", ".kmz") else path.with_name(path.name + ".kml")
    placed.to_file(named, driver="LIBKML", layer=LAYER, engine="pyogrio")
    named.replace(path)


def _parquet(frame: gpd.GeoDataFrame, path: Path) -> None:
    frame.to_parquet(path)


_TEXT_WRITERS: dict[str, Callable[[list[Event]], str]] = {
    "jsonl": _jsonl, "geojson": _geojson, "csv": _csv}
_FILE_WRITERS: dict[str, tuple[Callable[[gpd.GeoDataFrame, Path], None],
                               tuple[type[Exception], ...]]] = {
    "gpkg": (_gpkg, (*GIS_ERRORS, pyarrow.ArrowException)), "kml": (_kml, GIS_ERRORS),
    "parquet": (_parquet, (pyarrow.ArrowException,))}


def validate_event(record: dict) -> list[str]:
    """What is wrong with one JSON event record by the packaged schema; empty when it is valid."""
    errors = sorted(_validator().iter_errors(record), key=lambda error: error.json_path)
    return [f"{_where(error.json_path)}: {error.message}" for error in errors]


def _where(json_path: str) -> str:
    return "event" if json_path == "$" else json_path.removeprefix("$.")


@functools.cache
def _validator() -> Draft202012Validator:
    text = (resources.files("geomap") / "data" / "event.schema.json").read_text(encoding="utf-8")
    return Draft202012Validator(json.loads(text))
