"""Events written in every export format and read back with the tools users read them with; the
event JSON Schema accepts every record geomap writes and rejects broken ones; writes are atomic."""

from __future__ import annotations

import copy
import csv
import html
import json
import sqlite3
from contextlib import closing
from importlib import resources
from xml.etree import ElementTree

import geopandas as gpd
import pandas as pd
import pyogrio
import pyogrio.errors
import pytest
from geopandas.testing import assert_geodataframe_equal
from jsonschema import Draft202012Validator
from shapely.geometry import LineString

from geomap import actors as actor_module
from geomap.atomic import OutputError
from geomap.events import records as event_module
from geomap.events import taxonomy
from geomap.events.records import Actor, ArticleRef, Event, EventDate, Report
from geomap.export.gis import (
    BOOL_COLUMNS,
    COLUMNS,
    FLOAT_COLUMNS,
    FORMATS,
    FORMULA_STARTS,
    INT_COLUMNS,
    TEXT_COLUMNS,
    events_to_geodataframe,
    validate_event,
    write_events,
)
from geomap.places.mention import Alternative, PlaceMention

MARKUP = "Gunmen shouted <script>alert(1)</script> & fled toward Tall ‘Afar — \"quoted\"."


def _place(name: str, lat: float, lon: float, kind: str, **extra) -> PlaceMention:
    return PlaceMention(start=10, end=10 + len(name), text=name, name=name, lat=lat, lon=lon,
                        kind=kind, country="IQ", admin1=extra.pop("admin1", "Salah ad Din"),
                        geonameid=extra.pop("geonameid", None), confidence=0.9,
                        source="geonames", **extra)


AL_HAJAJ = _place("Al Hajaj", 34.83, 43.52, "village", geonameid=99438,
                  alternatives=[Alternative("Hajaj", 33.1, 44.2, "village", "IQ", "Diyala", None,
                                            0.2)])
SOUTH_OF_MOSUL = _place("30 km south of Mosul", 36.07, 43.13, "approximate", admin1="Nineveh",
                        uncertainty_km=9.0, anchor="Mosul")
TALL_AFAR = _place("Tall ‘Afar", 36.37671, 42.44972, "city", admin1="Nineveh", geonameid=98245,
                   metonym=True, geometry=LineString([(42.4, 36.3), (42.5, 36.4)]))
NINEVEH_PLAINS = _place("the Nineveh plains", 36.4, 43.4, "approximate", admin1="Nineveh",
                        uncertainty_km=80.0, anchor="Mosul")
IRAQ = _place("Iraq", 33.0, 44.0, "country", admin1="", geonameid=99237)
REUTERS = ArticleRef("a.txt", title="Bombing near Tikrit", source="Reuters",
                     url="https://example.com/a", published="2017-03-09")
UNTITLED = ArticleRef("b.html", title="Iraq’s war", published="2017-03-10T08:00:00Z")


def _event(id_: str, type_: str, place: PlaceMention | None, **extra) -> Event:
    fields = {"subtype": "", "triggers": ["killed"], "date": EventDate("2017-03-08", "day"),
              "actors": [], "sentence": "Something happened.", "article": REUTERS,
              "confidence": 0.8, **extra}
    return Event(id=id_, type=type_, place=place, **fields)


EVENTS = [
    _event("e1", "attack", AL_HAJAJ, subtype="suicide bombing", triggers=["bombing", "killed"],
           date=EventDate("2017-03-08", "day", "late on Wednesday"),
           actors=[Actor("Islamic State", "actor", "armed group", ["Daesh", "ISIS"]),
                   Actor("Ansar al-Sunna", "actor", "armed group"),
                   Actor("Iraqi army", "target", "state forces"),
                   Actor("civilians", "victim", "civilians")],
           fatalities=26, injured=25, counts_at_least=True, confidence=0.8123,
           sources=[Report(REUTERS, "At least 26 were killed.", 26, 25),
                    Report(UNTITLED, "Some 30 were killed.", 30),
                    Report(ArticleRef("c.txt"), "Dozens died.")]),
    _event("e2", "displacement", SOUTH_OF_MOSUL, date=EventDate("2017-03-01", "week",
                                                                 "last week", "2017-03-07"),
           actors=[Actor("civilians", "victim", "civilians")], displaced=4000, reported=True,
           origin=TALL_AFAR, destination=SOUTH_OF_MOSUL, sentence="Families fled.",
           article=UNTITLED),
    _event("e3", "statement", None, date=EventDate.unknown(), triggers=[], speculative=True,
           negated=True, sentence=MARKUP),
    _event("e4", "violence against civilians", TALL_AFAR, sentence=MARKUP,
           actors=[Actor("Islamic State", "actor", "armed group")], fatalities=0),
    _event("e5", "armed clash", NINEVEH_PLAINS,
           date=EventDate("2017-03-01", "month", "in March", "2017-03-31")),
    _event("e6", "protest", IRAQ, date=EventDate("2017-01-01", "year", "in 2017", "2017-12-31")),
]
PLACED = [event for event in EVENTS if event.place is not None]


