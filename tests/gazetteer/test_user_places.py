"""The user's own places: added from CSV or GeoJSON, outranking everything, bad rows named."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from gazetteer import DataError, Gazetteer


@pytest.fixture
def own_store(gazetteer, tmp_path):
    """A private copy of the real store, so adding places does not touch the shared one."""
    path = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(gazetteer.path, path)
    with Gazetteer.open(path, build_if_needed=False) as opened:
        yield opened


def test_user_csv_place_outranks_the_city(own_store, tmp_path):
    places = tmp_path / "mine.csv"
    places.write_text("name,lat,lon,aliases,kind,country\n"
                      "Mosul,10.5,20.25,Camp Mosul|Base M,base,IQ\n", encoding="utf-8")
    assert own_store.add_user_places(places) == 1
    best = own_store.lookup("Mosul")[0]
    assert (best.source, best.kind, best.lat, best.lon) == ("user", "base", 10.5, 20.25)
    assert own_store.lookup("Base M")[0].source == "user"


def test_readding_a_file_replaces_its_places(own_store, tmp_path):
    places = tmp_path / "mine.csv"
    places.write_text("name,lat,lon\nZyxplace,1,2\n", encoding="utf-8")
    own_store.add_user_places(places)
    places.write_text("name,lat,lon\nZyxplace,3,4\n", encoding="utf-8")
    own_store.add_user_places(places)
    found = own_store.lookup("Zyxplace")
    assert [(c.lat, c.lon) for c in found] == [(3.0, 4.0)]


def test_user_geojson_polygon(own_store, tmp_path):
    collection = {"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"name": "Test Zone", "kind": "region"},
        "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]}}]}
    path = tmp_path / "zones.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    own_store.add_user_places(path)
    best = own_store.lookup("test zone")[0]
    assert best.kind == "region" and best.geometry.geom_type == "Polygon"
    assert 0 < best.lat < 2 and 0 < best.lon < 2


@pytest.mark.parametrize("content, message", [
    ("name,lat,lon\nA,95,10\n", "line 2: lat/lon out of range"),
    ("name,lat,lon\nA,north,10\n", "line 2: lat/lon must be numbers"),
    ("name,lat\nA,1\n", "line 1: missing column(s) lon"),
    ("name,lat,lon\nA,1,2\n,1,2\n", "line 3: empty name"),
    ("name,lat,lon,kind\nA,1,2,castle\n", "line 2: kind 'castle'"),
    ("name,lat,lon,population\nA,1,2,many\n", "line 2: population must be a whole number"),
])
def test_bad_rows_are_named_by_line(own_store, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(message)) as error:
        own_store.add_user_places(path)
    assert str(path) in str(error.value)
    assert own_store.lookup("A", kind="user") == []  # nothing half-added


def test_bad_geojson(own_store, tmp_path):
    path = tmp_path / "bad.geojson"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match="not valid GeoJSON"):
        own_store.add_user_places(path)