def _by_id(frame: pd.DataFrame, column: str = "event_id") -> pd.DataFrame:
    return frame.set_index(column)


# The flat table ---------------------------------------------------------------------------------

def test_columns_are_partitioned_by_dtype():
    assert sorted(COLUMNS) == sorted(TEXT_COLUMNS + INT_COLUMNS + BOOL_COLUMNS + FLOAT_COLUMNS)


def test_geodataframe_rows():
    frame = events_to_geodataframe(EVENTS)
    assert list(frame.columns) == [*COLUMNS, "geometry"]
    assert frame.crs.to_epsg() == 4326
    assert all(str(frame[column].dtype) == "Int64" for column in INT_COLUMNS)
    assert all(str(frame[column].dtype) == "boolean" for column in BOOL_COLUMNS)
    rows = _by_id(frame)
    hajaj = rows.loc["e1"]
    assert (hajaj.geometry.x, hajaj.geometry.y) == pytest.approx((43.52, 34.83), abs=1e-6)
    assert (hajaj.longitude, hajaj.latitude) == pytest.approx((43.52, 34.83), abs=1e-6)
    assert (hajaj.actor1, hajaj.assoc_actor_1) == ("Islamic State", "Ansar al-Sunna")
    assert (hajaj.actor2, hajaj.assoc_actor_2) == ("Iraqi army", "civilians")
    assert (hajaj.fatalities, hajaj.injured, hajaj.source_count) == (26, 25, 3)
    assert hajaj.source == "Reuters; Iraq’s war; c.txt"
    assert hajaj.confidence == 0.812 and hajaj.counts_at_least
    assert (hajaj.triggers, hajaj.date_text, hajaj.published) == (
        "bombing; killed", "late on Wednesday", "2017-03-09")
    assert list(rows["geo_precision"].fillna(0)) == [1, 2, 0, 1, 3, 3]
    unplaced = rows.loc["e3"]
    assert unplaced.geometry is None and pd.isna(unplaced.latitude)
    assert (unplaced.location, unplaced.country, unplaced.event_date, unplaced.actor1) == (
        "", "", "", "")
    assert unplaced.notes == MARKUP and unplaced.source_count == 1 and unplaced.source == "Reuters"
    assert pd.isna(unplaced.fatalities) and rows.loc["e4"].fatalities == 0
    assert rows.loc["e2"].date_end == "2017-03-07" and rows.loc["e2"].displaced == 4000


def test_geo_precision_codes_by_kind():
    def code(place):
        return events_to_geodataframe([_event("x", "attack", place)])["geo_precision"][0]

    assert code(_place("Tikrit", 34.6, 43.68, "city")) == 1
    assert code(_place("Hawija District", 35.3, 43.8, "admin2")) == 2
    assert code(_place("Salah ad Din", 34.5, 43.5, "admin1")) == 3
    assert code(_place("Tigris", 34.0, 44.0, "river")) == 3
    assert code(_place("Iraqi", 33.0, 44.0, "demonym")) == 3
    assert code(_place("near Tikrit", 34.7, 43.7, "approximate", uncertainty_km=50.0,
                       anchor="Tikrit")) == 2


def test_acled_columns_are_acleds_own():
    def acled(event_type, subtype, *actors):
        frame = events_to_geodataframe([_event("x", event_type, AL_HAJAJ, subtype=subtype,
                                               actors=list(actors))])
        return tuple(frame[column][0] for column in ("event_type", "sub_event_type", "family"))

    assert acled("attack", "suicide bombing") == (
        "Explosions/Remote violence", "Suicide bomb", "conflict")
    assert acled("attack", "shooting", Actor("Civilians", "victim", "civilians")) == (
        "Violence against civilians", "Attack", "conflict")
    assert acled("capture", "recapture", Actor("Iraqi army", "actor", "state forces")) == (
        "Battles", "Government regains territory", "conflict")
    assert acled("protest", "riot") == ("Riots", "Violent demonstration", "protest")
    assert acled("disaster", "flood") == ("", "", "disaster")


def test_empty_event_list():
    frame = events_to_geodataframe([])
    assert len(frame) == 0 and list(frame.columns) == [*COLUMNS, "geometry"]


# Each format, read back ---------------------------------------------------------------------------

def test_jsonl(tmp_path):
    path = tmp_path / "events.jsonl"
    write_events(EVENTS, "jsonl", path)
    text = path.read_text(encoding="utf-8")
    assert "Tall ‘Afar" in text and "\\u" not in text  # ensure_ascii=False
    assert [json.loads(line) for line in text.splitlines()] == [e.to_dict() for e in EVENTS]


def test_geojson(tmp_path):
    path = tmp_path / "events.geojson"
    write_events(EVENTS, "geojson", path)
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    features = collection["features"]
    assert [feature["properties"] for feature in features] == [e.to_dict() for e in EVENTS]
    for feature, event in zip(features, EVENTS, strict=True):
        assert feature["type"] == "Feature"
        if event.place is None:
            assert feature["geometry"] is None
        else:
            assert feature["geometry"]["type"] == "Point"
            assert feature["geometry"]["coordinates"] == pytest.approx(
                [event.place.lon, event.place.lat], abs=1e-6)
    assert features[0]["geometry"]["coordinates"] == pytest.approx([43.52, 34.83], abs=1e-6)

    frame = gpd.read_file(path)
    assert list(frame["type"]) == [event.type for event in EVENTS]
    assert frame.geometry[0].x == pytest.approx(43.52, abs=1e-6)
    assert frame.geometry[2] is None
    assert frame["sentence"][3] == MARKUP


def test_csv(tmp_path):
    path = tmp_path / "events.csv"
    write_events(EVENTS, "csv", path)
    frame = pd.read_csv(path, keep_default_na=False,
                        na_values={"latitude": [""], "longitude": [""]})
    assert list(frame.columns) == list(COLUMNS)
    rows = _by_id(frame)
    assert rows.loc["e1", "latitude"] == pytest.approx(34.83, abs=1e-6)
    assert rows.loc["e1", "longitude"] == pytest.approx(43.52, abs=1e-6)
    assert (rows.loc["e1", "actor1"], rows.loc["e1", "actor2"]) == ("Islamic State", "Iraqi army")
    assert rows.loc["e1", "fatalities"] == "26" and rows.loc["e3", "fatalities"] == ""
    assert list(rows["geo_precision"]) == ["1", "2", "", "1", "3", "3"]
    assert rows.loc["e3", "notes"] == MARKUP and rows.loc["e4", "location"] == "Tall ‘Afar"
    assert pd.isna(rows.loc["e3", "latitude"]) and rows.loc["e3", "location"] == ""
    assert rows.loc["e3", "negated"] and not rows.loc["e3", "reported"]


def test_gpkg_keeps_events_without_a_place(tmp_path):
    path = tmp_path / "out.gpkg"
    write_events(EVENTS, "gpkg", path)
    assert pyogrio.list_layers(path)[:, 0].tolist() == ["events"]
    frame = gpd.read_file(path, layer="events")
    assert frame.crs.to_epsg() == 4326
    rows = _by_id(frame)
    assert list(rows.index) == [event.id for event in EVENTS]
    assert rows.loc["e3"].geometry is None
    assert (rows.loc["e1"].geometry.x, rows.loc["e1"].geometry.y) == pytest.approx(
        (43.52, 34.83), abs=1e-6)
    assert rows.loc["e1", "fatalities"] == 26 and rows.loc["e1", "geo_precision"] == 1
    assert rows.loc["e1", "actor1"] == "Islamic State" and rows.loc["e1", "actor2"] == "Iraqi army"
    assert rows.loc["e3", "notes"] == MARKUP and rows.loc["e4", "location"] == "Tall ‘Afar"


def test_gpkg_dates_are_dates(tmp_path):
    path = tmp_path / "out.gpkg"
    write_events(EVENTS, "gpkg", path)
    with closing(sqlite3.connect(path)) as store:
        declared = {name: kind for _, name, kind, *_ in store.execute("PRAGMA table_info(events)")}
        stored = store.execute("SELECT event_date, date_end FROM events WHERE event_id = 'e2'")
        assert stored.fetchone() == ("2017-03-01", "2017-03-07")
    assert (declared["event_date"], declared["date_end"]) == ("DATE", "DATE")
    assert (declared["published"], declared["fatalities"], declared["negated"]) == (
        "TEXT", "INTEGER", "BOOLEAN")
    rows = _by_id(gpd.read_file(path, layer="events"))
    assert rows.loc["e5", "event_date"] == pd.Timestamp("2017-03-01")
    assert rows.loc["e5", "date_end"] == pd.Timestamp("2017-03-31")
    assert pd.isna(rows.loc["e3", "event_date"]) and pd.isna(rows.loc["e1", "date_end"])


def test_kml_has_placemarks_for_placed_events(tmp_path):
    path = tmp_path / "out.kml"
    assert write_events(EVENTS, "kml", path) == len(PLACED)
    frame = gpd.read_file(path)
    assert list(frame["event_id"]) == [event.id for event in PLACED]
    rows = _by_id(frame)
    assert (rows.loc["e1"].geometry.x, rows.loc["e1"].geometry.y) == pytest.approx(
        (43.52, 34.83), abs=1e-6)
    assert rows.loc["e1", "Name"] == "attack: Al Hajaj"
    assert rows.loc["e4", "Name"] == "violence against civilians: Tall ‘Afar"
    assert rows.loc["e4", "notes"] == MARKUP
    assert rows.loc["e4", "description"] == html.escape(MARKUP), "shown as text, not run"
    assert rows.loc["e1", "actor1"] == "Islamic State" and rows.loc["e1", "actor2"] == "Iraqi army"
    assert (rows.loc["e1", "fatalities"], rows.loc["e4", "fatalities"]) == (26, 0)
    assert pd.isna(rows.loc["e2", "fatalities"])
    assert list(rows["geo_precision"]) == [1, 2, 1, 3, 3]


def _kml_times(path) -> dict[str, tuple]:
    """Each placemark's time as Google Earth reads it: ("when", day) or ("span", first, last)."""
    ns = {"kml": "http://www.opengis.net/kml/2.2"}
    times = {}
    for mark in ElementTree.parse(path).getroot().iterfind(".//kml:Placemark", ns):
        event_id = mark.find(".//kml:SimpleData[@name='event_id']", ns).text
        when = mark.find("kml:TimeStamp/kml:when", ns)
        span = [mark.find(f"kml:TimeSpan/kml:{edge}", ns) for edge in ("begin", "end")]
        times[event_id] = (("when", when.text) if when is not None
                           else ("span", *(edge.text for edge in span)) if span[0] is not None
                           else ())
    return times


def test_kml_dated_events_have_a_time_for_the_time_slider(tmp_path):
    undated = _event("u1", "attack", AL_HAJAJ, date=EventDate.unknown())
    reported = _event("r1", "attack", IRAQ, date=EventDate("2017-03-09", "reported"))
    path = tmp_path / "out.kml"
    write_events([*EVENTS, undated, reported], "kml", path)
    assert _kml_times(path) == {
        "e1": ("when", "2017-03-08"), "e2": ("span", "2017-03-01", "2017-03-07"),
        "e4": ("when", "2017-03-08"), "e5": ("span", "2017-03-01", "2017-03-31"),
        "e6": ("span", "2017-01-01", "2017-12-31"), "u1": (), "r1": ("when", "2017-03-09")}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_counts_what_it_holds(fmt, tmp_path):
    expected = len(PLACED) if fmt == "kml" else len(EVENTS)
    assert write_events(EVENTS, fmt, tmp_path / f"events.{fmt}") == expected


def test_parquet_round_trips_the_frame(tmp_path):
    path = tmp_path / "events.parquet"
    write_events(EVENTS, "parquet", path)
    frame = gpd.read_parquet(path)
    assert_geodataframe_equal(frame, events_to_geodataframe(EVENTS))
    assert frame.geometry[2] is None and frame["notes"][2] == MARKUP


@pytest.mark.parametrize("fmt", ["jsonl", "geojson", "csv"])
def test_text_formats_go_to_stdout(fmt, tmp_path, capsys):
    write_events(EVENTS, fmt, None)
    printed = capsys.readouterr().out
    write_events(EVENTS, fmt, tmp_path / "copy")
    assert printed == (tmp_path / "copy").read_bytes().decode("utf-8")


@pytest.mark.parametrize("fmt", ["gpkg", "kml", "parquet"])
def test_binary_formats_need_a_file(fmt):
    with pytest.raises(ValueError, match=f"{fmt} output needs -o FILE"):
        write_events(EVENTS, fmt, None)


def test_unknown_format():
    assert "shapefile" not in FORMATS
    with pytest.raises(ValueError, match="unknown format 'shapefile'"):
        write_events(EVENTS, "shapefile", None)


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_events_still_writes_a_file(fmt, tmp_path):
    path = tmp_path / f"empty.{fmt}"
    write_events([], fmt, path)
    assert path.exists()


# The schema -------------------------------------------------------------------------------------

def test_schema_is_valid_and_matches_the_vocabularies():
    schema = json.loads((resources.files("geomap") / "data" / "event.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    properties = schema["properties"]
    assert set(properties) == set(schema["required"]) == set(EVENTS[0].to_dict())
    assert properties["type"]["enum"] == list(taxonomy.EVENT_TYPES)
    assert properties["family"]["enum"] == list(taxonomy.FAMILIES)
    assert properties["date_precision"]["enum"] == list(event_module.DATE_PRECISIONS)
    actor = schema["$defs"]["actor"]["properties"]
    assert actor["role"]["enum"] == list(event_module.ACTOR_ROLES)
    assert actor["kind"]["enum"] == list(actor_module.ACTOR_KINDS)


def test_every_record_validates():
    for event in EVENTS:
        assert validate_event(event.to_dict()) == [], event.id


def _broken(change) -> list[str]:
    record = copy.deepcopy(EVENTS[0].to_dict())
    change(record)
    return validate_event(record)


@pytest.mark.parametrize(("change", "where"), [
    (lambda r: r.update(fatalities="26"), "fatalities"),
    (lambda r: r.pop("sentence"), "event"),
    (lambda r: r.update(date="08/03/2017"), "date"),
    (lambda r: r.update(date_end="2017-3-8"), "date_end"),
    (lambda r: r.update(colour="red"), "event"),
    (lambda r: r.update(type="riot"), "type"),
    (lambda r: r.update(confidence=1.5), "confidence"),
    (lambda r: r["place"].update(lat=91.0), "place"),
    (lambda r: r["place"].pop("geonameid"), "place"),
    (lambda r: r["place"].update(anchor="Mosul"), "place"),
    (lambda r: r["actors"][0].update(role="bystander"), "actors[0].role"),
    (lambda r: r["sources"][0].update(pages=3), "sources[0]"),
    (lambda r: r["sources"][0].pop("sentence"), "sources[0]"),
    (lambda r: r["article"].update(extra=""), "article"),
    (lambda r: r["article"].update(published="March 9, 2017"), "article.published"),
])
def test_broken_records_fail(change, where):
    errors = _broken(change)
    assert errors and errors[0].startswith(f"{where}:"), errors


def test_an_error_message_says_what_is_wrong():
    (message,) = _broken(lambda r: r.pop("sentence"))
    assert message == "event: 'sentence' is a required property"


# Atomic writing ---------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_folders_are_created(fmt, tmp_path):
    path = tmp_path / "new" / "deeper" / f"events.{fmt}"
    write_events(EVENTS, fmt, path)
    assert path.is_file() and [p.name for p in path.parent.iterdir()] == [path.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_parent_that_is_a_file_is_an_output_error(fmt, tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="file/events"):
        write_events(EVENTS, fmt, tmp_path / "file" / "events")
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_target_that_is_a_folder_is_an_output_error(fmt, tmp_path):
    (tmp_path / f"events.{fmt}").mkdir()
    with pytest.raises(OutputError, match=f"events.{fmt}: cannot write"):
        write_events(EVENTS, fmt, tmp_path / f"events.{fmt}")
    assert [p.name for p in tmp_path.iterdir()] == [f"events.{fmt}"]


def test_a_driver_failure_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "events.gpkg"
    write_events(EVENTS, "gpkg", path)
    before = path.read_bytes()

    def failing(frame, temp, **kwargs):
        temp.write_bytes(b"half a file")
        raise pyogrio.errors.DataSourceError("disk on fire")

    monkeypatch.setattr(gpd.GeoDataFrame, "to_file", failing)
    with pytest.raises(OutputError, match="events.gpkg: cannot write \\(disk on fire\\)"):
        write_events(EVENTS[:1], "gpkg", path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["events.gpkg"]


# Spreadsheets -----------------------------------------------------------------------------------

BOGOTA = _place("Bogotá", 4.6097, -74.0817, "city", admin1="Bogota D.C.")
FORMULAS = ArticleRef("=cmd.txt", title="+Breaking", source="@SUM(1+1)", published="2017-03-09")
RISKY = _event("-e9", "attack", BOGOTA, article=FORMULAS, triggers=["\tshot", "killed"],
               sentence="=HYPERLINK(\"http://evil.example\",\"click\")",
               actors=[Actor("-2+3 Brigade", "actor", "armed group"),
                       Actor("\rcarriage", "target", "civilians"),
                       Actor("@everyone", "target", "civilians")])


def test_csv_cells_a_spreadsheet_would_run_are_made_inert(tmp_path):
    path = tmp_path / "events.csv"
    write_events([RISKY, EVENTS[0]], "csv", path)
    with path.open(encoding="utf-8", newline="") as handle:
        risky, plain = csv.DictReader(handle)
    assert (risky["event_id"], risky["notes"], risky["source"], risky["article_file"]) == (
        "'-e9", "'=HYPERLINK(\"http://evil.example\",\"click\")", "'@SUM(1+1)", "'=cmd.txt")
    assert (risky["actor1"], risky["actor2"], risky["assoc_actor_2"], risky["triggers"]) == (
        "'-2+3 Brigade", "'\rcarriage", "'@everyone", "'\tshot; killed")
    assert (risky["longitude"], risky["latitude"]) == ("-74.0817", "4.6097"), "numbers stay numbers"
    assert all(not cell.startswith(FORMULA_STARTS) for cell in [*risky.values(), *plain.values()]
               if not cell.lstrip("-").replace(".", "").isdigit())
    assert plain["actor1"] == "Islamic State" and plain["notes"] == "Something happened."


@pytest.mark.parametrize("fmt", ["jsonl", "geojson", "gpkg", "parquet", "kml"])
def test_other_formats_keep_the_text_as_it_is(fmt, tmp_path):
    path = tmp_path / f"events.{fmt}"
    write_events([RISKY], fmt, path)
    if fmt == "jsonl":
        record = json.loads(path.read_text(encoding="utf-8"))
        assert (record["id"], record["sentence"]) == (RISKY.id, RISKY.sentence)
        return
    frame = gpd.read_parquet(path) if fmt == "parquet" else gpd.read_file(path)
    if fmt == "geojson":
        assert (frame["id"][0], frame["sentence"][0]) == (RISKY.id, RISKY.sentence)
        return
    (row,) = frame.to_dict("records")
    assert (row["event_id"], row["notes"], row["actor1"], row["source"]) == (
        "-e9", RISKY.sentence, "-2+3 Brigade", "@SUM(1+1)")


@pytest.mark.parametrize("name", ["events", "events.xml", "EVENTS.KML", "events.kmz"])
def test_kml_is_one_file_whatever_its_name(tmp_path, name):
    path = tmp_path / name
    write_events(EVENTS, "kml", path)
    assert path.is_file() and [p.name for p in tmp_path.iterdir()] == [name]
    assert list(gpd.read_file(path)["event_id"]) == [event.id for event in PLACED]
